/**
 * Numeric proofs of the errata of spec/errata.ts: for each, the formula as printed
 * (reference/asPrinted.ts) disagrees with an independent oracle — float64 central differences of
 * the reference's forward pass — by far more than the oracle's derived error bound, and the
 * correction agrees with the oracle within that bound.
 */
import { describe, expect, it } from 'vitest';
import { elementwise, relu, reluPrime, sigmoid, tanh } from './activations.js';
import {
  algorithm5AsPrinted,
  algorithm5WithPrintedLines,
  dJdoAsConverted,
  eq2_5AsPrinted,
  fig3CaptionAsPrinted,
  sec33CombinedAsPrinted,
  sigmoidAsPrinted,
  tanhAsPrinted,
  verifyDelta1AsPrinted,
} from './asPrinted.js';
import { backprop } from './backprop.js';
import { squaredLoss } from './loss.js';
import { columnVector, coord, matrixFromRows, scalarOf, toRows } from './matrix.js';
import { bias, forward, layerSizes, type Params, predict, weight } from './network.js';
import { type Matrix, math } from './numeric.js';
import { gd } from './optimizers.js';
import { centralDifference, centralDifferenceBound, EPS64, FD_STEP, numericMatrixGradient } from './testing/finiteDifference.js';
import { gamma, magnitudeBound, operationDepth, UNIT_ROUNDOFF } from './testing/tolerance.js';

/**
 * A ReLU network with sizes [d, m1, m2, 1] = [2, 4, 3, 1] whose hidden pre-activations are
 * partly negative, far from the kink, and m_{k+1} ≠ m_{k−1} for k = 1, 2. By hand (all dyadic, so
 * exact in float64):
 *   z1 = W1x + b1 = [0.75, −0.75, −0.75, 0.375]ᵀ, a1 = [0.75, 0, 0, 0.375]ᵀ
 *   z2 = W2a1 + b2 = [0.875, −0.4375, 0.4375]ᵀ,  a2 = [0.875, 0, 0.4375]ᵀ
 *   o = z3 = W3a2 + b3 = 0.65625 + 0.21875 + 0.25 = 1.125, y = 0.25, o − y = 0.875.
 */
const deep: Params = {
  W: [
    matrixFromRows([
      [0.5, -0.25],
      [-0.75, 0.5],
      [0.25, 1],
      [-0.5, -1],
    ]),
    matrixFromRows([
      [1, -0.5, 0.25, -1],
      [-0.5, 0.75, 1, 0.5],
      [0.25, 0.5, -0.75, 1],
    ]),
    matrixFromRows([[0.75, -1, 0.5]]),
  ],
  b: [columnVector([0.125, 0.25, -0.5, 0.375]), columnVector([0.5, -0.25, -0.125]), columnVector([0.25])],
};
const deepX = columnVector([1, -0.5]);
const deepY = 0.25;

/** The two-layer network of Sections 3.3-3.4: deep's first layer, then w^{[2]ᵀ} = [1, −0.5, 0.75, −1], b^{[2]} = 0.25. */
const twoLayer: Params = { W: [deep.W[0]!, matrixFromRows([[1, -0.5, 0.75, -1]])], b: [deep.b[0]!, columnVector([0.25])] };

/** The sign pattern 1{z_j^{[k]} >= 0} of every hidden unit (the last layer is linear). */
function activationPattern(theta: Params, x: Matrix): string {
  const { z } = forward(theta, x, 'relu');
  return z
    .slice(1, -1)
    .map((zk) =>
      toRows(zk)
        .flat()
        .map((v) => (Number(v) >= 0 ? '1' : '0'))
        .join(''),
    )
    .join('|');
}

/**
 * The error bound of a float64 central difference of J = ½(h_θ(x) − y)² with respect to any
 * single entry of θ or of x, while no pre-activation crosses a kink (checked by `lossOf`):
 *  - truncation: with the activation pattern fixed, o is affine in any single entry (it enters the
 *    composition of affine maps and fixed 0/1 masks once), so J is quadratic in it: F3 = 0;
 *  - rounding: J is evaluated with absolute error at most E = γ_N·M (reference/testing/tolerance.ts,
 *    N = operationDepth, M = magnitudeBound), so the central difference is off by at most E/h,
 *    which is centralDifferenceBound(F, 0) = ε·F/h with F = E/ε.
 * A printed formula is shown wrong when it misses the central difference by more than 100 times
 * this bound (so no rounding could explain it), and a correction right when it is within the bound.
 */
