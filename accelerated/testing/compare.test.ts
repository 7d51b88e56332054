import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../node/backends.js';
import { runScenario } from '../scenario.js';
import type { Scenario, ScenarioOutput } from '../scenario.types.js';
import { compareWithReference, referenceAnswer } from './compare.js';
import { gamma, precisionOf, UNIT_ROUNDOFF_32 } from './float32Bounds.js';

/** A 2-3-2-1 sigmoid net, n = 5, two batches (B = 3, 2). */
const SCENARIO: Scenario = {
  params: {
    W: [[[0.3, -0.7, 0.5], [0.9, 0.2, -0.4]], [[0.6, -0.3], [-0.8, 0.25], [0.45, 0.7]], [[1.1], [-0.9]]],
    b: [[0.1, -0.2, 0.3], [0.05, -0.15], [0.2]],
  },
  activation: 'sigmoid',
  data: { X: [[0.5, -1], [1.5, 0.25], [-0.75, 0.8], [0.1, 0.9], [-1.2, -0.4]], y: [0.3, -0.2, 0.9, 0.4, -0.6] },
  batches: [[4, 0, 2], [1, 3]],
  alpha: 0.5,
};

describe('[4/row-major-conversion, 4/multi-layer] compareWithReference locates what is wrong', () => {
  let output: ScenarioOutput;
  beforeAll(async () => {
    await useNodeBackend('cpu');
    output = await runScenario(SCENARIO);
  });

  it('[1.2, 1.5] passes the real output, and referenceAnswer is the reference trajectory', () => {
    const comparison = compareWithReference(SCENARIO, output);
    expect(comparison.problems).toEqual([]);
    expect(comparison.checked).toBe(5 + 1 + 2 * (6 + 3 + 6 + 2 + 2 + 1) + 2);
    const answer = referenceAnswer(SCENARIO);
    expect(answer.losses).toHaveLength(2);
    expect(Math.abs(answer.loss - output.loss)).toBeLessThan(1e-6);
  });

  it('[1.5] names the output, layer and entry of a wrong value, with expected, got and the bound', () => {
    const W = output.gradient.W.map((M) => M.map((row) => [...row]));
    W[1]![0]![1]! += 1e-4;
    const trained = { W: output.trained.W, b: output.trained.b.map((b, k) => (k === 2 ? [b[0]! - 1e-4] : b)) };
    const losses = [output.losses[0]!, output.losses[1]! * 1.001];
    const problems = compareWithReference(SCENARIO, { ...output, gradient: { ...output.gradient, W }, trained, losses }).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^gradient ∇J\(θ\) W\[2\] entry \(1,2\): expected -?[\d.e-]+ \(reference, float64\), got -?[\d.e-]+ \(cpu\), \|error\| 1\.0\d*e-4 > bound [\d.]+e-\d+$/);
    expect(problems[1]).toMatch(/^losses\[1\]: J\(θ\) after iteration 2 \(eq\. 1\.5 on batch 2\): expected/);
    expect(problems[2]).toMatch(/^trained θ b\[3\] entry 1: expected/);
  });

  it('[1.5] reports leaks, missing values and wrong shapes', () => {
    const transposed = output.trained.W.map((M) => M[0]!.map((_, j) => M.map((row) => row[j]!)));
    const problems = compareWithReference(SCENARIO, { ...output, tensorsAfter: output.tensorsBefore + 1, outputs: output.outputs.slice(1), loss: NaN, trained: { ...output.trained, W: transposed } }).problems;
    expect(problems).toEqual([
      `memory: tf.memory().numTensors was ${output.tensorsBefore} before the scenario and ${output.tensorsBefore + 1} after it (a tensor leaked or was freed twice)`,
      'outputs: expected 5 numbers, got 4',
      `loss: J(θ) (eq. 1.2) before training: expected ${referenceAnswer(SCENARIO).loss} (reference, float64), got NaN (cpu)`,
      'trained θ W[1] row 1: expected 3 numbers (W[1] is 2x3, row-major)',
      'trained θ W[1] row 2: expected 3 numbers (W[1] is 2x3, row-major)',
      'trained θ W[2] row 1: expected 2 numbers (W[2] is 3x2, row-major)',
      'trained θ W[2] row 2: expected 2 numbers (W[2] is 3x2, row-major)',
      'trained θ W[2] row 3: expected 2 numbers (W[2] is 3x2, row-major)',
      'trained θ W[3] row 1: expected 1 numbers (W[3] is 2x1, row-major)',
      'trained θ W[3] row 2: expected 1 numbers (W[3] is 2x1, row-major)',
    ]);
  });

  it('[2.12, 1.5] the bounds are far tighter than half precision: an answer accurate to 2^-11 fails', () => {
    const half = (v: number): number => v * (1 + 2 ** -11);
    const scaled = {
      ...output,
      outputs: output.outputs.map(half),
      gradient: { W: output.gradient.W.map((M) => M.map((row) => row.map(half))), b: output.gradient.b.map((b) => b.map(half)) },
    };
    const problems = compareWithReference(SCENARIO, scaled).problems;
    expect(problems.filter((p) => p.startsWith('outputs'))).toHaveLength(5);
    expect(problems.filter((p) => p.startsWith('gradient')).length).toBeGreaterThanOrEqual(15);
  });

  it('[2.14] bounds are per backend: the GPU error model (÷ within 2.5 ulp, exp within 3 + 2|x| ulp) allows more', () => {
    const cpu = compareWithReference(SCENARIO, output, 'cpu');
    const webgl = compareWithReference(SCENARIO, output, 'webgl');
    expect(webgl.problems).toEqual([]);
    expect(webgl.maxBound.outputs!).toBeGreaterThan(cpu.maxBound.outputs!);
    expect(() => compareWithReference(SCENARIO, output, 'tpu')).toThrow("no float32 error model for backend 'tpu'");
  });
});

describe('[4/multi-layer] the float32 error model', () => {
  it('[1.5] γ_N = N·u/(1 − N·u) grows with the length of the sum', () => {
    const p = precisionOf('wasm');
    expect(gamma(p, 0)).toBe(0);
    expect(gamma(p, 256) / gamma(p, 1)).toBeGreaterThan(256);
    // u = 2^-24 + 2^-53: the float64 reference's own rounding is folded in (float32Bounds.ts#precisionOf).
    expect(gamma(p, 1)).toBeGreaterThan(UNIT_ROUNDOFF_32);
    expect(gamma(p, 1)).toBeLessThan(UNIT_ROUNDOFF_32 * (1 + 2 ** -20));
  });
});
