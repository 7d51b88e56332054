import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reluPrime } from './activations.js';
import { columnVector, coord, scalarOf, toRows } from './matrix.js';
import { predict } from './network.js';
import { type Matrix, math } from './numeric.js';
import { type NetworkCase, networkCaseArb } from './testing/arbitraries.js';
import { highPrecisionGradient } from './testing/highPrecision.js';
import { gamma, magnitudeBound, operationDepth } from './testing/tolerance.js';
import { algorithm3, gradW1Entry, hiddenPreactivation, twoLayerForwardUnpacked, type UnpackedParams } from './twoLayerUnpacked.js';
import { unpackParams } from './twoLayerVectorized.js';

/**
 * Worked example, d = 2, m = 2 (all values exact in binary):
 * w_1 = (1, 2), b_1 = −1; w_2 = (−1, 1), b_2 = 0; w^{[2]} = (2, −1), b^{[2]} = 0.5; x = (1, 1), y = 1.
 * z_1 = 1 + 2 − 1 = 2, a_1 = 2; z_2 = −1 + 1 + 0 = 0 (on the kink), a_2 = 0;
 * o = 2·2 + (−1)·0 + 0.5 = 4.5; J = ½(1 − 4.5)² = 6.125.
 */
const EXAMPLE: UnpackedParams = { w1: [columnVector([1, 2]), columnVector([-1, 1])], b1: [-1, 0], w2: columnVector([2, -1]), b2: 0.5 };
const X = columnVector([1, 1]);

const twoLayerCase = (generic = false): fc.Arbitrary<NetworkCase> => networkCaseArb({ minLayers: 2, maxLayers: 2, maxWidth: 4, generic });

/** Float64 bound γ_N·M (reference/testing/tolerance.ts) on one route's distance from the exact value. */
const roundingBound = (c: NetworkCase): number => gamma(operationDepth(c.sizes)) * magnitudeBound(c.theta, c.x, c.y);

describe('[2.5, 2/fig3-caption] z_j = w_j[1]ᵀx + b_j[1] = Σ_i (w_j[1])_i x_i + b_j[1]', () => {
  it('computes the worked example by hand', () => {
    expect(hiddenPreactivation(EXAMPLE.w1[0]!, -1, X)).toBe(2);
    expect(hiddenPreactivation(EXAMPLE.w1[1]!, 0, X)).toBe(0);
  });

  it('sums over i = 1..d and includes the bias (the printed caption sums to m and drops b_j)', () => {
    // d = 3 > m: w = (1, 1, 1), b = 10, x = (1, 2, 4): the corrected sum is 1 + 2 + 4 + 10 = 17
    // (a sum to m = 2 without the bias, as printed, would give 3).
    expect(hiddenPreactivation(columnVector([1, 1, 1]), 10, columnVector([1, 2, 4]))).toBe(17);
  });

  it('equals the matrix product w_jᵀx + b_j', () => {
    fc.assert(
      fc.property(twoLayerCase(), (c) => {
        const { w1, b1 } = unpackParams(c.theta);
        const d = c.sizes[0]!;
        w1.forEach((wj, j) => {
          const product = Number(scalarOf(math.multiply(math.transpose(wj), c.x) as Matrix)) + Number(b1[j]);
          // Each is a d + 1 term sum of terms of size <= 1 (entries in [−1, 1]): within γ_{d+1}·(d + 1).
          expect(Math.abs(Number(hiddenPreactivation(wj, b1[j]!, c.x)) - product)).toBeLessThanOrEqual(2 * gamma(d + 1) * (d + 1));
        });
      }),
      { numRuns: 30 },
    );
  });

  it('rejects bad shapes and values naming eq. 2.5', () => {
    expect(() => hiddenPreactivation(columnVector([1, 2]), 0, columnVector([1, 2, 3]))).toThrow('eq. 2.5: x must be 2x1 (d x 1, the size of w_j[1]), got 3x1');
    expect(() => hiddenPreactivation(math.matrix([[1, 2]]), 0, X)).toThrow('eq. 2.5: w_j[1] must be 1x1 (d x 1), got 1x2');
    expect(() => hiddenPreactivation(columnVector([1, 2]), Number.NaN, X)).toThrow('eq. 2.5: b_j[1] must be a finite number');
    expect(() => hiddenPreactivation(columnVector([1, Infinity]), 0, X)).toThrow('eq. 2.5: w_j[1] must be finite');
  });
});

