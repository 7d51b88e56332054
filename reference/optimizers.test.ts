import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationName } from './activations.js';
import { backprop } from './backprop.js';
import { columnVector, matrixFromRows, toRows } from './matrix.js';
import { initializeParams, type Params } from './network.js';
import { math, type Scalar, toBig, withPrecision } from './numeric.js';
import { datasetCost, type Example, gd, gdStep, meanGradient, minibatchSgd, minibatchStep, sgd, sgdStep, trainOnBatches } from './optimizers.js';
import { createRng, sampleIndex, sampleWithoutReplacement } from './sampler.js';
import { genericEntry as generic, networkCaseArb } from './testing/arbitraries.js';
import { gamma } from './testing/tolerance.js';

const ALL = Object.keys(ACTIVATIONS) as ActivationName[];

/** θ as nested rows, for exact (bit-for-bit, +0 ≠ −0) comparison with toEqual. */
const rowsOf = (theta: Params): { W: Scalar[][][]; b: Scalar[][][] } => ({ W: theta.W.map(toRows), b: theta.b.map(toRows) });

/** The 1-1 network h = w·x + b (r = 1, sizes [1, 1]) with w = 1, b = 0, and two examples. */
const oneOne: Params = { W: [matrixFromRows([[1]])], b: [columnVector([0])] };
const twoExamples: Example[] = [
  { x: columnVector([1]), y: 2 },
  { x: columnVector([2]), y: 1 },
];

/** A small network, a dataset of minN..maxN examples for it, and an activation. */
function problemArb(minN = 1, maxN = 6) {
  return networkCaseArb({ maxLayers: 3, maxWidth: 3, generic: true }).chain((c) =>
    fc.record({
      theta: fc.constant(c.theta),
      activation: fc.constantFrom(...ALL),
      data: fc.array(fc.record({ x: fc.array(generic, { minLength: c.sizes[0]!, maxLength: c.sizes[0]! }).map(columnVector), y: generic }), {
        minLength: minN,
        maxLength: maxN,
      }),
    }),
  );
}

describe('[1.3, 1.2] gradient descent θ := θ − α∇J(θ)', () => {
  it('computes one step on a 1-1 network by hand', () => {
    // h = w·x + b, w = 1, b = 0, α = 1/4. Example 1 (x=1, y=2): h = 1, h − y = −1, ∇w = −1·1 = −1, ∇b = −1.
    // Example 2 (x=2, y=1): h = 2, h − y = 1, ∇w = 1·2 = 2, ∇b = 1. Mean (eq. 1.2): ∇w = ½, ∇b = 0.
    // w := 1 − ¼·½ = 0.875, b := 0 − ¼·0 = 0. J before = ½(½·1 + ½·1) = 0.5;
    // after: h = 0.875, 1.75: J = ½(½·1.125² + ½·0.75²) = ½(0.6328125 + 0.28125) = 0.45703125.
    const grad = meanGradient(oneOne, twoExamples, [0, 1]);
    expect(rowsOf(grad)).toEqual({ W: [[[0.5]]], b: [[[0]]] });
    const next = gdStep(oneOne, grad, 0.25);
    expect(rowsOf(next)).toEqual({ W: [[[0.875]]], b: [[[0]]] });
    expect(datasetCost(oneOne, twoExamples)).toBe(0.5);
    expect(datasetCost(next, twoExamples)).toBe(0.45703125);
    const run = gd(oneOne, twoExamples, { alpha: 0.25, nIter: 1 });
    expect(rowsOf(run.theta)).toEqual(rowsOf(next));
    expect(run.indices).toEqual([[0, 1]]);
    expect(run.losses).toEqual([0.45703125]);
  });

  it('computes the same step exactly in BigNumber', () => {
    withPrecision(64, () => {
      const run = gd(toBig(oneOne), toBig(twoExamples), { alpha: math.bignumber(0.25), nIter: 1 });
      expect(run.theta.W[0]!.get([0, 0]).toString()).toBe('0.875');
      expect(run.theta.b[0]!.get([0, 0]).toString()).toBe('0');
      expect(run.losses.map(String)).toEqual(['0.45703125']);
    });
  });

  it('records J(θ) of eq. 1.2 after each iteration, and a run is its steps in sequence', () => {
    fc.assert(
      fc.property(problemArb(), fc.integer({ min: 1, max: 4 }), ({ theta, data, activation }, nIter) => {
        const run = gd(theta, data, { alpha: 0.1, nIter, activation });
        let t = theta;
        const all = data.map((_, i) => i);
        for (let i = 0; i < nIter; i++) {
          t = gdStep(t, meanGradient(t, data, all, activation), 0.1);
          expect(run.indices[i]).toEqual(all);
          expect(run.losses[i]).toBe(datasetCost(t, data, activation));
        }
        expect(rowsOf(run.theta)).toEqual(rowsOf(t));
      }),
      { numRuns: 25 },
    );
  });
});

