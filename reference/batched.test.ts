import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationName } from './activations.js';
import { backpropBatch, broadcastBias, firstLayerBatch, firstLayerPerExample, forwardBatch, stackColumns } from './batched.js';
import { columnVector, matrixFromRows, toRows } from './matrix.js';
import { forward, type Params } from './network.js';
import { type Matrix, math, type Scalar, toBig, withPrecision } from './numeric.js';
import { datasetCost, type Example, meanGradient } from './optimizers.js';
import { createRng, sampleWithoutReplacement } from './sampler.js';
import { genericEntry as generic, matrixOf, sizesArb } from './testing/plainArbitraries.js';
import { gamma, magnitudeBound, operationDepth } from './testing/tolerance.js';

const ALL = Object.keys(ACTIVATIONS) as ActivationName[];

/** Entries with 1/16 <= |v| <= 1 (genericEntry): products stay far from underflow, so scaling by 1/2^k is exact. */
const matrixArb = (rows: number, cols: number): fc.Arbitrary<Matrix> => matrixOf(generic, rows, cols).map(matrixFromRows);

interface BatchCase {
  readonly sizes: number[];
  readonly theta: Params;
  readonly data: Example[];
  /** B distinct 0-based indices into data, in sampling order. */
  readonly batch: number[];
  readonly activation: ActivationName;
}

/**
 * A network with d and every width m_k in 1..4, a dataset of n examples and a batch of B of them.
 * With B >= 5 no m_k (nor d) equals B, so a bias broadcast along the wrong axis cannot hide.
 */
function batchCaseArb(B: fc.Arbitrary<number>, extra: { min: number; max: number }): fc.Arbitrary<BatchCase> {
  const sizes = sizesArb({ maxLayers: 3 });
  return fc.tuple(sizes, B, fc.integer({ min: extra.min, max: extra.max })).chain(([sz, b, more]) =>
    fc.record({
      sizes: fc.constant(sz),
      theta: fc
        .tuple(...sz.slice(1).map((m, k) => fc.tuple(matrixArb(m, sz[k]!), matrixArb(m, 1))))
        .map((layers) => ({ W: layers.map(([W]) => W), b: layers.map(([, bk]) => bk) })),
      data: fc.array(fc.record({ x: matrixArb(sz[0]!, 1), y: generic }), { minLength: b + more, maxLength: b + more }),
      batch: fc.integer().map((seed) => sampleWithoutReplacement(createRng(seed), b + more, b)),
      activation: fc.constantFrom(...ALL),
    }),
  );
}

const columnsOf = (c: BatchCase): { X: Matrix; Y: Matrix } => ({
  X: stackColumns(c.batch.map((j) => c.data[j]!.x)),
  Y: matrixFromRows([c.batch.map((j) => c.data[j]!.y)]),
});
const rowsOf = (theta: Params): { W: Scalar[][][]; b: Scalar[][][] } => ({ W: theta.W.map(toRows), b: theta.b.map(toRows) });

describe('[4.1] X = [x^(1) ... x^(n)] ∈ R^{d×n}', () => {
  it('stacks the examples as columns, by hand', () => {
    const X = stackColumns([columnVector([1, 2]), columnVector([3, 4]), columnVector([5, 6])]);
    expect(toRows(X)).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
  });
  it('keeps BigNumbers', () => {
    const X = stackColumns([toBig(columnVector([0.5])), toBig(columnVector([2]))]);
    expect(toRows(X).flat().map(String)).toEqual(['0.5', '2']);
  });
  it('refuses no examples, mismatched or non-finite columns', () => {
    expect(() => stackColumns([])).toThrow('eq. 4.1: X needs at least one example (n >= 1), got none');
    expect(() => stackColumns([columnVector([1, 2]), columnVector([1, 2, 3])])).toThrow('eq. 4.1: x^{(2)} must be 2x1 (d x 1, the size of x^{(1)}), got 3x1');
    expect(() => stackColumns([columnVector([1, Number.NaN])])).toThrow('eq. 4.1: x^{(1)} must be finite, but entry (2,1) is NaN');
  });
});