describe('[3.8, 2/two-layer-aj, 2/two-layer-a, 2.6] the unpacked two-layer forward pass with its loss', () => {
  it('computes the worked example by hand', () => {
    const f = twoLayerForwardUnpacked(EXAMPLE, X, 1);
    expect(f.z).toEqual([2, 0]);
    expect(f.a).toEqual([2, 0]);
    expect(toRows(f.aVector)).toEqual([[2], [0]]);
    expect(f.o).toBe(4.5);
    expect(f.J).toBe(6.125);
  });

  it('has a_j = ReLU(z_j), a as the m×1 column of the a_j, and o = reference/network.ts#predict', () => {
    fc.assert(
      fc.property(twoLayerCase(), (c) => {
        const f = twoLayerForwardUnpacked(unpackParams(c.theta), c.x, c.y);
        const m = c.sizes[1]!;
        expect(f.aVector.size()).toEqual([m, 1]);
        f.z.forEach((zj, j) => {
          expect(f.a[j]).toBe(Number(zj) > 0 ? zj : 0);
          expect(coord(f.aVector, j + 1)).toBe(f.a[j]);
        });
        expect(Math.abs(Number(f.o) - Number(predict(c.theta, c.x)))).toBeLessThanOrEqual(2 * roundingBound(c));
        const r = Number(f.o) - c.y;
        expect(f.J).toBe(0.5 * (r * r)); // squaredLoss's own operations, so the same number
      }),
      { numRuns: 40 },
    );
  });

  it('rejects bad parameters and inputs naming eq. 3.8', () => {
    expect(() => twoLayerForwardUnpacked(EXAMPLE, columnVector([1, 2, 3]), 0)).toThrow('eq. 3.8: x must be 2x1');
    expect(() => twoLayerForwardUnpacked({ ...EXAMPLE, b1: [0] }, X, 0)).toThrow('eq. 3.8: b1 must list m = 2 biases b_j[1], got 1');
    expect(() => twoLayerForwardUnpacked({ ...EXAMPLE, w1: [] }, X, 0)).toThrow('eq. 3.8: w1 must list the m >= 1 vectors w_j[1]');
    expect(() => twoLayerForwardUnpacked({ ...EXAMPLE, w1: [columnVector([1, 2]), columnVector([1])] }, X, 0)).toThrow('eq. 3.8: w_2[1] must be 2x1');
    expect(() => twoLayerForwardUnpacked({ ...EXAMPLE, w2: columnVector([1, 2, 3]) }, X, 0)).toThrow('eq. 3.8: w[2] must be 2x1 (m x 1), got 3x1');
    expect(() => twoLayerForwardUnpacked({ ...EXAMPLE, b2: Infinity }, X, 0)).toThrow('eq. 3.8: b[2] must be a finite number');
    expect(() => twoLayerForwardUnpacked(EXAMPLE, X, Number.NaN)).toThrow('eq. 3.8: y must be a finite number');
  });
});

