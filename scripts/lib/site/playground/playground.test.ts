/**
 * The playground's pieces in Node on tfjs's cpu backend (the page runs the same code on webgpu,
 * webgl, wasm: scripts/playgroundBrowser.test.ts): the reader's choices checked with the message of
 * their equation or line, the problem the same for the same seed, a default run within the float32
 * bound of the reference at each of its compared iterations with no tensor left behind, a run whose
 * bound leaves the domain judged up to there and saying so, and a diverging run reported.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../../../accelerated/backends.js';
import { agreement, referenceCurve } from './compare.js';
import { checkOptions, PLAYGROUND_DEFAULTS, type PlaygroundOptions, playgroundProblem } from './problem.js';
import { runPlayground } from './run.js';

const D = PLAYGROUND_DEFAULTS;
const short: PlaygroundOptions = { ...D, iterations: 30, compared: 30 };

beforeAll(async () => {
  await useBackend('cpu');
});

describe('the training playground (Node, cpu)', () => {
  it('[alg2.line1, 2.12] refuses bad choices with the message of their line or equation', () => {
    const cases: [Partial<PlaygroundOptions>, string][] = [
      [{ B: 0 }, 'Algorithm 2 line 1: B must be an integer from 1 to n = 64, got 0'],
      [{ B: 2.5 }, 'Algorithm 2 line 1: B must be an integer from 1 to n = 64, got 2.5'],
      [{ alpha: 0 }, 'Algorithm 2 line 1: α must be a finite number > 0, got 0'],
      [{ iterations: 0 }, 'Algorithm 2 line 1: n_iter must be an integer from 1 to 100000, got 0'],
      [{ compared: 301 }, 'Algorithm 2 line 1: the number of iterations compared with the reference must be an integer from 0 to 300, got 301'],
      [{ hidden: [8, 0] }, 'eq. 2.12: m_2 must be an integer from 1 to 256, got 0'],
      [{ activation: 'softplus' as never }, 'eq. 2.12: σ must be one of relu, sigmoid, tanh, identity, got softplus'],
      [{ dataSet: 'mnist' as never }, 'eq. 1.2: the data set must be one of housing, synthetic, got mnist'],
      [{ seed: -1 }, 'Algorithm 2 line 2: the seed must be an integer from 0 to 4294967295, got -1'],
    ];
    for (const [change, message] of cases) expect(() => checkOptions({ ...D, ...change }), message).toThrow(message);
  });

  it('[alg2.line2, alg2.line4] the same seed gives the same data, θ0 and batches; housing is standardized', () => {
    const p = playgroundProblem(D);
    expect(playgroundProblem(D)).toEqual(p);
    expect(playgroundProblem({ ...D, seed: D.seed + 1 }).batches).not.toEqual(p.batches);
    expect(p.sizes).toEqual([4, 8, 8, 1]);
    expect(p.batches).toHaveLength(D.iterations);
    for (const batch of p.batches) expect(new Set(batch).size).toBe(D.B);
    // row-major θ0 is the transpose of the notes' θ0
    expect(p.rows.W[0]![2]![5]).toBe(p.theta0.W[0]![5]![2]);
    const mean = (v: readonly number[]) => v.reduce((s, t) => s + t, 0) / v.length;
    // mean 0 to rounding: n = 64 values of size ~1, so |Σ| ≲ 64·2^-52 per value
    expect(Math.abs(mean(p.data.y))).toBeLessThan(64 * 2 ** -52);
    expect(mean(p.data.y.map((t) => t * t))).toBeCloseTo(1, 12);
  });

  it('[1.5, alg2.line3] a run: every compared J(θ) within the float32 bound of the reference, numTensors flat', async () => {
    const before = tf.memory().numTensors;
    const run = await runPlayground(short);
    expect(run.backend).toBe('cpu');
    expect(run.accelerated).toHaveLength(30);
    expect(run.reference.stopped).toBeUndefined();
    expect(run.agreement).toMatchObject({ iterations: 30 });
    expect(run.agreement.failure).toBeUndefined();
    expect(run.agreement.worstRatio).toBeLessThanOrEqual(1);
    expect(new Set(run.tensors.chunks).size).toBe(1);
    expect([run.tensors.before, run.tensors.after, tf.memory().numTensors]).toEqual([before, before, before]);
    expect(run.examplesPerSecond).toBeGreaterThan(0);
  });

  it('[1.5] a J(θ) off by more than its bound is a failure naming the iteration', async () => {
    const problem = playgroundProblem(short);
    const curve = await referenceCurve(problem, D.activation, D.alpha, 5, 'cpu');
    const values = curve.losses.map((e) => e.value);
    expect(agreement(curve, values).failure).toBeUndefined();
    const off = values.map((v, i) => (i === 3 ? v + 3 * curve.losses[3]!.bound : v));
    expect(agreement(curve, off).failure).toMatch(/^1\.5: train J\(θ\) after iteration 4: expected .*, \|error\| .* > tolerance/);
    expect(agreement({ losses: [] }, []).iterations).toBe(0);
  });

  it('[1.5] where the carried bound leaves the domain, the comparison stops there and says so', async () => {
    const problem = playgroundProblem({ ...D, alpha: 0.1 });
    const curve = await referenceCurve(problem, D.activation, 0.1, 100, 'cpu');
    expect(curve.losses.length).toBeGreaterThan(10);
    expect(curve.losses.length).toBeLessThan(100);
    expect(curve.stopped).toMatch(
      new RegExp(`^compared through iteration ${curve.losses.length}: the error bound of J\\(θ\\) after step ${curve.losses.length + 1} reaches`),
    );
  });

  it("[1.5] a diverging run is the trainer's NonFiniteError, placed in the run, and leaves no tensor", async () => {
    const before = tf.memory().numTensors;
    await expect(runPlayground({ ...short, alpha: 50 })).rejects.toThrow(
      /^eq\. 1\.5: in the chunk of iterations 1 to 10 of 30: J\(θ\) after iteration \d+ of 10 is not finite .*the run diverged; lower α$/,
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
