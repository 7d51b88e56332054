import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationName } from './activations.js';
import { backpropBatch, firstLayerBatch, forwardBatch } from './batched.js';
import { columnVector, matrixFromRows, toRows } from './matrix.js';
import type { Params } from './network.js';
import { type Matrix, math, type Scalar, toBig, withPrecision } from './numeric.js';
import { meanGradient } from './optimizers.js';
import { backpropBatchRows, broadcastBiasRows, firstLayerRows, forwardBatchRows, fromRowMajor, type RowMajorParams, toRowMajor } from './rowMajor.js';
import { genericEntry as generic, type NetworkCase, networkCaseArb } from './testing/arbitraries.js';
import { matrixOf, vectorOf } from './testing/plainArbitraries.js';

const ALL = Object.keys(ACTIVATIONS) as ActivationName[];
const rowsOf = (theta: Params | RowMajorParams): { W: Scalar[][][]; b: Scalar[][][] } => ({ W: theta.W.map(toRows), b: theta.b.map(toRows) });
const T = (M: Matrix): Matrix => math.transpose(M);

interface LayoutCase {
  readonly net: NetworkCase;
  /** Column layout: X is d×n, Y is 1×n. */
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly activation: ActivationName;
}

/**
 * A network with widths 1..4 and n examples, n = 1 or n ∈ 5..6 (so n differs from every m_k > 1
 * and from d: a bias broadcast along the wrong axis fails or shows), in the column layout.
 */
const layoutCaseArb: fc.Arbitrary<LayoutCase> = fc
  .tuple(networkCaseArb({ maxLayers: 3, maxWidth: 4, generic: true }), fc.constantFrom(1, 5, 6))
  .chain(([net, n]) =>
    fc.record({
      net: fc.constant(net),
      X: matrixOf(generic, net.sizes[0]!, n).map(matrixFromRows),
      Y: vectorOf(generic, n).map((ys) => matrixFromRows([ys])),
      activation: fc.constantFrom(...ALL),
    }),
  );

describe('[4/row-major-conversion] θ in row-major layout: W^[k]ᵀ (m_{k−1}×m_k), b^[k]ᵀ (1×m_k)', () => {
  it('transposes every matrix, and back', () => {
    const theta: Params = {
      W: [
        matrixFromRows([
          [1, 2, 3],
          [4, 5, 6],
        ]),
        matrixFromRows([[7, 8]]),
      ],
      b: [columnVector([9, 10]), columnVector([11])],
    };
    const rows = toRowMajor(theta);
    expect(rowsOf(rows)).toEqual({
      W: [
        [
          [1, 4],
          [2, 5],
          [3, 6],
        ],
        [[7], [8]],
      ],
      b: [[[9, 10]], [[11]]],
    });
    expect(rowsOf(fromRowMajor(rows))).toEqual(rowsOf(theta));
  });
  it('repeats the bias row b (1×m) as each of n rows', () => {
    expect(toRows(broadcastBiasRows(matrixFromRows([[1, 2]]), 3))).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    expect(() => broadcastBiasRows(columnVector([1, 2]), 3)).toThrow('4/row-major-conversion: b must be a row vector 1 x m, got 2x1');
    expect(() => broadcastBiasRows(matrixFromRows([[1]]), 1.5)).toThrow('4/row-major-conversion: the number of rows n must be a positive integer, got 1.5');
  });
  it('refuses a column-layout θ or bad shapes where a row-major one is expected', () => {
    const column: Params = {
      W: [
        matrixFromRows([
          [1, 2],
          [3, 4],
        ]),
        matrixFromRows([[1, 1]]),
      ],
      b: [columnVector([0, 0]), columnVector([0])],
    };
    expect(() => forwardBatchRows(column, matrixFromRows([[1, 2]]))).toThrow('4/row-major-conversion: b[1]ᵀ must be a row vector 1 x m1, got 2x1');
    const noOutput: RowMajorParams = { W: [matrixFromRows([[1, 2]])], b: [matrixFromRows([[0, 0]])] };
    expect(() => fromRowMajor(noOutput)).toThrow('4/row-major-conversion: the output layer must have m1 = 1');
    const mismatched: RowMajorParams = { W: [matrixFromRows([[1, 2]]), matrixFromRows([[1], [2], [3]])], b: [matrixFromRows([[0, 0]]), matrixFromRows([[0]])] };
    expect(() => fromRowMajor(mismatched)).toThrow('4/row-major-conversion: W[2]ᵀ must be 2x1 (m1 x m2), got 3x1');
    expect(() => toRowMajor({ W: [matrixFromRows([[1, 2]])], b: [columnVector([0, 0])] })).toThrow('eq. 2.12');
  });
});

