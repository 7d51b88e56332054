/**
 * Footnote 4 of Theorem 3.1 for the network of eq. 2.12: "if the output of the function f does not
 * depend on some of the input coordinates, then we set by default the gradient w.r.t that
 * coordinate to zero". For one example (x, y), J = ½(h_θ(x) − y)² reads W^{[1]}_{jℓ} only through
 * the product W^{[1]}_{jℓ}x_ℓ of z^{[1]} = W^{[1]}x + b^{[1]}: where x_ℓ = 0, J is the same for every
 * value of column ℓ of W^{[1]}, whatever the other parameters. No other parameter is unreached for
 * every θ (a non-constant σ lets each one move h_θ(x) for some θ). Algorithm 5 needs no special
 * case: line 5 gives ∂J/∂W^{[1]} = δ^{[1]}xᵀ, whose column ℓ is δ^{[1]}·0 = 0.
 */

import { vectorEntries } from './matrix.js';
import { expectInput, layerSizes, type Params } from './network.js';
import { isNonNegative, isPositive, type Matrix, type Scalar } from './numeric.js';

/** A boolean for every parameter, in the shape of θ: W[k − 1][j][ℓ] for W^{[k]}_{jℓ}, b[k − 1][j] for b^{[k]}_j. */
export interface ParamMask {
  readonly W: readonly (readonly (readonly boolean[])[])[];
  readonly b: readonly (readonly boolean[])[];
}

const isZero = (v: Scalar): boolean => isNonNegative(v) && !isPositive(v);

/**
 * 3/unreached-zero-gradient: which parameters the loss of the example x does not depend on, for
 * any θ: exactly W^{[1]}_{jℓ} for every j where x_ℓ = 0 (x d×1). Their gradient is 0 by footnote 4.
 */
export function unreachedParameters(theta: Params, x: Matrix): ParamMask {
  const sizes = layerSizes(theta);
  const zero = vectorEntries(expectInput('3/unreached-zero-gradient', x, sizes[0]!)).map(isZero);
  return {
    W: sizes.slice(1).map((m, k) => Array.from({ length: m }, () => Array.from({ length: sizes[k]! }, (_, l) => k === 0 && zero[l]!))),
    b: sizes.slice(1).map((m) => Array.from({ length: m }, () => false)),
  };
}
