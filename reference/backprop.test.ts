import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationName } from './activations.js';
import { backprop } from './backprop.js';
import { squaredLoss } from './loss.js';
import { columnVector, matrixFromRows, toRows } from './matrix.js';
import { forward, type Params, predict } from './network.js';
import { type Matrix, math, toBig, toFloat64, withPrecision } from './numeric.js';
import { type NetworkCase, networkCaseArb } from './testing/arbitraries.js';
import { centralDifferenceBound, numericMatrixGradient } from './testing/finiteDifference.js';
import { highPrecisionGradient } from './testing/highPrecision.js';
import { gamma, magnitudeBound, operationDepth } from './testing/tolerance.js';

const ALL = Object.keys(ACTIVATIONS) as ActivationName[];

/** Smallest |z_j| over all layers: ReLU cases closer than this to a kink are checked elsewhere. */
function kinkDistance(c: NetworkCase): number {
  const { z } = forward(c.theta, c.x, 'relu');
  return Math.min(
    ...z.slice(1).flatMap((zk) =>
      toRows(zk)
        .flat()
        .map((v) => Math.abs(Number(v))),
    ),
  );
}

/** float64 result vs an oracle, entry by entry, within γ_N · M (tolerance.ts). */
function expectWithinRounding(c: NetworkCase, got: { W: readonly Matrix[]; b: readonly Matrix[] }, want: { W: number[][][]; b: number[][][] }): void {
  const tol = gamma(operationDepth(c.sizes)) * magnitudeBound(c.theta, c.x, c.y);
  for (const which of ['W', 'b'] as const) {
    got[which].forEach((M, k) => {
      toRows(M).forEach((row, i) =>
        row.forEach((v, j) => {
          const err = Math.abs(Number(v) - want[which][k]![i]![j]!);
          if (err > tol) throw new Error(`∂J/∂${which}[${k + 1}](${i + 1},${j + 1}): |${v} − ${want[which][k]![i]![j]}| = ${err} > ${tol}`);
        }),
      );
    });
  }
}

describe('[alg5.line1, alg5.line2, alg5.line3, alg5.line4, alg5.line5, 3.16, 3.5/forward, 3.4/dA-dB-shape, 3.5/backward-order] Algorithm 5 (corrected)', () => {
  it('computes by hand a 1-1-1 ReLU network exactly', () => {
    // W1 = 2, b1 = −1, W2 = 3, b2 = 0.5, x = 1, y = 1 (all exact in binary):
    // z1 = 2·1 − 1 = 1, a1 = 1, z2 = 3·1 + 0.5 = 3.5 = o, J = ½(3.5 − 1)² = 3.125,
    // δ2 = z2 − y = 2.5, ∂J/∂W2 = δ2·a1 = 2.5, ∂J/∂b2 = 2.5,
    // δ1 = W2ᵀδ2 ⊙ 1{z1 >= 0} = 7.5, ∂J/∂W1 = δ1·x = 7.5, ∂J/∂b1 = 7.5.
    const theta: Params = { W: [matrixFromRows([[2]]), matrixFromRows([[3]])], b: [columnVector([-1]), columnVector([0.5])] };
    const bp = backprop(theta, columnVector([1]), 1);
    expect(bp.J).toBe(3.125);
    expect(bp.gradient.W.map(toRows)).toEqual([[[7.5]], [[2.5]]]);
    expect(bp.gradient.b.map(toRows)).toEqual([[[7.5]], [[2.5]]]);
    expect(toRows(bp.delta[2]!)).toEqual([[2.5]]);
    expect(toRows(bp.delta[1]!)).toEqual([[7.5]]);
  });

  it("uses ReLU'(0) = 1 at a kink, as the notes' 1{z >= 0}", () => {
    // b1 = −2 makes z1 = 2·1 − 2 = 0 exactly: a1 = 0, o = 0.5, δ2 = 0.5 − 1 = −0.5,
    // δ1 = 3 · (−0.5) · 1{0 >= 0} = −1.5 (it would be 0 with tfjs's ReLU'(0) = 0).
    const theta: Params = { W: [matrixFromRows([[2]]), matrixFromRows([[3]])], b: [columnVector([-2]), columnVector([0.5])] };
    const bp = backprop(theta, columnVector([1]), 1);
    expect(toRows(bp.gradient.W[0]!)).toEqual([[-1.5]]);
    expect(toRows(bp.gradient.b[0]!)).toEqual([[-1.5]]);
  });

  it('returns gradients of the shapes of W[k] and b[k] (footnote 6) and δ[k] of the shape of z[k]', () => {
    fc.assert(
      fc.property(networkCaseArb(), (c) => {
        const bp = backprop(c.theta, c.x, c.y);
        c.theta.W.forEach((W, k) => expect(bp.gradient.W[k]!.size()).toEqual(W.size()));
        c.theta.b.forEach((b, k) => expect(bp.gradient.b[k]!.size()).toEqual(b.size()));
        bp.pass.z.forEach((z, k) => expect(bp.delta[k]!.size()).toEqual(z.size()));
      }),
      { numRuns: 50 },
    );
  });

  for (const activation of ALL) {
    it(`matches high-precision central differences to float64 rounding (${activation})`, () => {
      fc.assert(
        fc.property(networkCaseArb({ minLayers: 2, maxLayers: 3, maxWidth: 3, generic: true }), (c) => {
          fc.pre(activation !== 'relu' || kinkDistance(c) > 1e-20); // BigNumber FD steps 1e-25
          expectWithinRounding(c, backprop(c.theta, c.x, c.y, activation).gradient, highPrecisionGradient(c.theta, c.x, c.y, activation));
        }),
        { numRuns: 12 },
      );
    });
  }

  it('agrees with float64 central differences on ReLU networks (classic gradcheck)', () => {
    // Away from kinks a ReLU network's output is piecewise linear in any single parameter, so J is
    // quadratic in it and the central difference has no truncation error (F3 = 0): only the
    // rounding term ε·F/h remains, with F = γ_N·M/ε the evaluation error scale of J.
    fc.assert(
      fc.property(networkCaseArb({ minLayers: 2, maxLayers: 3, maxWidth: 3, generic: true }), (c) => {
        fc.pre(kinkDistance(c) > 1e-3); // h ≈ 6e-6 times |∂z/∂θ| <= M stays off the kink
        const bp = backprop(c.theta, c.x, c.y);
        const evalError = gamma(operationDepth(c.sizes)) * magnitudeBound(c.theta, c.x, c.y);
        const tol = centralDifferenceBound(evalError / 2 ** -52, 0);
        c.theta.W.forEach((W, k) => {
          const J = (M: Matrix): number => {
            const Ws = c.theta.W.slice();
            Ws[k] = M;
            return squaredLoss(predict({ W: Ws, b: c.theta.b }, c.x), c.y) as number;
          };
          const fd = numericMatrixGradient(J, W);
          toRows(bp.gradient.W[k]!).forEach((row, i) => row.forEach((v, j) => expect(Math.abs(Number(v) - fd[i]![j]!)).toBeLessThanOrEqual(tol)));
        });
      }),
      { numRuns: 30 },
    );
  });
});

