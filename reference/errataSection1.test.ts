/**
 * Numeric checks of the errata of Section 1 added after reference/errata.test.ts (which holds the
 * older ones): each test is named `[erratum:<id>]` and shows the print wrong and the correction right.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backprop } from './backprop.js';
import { linearHypothesis } from './hypothesis.js';
import { columnVector, matrixFromRows, toRows } from './matrix.js';
import type { Params } from './network.js';
import type { Matrix } from './numeric.js';
import { gdStep } from './optimizers.js';
import { vectorOf } from './testing/plainArbitraries.js';

/** Logistic regression's hypothesis g(θᵀx), g(t) = 1/(1 + e^{−t}). */
const logistic = (theta: Matrix, x: Matrix): number => 1 / (1 + Math.exp(-(linearHypothesis(theta, x) as number)));

/** Entries in [−3, 3], exactly 0 or at least 2^-10 in magnitude: no product or sum below is subnormal, so doubling is exact. */
const entry = fc.oneof(
  fc.constant(0),
  fc.double({ min: -3, max: 3, noNaN: true }).filter((v) => Math.abs(v) >= 2 ** -10),
);

describe('Section 1 as printed', () => {
  it('[erratum:sec1.logistic-not-linear] logistic regression g(θᵀx) is not linear in θ; θᵀx is', () => {
    const x = columnVector([1]);
    // by hand: g(0) = ½ (a linear map sends θ = 0 to 0), g(2) ≈ 0.8808 but 2g(1) ≈ 1.4621
    expect(logistic(columnVector([0]), x)).toBe(0.5);
    expect(logistic(columnVector([2]), x)).toBeCloseTo(0.8808, 4);
    expect(2 * logistic(columnVector([1]), x)).toBeCloseTo(1.4621, 4);
    // For every t = θᵀx: with u = e^{−t}, g(2t)/(2g(t)) = (1 + u)/(2(1 + u²)), whose largest value over
    // u > 0 is at u = √2 − 1: √2/(8 − 4√2) ≈ 0.6036. So 2g(t) − g(2t) >= 0.396·2g(t) > 0: doubling θ
    // never doubles g(θᵀx), by a relative gap far above rounding (g(t) >= 1.8e-12 for |t| <= 27).
    fc.assert(
      fc.property(vectorOf(entry, 3), vectorOf(entry, 3), (t, v) => {
        const [theta, X] = [columnVector(t), columnVector(v)];
        const doubled = columnVector(t.map((e) => 2 * e));
        expect(2 * logistic(theta, X) - logistic(doubled, X)).toBeGreaterThanOrEqual(0.39 * 2 * logistic(theta, X));
        // θᵀx doubles exactly: 2·θ is exact and every product and sum scales by the power of two
        expect(linearHypothesis(doubled, X)).toBe(2 * (linearHypothesis(theta, X) as number));
      }),
      { numRuns: 200 },
    );
  });

  it('[erratum:notation.assignment-simultaneous] θ := θ − α∇J(θ) updates every coordinate from the gradient at the old θ', () => {
    // J(θ) = ½(w + b − 1)²: the [1, 1] network (h = wx + b) at x = 1, y = 1; θ = (0, 0), α = ½. All exact dyadics.
    const theta: Params = { W: [matrixFromRows([[0]])], b: [columnVector([0])] };
    const x = columnVector([1]);
    const J = (w: number, b: number): number => 0.5 * (w + b - 1) ** 2;
    const grad = backprop(theta, x, 1).gradient;
    expect([toRows(grad.W[0]!), toRows(grad.b[0]!)]).toEqual([[[-1]], [[-1]]]);
    const next = gdStep(theta, { W: [...grad.W], b: [...grad.b] }, 0.5);
    const [w, b] = [toRows(next.W[0]!)[0]![0] as number, toRows(next.b[0]!)[0]![0] as number];
    expect([w, b, J(w, b)]).toEqual([0.5, 0.5, 0]);
    // coordinate by coordinate, re-evaluating the gradient after overwriting w: a different θ
    const w1 = 0 - 0.5 * (0 + 0 - 1); // ∂J/∂w at (0, 0) = −1
    const b1 = 0 - 0.5 * (w1 + 0 - 1); // ∂J/∂b at (½, 0) = −½
    expect([w1, b1, J(w1, b1)]).toEqual([0.5, 0.25, 1 / 32]);
  });
});