describe('[4.3] b̃ = [b ... b] ∈ R^{m×n}', () => {
  it('repeats b as each of n columns, by hand (m = 2, n = 3)', () => {
    expect(toRows(broadcastBias(columnVector([1, 2]), 3))).toEqual([
      [1, 1, 1],
      [2, 2, 2],
    ]);
  });
  it('refuses a bias that is not a column and n < 1', () => {
    expect(() => broadcastBias(matrixFromRows([[1, 2]]), 3)).toThrow('eq. 4.3: b must be a column vector m x 1, got 1x2');
    expect(() => broadcastBias(columnVector([1]), 0)).toThrow('eq. 4.3: the number of columns n must be a positive integer, got 0');
  });
});

describe('[4/per-example-z, 4.2, 4/broadcast-sum] Z^[1] = W^[1]X + b̃^[1]', () => {
  // The notes' shapes: m = 4 hidden units, n = 3 examples, d = 2 (m ≠ n, so the bias can only be
  // broadcast along the columns). W = [[1,0],[0,2],[1,1],[−1,1]], b = (1,2,3,4):
  // W x^(1) = W(1,2) = (1, 4, 3, 1), + b = (2, 6, 6, 5); W(3,4) = (3, 8, 7, 1), + b = (4, 10, 10, 5);
  // W(0,−1) = (0, −2, −1, −1), + b = (1, 0, 2, 3).
  const W1 = matrixFromRows([
    [1, 0],
    [0, 2],
    [1, 1],
    [-1, 1],
  ]);
  const b1 = columnVector([1, 2, 3, 4]);
  const xs = [columnVector([1, 2]), columnVector([3, 4]), columnVector([0, -1])];
  it('computes by hand, column i being z^[1](i)', () => {
    expect(xs.map((x) => toRows(firstLayerPerExample(W1, b1, x)).flat())).toEqual([
      [2, 6, 6, 5],
      [4, 10, 10, 5],
      [1, 0, 2, 3],
    ]);
    expect(toRows(firstLayerBatch(W1, b1, stackColumns(xs)))).toEqual([
      [2, 4, 1],
      [6, 10, 0],
      [6, 10, 2],
      [5, 5, 3],
    ]);
  });
  it('equals the per-example loop bit for bit (the same dot products in the same order), m ≠ n', () => {
    fc.assert(
      fc.property(batchCaseArb(fc.integer({ min: 5, max: 7 }), { min: 0, max: 0 }), (c) => {
        const [W, b] = [c.theta.W[0]!, c.theta.b[0]!];
        const Z = firstLayerBatch(W, b, columnsOf(c).X);
        c.batch.forEach((j, i) => expect(toRows(math.column(Z, i) as Matrix)).toEqual(toRows(firstLayerPerExample(W, b, c.data[j]!.x))));
      }),
      { numRuns: 40 },
    );
  });
  it('refuses shapes that do not fit', () => {
    expect(() => firstLayerBatch(W1, columnVector([1, 2, 3]), stackColumns(xs))).toThrow('eq. 4.2: W[1] must be 3x2 (m x d), got 4x2');
    expect(() => firstLayerBatch(W1, b1, matrixFromRows([[1, 2, 3]]))).toThrow('eq. 4.2: X must be 2x3 (d x n), got 1x3');
    expect(() => firstLayerBatch(W1, matrixFromRows([[1, 2, 3, 4]]), stackColumns(xs))).toThrow('eq. 4.2: b[1] must be a column vector m x 1, got 1x4');
    expect(() => firstLayerPerExample(W1, b1, columnVector([1, 2, 3]))).toThrow('4/per-example-z: x must be 2x1 (d x 1), got 3x1');
    expect(() => firstLayerPerExample(W1, b1, columnVector([1, Infinity]))).toThrow('4/per-example-z: x must be finite');
  });
});

