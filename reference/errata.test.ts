/**
 * Numeric proofs of the errata of spec/errata.ts: for each, the formula as printed
 * (reference/asPrinted.ts) disagrees with an independent oracle — float64 central differences of
 * the reference's forward pass — by far more than the oracle's derived error bound, and the
 * correction agrees with the oracle within that bound.
 */
import { describe, expect, it } from 'vitest';
import { relu, reluPrime, sigmoid, tanh } from './activations.js';
import { eq2_5AsPrinted, fig3CaptionAsPrinted, sigmoidAsPrinted, tanhAsPrinted } from './asPrinted.js';
import { squaredLoss } from './loss.js';
import { columnVector, coord, matrixFromRows, scalarOf, toRows } from './matrix.js';
import { bias, forward, type Params, weight } from './network.js';
import { type Matrix, math } from './numeric.js';
import { gd } from './optimizers.js';
import { deep, deepX, maxDiff } from './testing/errataNetwork.js';
import { centralDifference, centralDifferenceBound, EPS64, FD_STEP, numericMatrixGradient } from './testing/finiteDifference.js';
import { gamma, UNIT_ROUNDOFF } from './testing/tolerance.js';

describe('Section 2 as printed', () => {
  it('[erratum:eq2.5-index-and-transpose] z_j = w_i^{[1]} x + b_i^{[1]} is undefined for d >= 2 (d×1 times d×1) and constant in j for d = 1', () => {
    const W1 = weight(deep, 1);
    const b1 = bias(deep, 1);
    expect(() => eq2_5AsPrinted(W1, b1, deepX, 1)).toThrow();
    // d = 1, m = 2: W1 = [2, −3]ᵀ, b1 = [1, 0.5]ᵀ, x = 1: correct z = [3, −2.5]ᵀ; printed with i = 1 gives [3, 3]ᵀ.
    const W1d1 = matrixFromRows([[2], [-3]]);
    const b1d1 = columnVector([1, 0.5]);
    const x1 = columnVector([1]);
    const correct = forward({ W: [W1d1, matrixFromRows([[1, 1]])], b: [b1d1, columnVector([0])] }, x1).z[1]!;
    expect(toRows(correct)).toEqual([[3], [-2.5]]);
    expect(toRows(eq2_5AsPrinted(W1d1, b1d1, x1, 1))).toEqual([[3], [3]]);
  });

  it('[erratum:fig3.caption-sum-range-and-bias] ReLU(Σ_{i=1}^{m} (w_j^{[1]})_i x_i) is not a_j: the sum must run to d and add b_j^{[1]}', () => {
    // m = 4 > d = 2: the printed sum needs x_3, x_4, which do not exist.
    expect(() => fig3CaptionAsPrinted(weight(deep, 1), deepX)).toThrow(/x_3 does not exist/);
    // m = 2 < d = 3, by hand: x = [1, 2, 0.5]ᵀ, w_1 = [0.5, −0.25, 1], w_2 = [0.75, 0.5, −0.5], b = [0.25, −0.125]:
    // a_1 = ReLU(0.5 − 0.5 + 0.5 + 0.25) = 0.75, a_2 = ReLU(0.75 + 1 − 0.25 − 0.125) = 1.375;
    // printed: ReLU(0.5 − 0.5) = 0, ReLU(0.75 + 1) = 1.75.
    const W1 = matrixFromRows([
      [0.5, -0.25, 1],
      [0.75, 0.5, -0.5],
    ]);
    const x = columnVector([1, 2, 0.5]);
    const theta: Params = { W: [W1, matrixFromRows([[1, 1]])], b: [columnVector([0.25, -0.125]), columnVector([0])] };
    expect(toRows(forward(theta, x).a[1]!)).toEqual([[0.75], [1.375]]);
    expect(toRows(fig3CaptionAsPrinted(W1, x))).toEqual([[0], [1.75]]);
  });

  it('[erratum:sec2.penultimate-a-r] the learned features are a^{[r−1]} = φ_β(x) ∈ R^{m_{r−1}}; a^{[r]} is the 1×1 output', () => {
    const pass = forward(deep, deepX);
    const r = 3;
    expect(pass.a[r]!.size()).toEqual([1, 1]);
    expect(pass.a[r - 1]!.size()).toEqual([3, 1]);
    // Eq. 2.21 with φ_β(x) = a^{[r−1]} reproduces h_θ(x) (the same operations, so exactly) ...
    expect(scalarOf(math.add(math.multiply(weight(deep, r), pass.a[r - 1]!), bias(deep, r)) as Matrix)).toBe(pass.o);
    // ... while W^{[r]} ∈ R^{1×3} cannot be applied to a^{[r]} ∈ R^{1×1}.
    expect(() => math.multiply(weight(deep, r), pass.a[r]!)).toThrow();
  });

  it('[erratum:activations.stable-forms] eq. 2.15 evaluated literally overflows to NaN and cancels near 0; the printed sigmoid is already fine', () => {
    // Overflow: e^800 = Infinity in float64, Infinity/Infinity = NaN; tanh(800) = 1 to every digit.
    expect(tanhAsPrinted(800)).toBeNaN();
    expect(tanhAsPrinted(-800)).toBeNaN();
    expect(tanh(800)).toBe(1);
    // Cancellation: tanh(1e-10) = 1e-10·(1 − 3.3e-21), so the correctly rounded value is 1e-10.
    // e^{±z} are each rounded to within u of 1, so the numerator 2e-10 carries an absolute error up
    // to ~2u ≈ 2.2e-16, i.e. a relative error up to ~1.1e-6; in practice it is ~8e-8, i.e. > 1e-9.
    expect(tanh(1e-10)).toBe(1e-10);
    expect(Math.abs(tanhAsPrinted(1e-10) - 1e-10) / 1e-10).toBeGreaterThan(1e-9);
    // Where both are fine, they are the same function: for |z| in [0.5, 20], the literal quotient has
    // relative error <= 2u·coth|z| (exp's 1-ulp error, amplified by the cancellation 1/tanh|z|) + u
    // (subtraction) + 3u (denominator: exp and add) + u (division), Math.tanh <= 2u (1 ulp).
    for (let z = 0.5; z <= 20; z += 0.25) {
      for (const s of [z, -z]) {
        const bound = (2 / Math.tanh(z) + 5 + 2) * UNIT_ROUNDOFF;
        expect(Math.abs(tanhAsPrinted(s) - (tanh(s) as number)) / Math.abs(tanh(s) as number)).toBeLessThanOrEqual(bound);
      }
    }
    // Sigmoid: 1/(1 + e^{−z}) never overflows into NaN (1/Infinity = 0 is the correct limit), and it
    // agrees with the reference's branch form: each form is exp (<= 2u), one add (u) and one divide
    // (u), and the relative error of exp's result is damped by e/(1+e) <= 1, so each is within 4u.
    expect(sigmoidAsPrinted(-800)).toBe(0);
    expect(sigmoidAsPrinted(800)).toBe(1);
    for (let z = -30; z <= 30; z += 0.25) {
      expect(Math.abs(sigmoidAsPrinted(z) - (sigmoid(z) as number)) / (sigmoid(z) as number)).toBeLessThanOrEqual(8 * UNIT_ROUNDOFF);
    }
  });
});

