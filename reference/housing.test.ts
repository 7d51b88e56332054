import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpecError } from './errors.js';
import { fullyConnectedHidden, housingHidden, housingLossGradient, housingNetwork, housingOutputGradient } from './housing.js';
import { columnVector, matrixFromRows, toRows, vectorEntries } from './matrix.js';
import { type Params, predict } from './network.js';
import { type Matrix, math, type Scalar, toBig, withPrecision } from './numeric.js';
import { highPrecisionGradient } from './testing/highPrecision.js';
import { genericEntry as generic } from './testing/plainArbitraries.js';
import { gamma, magnitudeBound, operationDepth } from './testing/tolerance.js';
import { twoLayerForward } from './twoLayerVectorized.js';

/**
 * Eq. 2.3 as the network of eq. 2.12 with sizes [4, 3, 1]: row j of W^{[1]} holds the weights of
 * a_j on the inputs it sees and exact zeros elsewhere (Figure 2's missing edges).
 */
function embed(t: readonly number[]): Params {
  const [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12] = t as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return {
    W: [
      matrixFromRows([
        [t1, t2, 0, 0],
        [0, 0, t4, 0],
        [0, 0, t6, t7],
      ]),
      matrixFromRows([[t9, t10, t11]]),
    ],
    b: [columnVector([t3, t5, t8]), columnVector([t12])],
  };
}

/** Where ∂J/∂θ_i sits in the embedded network's gradient: [W or b, layer k − 1, row, column]. */
const SLOT: readonly (readonly ['W' | 'b', number, number, number])[] = [
  ['W', 0, 0, 0],
  ['W', 0, 0, 1],
  ['b', 0, 0, 0], // θ1, θ2, θ3
  ['W', 0, 1, 2],
  ['b', 0, 1, 0], // θ4, θ5
  ['W', 0, 2, 2],
  ['W', 0, 2, 3],
  ['b', 0, 2, 0], // θ6, θ7, θ8
  ['W', 1, 0, 0],
  ['W', 1, 0, 1],
  ['W', 1, 0, 2],
  ['b', 1, 0, 0], // θ9..θ12
];

/** Values with 1/16 <= |v| <= 1 (genericEntry) keep pre-activations off the ReLU kink almost surely. */
const caseArb = fc.record({
  theta: fc.array(generic, { minLength: 12, maxLength: 12 }),
  x: fc.array(generic, { minLength: 4, maxLength: 4 }),
  y: generic,
});

// θ for the worked examples (all values exact in binary).
const THETA = [1, 1, -1, 1, 0, 0.5, 0.5, 0, 2, 1, 1, 0.5];
const X = columnVector([2, 3, 1, 4]);

describe('[2/housing-a1, 2/housing-a2, 2/housing-a3] the hidden units of the housing network', () => {
  it('computes a worked example by hand', () => {
    // x = (2, 3, 1, 4): a1 = ReLU(1·2 + 1·3 − 1) = 4; a2 = ReLU(1·1 + 0) = 1;
    // a3 = ReLU(0.5·1 + 0.5·4 + 0) = 2.5.
    expect(housingHidden(THETA, X)).toMatchObject({ a1: 4, a2: 1, a3: 2.5, z1: 4, z2: 1, z3: 2.5 });
    // θ5 = −2 makes a2 = ReLU(1 − 2) = 0.
    const off = THETA.slice();
    off[4] = -2;
    expect(housingHidden(off, X)).toMatchObject({ z2: -1, a2: 0 });
  });

  it('uses only the inputs of Figure 2: a1 ignores x3, x4; a2 ignores x1, x2, x4; a3 ignores x1, x2', () => {
    fc.assert(
      fc.property(caseArb, generic, ({ theta, x }, v) => {
        const base = housingHidden(theta, columnVector(x));
        const change = (i: number): ReturnType<typeof housingHidden> => housingHidden(theta, columnVector(x.map((xi, k) => (k === i ? v : xi))));
        expect([change(2).a1, change(3).a1]).toEqual([base.a1, base.a1]);
        expect([change(0).a2, change(1).a2, change(3).a2]).toEqual([base.a2, base.a2, base.a2]);
        expect([change(0).a3, change(1).a3]).toEqual([base.a3, base.a3]);
      }),
      { numRuns: 30 },
    );
  });

  it('equals eq. 2.4 with zero weights on the unused inputs', () => {
    fc.assert(
      fc.property(caseArb, ({ theta, x }) => {
        const [t1, t2, t3, t4, t5, t6, t7, t8] = theta as [number, number, number, number, number, number, number, number];
        const w = [columnVector([t1, t2, 0, 0]), columnVector([0, 0, t4, 0]), columnVector([0, 0, t6, t7])];
        const xs = columnVector(x);
        const h = housingHidden(theta, xs);
        // The zero terms add exact zeros; the remaining sums run in the same order: no new rounding
        // except the order of + θ3 vs + 0·x3 + 0·x4, which adds exact zeros. Same numbers.
        const fcHidden = fullyConnectedHidden(w, [t3, t5, t8], xs);
        expect(fcHidden.map((a, i) => Math.abs(Number(a) - Number([h.a1, h.a2, h.a3][i])))).toEqual([0, 0, 0]);
      }),
      { numRuns: 30 },
    );
  });
});