function fdTolerance(theta: Params, x: Matrix, y: number): number {
  return centralDifferenceBound((gamma(operationDepth(layerSizes(theta))) * magnitudeBound(theta, x, y)) / EPS64, 0);
}

/** J as a float64 function of θ and x that refuses to cross a ReLU kink (which would void F3 = 0). */
function lossOf(theta: Params, x: Matrix, y: number): (theta2: Params, x2: Matrix) => number {
  const pattern = activationPattern(theta, x);
  return (theta2, x2) => {
    if (activationPattern(theta2, x2) !== pattern) throw new Error('a finite-difference step crossed a ReLU kink');
    return squaredLoss(predict(theta2, x2), y) as number;
  };
}

/** ∂J/∂W^{[k]} by central differences (k 1-based). */
function fdGradW(theta: Params, x: Matrix, y: number, k: number): number[][] {
  const J = lossOf(theta, x, y);
  return numericMatrixGradient((M) => J({ W: theta.W.map((W, i) => (i === k - 1 ? M : W)), b: theta.b }, x), weight(theta, k));
}

/** ∂J/∂b^{[k]} by central differences (k 1-based). */
function fdGradB(theta: Params, x: Matrix, y: number, k: number): number[][] {
  const J = lossOf(theta, x, y);
  return numericMatrixGradient((M) => J({ W: theta.W, b: theta.b.map((b, i) => (i === k - 1 ? M : b)) }, x), bias(theta, k));
}

/** The network above layer k: J as a function of a^{[k]} is this network's loss at input a^{[k]}. */
function above(theta: Params, k: number): Params {
  return { W: theta.W.slice(k), b: theta.b.slice(k) };
}

/** Largest entry-wise |A − B|. */
function maxDiff(A: Matrix | number[][], B: number[][]): number {
  const rows = Array.isArray(A) ? A : (toRows(A) as number[][]);
  return Math.max(...rows.flatMap((row, i) => row.map((v, j) => Math.abs(Number(v) - B[i]![j]!))));
}

describe('the test network', () => {
  it('[alg5.line1, 2.13] has the hand-computed forward pass, negative pre-activations and no unit near a kink', () => {
    const { z, o } = forward(deep, deepX);
    expect(toRows(z[1]!)).toEqual([[0.75], [-0.75], [-0.75], [0.375]]);
    expect(toRows(z[2]!)).toEqual([[0.875], [-0.4375], [0.4375]]);
    expect(o).toBe(1.125);
    // A step of FD_STEP ≈ 6.1e-6 moves a pre-activation by at most FD_STEP·M, far below 0.375.
    expect(FD_STEP * magnitudeBound(deep, deepX, deepY)).toBeLessThan(0.375);
  });

  it('[alg5.line1, alg5.line2, alg5.line3, alg5.line4, alg5.line5] the transcription harness with no printed line is exactly the corrected Algorithm 5', () => {
    const harness = algorithm5WithPrintedLines(deep, deepX, deepY, []);
    const bp = backprop(deep, deepX, deepY);
    bp.gradient.W.forEach((W, k) => expect(toRows(harness.W[k]!)).toEqual(toRows(W)));
    bp.gradient.b.forEach((b, k) => expect(toRows(harness.b[k]!)).toEqual(toRows(b)));
  });
});