describe('[alg5.line5, 3.5/forward] high-precision mode', () => {
  it('runs the same code on BigNumbers and agrees with float64 to float64 rounding', () => {
    fc.assert(
      fc.property(networkCaseArb({ minLayers: 2, maxLayers: 3, maxWidth: 3, generic: true }), fc.constantFrom(...ALL), (c, activation) => {
        const big = withPrecision(64, () => backprop(toBig(c.theta), toBig(c.x), math.bignumber(c.y), activation));
        expect(math.isBigNumber(big.J)).toBe(true);
        const asF64 = toFloat64(big.gradient);
        expectWithinRounding(c, backprop(c.theta, c.x, c.y, activation).gradient, {
          W: asF64.W.map((M) => toRows(M) as number[][]),
          b: asF64.b.map((M) => toRows(M) as number[][]),
        });
      }),
      { numRuns: 15 },
    );
  });
});

describe('[alg5.line2, 3.5/forward] bad input is refused with the equation named', () => {
  const theta: Params = { W: [matrixFromRows([[1, 2]]), matrixFromRows([[3]])], b: [columnVector([0]), columnVector([0])] };
  it('rejects a non-finite target', () => {
    expect(() => backprop(theta, columnVector([1, 1]), Number.NaN)).toThrow('Algorithm 5 line 2: y must be a finite number, got NaN');
  });
  it('rejects an input of the wrong shape', () => {
    expect(() => backprop(theta, columnVector([1, 1, 1]), 0)).toThrow('eq. 2.12: x must be 2x1 (d x 1), got 3x1');
  });
  it('rejects a non-finite input entry', () => {
    expect(() => backprop(theta, columnVector([1, Infinity]), 0)).toThrow('eq. 2.12: x must be finite, but entry (2,1) is Infinity');
  });
  it('rejects an unknown activation', () => {
    expect(() => backprop(theta, columnVector([1, 1]), 0, 'softplus' as ActivationName)).toThrow(
      "eq. 2.14: unknown activation 'softplus'; expected one of relu, sigmoid, tanh, identity",
    );
  });
});
