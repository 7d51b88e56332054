import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceImplementation } from '../adapters/reference.js';
import { alg5Sites } from '../checks/section3/gradient.js';
import { kinkCase, problemArb } from '../core/cases.js';
import { type CheckContext, CheckFailure } from '../core/check.js';
import { ACTIVATIONS, type Implementation, type NetParams } from '../core/interface.js';
import { bumped, faultyImplementation, reluPrimeAtZero } from '../testing/faulty.js';
import { checkGradientByFiniteDifferences, coordinates, type FdProblem, judge, judgeable, randomDirections, type Samples } from './finiteDifferences.js';
import { toleranceProfile } from './tolerances.js';

/** A context like the runner's, calling the implementation directly. */
function contextOf(impl: Implementation, seed = 229): CheckContext {
  return {
    impl,
    tolerance: toleranceProfile(impl),
    strict: false,
    seed,
    runs: 10,
    call: async (operation, request) => (impl.operations[operation] as (r: unknown) => unknown)(request) as never,
  };
}

/** Samples of f at t = −1, −½, 0, ½, 1, each within ±E (noise: a value in [−1, 1] per point). */
function samplesOf(f: (t: number) => number, E: number, noise: readonly number[] = [0, 0, 0, 0, 0]): Samples {
  const ts = [-1, -0.5, 0, 0.5, 1];
  return { f: ts.map((t, i) => f(t) + E * noise[i]!) as unknown as Samples['f'], E: ts.map(() => E) as unknown as Samples['E'] };
}

const relu = (t: number) => Math.max(t, 0);