describe('[4/multi-layer] the batched forward pass', () => {
  it('equals the per-example forward pass column by column, bit for bit, in every layer', () => {
    fc.assert(
      fc.property(batchCaseArb(fc.integer({ min: 5, max: 7 }), { min: 1, max: 2 }), (c) => {
        const pass = forwardBatch(c.theta, columnsOf(c).X, c.activation);
        c.batch.forEach((j, i) => {
          const one = forward(c.theta, c.data[j]!.x, c.activation);
          for (let k = 0; k < c.sizes.length; k++) {
            if (k > 0) expect(toRows(math.column(pass.Z[k]!, i) as Matrix)).toEqual(toRows(one.z[k]!));
            expect(toRows(math.column(pass.A[k]!, i) as Matrix)).toEqual(toRows(one.a[k]!));
          }
          expect(pass.O.get([0, i])).toBe(one.o);
        });
      }),
      { numRuns: 40 },
    );
  });
  it('refuses X with the wrong number of rows, naming 4/multi-layer', () => {
    const theta: Params = { W: [matrixFromRows([[1, 2]])], b: [columnVector([0])] };
    expect(() => forwardBatch(theta, matrixFromRows([[1, 2, 3]]))).toThrow('4/multi-layer: X must be 2x3 (d x n), got 1x3');
    expect(() => forwardBatch(theta, matrixFromRows([[1], [Number.NaN]]))).toThrow('4/multi-layer: X must be finite');
  });
});