describe('[1.4, alg1.line1, alg1.line3, alg1.line4] SGD (Algorithm 1)', () => {
  it('computes one step θ := θ − α∇J^(j)(θ) by hand', () => {
    // j = index 1 (x = 2, y = 1): ∇w = 2, ∇b = 1 (see the GD example); α = ¼:
    // w := 1 − ¼·2 = 0.5, b := 0 − ¼·1 = −0.25.
    const g = backprop(oneOne, twoExamples[1]!.x, twoExamples[1]!.y).gradient;
    expect(rowsOf(sgdStep(oneOne, g, 0.25))).toEqual({ W: [[[0.5]]], b: [[[-0.25]]] });
  });

  it('is, iteration by iteration, one sampleIndex from one seeded Rng and one eq. 1.4 step', () => {
    fc.assert(
      fc.property(problemArb(), fc.integer({ min: 1, max: 6 }), fc.integer(), ({ theta, data, activation }, nIter, seed) => {
        const run = sgd(theta, data, { alpha: 0.05, nIter, seed, activation });
        const rng = createRng(seed);
        let t = theta;
        for (let i = 0; i < nIter; i++) {
          const j = sampleIndex(rng, data.length);
          t = sgdStep(t, backprop(t, data[j]!.x, data[j]!.y, activation).gradient, 0.05);
          expect(run.indices[i]).toEqual([j]);
          expect(run.losses[i]).toBe(datasetCost(t, data, activation));
        }
        expect(rowsOf(run.theta)).toEqual(rowsOf(t));
      }),
      { numRuns: 25 },
    );
  });

  it('is deterministic: the same seed gives identical indices and a bit-identical θ', () => {
    const data = Array.from({ length: 10 }, (_, i) => ({ x: columnVector([i / 10, 1 - i / 10]), y: Math.sin(i) }));
    const theta0 = initializeParams([2, 3, 1], createRng(1));
    const a = sgd(theta0, data, { alpha: 0.1, nIter: 20, seed: 99, activation: 'tanh' });
    const b = sgd(theta0, data, { alpha: 0.1, nIter: 20, seed: 99, activation: 'tanh' });
    const c = sgd(theta0, data, { alpha: 0.1, nIter: 20, seed: 100, activation: 'tanh' });
    expect(b.indices).toEqual(a.indices);
    expect(rowsOf(b.theta)).toEqual(rowsOf(a.theta));
    expect(b.losses).toEqual(a.losses);
    expect(c.indices).not.toEqual(a.indices); // a different seed draws a different sequence
  });
});

describe('[alg1.line4] j uniform on {1..n}', () => {
  // Pearson's χ² on N draws into n cells (expected N/n each) has n − 1 degrees of freedom. The
  // thresholds are the 0.999 quantiles of χ²_9 (27.877) and χ²_6 (22.458); the seeds are fixed,
  // so the test is deterministic. A biased sampler (e.g. u mod n without rejection for n = 7 is
  // biased by only 2^-32, undetectable; but an off-by-one or a stuck cell gives χ² in the thousands).
  for (const [n, seed, threshold] of [
    [10, 2024, 27.877],
    [7, 7, 22.458],
  ] as const) {
    it(`passes a χ² test at the 0.999 level for n = ${n}`, () => {
      const N = 20_000;
      const counts = new Array<number>(n).fill(0);
      const rng = createRng(seed);
      for (let i = 0; i < N; i++) counts[sampleIndex(rng, n)]! += 1;
      const chi2 = counts.reduce((s, c) => s + (c - N / n) ** 2 / (N / n), 0);
      expect(chi2).toBeLessThan(threshold);
    });
  }
});