describe('judge (one direction, the criteria of finiteDifferences.ts)', () => {
  it('[3.3] a smooth cubic passes with its derivative and fails 2 tolerances away', () => {
    // A cubic: the fourth difference K is 0 (in real use f'''' enters K as h⁴, far below rounding).
    const f = (t: number) => 0.3 + 1.7 * t - 0.4 * t * t + 0.05 * t ** 3;
    const ok = judge(samplesOf(f, 1e-12), 1.7, 0);
    expect(ok.verdict).toBe('smooth');
    expect(ok.kink).toBe(false);
    // C_½ − f'(0) = ¼·0.3/6 = 0.0125 is the truncation the tolerance must cover.
    expect(ok.tolerance).toBeGreaterThan(Math.abs(ok.estimate - 1.7));
    expect(judge(samplesOf(f, 1e-12), 1.7 + 2 * ok.tolerance, 0).verdict).toBe('fail');
  });

  it('[3.3] noise within the rounding bounds never fails the true derivative', () => {
    const f = (t: number) => Math.sin(0.8 * t + 0.2);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }), (noise) => {
        expect(judge(samplesOf(f, 1e-9, noise), 0.8 * Math.cos(0.2), 0).verdict).not.toBe('fail');
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it("[3.4/relu-prime, 3.3] at a kink exactly at θ, any value between the one-sided slopes passes (ReLU'(0) ∈ [0, 1]); outside fails", () => {
    const f = (t: number) => 0.5 * t + 2 * relu(t);
    for (const c of [0, 0.5, 1]) {
      const j = judge(samplesOf(f, 1e-13), 0.5 + 2 * c, 0);
      expect(j.kink).toBe(true);
      expect(j.verdict, `c = ${c}`).toBe(c === 0.5 ? 'smooth' : 'kink');
    }
    for (const c of [-0.25, 1.25]) expect(judge(samplesOf(f, 1e-13), 0.5 + 2 * c, 0).verdict, `c = ${c}`).toBe('fail');
  });

  it("[3.3] a kink crossed off θ: the derivative at θ passes; the other side's slope does not", () => {
    for (const tStar of [0.2, -0.2, 0.75, -0.6]) {
      const f = (t: number) => 0.25 - 0.5 * t + 3 * relu(tStar > 0 ? t - tStar : tStar - t);
      expect(judge(samplesOf(f, 1e-13), -0.5, 0).verdict, `t* = ${tStar}`).not.toBe('fail');
      expect(judge(samplesOf(f, 1e-13), tStar > 0 ? 2.5 : -3.5, 0).verdict, `t* = ${tStar}`).toBe('fail');
    }
  });
});

describe('checkGradientByFiniteDifferences', () => {
  const problem: FdProblem = {
    params: {
      W: [
        [
          [0.6, -0.8],
          [0.3, 0.9],
          [-0.7, 0.2],
        ],
        [[0.5, -1.1, 0.4]],
      ],
      b: [[0.1, -0.2, 0.3], [0.05]],
    },
    activation: 'tanh',
    x: [0.7, -0.4],
    y: 0.2,
  };

  it('[alg5.line2, alg5.line4, alg5.line5] passes the reference, float64 and float32 plain implementations, fast and full', async () => {
    for (const impl of [referenceImplementation(), faultyImplementation('plain64'), faultyImplementation('plain32', {}, 'float32')]) {
      for (const mode of ['fast', 'full'] as const) {
        const s = await checkGradientByFiniteDifferences(contextOf(impl), problem, alg5Sites(2), mode);
        expect(s.directions, `${impl.name} ${mode}`).toBe(mode === 'fast' ? 3 : 13);
        expect(s.fellBack).toBe(0);
      }
    }
  });

  it('[alg5.line5, 3.13] a wrong ∂J/∂W[1] entry (2,1) sends fast mode to full mode, which names it', async () => {
    // The float32 loss bound here is 7.7e-7 (J = 0.105, tanh within 8u): E/h = 1.6e-4 per unit of ∂J/∂θ, so the bump is 2e-2 there.
    for (const [dtype, bump] of [
      ['float64', 1e-6],
      ['float32', 2e-2],
    ] as const) {
      const bad = faultyImplementation('bumped', { tamper: (g) => bumped(g, 'W', 1, [2, 1], bump) }, dtype);
      const error = await checkGradientByFiniteDifferences(contextOf(bad), problem, alg5Sites(2)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CheckFailure);
      const m = (error as CheckFailure).mismatch!;
      expect(m).toMatchObject({ specId: 'alg5.line5', operation: 'gradient', quantity: '∂J/∂W[1]', layer: 1, element: [2, 1] });
      expect(Math.abs(Number(m.got) - Number(m.expected))).toBeGreaterThan(m.tolerance!);
      expect((error as CheckFailure).message).toContain("implementation's own loss");
    }
  });

  it('[alg5.line4] float32: every θ sent to loss is exactly representable in float32 (the step is exact)', async () => {
    const plain = faultyImplementation('plain32', {}, 'float32');
    const seen: NetParams[] = [];
    const recording: Implementation = {
      ...plain,
      operations: {
        ...plain.operations,
        loss: (r) => {
          seen.push(r.params);
          return plain.operations.loss!(r);
        },
      },
    };
    await checkGradientByFiniteDifferences(
      contextOf(recording),
      { ...problem, params: { ...problem.params, b: [[0.1, -0.2, 1e-9], [0.05]] } },
      alg5Sites(2),
      'full',
    );
    const entries = seen.flatMap((p) => [...p.W.flat(2), ...p.b.flat()]);
    expect(entries.length).toBeGreaterThan(13 * 4 * 13);
    expect(entries.filter((v) => Math.fround(v) !== v)).toEqual([]);
  });

  it("[3.4/relu-prime] judgeable: two units exactly on a kink are not, one is; ReLU'(0) = 0 and 1 both pass at one kink", async () => {
    const profile = toleranceProfile({ dtype: 'float64' });
    const two = { ...kinkCase(), activation: 'relu' as const };
    expect(judgeable(profile, two)).toBe(false);
    expect((await checkGradientByFiniteDifferences(contextOf(referenceImplementation()), two, alg5Sites(2))).skipped).toBe(true);
    const one: FdProblem = { ...two, params: { W: two.params.W, b: [[0, -0.5], [0.5]] } };
    expect(judgeable(profile, one)).toBe(true);
    for (const c of [0, 1]) {
      const impl = faultyImplementation(`relu'(0) = ${c}`, { sigmaPrime: reluPrimeAtZero(c) });
      await checkGradientByFiniteDifferences(contextOf(impl), one, alg5Sites(2), 'full');
    }
  });

  it('[3.3, 3.4/relu-prime] a kink crossed by the step (z = 1e-6, h = 6e-6) is judged between the one-sided differences', async () => {
    const near: FdProblem = { ...kinkCase(), activation: 'relu', params: { W: kinkCase().params.W, b: [[1e-6, -0.5], [0.5]] } };
    const s = await checkGradientByFiniteDifferences(contextOf(referenceImplementation()), near, alg5Sites(2), 'full');
    expect(s.kinks).toBeGreaterThan(0);
    // Its gradient uses the side z > 0; the other side's (ReLU' = 0 at z = 1e-6) is not between them.
    const wrong = faultyImplementation('relu off', { sigmaPrime: (_, z) => (z > 0.5e-6 && z < 2e-6 ? 0 : z >= 0 ? 1 : 0) });
    await expect(checkGradientByFiniteDifferences(contextOf(wrong), near, alg5Sites(2), 'full')).rejects.toThrow(/alg5\.line4: gradient ∂J\/∂b\[1\] entry 1/);
  });

  it("[alg5.line4, 3.15] dropping ReLU' from δ fails on a network with an inactive unit, naming ∂J/∂b[1]", async () => {
    const bad = faultyImplementation("no ReLU'", { sigmaPrime: () => 1 });
    const relu1: FdProblem = { ...problem, activation: 'relu' };
    const error = (await checkGradientByFiniteDifferences(contextOf(bad), relu1, alg5Sites(2)).catch((e: unknown) => e)) as CheckFailure;
    expect(error.mismatch).toMatchObject({ specId: 'alg5.line4', layer: 1, quantity: '∂J/∂b[1]' });
  });

  it('[3.3] retries at a smaller step when kinks on both sides defeat the one-sided test', async () => {
    // J(θ) = 3·ReLU(b − 0.2h) − 2·ReLU(−b − 0.3h) + ½b² around b = 0 (b = b^{[1]}_1): kinks at t = 0.2 and t = −0.3,
    // both one-sided differences positive (1.8 and 0.8 per unit h), the derivative 0 outside them.
    const h = toleranceProfile({ dtype: 'float64' }).fdStep;
    const J = (p: NetParams) => {
      const b = p.b[0]![0]!;
      return 3 * relu(b - 0.2 * h) - 2 * relu(-b - 0.3 * h) + 0.5 * b * b;
    };
    const base = faultyImplementation('kinks');
    const impl = (slope: number): Implementation => ({
      ...base,
      operations: {
        ...base.operations,
        loss: ({ params }) => ({ perExample: [J(params)], mean: J(params) }),
        gradient: ({ params }) => ({
          W: params.W.map((M) => M.map((row) => row.map(() => 0))),
          b: params.b.map((v, k) => v.map((_, i) => (k === 0 && i === 0 ? slope + params.b[0]![0]! : 0))),
        }),
      },
    });
    const p: FdProblem = { params: { W: [[[0.5]], [[0.25]]], b: [[0], [0]] }, activation: 'tanh', x: [1], y: 0 };
    const s = await checkGradientByFiniteDifferences(contextOf(impl(0)), p, alg5Sites(2), 'full');
    expect(s.retried).toBe(1);
    await expect(checkGradientByFiniteDifferences(contextOf(impl(0.05)), p, alg5Sites(2), 'full')).rejects.toThrow(/∂J\/∂b\[1\] entry 1/);
  });
});

describe('helpers', () => {
  it('[alg5.line5] coordinates list θ as compare.ts reports it: layer r down to 1, b before W', () => {
    const c = coordinates({ W: [[[1, 2]], [[3]]], b: [[4], [5]] });
    expect(c).toEqual([
      { which: 'b', k: 2, element: [1] },
      { which: 'W', k: 2, element: [1, 1] },
      { which: 'b', k: 1, element: [1] },
      { which: 'W', k: 1, element: [1, 1] },
      { which: 'W', k: 1, element: [1, 2] },
    ]);
  });

  it('[alg5.line5] random directions are unit vectors, reproducible from (seed, P)', () => {
    const a = randomDirections(7, 5);
    expect(a).toEqual(randomDirections(7, 5));
    expect(a).not.toEqual(randomDirections(8, 5));
    for (const v of a) expect(Math.hypot(...v)).toBeCloseTo(1, 12);
  });

  it('[3.3] no false failure on 60 random float32 problems (fast mode)', async () => {
    const impl = faultyImplementation('plain32', {}, 'float32');
    const cases = fc.sample(problemArb(ACTIVATIONS, { maxLayers: 3, maxWidth: 3, maxExamples: 1 }), { seed: 3, numRuns: 60 });
    for (const c of cases) {
      const fd = { params: c.params, activation: c.activation, x: c.data.X[0]!, y: c.data.y[0]! };
      await checkGradientByFiniteDifferences(contextOf(impl), fd, alg5Sites(c.params.W.length));
    }
  });
});