describe('statements of Sections 1, 3 and 4', () => {
  it('[erratum:sec1.scalar-multiple-minima] multiplying J by a negative scalar turns its minimum into a maximum; only c > 0 preserves minima', () => {
    // One example x = 1, y = 1, model h_θ(x) = θx: J(θ) = ½(θ − 1)², minimized at θ = 1 (exact dyadics).
    const J = (theta: number): number => squaredLoss(theta, 1) as number;
    const scaled =
      (c: number) =>
      (theta: number): number =>
        c * J(theta);
    expect(scaled(2)(1)).toBeLessThan(Math.min(scaled(2)(0.5), scaled(2)(1.5)));
    expect(scaled(-1)(1)).toBeGreaterThan(Math.max(scaled(-1)(0.5), scaled(-1)(1.5))); // −J has a maximum at 1
    expect(scaled(-1)(1e6)).toBeLessThan(scaled(-1)(1)); // and no minimum: −J → −∞
    expect(scaled(0)(0.5)).toBe(scaled(0)(1)); // c = 0: every θ is a minimizer
  });

  it('[erratum:thm3.1-relu-not-differentiable] ReLU has no derivative at 0: one-sided slopes 0 and 1, central difference 1/2; the notes use 1{z >= 0} = 1', () => {
    // All exact: relu(±h) ∈ {h, 0}, and h/h, h/(2h) are exact in float64.
    const h = FD_STEP;
    expect((relu(h) as number) / h).toBe(1);
    expect((0 - (relu(-h) as number)) / h).toBe(0);
    expect(centralDifference((t) => relu(t) as number, 0)).toBe(0.5);
    expect(reluPrime(0)).toBe(1);
  });

  it('[erratum:eq3.12-only-z-eq-Wu] eq. 3.12 (and 3.13) hold for z = Wu + b with b ≠ 0, not only for z = Wu', () => {
    // J(z) = ½‖z‖², ∂J/∂z = z. W (2×3), u, b dyadic; J is quadratic in u (F3 = 0). Each entry of z is a
    // length-3 dot product plus b (4 roundings), ½‖z‖² 2 + 2 more: E <= γ_8·S with S = ½(Σ_i Σ_j |W_ij u_j| + |b_i|)².
    const W = matrixFromRows([
      [0.5, -1, 0.25],
      [0.75, 0.5, -0.5],
    ]);
    const u = columnVector([1, -0.5, 2]);
    const b = columnVector([3, -2]);
    const J = (v: Matrix): number => {
      const z = toRows(math.add(math.multiply(W, v), b) as Matrix).flat() as number[];
      return 0.5 * z.reduce((s, zi) => s + zi * zi, 0);
    };
    const z = math.add(math.multiply(W, u), b) as Matrix;
    const formula = toRows(math.multiply(math.transpose(W), z) as Matrix) as number[][];
    const S = 0.5 * (toRows(math.add(math.multiply(math.abs(W), math.abs(u)), math.abs(b)) as Matrix).flat() as number[]).reduce((s, v) => s + v, 0) ** 2;
    const fdTol = centralDifferenceBound((gamma(8) * S) / EPS64, 0);
    expect(maxDiff(formula, numericMatrixGradient(J, u))).toBeLessThanOrEqual(fdTol);
    expect(Math.max(...formula.flat().map(Math.abs))).toBeGreaterThan(100 * fdTol); // a non-trivial check
    expect(coord(b, 1)).not.toBe(0);
  });

  it('[erratum:sec4.m-printed-as-4] W^{[1]}X is m×3 (here m = 2), so b^{[1]} ∈ R^{m×1}, not R^{4×1}', () => {
    const W1 = matrixFromRows([
      [1, 0, 2],
      [0, 1, -1],
    ]); // m = 2, d = 3
    const X = matrixFromRows([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]); // d×3: three examples as columns
    expect((math.multiply(W1, X) as Matrix).size()).toEqual([2, 3]);
    const b4 = columnVector([1, 1, 1, 1]);
    expect(() => math.add(math.multiply(W1, X), math.multiply(b4, matrixFromRows([[1, 1, 1]])))).toThrow();
  });
});

describe('finite range of the step size', () => {
  it('[erratum:sec1.step-size-and-finite-range] J = ½(w + b)² converges for α < 1 and, at α = 1.5, overflows float64 at iteration 512, reported with eq. 1.3', () => {
    const theta: Params = { W: [matrixFromRows([[1]])], b: [matrixFromRows([[0]])] };
    const data = [{ x: columnVector([1]), y: 0 }];
    const converged = gd(theta, data, { alpha: 0.99, nIter: 50 });
    // s_t = (1 − 2α)^t = (−0.98)^t: J_50 = ½·0.98^100 ≈ 0.066 < J_0 = ½
    expect(Number(converged.losses[converged.losses.length - 1])).toBeCloseTo(0.5 * 0.98 ** 100, 12);
    // s_t = (−2)^t: J = ½s² overflows once s² ≥ 2^1024, i.e. t ≥ 512
    expect(() => gd(theta, data, { alpha: 1.5, nIter: 600 })).toThrow(/^eq\. 1\.3: the run diverged at iteration 512 of 600 /);
  });
});
