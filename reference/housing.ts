/**
 * The housing-price network of Section 2 (Figure 2): hidden units a1, a2, a3 built from chosen
 * inputs (θ1..θ8), the output eq. 2.3 (θ9..θ12), its fully-connected variant eq. 2.4, and the
 * gradient of its loss by the chain rule. θ is a list of 12 scalars with θ_i at index i − 1 (the
 * notes' 1-based θ_i); x ∈ R^4 is a 4×1 column (size, # bedrooms, zip code, wealth).
 */
import { relu, reluPrime } from './activations.js';
import { expectFiniteMatrix, expectFiniteScalar, expectShape, SpecError } from './errors.js';
import { squaredLoss } from './loss.js';
import { coord } from './matrix.js';
import { singleNeuron } from './neuron.js';
import { constant, type Matrix, type Scalar } from './numeric.js';
import { add, mul, sub } from './ops.js';

/** θ = (θ1, ..., θ12) of eq. 2.3. */
export const HOUSING_PARAMETER_COUNT = 12;

/** θ_i with the notes' 1-based index. */
function th(theta: readonly Scalar[], i: number): Scalar {
  return theta[i - 1]!;
}

function expectHousingInputs(where: string, theta: unknown, x: unknown): void {
  if (!Array.isArray(theta)) throw new SpecError(where, 'θ must be a list of 12 scalars (θ1..θ12)');
  if (theta.length !== HOUSING_PARAMETER_COUNT) {
    throw new SpecError(where, `θ must have 12 entries (θ1..θ12), got ${theta.length}`);
  }
  theta.forEach((t, i) => expectFiniteScalar(where, `θ${i + 1}`, t));
  expectFiniteMatrix(where, 'x', expectShape(where, 'x', x, 4, 1, 'x ∈ R^4: x1..x4'));
}

export interface HousingHidden {
  /** The ReLU arguments, unnamed in the notes (z_j as in eq. 2.5): z1 = θ1x1 + θ2x2 + θ3, ... */
  readonly z1: Scalar;
  readonly z2: Scalar;
  readonly z3: Scalar;
  /** "family size", "walkable", "school quality". */
  readonly a1: Scalar;
  readonly a2: Scalar;
  readonly a3: Scalar;
}

/**
 * 2/housing-a1: a1 = ReLU(θ1x1 + θ2x2 + θ3); 2/housing-a2: a2 = ReLU(θ4x3 + θ5);
 * 2/housing-a3: a3 = ReLU(θ6x3 + θ7x4 + θ8). θ is eq. 2.3's 12-vector (only θ1..θ8 used), x is 4×1.
 */
export function housingHidden(theta: readonly Scalar[], x: Matrix): HousingHidden {
  expectHousingInputs('eq. 2.3', theta, x);
  const x1 = coord(x, 1);
  const x2 = coord(x, 2);
  const x3 = coord(x, 3);
  const x4 = coord(x, 4);
  const z1 = add(add(mul(th(theta, 1), x1), mul(th(theta, 2), x2)), th(theta, 3));
  const z2 = add(mul(th(theta, 4), x3), th(theta, 5));
  const z3 = add(add(mul(th(theta, 6), x3), mul(th(theta, 7), x4)), th(theta, 8));
  return { z1, z2, z3, a1: relu(z1), a2: relu(z2), a3: relu(z3) };
}

/** Eq. 2.3: h_θ(x) = θ9a1 + θ10a2 + θ11a3 + θ12, with a1..a3 of housingHidden; θ has 12 entries, x is 4×1. */
export function housingNetwork(theta: readonly Scalar[], x: Matrix): Scalar {
  const { a1, a2, a3 } = housingHidden(theta, x);
  const s = add(add(mul(th(theta, 9), a1), mul(th(theta, 10), a2)), mul(th(theta, 11), a3));
  return add(s, th(theta, 12));
}

/**
 * Eq. 2.4: a_i = ReLU(w_iᵀx + b_i) for i = 1, 2, 3, where w_i ∈ R^4 (4×1) and b_i ∈ R: every hidden
 * unit sees all of x ∈ R^4. w[i − 1] holds w_i, b[i − 1] holds b_i; returns [a1, a2, a3].
 */
