/**
 * Why the activation must be non-linear (Section 2, eq. 2.16-2.20): with σ(z) = z and zero biases
 * a two-layer network collapses to the linear model W̃x with W̃ = W^{[2]}W^{[1]}
 * (W^{[1]} m×d, W^{[2]} 1×m, x d×1); with biases and at any depth, to the affine W̃x + b̃
 * (2/collapse-affine).
 */
import { elementwise, identity } from './activations.js';
import { expectFiniteMatrix, expectShape, shapeOf } from './errors.js';
import { scalarOf } from './matrix.js';
import { bias, layerSizes, type Params, weight } from './network.js';
import type { Matrix, Scalar } from './numeric.js';
import { add, mul } from './ops.js';

/** Checks W^{[1]} (m×d) and W^{[2]} (1×m), finite; returns [m, d]. */
function expectWeights(where: string, W1: unknown, W2: unknown): [number, number] {
  const [m, d] = shapeOf(where, 'W[1]', W1);
  expectFiniteMatrix(where, 'W[1]', W1 as Matrix);
  expectFiniteMatrix(where, 'W[2]', expectShape(where, 'W[2]', W2, 1, m, '1 x m, m = rows of W[1]'));
  return [m, d];
}

/** Eq. 2.20: W̃ = W^{[2]}W^{[1]} ∈ R^{1×d}  (W^{[2]} 1×m, W^{[1]} m×d). */
export function collapsedWeight(W1: Matrix, W2: Matrix): Matrix {
  expectWeights('eq. 2.20', W1, W2);
  return mul(W2, W1);
}

export interface IdentityNetwork {
  /** z^{[1]} = W^{[1]}x (eq. 2.9 with b^{[1]} = 0), m×1. */
  readonly z1: Matrix;
  /** a^{[1]} = σ(z^{[1]}) with σ(z) = z, m×1. */
  readonly a1: Matrix;
  /** h_θ(x) = W^{[2]}a^{[1]} (eq. 2.16, b^{[2]} = 0). */
  readonly h: Scalar;
}

/**
 * Eqs. 2.16, 2.17, 2.18, 2.19 (identity activation, b^{[1]} = b^{[2]} = 0): h_θ(x) = W^{[2]}a^{[1]}
 * (2.16) = W^{[2]}σ(z^{[1]}) (2.17) = W^{[2]}z^{[1]} (2.18) = W^{[2]}W^{[1]}x (2.19), evaluated as
 * the network does it, layer by layer. W^{[1]} m×d, W^{[2]} 1×m, x d×1.
 */
export function identityNetworkOutput(W1: Matrix, W2: Matrix, x: Matrix): IdentityNetwork {
  const [, d] = expectWeights('eq. 2.16', W1, W2);
  expectFiniteMatrix('eq. 2.16', 'x', expectShape('eq. 2.16', 'x', x, d, 1, 'd x 1, d = columns of W[1]'));
  const z1 = mul(W1, x);
  const a1 = elementwise(identity, z1);
  return { z1, a1, h: scalarOf(mul(W2, a1)) };
}

/** The affine map a network with σ(z) = z collapses to: h_θ(x) = W̃x + b̃. */
export interface CollapsedAffine {
  /** W̃ = W^{[r]}···W^{[1]} (1×d). */
  readonly W: Matrix;
  /** b̃ = Σ_{k=1}^{r} W^{[r]}···W^{[k+1]}b^{[k]} (1×1). */
  readonly b: Matrix;
}

/**
 * 2/collapse-affine: with σ(z) = z the network of eq. 2.12 at any depth r is h_θ(x) = W̃x + b̃,
 * W̃ = W^{[r]}···W^{[1]}, b̃ = Σ_{k=1}^{r} W^{[r]}···W^{[k+1]}b^{[k]}, by the recursion
 * W̃_k = W^{[k]}W̃_{k−1}, b̃_k = W^{[k]}b̃_{k−1} + b^{[k]} from W̃_1 = W^{[1]}, b̃_1 = b^{[1]}
 * (z^{[k]} = W^{[k]}z^{[k−1]} + b^{[k]} = W̃_k x + b̃_k by induction). Eq. 2.20 is r = 2 with zero biases.
 * Runs in float64 and in BigNumber alike (the suite's oracle uses the second).
 */
export function collapsedAffine(theta: Params): CollapsedAffine {
  const r = layerSizes(theta).length - 1;
  let W = weight(theta, 1);
  let b = bias(theta, 1);
  for (let k = 2; k <= r; k++) {
    b = add(mul(weight(theta, k), b), bias(theta, k));
    W = mul(weight(theta, k), W);
  }
  return { W, b };
}
