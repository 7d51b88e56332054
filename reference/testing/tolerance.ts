/**
 * Float64 error bounds for the reference's own results, from standard running-error analysis:
 * a sum or product chain of N float64 operations has relative error at most
 * γ_N = N·u / (1 − N·u), u = 2^-53, times the sum of the magnitudes of its terms.
 */

import { toRows } from '../matrix.js';
import type { Params } from '../network.js';
import { type Matrix, math, type Scalar } from '../numeric.js';

export const UNIT_ROUNDOFF = 2 ** -53;

export function gamma(n: number): number {
  return (n * UNIT_ROUNDOFF) / (1 - n * UNIT_ROUNDOFF);
}

/**
 * Longest chain of float64 operations behind any entry of a forward + backprop result for layer
 * sizes [d, m_1, ..., m_r]: each layer adds a dot product of length m_{k−1} (m_{k−1} multiplies
 * and adds), the bias, the activation and its derivative (a few ulps each, counted as 4), once
 * forward and once backward, plus the loss (3 operations).
 */
export function operationDepth(sizes: readonly number[]): number {
  let n = 3;
  for (let k = 1; k < sizes.length; k++) n += 2 * (2 * sizes[k - 1]! + 1 + 4);
  return n;
}

/**
 * An upper bound on the magnitude of every intermediate term of forward + backprop, for
 * activations with |σ(z)| <= max(|z|, 1) and |σ'(z)| <= 1 (ReLU, sigmoid, tanh, identity):
 * |a^{[k]}| <= M_k = max(1, ||W^{[k]}||_∞ M_{k−1} + ||b^{[k]}||_∞), the deltas grow by ||W||_1
 * per layer back, and products of a delta with an activation multiply the two bounds.
 */
export function magnitudeBound(theta: Params, x: Matrix, y: Scalar): number {
  const abs = (M: Matrix): number[][] => toRows(M).map((row) => row.map((v) => Math.abs(Number(v))));
  const inf = (M: Matrix): number => Math.max(...abs(M).flat());
  const rowSum = (M: Matrix): number => Math.max(...abs(M).map((row) => row.reduce((s, v) => s + v, 0)));
  const colSum = (M: Matrix): number => rowSum(math.transpose(M));
  let activation = Math.max(1, inf(x));
  let weights = 1;
  theta.W.forEach((W, k) => {
    activation = Math.max(1, rowSum(W) * activation + inf(theta.b[k]!));
    weights *= Math.max(1, colSum(W));
  });
  const residual = activation + Math.abs(Number(y));
  return residual * weights * activation;
}
