/**
 * The test network of the errata proofs (reference/errata*.test.ts) and its independent oracle:
 * float64 central differences of the reference's forward pass with their derived error bound.
 */
import { squaredLoss } from '../loss.js';
import { columnVector, matrixFromRows, toRows } from '../matrix.js';
import { bias, forward, layerSizes, type Params, predict, weight } from '../network.js';
import type { Matrix } from '../numeric.js';
import { centralDifferenceBound, EPS64, numericMatrixGradient } from './finiteDifference.js';
import { gamma, magnitudeBound, operationDepth } from './tolerance.js';

/**
 * A ReLU network with sizes [d, m1, m2, 1] = [2, 4, 3, 1] whose hidden pre-activations are
 * partly negative, far from the kink, and m_{k+1} ≠ m_{k−1} for k = 1, 2. By hand (all dyadic, so
 * exact in float64):
 *   z1 = W1x + b1 = [0.75, −0.75, −0.75, 0.375]ᵀ, a1 = [0.75, 0, 0, 0.375]ᵀ
 *   z2 = W2a1 + b2 = [0.875, −0.4375, 0.4375]ᵀ,  a2 = [0.875, 0, 0.4375]ᵀ
 *   o = z3 = W3a2 + b3 = 0.65625 + 0.21875 + 0.25 = 1.125, y = 0.25, o − y = 0.875.
 */
export const deep: Params = {
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
export const deepX = columnVector([1, -0.5]);
export const deepY = 0.25;

/** The two-layer network of Sections 3.3-3.4: deep's first layer, then w^{[2]ᵀ} = [1, −0.5, 0.75, −1], b^{[2]} = 0.25. */
export const twoLayer: Params = { W: [deep.W[0]!, matrixFromRows([[1, -0.5, 0.75, -1]])], b: [deep.b[0]!, columnVector([0.25])] };

/** The sign pattern 1{z_j^{[k]} >= 0} of every hidden unit (the last layer is linear). */
export function activationPattern(theta: Params, x: Matrix): string {
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
export function fdTolerance(theta: Params, x: Matrix, y: number): number {
  return centralDifferenceBound((gamma(operationDepth(layerSizes(theta))) * magnitudeBound(theta, x, y)) / EPS64, 0);
}

/** J as a float64 function of θ and x that refuses to cross a ReLU kink (which would void F3 = 0). */
export function lossOf(theta: Params, x: Matrix, y: number): (theta2: Params, x2: Matrix) => number {
  const pattern = activationPattern(theta, x);
  return (theta2, x2) => {
    if (activationPattern(theta2, x2) !== pattern) throw new Error('a finite-difference step crossed a ReLU kink');
    return squaredLoss(predict(theta2, x2), y) as number;
  };
}

/** ∂J/∂W^{[k]} by central differences (k 1-based). */
export function fdGradW(theta: Params, x: Matrix, y: number, k: number): number[][] {
  const J = lossOf(theta, x, y);
  return numericMatrixGradient((M) => J({ W: theta.W.map((W, i) => (i === k - 1 ? M : W)), b: theta.b }, x), weight(theta, k));
}

/** ∂J/∂b^{[k]} by central differences (k 1-based). */
export function fdGradB(theta: Params, x: Matrix, y: number, k: number): number[][] {
  const J = lossOf(theta, x, y);
  return numericMatrixGradient((M) => J({ W: theta.W, b: theta.b.map((b, i) => (i === k - 1 ? M : b)) }, x), bias(theta, k));
}

/** The network above layer k: J as a function of a^{[k]} is this network's loss at input a^{[k]}. */
export function above(theta: Params, k: number): Params {
  return { W: theta.W.slice(k), b: theta.b.slice(k) };
}

/** Largest entry-wise |A − B|. */
export function maxDiff(A: Matrix | number[][], B: number[][]): number {
  const rows = Array.isArray(A) ? A : (toRows(A) as number[][]);
  return Math.max(...rows.flatMap((row, i) => row.map((v, j) => Math.abs(Number(v) - B[i]![j]!))));
}
