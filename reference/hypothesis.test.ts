import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featureMap, linearHead } from './featureMap.js';
import { featureHypothesis, linearHypothesis } from './hypothesis.js';
import { columnVector, matrixFromRows } from './matrix.js';
import { initializeParams, type Params, predict } from './network.js';
import { isBig, type Matrix, math, toBig, withPrecision } from './numeric.js';
import { createRng } from './sampler.js';
import { squaresModel } from './squaresModel.js';
import { sizesArb } from './testing/arbitraries.js';
import { matrixOf, vectorOf } from './testing/plainArbitraries.js';

/**
 * Dyadic entries k/8 with |k| <= 16 and coefficients a, b ∈ {±2, ±1, ±½}: every product and sum
 * below has at most ~20 significant bits, far under float64's 53, so each is computed EXACTLY and
 * linearity holds with ===, not within a tolerance (the identity is exact in the reals).
 */
const dyadic = fc.integer({ min: -16, max: 16 }).map((k) => k / 8);
const coefficient = fc.constantFrom(2, 1, 0.5, -0.5, -1, -2);
const column = (n: number): fc.Arbitrary<Matrix> => vectorOf(dyadic, n).map(columnVector);
const combine = (a: number, U: Matrix, b: number, V: Matrix): Matrix => math.add(math.multiply(a, U), math.multiply(b, V)) as Matrix;

/** Exact equality of two doubles, +0 and −0 alike (toBe would tell them apart). */
const expectSame = (got: number, want: number): void => expect(got === want, `${got} vs ${want}`).toBe(true);

/** θ with its last layer replaced by (W, b): the head of eq. 2.21. */
const withHead = (theta: Params, W: Matrix, b: Matrix): Params => ({ W: [...theta.W.slice(0, -1), W], b: [...theta.b.slice(0, -1), b] });

describe('[1/hypothesis] h_θ(x) is one real number for an input x ∈ R^d', () => {
  it('the network of eq. 2.12 maps every x ∈ R^{d×1} to a finite number (and to a BigNumber in high precision)', () => {
    fc.assert(
      fc.property(sizesArb({ maxLayers: 4 }), fc.integer(), (sizes, seed) => {
        const theta = initializeParams(sizes, createRng(seed));
        const x = columnVector(Array.from({ length: sizes[0]! }, (_, i) => 0.25 * i - 0.5));
        const h = predict(theta, x);
        expect(typeof h).toBe('number');
        expect(Number.isFinite(h)).toBe(true);
        expect(isBig(withPrecision(30, () => predict(toBig(theta), toBig(x))))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('takes x ∈ R^d only: a wrong input size is refused naming eq. 2.12', () => {
    const theta = initializeParams([3, 2, 1], createRng(1));
    expect(() => predict(theta, columnVector([1, 2]))).toThrow('eq. 2.12: x must be 3x1 (d x 1), got 2x1');
  });
});

describe('[1/linear-in-theta] θᵀx and θᵀφ(x) are linear in θ; the networks of Section 2 are not', () => {
  it('θᵀx by hand: [1, −2, ½]ᵀ[2, 1, 4] = 2 − 2 + 2 = 2', () => {
    expect(linearHypothesis(columnVector([1, -2, 0.5]), columnVector([2, 1, 4]))).toBe(2);
  });

  it('h_{aθ + bθ′}(x) = a·h_θ(x) + b·h_θ′(x) exactly, for θᵀx and for θᵀφ(x) with φ(x) = (x_1², x_1x_2, 1)', () => {
    const phi = (x: Matrix): Matrix => {
      const [x1, x2] = [x.get([0, 0]) as number, x.get([1, 0]) as number];
      return columnVector([x1 * x1, x1 * x2, 1]);
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((d) => fc.tuple(column(d), column(d), column(d))),
        coefficient,
        coefficient,
        ([t, u, x], a, b) => {
          expectSame(linearHypothesis(combine(a, t, b, u), x) as number, a * (linearHypothesis(t, x) as number) + b * (linearHypothesis(u, x) as number));
        },
      ),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(column(3), column(3), column(2), coefficient, coefficient, (t, u, x, a, b) => {
        const h = (theta: Matrix): number => featureHypothesis(theta, phi, x) as number;
        expectSame(h(combine(a, t, b, u)), a * h(t) + b * h(u));
      }),
      { numRuns: 100 },
    );
  });

  it('a network is linear in its last layer (θᵀφ of eq. 2.21) and, for r = 1, in all of θ: h = W^{[1]}x + b^{[1]} = θᵀ[x; 1]', () => {
    // ReLU on dyadic inputs: every z, a and h is exact (at most 3 layers of 4-term sums of
    // products of k/8-grid numbers), so again ===.
    fc.assert(
      fc.property(
        sizesArb({ maxLayers: 3, maxWidth: 3 }).chain((sizes) =>
          fc.record({
            sizes: fc.constant(sizes),
            W: fc.tuple(...sizes.slice(1).map((m, k) => matrixOf(dyadic, m, sizes[k]!))),
            b: fc.tuple(...sizes.slice(1).map((m) => vectorOf(dyadic, m))),
            U: fc.tuple(matrixOf(dyadic, 1, sizes.at(-2)!), dyadic),
            x: column(sizes[0]!),
          }),
        ),
        coefficient,
        coefficient,
        ({ W, b, U, x }, a, c) => {
          const theta: Params = { W: W.map((M) => matrixFromRows(M)), b: b.map((v) => columnVector(v)) };
          const [Wr, br] = [theta.W.at(-1)!, theta.b.at(-1)!];
          const [Ur, ur] = [matrixFromRows(U[0]), columnVector([U[1]])];
          const h = (head: [Matrix, Matrix]): number => predict(withHead(theta, ...head), x) as number;
          expectSame(h([combine(a, Wr, c, Ur), combine(a, br, c, ur)]), a * h([Wr, br]) + c * h([Ur, ur]));
          expectSame(linearHead(theta, featureMap(theta, x)) as number, predict(theta, x) as number);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is false for the models of this section: h_{2θ}(x) ≠ 2h_θ(x) for a two-layer network and for Σ θ_i² x_i²', () => {
    // [1, 1, 1] with σ(z) = z, W = 1, b = 0: h_θ(x) = x, and doubling θ gives 4x (a product of two weights).
    const theta: Params = { W: [matrixFromRows([[1]]), matrixFromRows([[1]])], b: [columnVector([0]), columnVector([0])] };
    const doubled: Params = { W: theta.W.map((M) => math.multiply(2, M) as Matrix), b: theta.b };
    expect([predict(theta, columnVector([3]), 'identity'), predict(doubled, columnVector([3]), 'identity')]).toEqual([3, 12]);
    // Section 1's example model: h_{2θ} = 4h_θ.
    expect(squaresModel(columnVector([2, -1]), columnVector([1, 1]))).toBe(4 * (squaresModel(columnVector([1, -0.5]), columnVector([1, 1])) as number));
  });

  it('refuses θ that is not a column and x of another size, naming 1/linear-in-theta', () => {
    expect(() => linearHypothesis(matrixFromRows([[1, 2]]), columnVector([1, 2]))).toThrow('1/linear-in-theta: θ must be a column vector d x 1, got 1x2');
    expect(() => linearHypothesis(columnVector([1, 2]), columnVector([1]))).toThrow('1/linear-in-theta: x must be 2x1 (d x 1, the size of θ), got 1x1');
  });
});
