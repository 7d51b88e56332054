/**
 * The single neuron: the kink model of eq. 2.1, the neuron of eq. 2.2, and its loss and local
 * derivatives in Section 3.2 (eq. 3.4-3.7). w and x are d×1 columns, b, y, z, o, J scalars.
 */
import { relu, reluPrime } from './activations.js';
import { expectFiniteMatrix, expectFiniteScalar, expectShape, shapeOf } from './errors.js';
import { squaredLoss } from './loss.js';
import { coord, scalarOf } from './matrix.js';
import { constant, type Matrix, math, type Scalar } from './numeric.js';
import { add, mul, sub, transpose } from './ops.js';

/** Eq. 2.1: h_θ(x) = max(wx + b, 0) with θ = (w, b) ∈ R² and a scalar input x ∈ R. */
export function kinkModel(w: Scalar, b: Scalar, x: Scalar): Scalar {
  expectFiniteScalar('eq. 2.1', 'w', w);
  expectFiniteScalar('eq. 2.1', 'b', b);
  expectFiniteScalar('eq. 2.1', 'x', x);
  const t = add(mul(w, x), b);
  return math.max(t, constant(0, t)) as Scalar;
}

/** Checks w ∈ R^d (d×1), b ∈ R, x ∈ R^d (d×1), all finite; returns d. */
function expectNeuron(where: string, w: unknown, b: unknown, x: unknown): number {
  const [d] = shapeOf(where, 'w', w);
  expectFiniteMatrix(where, 'w', expectShape(where, 'w', w, d, 1, 'd x 1'));
  expectFiniteScalar(where, 'b', b);
  expectFiniteMatrix(where, 'x', expectShape(where, 'x', x, d, 1, 'd x 1, the size of w'));
  return d;
}

/** z = wᵀx + b (the 1×1 product read as a scalar). Inputs already checked. */
function preactivation(w: Matrix, b: Scalar, x: Matrix): Scalar {
  return add(scalarOf(mul(transpose(w), x)), b);
}

/** Eq. 2.2: h_θ(x) = ReLU(wᵀx + b), w ∈ R^d (d×1), b ∈ R, x ∈ R^d (d×1). */
export function singleNeuron(w: Matrix, b: Scalar, x: Matrix): Scalar {
  expectNeuron('eq. 2.2', w, b, x);
  return relu(preactivation(w, b, x));
}

export interface NeuronForward {
  /** Eq. 3.4: z = wᵀx + b. */
  readonly z: Scalar;
  /** Eq. 3.5: o = ReLU(z). */
  readonly o: Scalar;
  /** Eq. 3.6: J = ½(y − o)². */
  readonly J: Scalar;
}

/** Eqs. 3.4, 3.5, 3.6: z = wᵀx + b, o = ReLU(z), J = ½(y − o)²  (w, x d×1; b, y scalars). */
export function neuronForward(w: Matrix, b: Scalar, x: Matrix, y: Scalar): NeuronForward {
  expectNeuron('eq. 3.4', w, b, x);
  expectFiniteScalar('eq. 3.6', 'y', y);
  const z = preactivation(w, b, x);
  const o = relu(z);
  return { z, o, J: squaredLoss(o, y) };
}

export interface NeuronGradient extends NeuronForward {
  /** ∂J/∂o = o − y. */
  readonly dJdo: Scalar;
  /** ∂o/∂z = 1{z >= 0}. */
  readonly dodz: Scalar;
  /** ∂z/∂w_i = x_i; entry i − 1 holds coordinate i. */
  readonly dzdw: readonly Scalar[];
  /** ∂z/∂b = 1. */
  readonly dzdb: Scalar;
  /** ∂o/∂w_i = ∂o/∂z · ∂z/∂w_i; entry i − 1 holds coordinate i. */
  readonly dodw: readonly Scalar[];
  /** ∂J/∂w_i = ∂J/∂o · ∂o/∂w_i (eq. 3.7), coordinate by coordinate; entry i − 1 holds i. */
  readonly dJdw: readonly Scalar[];
  /** ∇_w J = (o − y)·1{z >= 0}·x, the vectorized form (d×1). */
  readonly gradW: Matrix;
  /** ∂J/∂b = (o − y)·1{z >= 0}. */
  readonly dJdb: Scalar;
}

/**
 * Eq. 3.7 and Section 3.2's derivatives of the one-neuron loss (w, x d×1; b, y scalars):
 * 3.2/local-derivs: ∂J/∂o = o − y, ∂o/∂z = 1{z >= 0}, ∂z/∂w_i = x_i (and ∂z/∂b = 1);
 * 3.2/do-dwi: ∂o/∂w_i = ∂o/∂z · ∂z/∂w_i; eq. 3.7: ∂J/∂w_i = ∂J/∂o · ∂o/∂w_i, which is
 * 3.2/grad-wi: (o − y)·1{z >= 0}·x_i, per coordinate i = 1..d;
 * 3.2/grad-w: ∇_w J = (o − y)·1{z >= 0}·x (d×1), the same numbers vectorized;
 * 3.2/grad-b: ∂J/∂b = (o − y)·1{z >= 0}.
 */
export function neuronGradient(w: Matrix, b: Scalar, x: Matrix, y: Scalar): NeuronGradient {
  const d = expectNeuron('eq. 3.7', w, b, x);
  expectFiniteScalar('eq. 3.7', 'y', y);
  const { z, o, J } = neuronForward(w, b, x, y);
  const dJdo = sub(o, y);
  const dodz = reluPrime(z);
  const dzdw: Scalar[] = [];
  const dodw: Scalar[] = [];
  const dJdw: Scalar[] = [];
  for (let i = 1; i <= d; i++) {
    dzdw.push(coord(x, i));
    dodw.push(mul(dodz, dzdw[i - 1]!));
    dJdw.push(mul(dJdo, dodw[i - 1]!));
  }
  const dJdz = mul(dJdo, dodz);
  return {
    z,
    o,
    J,
    dJdo,
    dodz,
    dzdw,
    dzdb: constant(1, z),
    dodw,
    dJdw,
    gradW: mul(dJdz, x),
    dJdb: mul(dJdz, constant(1, z)),
  };
}