describe('[4.4] Z^[1] = XW^[1] + b^[1] ∈ R^{n×m} (row-major)', () => {
  // The column example of batched.test.ts transposed: X rows (1,2), (3,4), (0,−1) (n = 3, d = 2),
  // W^[1] here = [[1,0],[0,2],[1,1],[−1,1]]ᵀ (d×m = 2×4), b^[1] = (1,2,3,4) as a 1×4 row.
  // Row i is z^[1](i)ᵀ: (2,6,6,5), (4,10,10,5), (1,0,2,3).
  const W1 = T(
    matrixFromRows([
      [1, 0],
      [0, 2],
      [1, 1],
      [-1, 1],
    ]),
  );
  const b1 = matrixFromRows([[1, 2, 3, 4]]);
  const X = matrixFromRows([
    [1, 2],
    [3, 4],
    [0, -1],
  ]);
  it('computes by hand', () => {
    expect(toRows(firstLayerRows(W1, b1, X))).toEqual([
      [2, 6, 6, 5],
      [4, 10, 10, 5],
      [1, 0, 2, 3],
    ]);
  });
  it('is the transpose of eq. 4.2 (same products, same order: bit for bit)', () => {
    fc.assert(
      fc.property(layoutCaseArb, (c) => {
        const [W, b] = [c.net.theta.W[0]!, c.net.theta.b[0]!];
        expect(toRows(firstLayerRows(T(W), T(b), T(c.X)))).toEqual(toRows(T(firstLayerBatch(W, b, c.X))));
      }),
      { numRuns: 40 },
    );
  });
  it('refuses column-layout weights, biases or data', () => {
    expect(() => firstLayerRows(T(W1), b1, X)).toThrow('eq. 4.4: W[1] must be 4x4 (d x m), got 4x2');
    expect(() => firstLayerRows(W1, T(b1), X)).toThrow('eq. 4.4: b[1] must be a row vector 1 x m, got 4x1');
    expect(() => firstLayerRows(W1, b1, T(X))).toThrow('eq. 4.4: X must be 2x2 (n x d), got 2x3');
    expect(() => firstLayerRows(W1, b1, matrixFromRows([[1, Number.NaN]]))).toThrow('eq. 4.4: X must be finite');
  });
});

