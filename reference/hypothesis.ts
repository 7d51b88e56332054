/**
 * Section 1's first paragraph: the models of the earlier lectures that are linear in the
 * parameters θ, h_θ(x) = θᵀx (linear regression) and h_θ(x) = θᵀφ(x) (a feature map φ). The
 * networks of Section 2 are these models only in their last layer (eq. 2.21, featureMap.ts: θᵀφ
 * with θ = (W^{[r]}, b^{[r]}) and φ = [φ_β(x); 1]); for r >= 2 they are not linear in θ. Logistic
 * regression's g(θᵀx) is not linear in θ either (erratum sec1.logistic-not-linear).
 */
import { expectFiniteMatrix, expectShape, SpecError, shapeOf } from './errors.js';
import { scalarOf } from './matrix.js';
import type { Matrix, Scalar } from './numeric.js';
import { mul, transpose } from './ops.js';

const WHERE = '1/linear-in-theta';

/** 1/linear-in-theta: h_θ(x) = θᵀx, linear regression's hypothesis (θ, x d×1; h a scalar). */
export function linearHypothesis(theta: Matrix, x: Matrix): Scalar {
  const [d, cols] = shapeOf(WHERE, 'θ', theta);
  if (cols !== 1) throw new SpecError(WHERE, `θ must be a column vector d x 1, got ${d}x${cols}`);
  expectFiniteMatrix(WHERE, 'θ', theta);
  expectFiniteMatrix(WHERE, 'x', expectShape(WHERE, 'x', x, d, 1, 'd x 1, the size of θ'));
  return scalarOf(mul(transpose(theta), x));
}

/**
 * 1/linear-in-theta: h_θ(x) = θᵀφ(x), a linear model over the features φ(x) ∈ R^p of a fixed
 * feature map φ: R^d → R^p (θ p×1, x d×1). Linear in θ whatever φ is, because φ does not read θ.
 */
export function featureHypothesis(theta: Matrix, phi: (x: Matrix) => Matrix, x: Matrix): Scalar {
  return linearHypothesis(theta, phi(x));
}
