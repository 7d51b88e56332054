/**
 * Algorithm 5 (Section 3.5), as corrected in spec/errata: backpropagation for the multi-layer
 * network of eq. 2.12. δ^{[k]} here is ∂J/∂z^{[k]} (m_k×1), as lines 2 and 4 use it.
 */
import { type ActivationName, activationByName, elementwise } from './activations.js';
import { expectFiniteScalar, finiteParamsResult, OVERFLOWED } from './errors.js';
import { squaredLoss } from './loss.js';
import { hadamard } from './matrix.js';
import { type ForwardPass, forward, type Params, weight } from './network.js';
import type { Matrix, Scalar } from './numeric.js';
import { mul, sub, transpose } from './ops.js';

/** ∂J/∂θ in the shape of θ: dW[k − 1] = ∂J/∂W^{[k]} (m_k×m_{k−1}), db[k − 1] = ∂J/∂b^{[k]} (m_k×1). */
export interface Gradient {
  readonly W: readonly Matrix[];
  readonly b: readonly Matrix[];
}

export interface Backprop {
  readonly gradient: Gradient;
  /** δ[k] = ∂J/∂z^{[k]} for k = 1..r. */
  readonly delta: readonly Matrix[];
  readonly pass: ForwardPass;
  /** J = ½(a^{[r]} − y)². */
  readonly J: Scalar;
}

/**
 * Algorithm 5, corrected (3.5/forward: a^{[r]} = z^{[r]} = h_θ(x), J = ½(a^{[r]} − y)²; eq. 3.16 as
 * corrected: δ^{[k]} = ∂J/∂z^{[k]}; 3.5/backward-order: δ^{[r]} first, down to δ^{[1]}; 3.4/dA-dB-shape: each ∂J/∂W^{[k]} has the shape of W^{[k]}). Line 1: forward pass storing z^{[k]}, a^{[k]} for k = 1..r and J.
 * Line 2: δ^{[r]} = ∂J/∂z^{[r]} = z^{[r]} − y. Lines 3-5 for k = r−1 down to 0:
 * line 5 ∂J/∂W^{[k+1]} = δ^{[k+1]} a^{[k]ᵀ} and ∂J/∂b^{[k+1]} = δ^{[k+1]} (a^{[0]} = x, so k = 0
 * gives layer 1), then for k >= 1 line 4 δ^{[k]} = (W^{[k+1]ᵀ} δ^{[k+1]}) ⊙ σ'(z^{[k]}).
 * 3/unreached-zero-gradient (footnote 4) needs no special case: where x_ℓ = 0, J does not depend on
 * column ℓ of W^{[1]}, and line 5 gives it δ^{[1]}x_ℓ = 0 (unreached.ts#unreachedParameters).
 */
export function backprop(theta: Params, x: Matrix, y: Scalar, activation: ActivationName = 'relu'): Backprop {
  expectFiniteScalar('Algorithm 5 line 2', 'y', y);
  const { sigmaPrime } = activationByName(activation);
  const pass = forward(theta, x, activation);
  const { z, a } = pass;
  const r = theta.W.length;
  const J = squaredLoss(pass.o, y);
  const delta: Matrix[] = [];
  const dW: Matrix[] = [];
  const db: Matrix[] = [];
  delta[r] = sub(z[r]!, y);
  for (let k = r - 1; k >= 0; k--) {
    dW[k] = mul(delta[k + 1]!, transpose(a[k]!));
    db[k] = delta[k + 1]!;
    if (k >= 1) {
      delta[k] = hadamard(mul(transpose(weight(theta, k + 1)), delta[k + 1]!), elementwise(sigmaPrime, z[k]!));
    }
  }
  return { gradient: finiteParamsResult('Algorithm 5 line 5', '∇_θ J', { W: dW, b: db }, OVERFLOWED), delta, pass, J };
}
