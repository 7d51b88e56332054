/**
 * The high-precision oracle: central differences of J computed entirely in BigNumber arithmetic
 * by the reference's own forward pass (no backprop involved). At 64 digits with h = 1e-25 the
 * truncation error h²·|J'''|/6 ~ 1e-50·|J'''| and the rounding error 1e-64·|J|/h ~ 1e-39·|J|
 * are far below float64's 1.1e-16, so the result is the true gradient for float64 purposes
 * (wherever no ReLU kink lies within h of a pre-activation).
 */
import type { ActivationName } from '../activations.js';
import { squaredLoss } from '../loss.js';
import { forward, type Params } from '../network.js';
import { type Matrix, math, type Scalar, toBig, withPrecision } from '../numeric.js';

export const HIGH_PRECISION_DIGITS = 64;
export const HIGH_PRECISION_STEP = '1e-25';

/** ∂J/∂W^{[k]} and ∂J/∂b^{[k]} for every k, as float64 rows, from BigNumber central differences. */
export function highPrecisionGradient(theta: Params, x: Matrix, y: Scalar, activation: ActivationName): { W: number[][][]; b: number[][][] } {
  return withPrecision(HIGH_PRECISION_DIGITS, () => {
    const big = toBig(theta);
    const bx = toBig(x);
    const by = toBig(y);
    const h = math.bignumber(HIGH_PRECISION_STEP);
    const J = (p: Params): Scalar => squaredLoss(forward(p, bx, activation).o, by);
    const perturbed = (which: 'W' | 'b', k: number, i: number, j: number, s: number): Params => {
      const list = big[which].slice();
      const M = list[k]!.clone();
      M.set([i, j], math.add(M.get([i, j]) as Scalar, math.multiply(h, s)));
      list[k] = M;
      return { ...big, [which]: list };
    };
    const grad = (which: 'W' | 'b'): number[][][] =>
      big[which].map((M, k) => {
        const [rows, cols] = M.size() as [number, number];
        return Array.from({ length: rows }, (_, i) =>
          Array.from({ length: cols }, (_, j) => {
            const diff = math.subtract(J(perturbed(which, k, i, j, 1)), J(perturbed(which, k, i, j, -1)));
            return Number(math.divide(diff, math.multiply(h, 2)).toString());
          }),
        );
      });
    return { W: grad('W'), b: grad('b') };
  });
}