describe('[4/multi-layer, 1.5] the batched backward pass gives the mean gradient (1/B)Σ∇J^(j_k)', () => {
  /** A 1-1-1 ReLU network and two examples, small enough to follow by hand. */
  const theta: Params = { W: [matrixFromRows([[2]]), matrixFromRows([[3]])], b: [columnVector([-1]), columnVector([0.5])] };
  const X = matrixFromRows([[1, 0]]);
  const Y = matrixFromRows([[1, 0]]);
  // Z1 = 2·[1, 0] − 1 = [1, −1], A1 = [1, 0], Z2 = 3·A1 + 0.5 = [3.5, 0.5].
  // Δ2 = (Z2 − Y)/B = [2.5, 0.5]/2 = [1.25, 0.25]; ∂W2 = Δ2 A1ᵀ = 1.25; ∂b2 = Δ2·1 = 1.5.
  // Δ1 = (W2ᵀΔ2) ⊙ 1{Z1 >= 0} = [3.75, 0.75] ⊙ [1, 0] = [3.75, 0]; ∂W1 = Δ1 Xᵀ = 3.75; ∂b1 = 3.75.
  // Per example: x = 1 gives ∂(W1, b1, W2, b2) = (7.5, 7.5, 2.5, 2.5), x = 0 gives (0, 0, 0, 0.5); the
  // mean is (3.75, 3.75, 1.25, 1.5). J = ½(½·2.5² + ½·0.5²) = 1.625.
  it('computes by hand a 1-1-1 network on two examples', () => {
    const bp = backpropBatch(theta, X, Y);
    expect(rowsOf(bp.gradient)).toEqual({ W: [[[3.75]], [[1.25]]], b: [[[3.75]], [[1.5]]] });
    expect(toRows(bp.Delta[2]!)).toEqual([[1.25, 0.25]]);
    expect(toRows(bp.Delta[1]!)).toEqual([[3.75, 0]]);
    expect(bp.J).toBe(1.625);
    const data = [
      { x: columnVector([1]), y: 1 },
      { x: columnVector([0]), y: 0 },
    ];
    expect(rowsOf(meanGradient(theta, data, [0, 1]))).toEqual(rowsOf(bp.gradient));
  });
  it('computes the same exactly in BigNumber', () => {
    withPrecision(64, () => {
      const bp = backpropBatch(toBig(theta), toBig(X), toBig(Y));
      expect([...bp.gradient.W, ...bp.gradient.b].map((M) => String(M.get([0, 0])))).toEqual(['3.75', '1.25', '3.75', '1.5']);
      expect(String(bp.J)).toBe('1.625');
    });
  });

  it('equals the per-example loop bit for bit when B is a power of two (B = 1 and B = 8 < n)', () => {
    // Scaling by 1/B = 2^-k is exact and commutes with every rounding (no underflow with these
    // entries), and both sums run over the batch in the same order, so the two routes agree exactly.
    for (const [B, extra] of [
      [1, { min: 1, max: 4 }],
      [8, { min: 1, max: 2 }],
    ] as const) {
      fc.assert(
        fc.property(batchCaseArb(fc.constant(B), extra), (c) => {
          const { X: Xb, Y: Yb } = columnsOf(c);
          const bp = backpropBatch(c.theta, Xb, Yb, c.activation);
          expect(rowsOf(bp.gradient)).toEqual(rowsOf(meanGradient(c.theta, c.data, c.batch, c.activation)));
          expect(bp.J).toBe(
            datasetCost(
              c.theta,
              c.batch.map((j) => c.data[j]!),
              c.activation,
            ),
          );
        }),
        { numRuns: 20 },
      );
    }
  });

  it('equals the per-example loop to float64 rounding for any B, with B ≠ n and B ≠ every m_k, and B = n', () => {
    // Every per-example gradient entry of Algorithm 5 is within γ_N·M_i of its exact value
    // (N = operationDepth, M_i = magnitudeBound of example i: testing/tolerance.ts). The loop sums B
    // such entries and divides by B: error <= γ_{N+B}·(1/B)Σ M_i. The batched route divides
    // δ^[r] by B first (one more rounding per term) and sums the B terms inside a matrix product:
    // also <= γ_{N+B}·(1/B)Σ M_i. So the two differ by at most 2γ_{N+B}·(1/B)Σ_i M_i.
    const cases = [batchCaseArb(fc.integer({ min: 5, max: 7 }), { min: 1, max: 2 }), batchCaseArb(fc.integer({ min: 5, max: 6 }), { min: 0, max: 0 })];
    for (const arb of cases) {
      fc.assert(
        fc.property(arb, (c) => {
          const { X: Xb, Y: Yb } = columnsOf(c);
          const B = c.batch.length;
          const got = backpropBatch(c.theta, Xb, Yb, c.activation).gradient;
          const want = meanGradient(c.theta, c.data, c.batch, c.activation);
          const meanM = c.batch.reduce((s, j) => s + magnitudeBound(c.theta, c.data[j]!.x, c.data[j]!.y), 0) / B;
          const tol = 2 * gamma(operationDepth(c.sizes) + B) * meanM;
          for (const which of ['W', 'b'] as const) {
            got[which].forEach((M, k) => {
              expect(M.size()).toEqual(c.theta[which][k]!.size());
              const diff = toRows(math.subtract(M, want[which][k]!) as Matrix).flat();
              for (const v of diff) expect(Math.abs(v as number)).toBeLessThanOrEqual(tol);
            });
          }
        }),
        { numRuns: 30 },
      );
    }
  });

  it('refuses Y that is not 1×B (a column of targets is the row-major layout) or not finite', () => {
    expect(() => backpropBatch(theta, X, matrixFromRows([[1], [0]]))).toThrow('4/multi-layer: Y must be 1x2 (1 x B, one target per column of X), got 2x1');
    expect(() => backpropBatch(theta, X, matrixFromRows([[1, Number.NaN]]))).toThrow('4/multi-layer: Y must be finite, but entry (1,2) is NaN');
    expect(() => backpropBatch(theta, X, Y, 'softmax' as ActivationName)).toThrow("eq. 2.14: unknown activation 'softmax'");
  });
});