describe('[alg2.line4] B examples sampled without replacement', () => {
  it('returns B distinct indices in 0..n−1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }), fc.integer())),
        ([n, B, seed]) => {
          const batch = sampleWithoutReplacement(createRng(seed), n, B);
          expect(batch).toHaveLength(B);
          expect(new Set(batch).size).toBe(B);
          for (const j of batch) expect(Number.isInteger(j) && j >= 0 && j < n).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('[1.5, alg2.line1, alg2.line3, alg2.line4] mini-batch SGD (Algorithm 2)', () => {
  it('computes one step θ − (α/B)Σ∇J^(j_k) by hand', () => {
    // Batch (0, 1), B = 2, α = ¼: Σ∇w = −1 + 2 = 1, Σ∇b = −1 + 1 = 0;
    // w := 1 − (¼/2)·1 = 0.875, b := 0 − ⅛·0 = 0 (the GD step: the batch is the whole dataset).
    const grads = [0, 1].map((j) => backprop(oneOne, twoExamples[j]!.x, twoExamples[j]!.y).gradient);
    expect(rowsOf(minibatchStep(oneOne, grads, 0.25))).toEqual({ W: [[[0.875]]], b: [[[0]]] });
  });

  it('is literally the sum times α/B (not α times the mean), to the last bit', () => {
    // With α = 0.1 and B = 3, fl(fl(0.1/3)·s) and fl(0.1·fl(s/3)) differ in the last bit for many s;
    // the expected value is computed here with JS operators in the order of eq. 1.5.
    fc.assert(
      fc.property(fc.array(generic, { minLength: 3, maxLength: 3 }), generic, (gs, t) => {
        const grads = gs.map((g) => ({ W: [matrixFromRows([[g]])], b: [] }));
        const step = minibatchStep({ W: [matrixFromRows([[t]])], b: [] }, grads, 0.1);
        expect(step.W[0]!.get([0, 0])).toBe(t - (0.1 / 3) * (gs[0]! + gs[1]! + gs[2]!));
      }),
      { numRuns: 100 },
    );
  });

  it('is, iteration by iteration, one sampleWithoutReplacement(n, B) and one eq. 1.5 step', () => {
    fc.assert(
      fc.property(
        problemArb(),
        fc.integer({ min: 1, max: 4 }),
        fc.integer(),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        ({ theta, data, activation }, nIter, seed, fraction) => {
          const B = 1 + Math.floor(fraction * data.length);
          const run = minibatchSgd(theta, data, { alpha: 0.05, nIter, seed, B, activation });
          const rng = createRng(seed);
          let t = theta;
          for (let i = 0; i < nIter; i++) {
            const batch = sampleWithoutReplacement(rng, data.length, B);
            t = minibatchStep(
              t,
              batch.map((j) => backprop(t, data[j]!.x, data[j]!.y, activation).gradient),
              0.05,
            );
            expect(run.indices[i]).toEqual(batch);
            expect(run.losses[i]).toBe(datasetCost(t, data, activation));
          }
          expect(rowsOf(run.theta)).toEqual(rowsOf(t));
          expect(rowsOf(trainOnBatches(theta, data, run.indices, 0.05, activation).theta)).toEqual(rowsOf(t));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('is deterministic: the same seed gives identical indices and a bit-identical θ', () => {
    const data = Array.from({ length: 12 }, (_, i) => ({ x: columnVector([Math.cos(i), i / 12]), y: i % 3 }));
    const theta0 = initializeParams([2, 4, 1], createRng(5));
    const a = minibatchSgd(theta0, data, { alpha: 0.1, nIter: 10, seed: 3, B: 4 });
    const b = minibatchSgd(theta0, data, { alpha: 0.1, nIter: 10, seed: 3, B: 4 });
    expect(b.indices).toEqual(a.indices);
    expect(rowsOf(b.theta)).toEqual(rowsOf(a.theta));
    expect(minibatchSgd(theta0, data, { alpha: 0.1, nIter: 10, seed: 4, B: 4 }).indices).not.toEqual(a.indices);
  });
});

describe('[1.4, 1.5, alg1.line4, alg2.line4] SGD is mini-batch SGD with B = 1', () => {
  it('draws the same indices from the same seed and gives a bit-identical θ (α/1 = α, a sum of one term is the term)', () => {
    fc.assert(
      fc.property(problemArb(), fc.integer({ min: 1, max: 6 }), fc.integer(), ({ theta, data, activation }, nIter, seed) => {
        const s = sgd(theta, data, { alpha: 0.05, nIter, seed, activation });
        const m = minibatchSgd(theta, data, { alpha: 0.05, nIter, seed, B: 1, activation });
        expect(m.indices).toEqual(s.indices);
        expect(rowsOf(m.theta)).toEqual(rowsOf(s.theta));
        expect(m.losses).toEqual(s.losses);
        const replay = trainOnBatches(theta, data, s.indices, 0.05, activation);
        expect(rowsOf(replay.theta)).toEqual(rowsOf(s.theta));
        expect(replay.losses).toEqual(s.losses);
      }),
      { numRuns: 25 },
    );
  });
});

describe('[1.3, 1.5] GD is mini-batch on all n indices, in any order', () => {
  it('agrees to float64 rounding, entry by entry', () => {
    // Both steps use the same per-example gradients g_1..g_n (Algorithm 5 on the same θ), so they
    // differ only by rounding. With T = Σ_k |g_k| (entry-wise), u = 2^-53 and γ_m = mu/(1 − mu):
    //   GD:  S₁ = Σ g_k in order 0..n−1 (|S₁ − S| <= γ_{n−1}T), v₁ = fl(α·fl(S₁/n)),
    //   MB:  S₂ = Σ g_k permuted        (|S₂ − S| <= γ_{n−1}T), v₂ = fl(fl(α/n)·S₂);
    // two more roundings each give |v_i − αS/n| <= γ_{n+1}·αT/n, so |v₁ − v₂| <= 2γ_{n+1}·αT/n;
    // θ_i = fl(θ − v_i) adds u|θ − v_i| <= γ_1|θ_i|. Tolerance: 2γ_{n+1}·αT/n + γ_1(|θ₁| + |θ₂|).
    fc.assert(
      fc.property(problemArb(1, 8), fc.integer(), ({ theta, data, activation }, seed) => {
        const n = data.length;
        const alpha = 0.3;
        const order = sampleWithoutReplacement(createRng(seed), n, n);
        const grads = data.map((e) => backprop(theta, e.x, e.y, activation).gradient);
        const viaGd = gdStep(
          theta,
          meanGradient(
            theta,
            data,
            data.map((_, i) => i),
            activation,
          ),
          alpha,
        );
        const viaMb = trainOnBatches(theta, data, [order], alpha, activation).theta;
        for (const which of ['W', 'b'] as const) {
          viaGd[which].forEach((M, k) => {
            const T = grads.map((g) => math.abs(g[which][k]!)).reduce((s, a) => math.add(s, a));
            toRows(M).forEach((row, i) =>
              row.forEach((v1, j) => {
                const v2 = viaMb[which][k]!.get([i, j]) as number;
                const tol = (2 * gamma(n + 1) * alpha * (T.get([i, j]) as number)) / n + gamma(1) * (Math.abs(v1 as number) + Math.abs(v2));
                expect(Math.abs((v1 as number) - v2)).toBeLessThanOrEqual(tol);
              }),
            );
          });
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('[1/dataset-gradient] ∇J(θ) = (1/n) Σ ∇J^(i)(θ)', () => {
  it('computes by hand for two examples on a 1-1 network', () => {
    // θ: W = 1, b = 0. Example 1: x = 1, y = 0: o = 1, ∂J/∂W = (o − y)x = 1, ∂J/∂b = 1.
    // Example 2: x = 2, y = 1: o = 2, ∂J/∂W = (2 − 1)·2 = 2, ∂J/∂b = 1. Mean: ∂J/∂W = 1.5, ∂J/∂b = 1.
    const theta = { W: [matrixFromRows([[1]])], b: [columnVector([0])] };
    const data = [
      { x: columnVector([1]), y: 0 },
      { x: columnVector([2]), y: 1 },
    ];
    const g = meanGradient(theta, data, [0, 1]);
    expect(toRows(g.W[0]!)).toEqual([[1.5]]);
    expect(toRows(g.b[0]!)).toEqual([[1]]);
  });
});