describe('[2.3] the housing network h = θ9a1 + θ10a2 + θ11a3 + θ12', () => {
  it('computes a worked example by hand', () => {
    // a = (4, 1, 2.5): h = 2·4 + 1·1 + 1·2.5 + 0.5 = 12.
    expect(housingNetwork(THETA, X)).toBe(12);
  });

  it('equals reference/network.ts#predict on the embedded [4, 3, 1] network', () => {
    fc.assert(
      fc.property(caseArb, ({ theta, x, y }) => {
        const net = embed(theta);
        const xs = columnVector(x);
        // Both are within γ_N·M of the exact h (tolerance.ts), so within 2γ_N·M of each other.
        const tol = 2 * gamma(operationDepth([4, 3, 1])) * magnitudeBound(net, xs, y);
        expect(Math.abs(Number(housingNetwork(theta, xs)) - Number(predict(net, xs)))).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 40 },
    );
  });

  it('rejects θ of the wrong length, non-finite entries and a wrong x, naming eq. 2.3', () => {
    expect(() => housingNetwork(THETA.slice(0, 11), X)).toThrow('eq. 2.3: θ must have 12 entries (θ1..θ12), got 11');
    expect(() => housingHidden([...THETA, 1], X)).toThrow('eq. 2.3: θ must have 12 entries (θ1..θ12), got 13');
    expect(() =>
      housingNetwork(
        THETA.map((t, i) => (i === 4 ? Number.NaN : t)),
        X,
      ),
    ).toThrow('eq. 2.3: θ5 must be a finite number, got NaN');
    expect(() => housingNetwork(THETA, columnVector([1, 2, 3]))).toThrow('eq. 2.3: x must be 4x1');
    expect(() => housingNetwork(THETA, columnVector([1, 2, Infinity, 3]))).toThrow('eq. 2.3: x must be finite, but entry (3,1) is Infinity');
    expect(() => housingNetwork('θ' as unknown as Scalar[], X)).toThrow(SpecError);
  });
});

describe('[2.3, 3.3] the housing gradient by the chain rule', () => {
  it('computes a worked example by hand', () => {
    // h = 12, y = 10: J = ½·2² = 2, ∂J/∂h = 2. All z_j > 0, so every 1{z_j >= 0} = 1:
    // θ1: 2·θ9·x1 = 2·2·2 = 8, θ2: 2·2·3 = 12, θ3: 2·2 = 4, θ4: 2·θ10·x3 = 2, θ5: 2,
    // θ6: 2·θ11·x3 = 2, θ7: 2·1·4 = 8, θ8: 2, θ9: 2·a1 = 8, θ10: 2·a2 = 2, θ11: 2·a3 = 5, θ12: 2.
    const g = housingLossGradient(THETA, X, 10);
    expect(g.h).toBe(12);
    expect(g.J).toBe(2);
    expect(g.grad).toEqual([8, 12, 4, 2, 2, 2, 8, 2, 8, 2, 5, 2]);
    // θ5 = −2: z2 = −1, a2 = 0, h = 11, ∂J/∂h = 1: the a2 branch (θ4, θ5, θ10) gets 0.
    const off = THETA.slice();
    off[4] = -2;
    const g2 = housingLossGradient(off, X, 10);
    expect([g2.grad[3], g2.grad[4], g2.grad[9]].map((v) => Math.abs(Number(v)))).toEqual([0, 0, 0]);
    expect(g2.grad[0]).toBe(4); // 1·θ9·x1 = 1·2·2
  });

  it('gives ∂h/∂θ with ∂J/∂θ = (h − y)·∂h/∂θ', () => {
    // ∂h/∂θ at the worked example is the loss gradient divided by ∂J/∂h = 2 (exact halvings).
    expect(housingOutputGradient(THETA, X).grad).toEqual([4, 6, 2, 1, 1, 1, 4, 1, 4, 1, 2.5, 1]);
  });

  it('matches high-precision central differences on the embedded network', () => {
    fc.assert(
      fc.property(caseArb, ({ theta, x, y }) => {
        const xs = columnVector(x);
        const { z1, z2, z3 } = housingHidden(theta, xs);
        fc.pre([z1, z2, z3].every((z) => Math.abs(Number(z)) > 1e-20)); // the oracle steps by 1e-25
        const net = embed(theta);
        const oracle = highPrecisionGradient(net, xs, y, 'relu');
        // float64 within γ_N·M of the true gradient, the oracle exact to far below that.
        const tol = gamma(operationDepth([4, 3, 1])) * magnitudeBound(net, xs, y);
        housingLossGradient(theta, xs, y).grad.forEach((g, i) => {
          const [which, k, r, c] = SLOT[i]!;
          expect(Math.abs(Number(g) - oracle[which][k]![r]![c]!)).toBeLessThanOrEqual(tol);
        });
      }),
      { numRuns: 10 },
    );
  });

  it('runs unchanged on BigNumbers (worked example at 64 digits)', () => {
    withPrecision(64, () => {
      const g = housingLossGradient(
        THETA.map((t) => math.bignumber(t)),
        toBig(X),
        math.bignumber(10),
      );
      expect(String(g.J)).toBe('2');
      expect(g.grad.map(String)).toEqual(['8', '12', '4', '2', '2', '2', '8', '2', '8', '2', '5', '2']);
    });
  });

  it('rejects bad input naming eq. 2.3 / eq. 1.1', () => {
    expect(() => housingLossGradient(THETA.slice(1), X, 0)).toThrow('eq. 2.3: θ must have 12 entries (θ1..θ12), got 11');
    expect(() => housingLossGradient(THETA, X, Number.NaN)).toThrow('eq. 1.1: y must be a finite number');
    expect(() => housingOutputGradient(THETA, columnVector([1, 2, 3, 4, 5]))).toThrow('eq. 2.3: x must be 4x1');
  });
});

describe('[2.4] the fully-connected hidden layer a_i = ReLU(w_iᵀx + b_i), i = 1..3', () => {
  it('computes a worked example by hand', () => {
    // x = (1, 2, 3, 4): w1 = (1, 0, 0, 0), b1 = 0 → 1; w2 = (1, 1, 1, 1), b2 = −20 → ReLU(−10) = 0;
    // w3 = (0.5, 0.5, 0.5, 0.5), b3 = 1 → 5 + 1 = 6.
    const w = [columnVector([1, 0, 0, 0]), columnVector([1, 1, 1, 1]), columnVector([0.5, 0.5, 0.5, 0.5])];
    expect(fullyConnectedHidden(w, [0, -20, 1], columnVector([1, 2, 3, 4]))).toEqual([1, 0, 6]);
  });

  it('is the hidden layer a of the vectorized two-layer network (eq. 2.11) with m = 3, d = 4', () => {
    fc.assert(
      fc.property(caseArb, ({ theta, x }) => {
        const w = [0, 1, 2].map((i) => columnVector(theta.slice(4 * i, 4 * i + 4)));
        const b = [theta[8]!, theta[9]!, theta[10]!];
        const net: Params = { W: [matrixFromRows(w.map(vectorEntries)), matrixFromRows([[1, 1, 1]])], b: [columnVector(b), columnVector([0])] };
        const xs = columnVector(x);
        const a = toRows(twoLayerForward(net, xs).a).map(([v]) => Number(v));
        // Each a_i: a 4-term dot product plus b_i, within γ_5·(Σ|w_i||x| + |b_i|) <= γ_5·5 of exact
        // (entries in [−1, 1]); two such results differ by at most twice that.
        fullyConnectedHidden(w, b, xs).forEach((ai, i) => expect(Math.abs(Number(ai) - a[i]!)).toBeLessThanOrEqual(2 * gamma(5) * 5));
      }),
      { numRuns: 30 },
    );
  });

  it('rejects wrong counts, shapes and values naming eq. 2.4', () => {
    const w = [columnVector([1, 0, 0, 0]), columnVector([1, 1, 1, 1]), columnVector([0, 0, 0, 1])];
    const x = columnVector([1, 2, 3, 4]);
    expect(() => fullyConnectedHidden(w.slice(0, 2), [0, 0, 0], x)).toThrow('eq. 2.4: there must be 3 weight vectors w_1, w_2, w_3, got 2');
    expect(() => fullyConnectedHidden(w, [0, 0], x)).toThrow('eq. 2.4: there must be 3 biases b_1, b_2, b_3, got 2');
    expect(() => fullyConnectedHidden([w[0]!, columnVector([1, 2, 3]), w[2]!], [0, 0, 0], x)).toThrow('eq. 2.4: w_2 must be 4x1');
    expect(() => fullyConnectedHidden(w, [0, Number.NaN, 0], x)).toThrow('eq. 2.4: b_2 must be a finite number');
    expect(() => fullyConnectedHidden(w, [0, 0, 0], columnVector([1, 2]) as Matrix)).toThrow('eq. 2.4: x must be 4x1');
  });
});
