/**
 * Connection to the kernel method (Section 2, eq. 2.21): the network of eq. 2.12 is a linear
 * model W^{[r]}φ_β(x) + b^{[r]} over the learned features φ_β(x) = a^{[r−1]}, where β is every
 * parameter except the last layer's.
 */
import type { ActivationName } from './activations.js';
import { expectFiniteMatrix, expectShape, NonFiniteError, SpecError } from './errors.js';
import { scalarOf } from './matrix.js';
import { bias, forward, layerSizes, type Params, weight } from './network.js';
import type { Matrix, Scalar } from './numeric.js';
import { add, mul } from './ops.js';

/** Runs fn, re-labelling a SpecError from eq. 2.12's checks with the equation `where`. */
function within<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof NonFiniteError) throw new NonFiniteError(where, e.message);
    if (e instanceof SpecError) throw new SpecError(where, e.message);
    throw e;
  }
}

/**
 * Eq. 2.21: φ_β(x) = a^{[r−1]} ∈ R^{m_{r−1}×1}, the penultimate activation of the forward pass of
 * eq. 2.12 (a^{[0]} = x when r = 1). It reads only β = (W^{[1]}, b^{[1]}, ..., W^{[r−1]}, b^{[r−1]})
 * of θ; x is d×1.
 */
export function featureMap(theta: Params, x: Matrix, activation: ActivationName = 'relu'): Matrix {
  const pass = within('eq. 2.21', () => forward(theta, x, activation));
  return pass.a[pass.a.length - 2]!;
}

/** Eq. 2.21: h_θ(x) = W^{[r]}φ_β(x) + b^{[r]}, a linear model on the features φ (m_{r−1}×1). */
export function linearHead(theta: Params, phi: Matrix): Scalar {
  const sizes = within('eq. 2.21', () => layerSizes(theta));
  const r = sizes.length - 1;
  expectFiniteMatrix('eq. 2.21', 'φ_β(x)', expectShape('eq. 2.21', 'φ_β(x)', phi, sizes[r - 1]!, 1, `m${r - 1} x 1`));
  return scalarOf(add(mul(weight(theta, r), phi), bias(theta, r)));
}