describe('[alg3.line1, alg3.line2, alg3.line3, alg3.line4, 3.9, 3.3/dJ-daj, 3.3/dJ-dzj, 3.3/grad-w1-chain, 3.3/grad-w2] Algorithm 3', () => {
  it('computes the worked example by hand', () => {
    // Line 2: ∂J/∂o = 4.5 − 1 = 3.5. ∂J/∂a_j = 3.5·(w[2])_j = (7, −3.5).
    // Line 3 (3.9): ∂J/∂z_j = ∂J/∂a_j·1{z_j >= 0} = (7·1, −3.5·1) (z_2 = 0 counts as active).
    // Line 4: ∂J/∂(w_j[1])_ℓ = ∂J/∂z_j·x_ℓ = [[7, 7], [−3.5, −3.5]], ∂J/∂b_j[1] = (7, −3.5),
    // ∂J/∂(w[2])_j = 3.5·a_j = (7, 0), ∂J/∂b[2] = 3.5.
    const g = algorithm3(EXAMPLE, X, 1);
    expect(g.pass.o).toBe(4.5);
    expect(g.dJdo).toBe(3.5);
    expect(g.dJda).toEqual([7, -3.5]);
    expect(g.dJdz).toEqual([7, -3.5]);
    expect(g.dJdw1).toEqual([
      [7, 7],
      [-3.5, -3.5],
    ]);
    expect(g.dJdb1).toEqual([7, -3.5]);
    expect(g.dJdw2).toEqual([7, 0]);
    expect(g.dJdb2).toBe(3.5);
  });

  it('has line 3 = eq. 3.9 and line 4 = the chain rule products, entry by entry', () => {
    fc.assert(
      fc.property(twoLayerCase(), (c) => {
        const theta = unpackParams(c.theta);
        const g = algorithm3(theta, c.x, c.y);
        // The same float64 operations in the same order as the notes write them: identical numbers.
        expect(g.dJdo).toBe(Number(g.pass.o) - c.y);
        g.dJdz.forEach((v, j) => {
          expect(Math.abs(Number(v) - Number(g.dJdo) * Number(coord(theta.w2, j + 1)) * Number(reluPrime(g.pass.z[j]!)))).toBe(0);
          expect(g.dJdb1[j]).toBe(v);
          expect(Math.abs(Number(g.dJdw2[j]) - Number(g.dJdo) * Number(g.pass.a[j]))).toBe(0);
          g.dJdw1[j]!.forEach((e, l) => expect(Math.abs(Number(e) - Number(v) * Number(coord(c.x, l + 1)))).toBe(0));
        });
        expect(g.dJdb2).toBe(g.dJdo);
      }),
      { numRuns: 30 },
    );
  });

  it('matches high-precision central differences', () => {
    fc.assert(
      fc.property(twoLayerCase(true), (c) => {
        const g = algorithm3(unpackParams(c.theta), c.x, c.y);
        fc.pre(g.pass.z.every((z) => Math.abs(Number(z)) > 1e-20)); // the oracle steps by 1e-25
        const oracle = highPrecisionGradient(c.theta, c.x, c.y, 'relu');
        const tol = roundingBound(c);
        g.dJdw1.forEach((row, j) => row.forEach((v, l) => expect(Math.abs(Number(v) - oracle.W[0]![j]![l]!)).toBeLessThanOrEqual(tol)));
        g.dJdb1.forEach((v, j) => expect(Math.abs(Number(v) - oracle.b[0]![j]![0]!)).toBeLessThanOrEqual(tol));
        g.dJdw2.forEach((v, j) => expect(Math.abs(Number(v) - oracle.W[1]![0]![j]!)).toBeLessThanOrEqual(tol));
        expect(Math.abs(Number(g.dJdb2) - oracle.b[1]![0]![0]!)).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 10 },
    );
  });

  it('rejects bad input naming Algorithm 3 line 1 / line 2', () => {
    expect(() => algorithm3(EXAMPLE, columnVector([1]), 0)).toThrow('Algorithm 3 line 1: x must be 2x1');
    expect(() => algorithm3({ ...EXAMPLE, b1: [0, Number.NaN] }, X, 0)).toThrow('Algorithm 3 line 1: b_2[1] must be a finite number');
    expect(() => algorithm3(EXAMPLE, X, Infinity)).toThrow('Algorithm 3 line 2: y must be a finite number');
  });
});

describe('[3.3/grad-w1] ∂J/∂(w_j[1])_ℓ = (o − y)(w[2])_j 1{z_j >= 0} x_ℓ, entry by entry', () => {
  it('computes the worked example by hand', () => {
    // (o − y) = 3.5, (w[2])_2 = −1, 1{z_2 >= 0} = 1 (z_2 = 0), x_1 = 1: 3.5·(−1)·1·1 = −3.5.
    expect(gradW1Entry(EXAMPLE, X, 1, 2, 1)).toBe(-3.5);
  });

  it('equals Algorithm 3 line 4 for every j and ℓ', () => {
    fc.assert(
      fc.property(twoLayerCase(), (c) => {
        const theta = unpackParams(c.theta);
        const g = algorithm3(theta, c.x, c.y);
        // ((o − y)·(w[2])_j)·1{z_j >= 0}·x_ℓ: the same products in the same order as lines 2-4.
        g.dJdw1.forEach((row, j) => row.forEach((v, l) => expect(Math.abs(Number(gradW1Entry(theta, c.x, c.y, j + 1, l + 1)) - Number(v))).toBe(0)));
      }),
      { numRuns: 20 },
    );
  });

  it('rejects indices outside 1..m and 1..d naming 3.3/grad-w1', () => {
    expect(() => gradW1Entry(EXAMPLE, X, 1, 3, 1)).toThrow('3.3/grad-w1: hidden unit j must be an integer in 1..m = 2, got 3');
    expect(() => gradW1Entry(EXAMPLE, X, 1, 1, 0)).toThrow('3.3/grad-w1: coordinate ℓ must be an integer in 1..d = 2, got 0');
    expect(() => gradW1Entry(EXAMPLE, X, 1, 1.5, 1)).toThrow('3.3/grad-w1: hidden unit j must be an integer');
    expect(() => gradW1Entry(EXAMPLE, X, Number.NaN, 1, 1)).toThrow('3.3/grad-w1: y must be a finite number');
  });
});