describe('[4/row-major-conversion, 4/multi-layer] the row-major batch is the transposed column-major batch', () => {
  it('gives the transposed forward pass in every layer, bit for bit', () => {
    fc.assert(
      fc.property(layoutCaseArb, (c) => {
        const col = forwardBatch(c.net.theta, c.X, c.activation);
        const row = forwardBatchRows(toRowMajor(c.net.theta), T(c.X), c.activation);
        col.A.forEach((A, k) => expect(toRows(row.A[k]!)).toEqual(toRows(T(A))));
        col.Z.forEach((Z, k) => expect(toRows(row.Z[k]!)).toEqual(toRows(T(Z))));
        expect(toRows(row.O)).toEqual(toRows(T(col.O)));
      }),
      { numRuns: 40 },
    );
  });
  it('gives the transposed mean gradient, Δ and J, bit for bit', () => {
    // Every entry of A W_rowᵀ, Δ W_row..., AᵀΔ, 1ᵀΔ is the same products summed in the same order
    // as the column-major W A, WᵀΔ, ΔAᵀ, Δ1, so the results are equal, not only close.
    fc.assert(
      fc.property(layoutCaseArb, (c) => {
        const col = backpropBatch(c.net.theta, c.X, c.Y, c.activation);
        const row = backpropBatchRows(toRowMajor(c.net.theta), T(c.X), T(c.Y), c.activation);
        expect(rowsOf(fromRowMajor(row.gradient))).toEqual(rowsOf(col.gradient));
        col.Delta.forEach((D, k) => expect(toRows(row.Delta[k]!)).toEqual(toRows(T(D))));
        expect(row.J).toBe(col.J);
      }),
      { numRuns: 40 },
    );
  });
  it('equals the per-example loop bit for bit when B is a power of two (B = 1, 2, 4)', () => {
    // As in batched.test.ts: 1/B = 2^-k scales exactly, and the sums run in the same order.
    const arb = fc.tuple(networkCaseArb({ maxLayers: 3, maxWidth: 3, generic: true }), fc.constantFrom(1, 2, 4)).chain(([net, B]) =>
      fc.record({
        net: fc.constant(net),
        data: fc.array(fc.record({ x: fc.array(generic, { minLength: net.sizes[0]!, maxLength: net.sizes[0]! }).map(columnVector), y: generic }), {
          minLength: B,
          maxLength: B,
        }),
        activation: fc.constantFrom(...ALL),
      }),
    );
    fc.assert(
      fc.property(arb, ({ net, data, activation }) => {
        const Xrows = matrixFromRows(data.map((e) => toRows(T(e.x))[0]!));
        const Yrows = columnVector(data.map((e) => e.y));
        const row = backpropBatchRows(toRowMajor(net.theta), Xrows, Yrows, activation);
        expect(rowsOf(fromRowMajor(row.gradient))).toEqual(
          rowsOf(
            meanGradient(
              net.theta,
              data,
              data.map((_, i) => i),
              activation,
            ),
          ),
        );
      }),
      { numRuns: 30 },
    );
  });
  it('computes the 1-1-1 example of batched.test.ts by hand, in BigNumber too', () => {
    // Same numbers as the column layout: ∂W1 = 3.75, ∂W2 = 1.25, ∂b1 = 3.75, ∂b2 = 1.5, J = 1.625.
    const theta: Params = { W: [matrixFromRows([[2]]), matrixFromRows([[3]])], b: [columnVector([-1]), columnVector([0.5])] };
    const bp = backpropBatchRows(toRowMajor(theta), columnVector([1, 0]), columnVector([1, 0]));
    expect(rowsOf(bp.gradient)).toEqual({ W: [[[3.75]], [[1.25]]], b: [[[3.75]], [[1.5]]] });
    expect(toRows(bp.Delta[2]!)).toEqual([[1.25], [0.25]]);
    expect(bp.J).toBe(1.625);
    withPrecision(64, () => {
      const big = backpropBatchRows(toRowMajor(toBig(theta)), toBig(columnVector([1, 0])), toBig(columnVector([1, 0])));
      expect([...big.gradient.W, ...big.gradient.b].map((M) => String(M.get([0, 0])))).toEqual(['3.75', '1.25', '3.75', '1.5']);
    });
  });
  it('refuses Y that is not B×1 (a row of targets is the column layout)', () => {
    const rows = toRowMajor({ W: [matrixFromRows([[1]])], b: [columnVector([0])] });
    expect(() => backpropBatchRows(rows, columnVector([1, 2]), matrixFromRows([[1, 2]]))).toThrow(
      '4/row-major-conversion: Y must be 2x1 (B x 1, one target per row of X), got 1x2',
    );
    expect(() => forwardBatchRows(rows, matrixFromRows([[1, 2]]))).toThrow('4/row-major-conversion: X must be 1x1 (n x d), got 1x2');
  });
});
