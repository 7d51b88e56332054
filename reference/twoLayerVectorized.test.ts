import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backprop } from './backprop.js';
import { columnVector, matrixFromRows, scalarOf, toRows, vectorEntries } from './matrix.js';
import { forward, type Params } from './network.js';
import { type Matrix, math, type Scalar, toBig, withPrecision } from './numeric.js';
import { type NetworkCase, networkCaseArb } from './testing/arbitraries.js';
import { gamma, magnitudeBound, operationDepth } from './testing/tolerance.js';
import { algorithm3, twoLayerForwardUnpacked, type UnpackedParams } from './twoLayerUnpacked.js';
import { algorithm4, algorithm4ViaChainRule, stackRows, twoLayerForward, unpackParams, vectorizeParams } from './twoLayerVectorized.js';

/** The worked example of twoLayerUnpacked.test.ts: z = (2, 0), a = (2, 0), o = 4.5 with y = 1. */
const EXAMPLE: UnpackedParams = { w1: [columnVector([1, 2]), columnVector([-1, 1])], b1: [-1, 0], w2: columnVector([2, -1]), b2: 0.5 };
const THETA = vectorizeParams(EXAMPLE);
const X = columnVector([1, 1]);

const twoLayerCase = networkCaseArb({ minLayers: 2, maxLayers: 2, maxWidth: 4 });

/**
 * Two float64 routes to the same quantity, each within γ_N·M of the exact value
 * (reference/testing/tolerance.ts), differ by at most 2γ_N·M.
 */
const twoRoutes = (c: NetworkCase): number => 2 * gamma(operationDepth(c.sizes)) * magnitudeBound(c.theta, c.x, c.y);

function expectClose(got: Matrix | Scalar, want: Matrix | Scalar | readonly Scalar[], tol: number): void {
  const flat = (v: Matrix | Scalar | readonly Scalar[]): number[] =>
    (Array.isArray(v) ? v : math.isMatrix(v) ? vectorEntries(math.flatten(v as Matrix) as Matrix) : [v as Scalar]).map(Number);
  const g = flat(got);
  const w = flat(want);
  expect(g.length).toBe(w.length);
  g.forEach((v, i) => expect(Math.abs(v - w[i]!)).toBeLessThanOrEqual(tol));
}