export function fullyConnectedHidden(w: readonly Matrix[], b: readonly Scalar[], x: Matrix): [Scalar, Scalar, Scalar] {
  const where = 'eq. 2.4';
  if (!Array.isArray(w) || w.length !== 3)
    throw new SpecError(where, `there must be 3 weight vectors w_1, w_2, w_3, got ${Array.isArray(w) ? w.length : 'no list'}`);
  if (!Array.isArray(b) || b.length !== 3) throw new SpecError(where, `there must be 3 biases b_1, b_2, b_3, got ${Array.isArray(b) ? b.length : 'no list'}`);
  w.forEach((wi, i) => expectFiniteMatrix(where, `w_${i + 1}`, expectShape(where, `w_${i + 1}`, wi, 4, 1, 'w_i ∈ R^4')));
  b.forEach((bi, i) => expectFiniteScalar(where, `b_${i + 1}`, bi));
  expectFiniteMatrix(where, 'x', expectShape(where, 'x', x, 4, 1, 'x ∈ R^4'));
  return [singleNeuron(w[0]!, b[0]!, x), singleNeuron(w[1]!, b[1]!, x), singleNeuron(w[2]!, b[2]!, x)];
}

export interface HousingOutputGradient {
  readonly h: Scalar;
  /** ∂h/∂θ_i at index i − 1, i = 1..12. */
  readonly grad: Scalar[];
}

/**
 * ∂h_θ(x)/∂θ_i of eq. 2.3 for i = 1..12, by the chain rule (eq. 3.3) through a1, a2, a3 with
 * ∂a_j/∂z_j = 1{z_j >= 0} (the notes' ReLU'(0) = 1):
 * ∂h/∂θ9 = a1, ∂h/∂θ10 = a2, ∂h/∂θ11 = a3, ∂h/∂θ12 = 1;
 * ∂h/∂θ1 = θ9·1{z1 >= 0}·x1, ∂h/∂θ2 = θ9·1{z1 >= 0}·x2, ∂h/∂θ3 = θ9·1{z1 >= 0};
 * ∂h/∂θ4 = θ10·1{z2 >= 0}·x3, ∂h/∂θ5 = θ10·1{z2 >= 0};
 * ∂h/∂θ6 = θ11·1{z3 >= 0}·x3, ∂h/∂θ7 = θ11·1{z3 >= 0}·x4, ∂h/∂θ8 = θ11·1{z3 >= 0}.
 */
export function housingOutputGradient(theta: readonly Scalar[], x: Matrix): HousingOutputGradient {
  const hidden = housingHidden(theta, x);
  const h = housingNetwork(theta, x);
  const one = constant(1, h);
  const times = (p: Scalar, q: Scalar): Scalar => mul(p, q);
  const dhdz1 = times(th(theta, 9), reluPrime(hidden.z1));
  const dhdz2 = times(th(theta, 10), reluPrime(hidden.z2));
  const dhdz3 = times(th(theta, 11), reluPrime(hidden.z3));
  const [x1, x2, x3, x4] = [1, 2, 3, 4].map((i) => coord(x, i)) as [Scalar, Scalar, Scalar, Scalar];
  const grad = [
    times(dhdz1, x1),
    times(dhdz1, x2),
    times(dhdz1, one), // θ1, θ2, θ3
    times(dhdz2, x3),
    times(dhdz2, one), // θ4, θ5
    times(dhdz3, x3),
    times(dhdz3, x4),
    times(dhdz3, one), // θ6, θ7, θ8
    hidden.a1,
    hidden.a2,
    hidden.a3,
    one, // θ9, θ10, θ11, θ12
  ];
  return { h, grad };
}

export interface HousingLossGradient {
  readonly h: Scalar;
  /** J = ½(h_θ(x) − y)² (eq. 1.1). */
  readonly J: Scalar;
  /** ∂J/∂θ_i at index i − 1, i = 1..12. */
  readonly grad: Scalar[];
}

/**
 * The loss gradient of the housing network (eq. 2.3 with eq. 1.1): J = ½(h_θ(x) − y)², and by the
 * chain rule (eq. 3.3) with h as the single intermediate variable ∂J/∂θ_i = (h − y)·∂h/∂θ_i, i = 1..12.
 */
export function housingLossGradient(theta: readonly Scalar[], x: Matrix, y: Scalar): HousingLossGradient {
  expectHousingInputs('eq. 2.3', theta, x);
  expectFiniteScalar('eq. 1.1', 'y', y);
  const { h, grad } = housingOutputGradient(theta, x);
  const dJdh = sub(h, y);
  return { h, J: squaredLoss(h, y), grad: grad.map((g) => mul(dJdh, g)) };
}
