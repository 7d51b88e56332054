/**
 * Numeric proofs of the errata of Algorithm 5, δ^{[k]} and Sections 3.3-3.4 (the two-layer network): the formula
 * as printed (reference/asPrinted.ts) disagrees with float64 central differences of the reference's
 * forward pass by far more than their derived error bound (reference/testing/errataNetwork.ts), and
 * the correction agrees within it.
 */
import { describe, expect, it } from 'vitest';
import { elementwise, relu, reluPrime } from './activations.js';
import { algorithm5AsPrinted, algorithm5WithPrintedLines, dJdoAsConverted, sec33CombinedAsPrinted, verifyDelta1AsPrinted } from './asPrinted.js';
import { backprop } from './backprop.js';
import { squaredLoss } from './loss.js';
import { columnVector, toRows } from './matrix.js';
import { forward, predict, weight } from './network.js';
import { type Matrix, math } from './numeric.js';
import { above, deep, deepX, deepY, fdGradB, fdGradW, fdTolerance, lossOf, maxDiff, twoLayer } from './testing/errataNetwork.js';
import { centralDifference, centralDifferenceBound, EPS64, FD_STEP, numericMatrixGradient } from './testing/finiteDifference.js';
import { gamma, magnitudeBound } from './testing/tolerance.js';

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