describe('[2.7, 2/W2-def] W[1] stacks the rows w_j[1]ᵀ; W[2] = [w[2]ᵀ]', () => {
  it('stacks a worked example', () => {
    // w_1 = (1, 2, 3), w_2 = (4, 5, 6) → W[1] = [[1, 2, 3], [4, 5, 6]] ∈ R^{2×3};
    // w[2] = (7, 8) → W[2] = [[7, 8]] ∈ R^{1×2}.
    expect(toRows(stackRows([columnVector([1, 2, 3]), columnVector([4, 5, 6])]))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(toRows(stackRows([columnVector([7, 8])]))).toEqual([[7, 8]]);
  });

  it('has W[1] m×d and W[2] 1×m, and unpacks back to the same w_j, b_j, w[2], b[2]', () => {
    fc.assert(
      fc.property(twoLayerCase, (c) => {
        const [d, m] = c.sizes as [number, number];
        const theta = unpackParams(c.theta);
        const packed = vectorizeParams(theta);
        expect(packed.W[0]!.size()).toEqual([m, d]);
        expect(packed.W[1]!.size()).toEqual([1, m]);
        expect(packed.W.map(toRows)).toEqual(c.theta.W.map(toRows));
        expect(packed.b.map(toRows)).toEqual(c.theta.b.map(toRows));
        theta.w1.forEach((wj, j) => expect(vectorEntries(wj)).toEqual(toRows(c.theta.W[0]!)[j]));
      }),
      { numRuns: 30 },
    );
  });

  it('rejects an empty list, ragged sizes, rows and non-finite entries naming eq. 2.7', () => {
    expect(() => stackRows([])).toThrow('eq. 2.7: there must be at least one vector to stack (m >= 1)');
    expect(() => stackRows([columnVector([1, 2]), columnVector([1, 2, 3])])).toThrow('eq. 2.7: w_2 must be 2x1 (d x 1, the size of w_1), got 3x1');
    expect(() => stackRows([matrixFromRows([[1, 2]])])).toThrow('eq. 2.7: w_1 must be 1x1');
    expect(() => stackRows([columnVector([1, Number.NaN])])).toThrow('eq. 2.7: w_1 must be finite, but entry (2,1) is NaN');
    expect(() => unpackParams({ W: [THETA.W[0]!], b: [THETA.b[0]!] })).toThrow('eq. 2.7: a two-layer network has exactly W[1], W[2], b[1], b[2]');
  });
});

describe('[2.8, 2.9, 2.10, 2.11] the vectorized two-layer forward pass', () => {
  it('computes the worked example by hand', () => {
    // W[1] = [[1, 2], [−1, 1]], b[1] = (−1, 0), x = (1, 1): z = (1 + 2 − 1, −1 + 1 + 0) = (2, 0);
    // a = ReLU(z) = (2, 0); h = [2, −1]·(2, 0) + 0.5 = 4.5.
    const f = twoLayerForward(THETA, X);
    expect(toRows(f.z)).toEqual([[2], [0]]);
    expect(toRows(f.a)).toEqual([[2], [0]]);
    expect(f.o).toBe(4.5);
  });

  it('equals the unpacked form (eq. 2.5, 2.6) and reference/network.ts#forward', () => {
    fc.assert(
      fc.property(twoLayerCase, (c) => {
        const tol = twoRoutes(c);
        const f = twoLayerForward(c.theta, c.x);
        const u = twoLayerForwardUnpacked(unpackParams(c.theta), c.x, c.y);
        expectClose(f.z, u.z, tol); // eq. 2.8: z_j is row j of W[1] times x, plus b_j
        expectClose(f.a, u.a, tol);
        expectClose(f.o, u.o, tol);
        const n = forward(c.theta, c.x, 'relu');
        expectClose(f.z, n.z[1]!, tol);
        expectClose(f.a, n.a[1]!, tol);
        expectClose(f.o, n.o, tol);
      }),
      { numRuns: 40 },
    );
  });

  it('rejects a θ that is not two-layer, wrong shapes and a wrong x naming eq. 2.11', () => {
    const [W1, W2] = THETA.W as [Matrix, Matrix];
    const [b1, b2] = THETA.b as [Matrix, Matrix];
    expect(() => twoLayerForward({ W: [W1, W2, W2], b: [b1, b2, b2] }, X)).toThrow(
      'eq. 2.11: a two-layer network has exactly W[1], W[2], b[1], b[2]; got 3 weight matrices and 3 biases',
    );
    expect(() => twoLayerForward({ W: [W1, math.transpose(W2)], b: [b1, b2] }, X)).toThrow('eq. 2.11: W[2] must be 1x2 (1 x m), got 2x1');
    expect(() => twoLayerForward({ W: [W1, W2], b: [columnVector([1]), b2] }, X)).toThrow('eq. 2.11: b[1] must be 2x1 (m x 1), got 1x1');
    expect(() => twoLayerForward({ W: [W1, W2], b: [b1, columnVector([1, 2])] }, X)).toThrow('eq. 2.11: b[2] must be 1x1');
    expect(() =>
      twoLayerForward(
        {
          W: [
            matrixFromRows([
              [1, Infinity],
              [0, 0],
            ]),
            W2,
          ],
          b: [b1, b2],
        },
        X,
      ),
    ).toThrow('eq. 2.11: W[1] must be finite');
    expect(() => twoLayerForward(THETA, columnVector([1, 2, 3]))).toThrow('eq. 2.11: x must be 2x1');
    expect(() => twoLayerForward(null as unknown as Params, X)).toThrow('eq. 2.11: θ must be {W: [W[1], W[2]], b: [b[1], b[2]]}');
  });
});

describe('[alg4.line1, alg4.line2, alg4.line3, alg4.line4, 3.10] Algorithm 4', () => {
  it('computes the worked example by hand', () => {
    // Line 1: z = (2, 0), a = (2, 0), o = 4.5. Line 2: δ[2] = 4.5 − 1 = 3.5.
    // Line 3: δ[1] = 3.5·(2, −1) ⊙ 1{(2, 0) >= 0} = (7, −3.5) ⊙ (1, 1) = (7, −3.5).
    // Line 4: ∂J/∂W[2] = 3.5·(2, 0) = [[7, 0]], ∂J/∂b[2] = 3.5,
    //         ∂J/∂W[1] = (7, −3.5)(1, 1) = [[7, 7], [−3.5, −3.5]], ∂J/∂b[1] = (7, −3.5).
    const g = algorithm4(THETA, X, 1);
    expect(g.J).toBe(6.125);
    expect(g.delta2).toBe(3.5);
    expect(toRows(g.delta1)).toEqual([[7], [-3.5]]);
    expect(toRows(g.dW2)).toEqual([[7, 0]]);
    expect(g.db2).toBe(3.5);
    expect(toRows(g.dW1)).toEqual([
      [7, 7],
      [-3.5, -3.5],
    ]);
    expect(toRows(g.db1)).toEqual([[7], [-3.5]]);
  });

  it('[3.10, 3.4/dA-dB-shape] gives δ[2] ∈ R, δ[1] ∈ R^{m×1}, ∂J/∂W[2] 1×m, ∂J/∂W[1] m×d, ∂J/∂b[1] m×1', () => {
    fc.assert(
      fc.property(twoLayerCase, (c) => {
        const [d, m] = c.sizes as [number, number];
        const g = algorithm4(c.theta, c.x, c.y);
        expect(typeof g.delta2).toBe('number');
        expect(typeof g.db2).toBe('number');
        expect([g.delta1.size(), g.dW2.size(), g.dW1.size(), g.db1.size()]).toEqual([
          [m, 1],
          [1, m],
          [m, d],
          [m, 1],
        ]);
      }),
      { numRuns: 20 },
    );
  });

  it('equals Algorithm 3 (unpacked) and reference/backprop.ts#backprop on the same θ', () => {
    fc.assert(
      fc.property(twoLayerCase, (c) => {
        const tol = twoRoutes(c);
        const g = algorithm4(c.theta, c.x, c.y);
        const u = algorithm3(unpackParams(c.theta), c.x, c.y);
        expectClose(g.delta2, u.dJdo, tol);
        expectClose(g.delta1, u.dJdz, tol);
        expectClose(g.dW1, u.dJdw1.flat(), tol);
        expectClose(g.db1, u.dJdb1, tol);
        expectClose(g.dW2, u.dJdw2, tol);
        expectClose(g.db2, u.dJdb2, tol);
        const bp = backprop(c.theta, c.x, c.y);
        expectClose(g.J, bp.J, tol);
        expectClose(g.delta1, bp.delta[1]!, tol);
        expectClose(g.dW1, bp.gradient.W[0]!, tol);
        expectClose(g.db1, bp.gradient.b[0]!, tol);
        expectClose(g.dW2, bp.gradient.W[1]!, tol);
        expectClose(g.db2, scalarOf(bp.gradient.b[1]!), tol);
      }),
      { numRuns: 40 },
    );
  });

  it('runs unchanged on BigNumbers, where Algorithm 3 and Algorithm 4 agree to 64-digit rounding', () => {
    fc.assert(
      fc.property(twoLayerCase, (c) => {
        withPrecision(64, () => {
          const theta = toBig(c.theta);
          const x = toBig(c.x);
          const y = math.bignumber(c.y);
          const g = algorithm4(theta, x, y);
          const u = algorithm3(unpackParams(theta), x, y);
          // The float64 analysis (γ_N·M, tolerance.ts) with u = 2^-53 replaced by the unit
          // roundoff of 64 significant digits, ½·10^-63: N·u·M for each route.
          const tol = 2 * operationDepth(c.sizes) * 0.5e-63 * magnitudeBound(c.theta, c.x, c.y);
          const diff = (p: Scalar, q: Scalar): number => Math.abs(Number(math.subtract(p, q)));
          expect(diff(g.delta2, u.dJdo)).toBeLessThanOrEqual(tol);
          (toRows(g.dW1).flat() as Scalar[]).forEach((v, i) => expect(diff(v, u.dJdw1.flat()[i]!)).toBeLessThanOrEqual(tol));
          (toRows(g.dW2).flat() as Scalar[]).forEach((v, i) => expect(diff(v, u.dJdw2[i]!)).toBeLessThanOrEqual(tol));
          expect(math.isBigNumber(g.dW1.get([0, 0]))).toBe(true);
        });
      }),
      { numRuns: 10 },
    );
  });

  it('rejects bad input naming Algorithm 4 line 1 / line 2', () => {
    expect(() => algorithm4(THETA, columnVector([1]), 0)).toThrow('Algorithm 4 line 1: x must be 2x1');
    expect(() => algorithm4({ W: THETA.W, b: [THETA.b[0]!] }, X, 0)).toThrow('Algorithm 4 line 1: a two-layer network has exactly');
    expect(() => algorithm4(THETA, X, Number.NaN)).toThrow('Algorithm 4 line 2: y must be a finite number');
  });
});

describe('[3.4/verify-delta1, 3.4/verify-dW1] Algorithm 4 re-derived by eq. 3.12, 3.13, 3.15', () => {
  it("gives the worked example: ∂J/∂a = W[2]ᵀ·3.5 = (7, −3.5), ∂J/∂z = (7, −3.5) ⊙ ReLU'(z)", () => {
    const v = algorithm4ViaChainRule(THETA, X, 1);
    expect(toRows(v.delta1)).toEqual([[7], [-3.5]]);
    expect(toRows(v.dW1)).toEqual([
      [7, 7],
      [-3.5, -3.5],
    ]);
  });

  it('equals Algorithm 4 lines 3 and 4', () => {
    fc.assert(
      fc.property(twoLayerCase, (c) => {
        const tol = twoRoutes(c);
        const g = algorithm4(c.theta, c.x, c.y);
        const v = algorithm4ViaChainRule(c.theta, c.x, c.y);
        expectClose(v.delta1, g.delta1, tol);
        expectClose(v.dW1, g.dW1, tol);
        expectClose(v.db1, g.db1, tol);
        expectClose(v.dW2, g.dW2, tol);
        expectClose(v.db2, g.db2, tol);
        expectClose(v.delta2, g.delta2, tol);
      }),
      { numRuns: 30 },
    );
  });

  it('rejects bad input naming 3.4/verify-delta1', () => {
    expect(() => algorithm4ViaChainRule(THETA, columnVector([1, 2, 3]), 0)).toThrow('3.4/verify-delta1: x must be 2x1');
    expect(() => algorithm4ViaChainRule(THETA, X, Infinity)).toThrow('3.4/verify-delta1: y must be a finite number');
  });
});