describe('Algorithm 5 as printed', () => {
  const tol = fdTolerance(deep, deepX, deepY);

  it('[erratum:alg5.line1-range] storing z^{[k]} only for k = 1..r−1 leaves line 2 without z^{[r]}', () => {
    expect(() => algorithm5WithPrintedLines(deep, deepX, deepY, ['line1-range'])).toThrow(/z\[3\] is used but no line computed it/);
    expect(() => algorithm5AsPrinted(deep, deepX, deepY)).toThrow(/z\[3\]/);
  });

  it('[erratum:alg5.line2-o-for-y] δ^{[r]} = z^{[r]} − o is identically 0, so every gradient vanishes; z^{[r]} − y matches central differences', () => {
    const printed = algorithm5WithPrintedLines(deep, deepX, deepY, ['line2-o']);
    expect(toRows(printed.delta[3]!)).toEqual([[0]]);
    for (let k = 1; k <= 3; k++) {
      const fd = fdGradW(deep, deepX, deepY, k);
      const fdNorm = Math.max(...fd.flat().map(Math.abs));
      // The true gradient is far from 0 (e.g. ∂J/∂W3 = (o − y)a2ᵀ = 0.875·[0.875, 0, 0.4375]) ...
      expect(fdNorm).toBeGreaterThan(100 * tol);
      expect(
        toRows(printed.W[k - 1]!)
          .flat()
          .every((v) => v === 0),
      ).toBe(true);
      // ... and the corrected line 2 reproduces it.
      expect(maxDiff(backprop(deep, deepX, deepY).gradient.W[k - 1]!, fd)).toBeLessThanOrEqual(tol);
    }
  });

  it('[erratum:alg5.loop-misses-layer1] the loop k = r−1 to 1 never produces ∂J/∂W^{[1]}, ∂J/∂b^{[1]}; running line 5 for k = 0 (a^{[0]} = x) does', () => {
    const printed = algorithm5WithPrintedLines(deep, deepX, deepY, ['line3-stops-at-1']);
    expect(printed.W[0]).toBeUndefined();
    expect(printed.b[0]).toBeUndefined();
    // δ^{[1]} is computed (line 4 at k = 1) but never used.
    expect(printed.delta[1]).toBeDefined();
    const bp = backprop(deep, deepX, deepY);
    expect(maxDiff(bp.gradient.W[0]!, fdGradW(deep, deepX, deepY, 1))).toBeLessThanOrEqual(tol);
    expect(maxDiff(bp.gradient.b[0]!, fdGradB(deep, deepX, deepY, 1))).toBeLessThanOrEqual(tol);
  });

  it('[erratum:alg5.line4-delta-k-minus-1] δ^{[k−1]} is not yet computed when the loop (going down) reaches k, and has the wrong length', () => {
    expect(() => algorithm5WithPrintedLines(deep, deepX, deepY, ['line4-delta-k-minus-1'])).toThrow(/δ\[1\] is used but no line computed it/);
    // Shape: W^{[k+1]ᵀ} is m_k × m_{k+1} but δ^{[k−1]} has m_{k−1} entries; for k = 1, m2 = 3 ≠ m0 = 2.
    const anyDeltaOfLengthM0 = columnVector([1, 1]);
    expect(() => math.multiply(math.transpose(weight(deep, 2)), anyDeltaOfLengthM0)).toThrow();
  });

  it('[erratum:alg5.line5-z-for-a] δ^{[k+1]} z^{[k]ᵀ} differs from central differences where z^{[k]} < 0; δ^{[k+1]} a^{[k]ᵀ} agrees', () => {
    // The printed loop (k = r−1..1) with the printed line 5: layers 2 and 3.
    const printed = algorithm5WithPrintedLines(deep, deepX, deepY, ['line3-stops-at-1', 'line5-z']);
    const bp = backprop(deep, deepX, deepY);
    for (const k of [2, 3]) {
      const fd = fdGradW(deep, deepX, deepY, k);
      // By hand for k = 3: printed δ3·z2ᵀ has entry 2 = 0.875·(−0.4375) = −0.3828125, true 0.875·0 = 0.
      expect(maxDiff(printed.W[k - 1]!, fd)).toBeGreaterThan(100 * tol);
      expect(maxDiff(bp.gradient.W[k - 1]!, fd)).toBeLessThanOrEqual(tol);
    }
  });
});

describe('δ^{[k]} is ∂J/∂z^{[k]}, not ∂J/∂a^{[k]}', () => {
  it("[erratum:eq3.16-dJ-da-for-dJ-dz] ∂J/∂a^{[k]} (central differences in a^{[k]}) differs from Algorithm 5's δ^{[k]}, which equals ∂J/∂z^{[k]}", () => {
    const bp = backprop(deep, deepX, deepY);
    for (const k of [1, 2]) {
      // J as a function of a^{[k]} is the loss of the layers above k; as a function of z^{[k]} it
      // is that composed with ReLU. Both are quadratic while no sign flips (F3 = 0): fdTolerance applies.
      const top = above(deep, k);
      const ak = bp.pass.a[k]!;
      const zk = bp.pass.z[k]!;
      const tol = fdTolerance(top, ak, deepY) + fdTolerance(top, elementwise(relu, zk), deepY);
      const J = lossOf(top, ak, deepY);
      const dJda = numericMatrixGradient((a) => J(top, a), ak);
      const dJdz = numericMatrixGradient((z) => J(top, elementwise(relu, z)), zk);
      // By hand for k = 2: ∂J/∂a2 = W3ᵀ(o − y) = [0.65625, −0.875, 0.4375]ᵀ, δ2 = [0.65625, 0, 0.4375]ᵀ.
      expect(maxDiff(bp.delta[k]!, dJda)).toBeGreaterThan(100 * tol);
      expect(maxDiff(bp.delta[k]!, dJdz)).toBeLessThanOrEqual(tol);
    }
  });
});

