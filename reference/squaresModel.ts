/**
 * The concrete non-linear model Section 1 suggests for thinking about eq. 1.1-1.5 (not a neural
 * network): h_θ(x) = θ_1² x_1² + ... + θ_d² x_d², with θ, x ∈ R^{d×1}.
 */
import { expectFiniteMatrix, expectFiniteScalar, expectShape, SpecError, shapeOf } from './errors.js';
import { squaredLoss } from './loss.js';
import { hadamard } from './matrix.js';
import type { Params } from './network.js';
import { constant, type Matrix, type Scalar } from './numeric.js';
import { add, mul, sub } from './ops.js';
import type { Model } from './optimizers.js';

const WHERE = '1/example-model';

/** Checks θ (d×1, finite) and x (d×1, finite); returns d. */
function expectThetaAndX(theta: unknown, x: unknown): number {
  const [d, cols] = shapeOf(WHERE, 'θ', theta);
  if (cols !== 1) throw new SpecError(WHERE, `θ must be a column vector d x 1, got ${d}x${cols}`);
  expectFiniteMatrix(WHERE, 'θ', theta as Matrix);
  expectFiniteMatrix(WHERE, 'x', expectShape(WHERE, 'x', x, d, 1, 'd x 1, the size of θ'));
  return d;
}

/** 1/example-model: h_θ(x) = θ_1² x_1² + θ_2² x_2² + ... + θ_d² x_d²  (θ, x d×1; h scalar). */
export function squaresModel(theta: Matrix, x: Matrix): Scalar {
  expectThetaAndX(theta, x);
  const terms = hadamard(hadamard(theta, theta), hadamard(x, x));
  let h: Scalar = constant(0, terms.get([0, 0]) as Scalar);
  terms.forEach((t: Scalar) => {
    h = add(h, t);
  });
  return h;
}

/**
 * 1/example-model with eq. 1.1: ∇_θ J^{(i)}(θ) of J^{(i)} = ½(h_θ(x) − y)², by the chain rule
 * ∂J/∂θ_ℓ = ∂J/∂h · ∂h/∂θ_ℓ = (h_θ(x) − y) · 2 θ_ℓ x_ℓ², i.e. ∇_θ J = 2(h − y) · θ ⊙ x ⊙ x  (d×1).
 */
export function squaresModelGradient(theta: Matrix, x: Matrix, y: Scalar): Matrix {
  expectFiniteScalar(WHERE, 'y', y);
  const dJdh = sub(squaresModel(theta, x), y);
  const dhdTheta = mul(constant(2, dJdh), hadamard(theta, hadamard(x, x)));
  return mul(dJdh, dhdTheta);
}

/** θ of the squares model (d×1) as the Params the optimizers update: W = [θ], b = []. */
export function squaresParams(theta: Matrix): Params {
  return { W: [theta], b: [] };
}

function squaresTheta(theta: Params): Matrix {
  if (theta?.W?.length !== 1 || theta?.b?.length !== 0) {
    throw new SpecError(WHERE, 'θ of the squares model must be squaresParams(θ): W = [θ (d x 1)], b = []');
  }
  return theta.W[0]!;
}

/**
 * 1/example-model as a Model for reference/optimizers.ts (gd, sgd, minibatchSgd): J^{(i)} by
 * eq. 1.1 and its gradient by squaresModelGradient, on θ = squaresParams(θ).
 */
export const SQUARES_MODEL: Model = {
  name: 'squares model h = Σ θ_ℓ² x_ℓ²',
  inputDimension: (theta) => {
    const t = squaresTheta(theta);
    const [d, cols] = shapeOf(WHERE, 'θ', t);
    if (cols !== 1) throw new SpecError(WHERE, `θ must be a column vector d x 1, got ${d}x${cols}`);
    return d;
  },
  loss: (theta, x, y) => squaredLoss(squaresModel(squaresTheta(theta), x), y),
  gradient: (theta, x, y) => ({ W: [squaresModelGradient(squaresTheta(theta), x, y)], b: [] }),
};