describe('Sections 3.3-3.4 as printed (two-layer network)', () => {
  const tol = fdTolerance(twoLayer, deepX, deepY);
  const fdW1 = fdGradW(twoLayer, deepX, deepY, 1);

  it('[erratum:sec3.4-verify-z-from-a] eq. 3.15 with "z ← a" gives ∂J/∂a ⊙ ReLU\'(a) = ∂J/∂a (a >= 0), not ∂J/∂z', () => {
    const pass = forward(twoLayer, deepX);
    // By hand: o = [1, −0.5, 0.75, −1]·[0.75, 0, 0, 0.375] + 0.25 = 0.625, o − y = 0.375, and
    // ∂J/∂z_2 = ∂J/∂z_3 = 0 (z_2 = z_3 = −0.75 < 0) while ∂J/∂a_2 = −0.1875, ∂J/∂a_3 = 0.28125.
    const residual = math.subtract(pass.o, deepY);
    const dJda = math.multiply(math.transpose(weight(twoLayer, 2)), residual) as Matrix;
    const printed = verifyDelta1AsPrinted(dJda, pass.a[1]!);
    const corrected = math.dotMultiply(dJda, elementwise(reluPrime, pass.z[1]!)) as Matrix;
    // Oracle: ∂J/∂z by central differences of J(z) = loss of the output layer at ReLU(z).
    const top = above(twoLayer, 1);
    const J = lossOf(top, pass.a[1]!, deepY);
    const fdTol = fdTolerance(top, pass.a[1]!, deepY);
    const dJdz = numericMatrixGradient((z) => J(top, elementwise(relu, z)), pass.z[1]!);
    expect(maxDiff(printed, dJdz)).toBeGreaterThan(100 * fdTol);
    expect(maxDiff(corrected, dJdz)).toBeLessThanOrEqual(fdTol);
  });

  it('[erratum:sec3.3-combined-w_i] (o − y)(w^{[2]})_j 1{z_j ≥ 0} x_ℓ is ∂J/∂(w_j^{[1]})_ℓ: read as ∂J/∂(w_i^{[1]})_ℓ with i ≠ j it is wrong', () => {
    // i = 1, j = 2, ℓ = 1: printed = (o − y)·(−0.5)·1{−0.75 >= 0}·1 = 0, true ∂J/∂(w_1)_1 = (o − y)·1·1·1 ≠ 0.
    const printedI1 = sec33CombinedAsPrinted(twoLayer, deepX, deepY, 2, 1) as number;
    expect(Math.abs(printedI1 - fdW1[0]![0]!)).toBeGreaterThan(100 * tol);
    for (let j = 1; j <= 4; j++) {
      for (let l = 1; l <= 2; l++) {
        expect(Math.abs((sec33CombinedAsPrinted(twoLayer, deepX, deepY, j, l) as number) - fdW1[j - 1]![l - 1]!)).toBeLessThanOrEqual(tol);
      }
    }
  });

  it('[erratum:alg3-alg4.minus-lost] "(o y)" read as o·y is not ∂J/∂o; o − y is', () => {
    const o = predict(twoLayer, deepX) as number;
    // J(o) = ½(y − o)² is a quadratic in o (F3 = 0); squaredLoss rounds 3 times on terms bounded
    // by ½(|o| + |y|)², so E = γ_3·½(|o| + |y|)² and the bound is E/h = centralDifferenceBound(E/ε, 0).
    const fdTol = centralDifferenceBound((gamma(3) * 0.5 * (Math.abs(o) + deepY) ** 2) / EPS64, 0);
    const fd = centralDifference((t) => squaredLoss(t, deepY) as number, o);
    expect(Math.abs((dJdoAsConverted(o, deepY) as number) - fd)).toBeGreaterThan(100 * fdTol);
    expect(Math.abs(o - deepY - fd)).toBeLessThanOrEqual(fdTol);
  });
});

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
