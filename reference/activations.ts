/**
 * Activation functions σ: R → R and their derivatives σ' (eq. 2.1, 2.14, 2.15, 3.15), one row
 * each in ACTIVATIONS. Written with mathjs operations so BigNumbers flow through unchanged.
 */
import { ACTIVATION_NAMES, type ActivationName } from '../spec/activations.js';
import { SpecError } from './errors.js';
import { constant, isBig, isNonNegative, isPositive, type Matrix, math, type Scalar } from './numeric.js';
import { add, div, mul, sub } from './ops.js';

/** Eq. 2.1 and 2/relu: ReLU(t) = max{t, 0}. */
export function relu(t: Scalar): Scalar {
  return isPositive(t) ? t : constant(0, t);
}

/**
 * Section 3.2 and 3.4/relu-prime: ReLU'(z) = 1{z >= 0}. The notes' indicator makes ReLU'(0) = 1 (any value in
 * [0, 1] is a subgradient there; tfjs's own gradient uses 0; see spec/ conventions).
 */
export function reluPrime(z: Scalar): Scalar {
  return constant(isNonNegative(z) ? 1 : 0, z);
}

/**
 * Eq. 2.14: σ(z) = 1 / (1 + e^{-z}). For z < 0 the equal form e^{z} / (1 + e^{z}) is used, so
 * e^{-z} never overflows: finite and correctly saturated for |z| up to 1e308.
 */
export function sigmoid(z: Scalar): Scalar {
  if (isNonNegative(z)) return div(1, add(1, math.exp(math.unaryMinus(z))));
  const e = math.exp(z);
  return div(e, add(1, e));
}

/** 3.4/sigma-prime: σ'(z) = σ(z)(1 − σ(z)), the derivative of eq. 2.14. */
export function sigmoidPrime(z: Scalar): Scalar {
  const s = sigmoid(z);
  return mul(s, sub(1, s));
}

/**
 * Eq. 2.15: tanh(z) = (e^z − e^{-z}) / (e^z + e^{-z}). float64 uses Math.tanh (accurate for tiny
 * z, ±1 for large). BigNumber's tanh does not terminate for huge |z| (seen at 1e10), so beyond
 * the point where 1 − |tanh z| = 2/(e^{2|z|}+1) is below the working precision we return ±1.
 */
export function tanh(z: Scalar): Scalar {
  if (!isBig(z)) return Math.tanh(z);
  const saturation = (((math.config({}).precision ?? 64) + 2) * Math.LN10) / 2 + 1;
  if (z.abs().greaterThan(saturation)) return math.bignumber(z.isNegative() ? -1 : 1);
  return math.tanh(z);
}

/** 3.4/sigma-prime: tanh'(z) = 1 − tanh(z)^2, the derivative of eq. 2.15. */
export function tanhPrime(z: Scalar): Scalar {
  const t = tanh(z);
  return sub(1, mul(t, t));
}

/** σ(z) = z: the identity activation of the collapse argument (eq. 2.16-2.20). */
export function identity(z: Scalar): Scalar {
  return z;
}

/** 3.4/sigma-prime: σ'(z) = 1 for the identity activation. */
export function identityPrime(z: Scalar): Scalar {
  return constant(1, z);
}

export interface Activation {
  readonly sigma: (z: Scalar) => Scalar;
  readonly sigmaPrime: (z: Scalar) => Scalar;
}

/** Every activation of spec/activations.ts#ACTIVATION_NAMES (no more, no fewer) with its derivative, one line each. */
export const ACTIVATIONS = {
  relu: { sigma: relu, sigmaPrime: reluPrime },
  sigmoid: { sigma: sigmoid, sigmaPrime: sigmoidPrime },
  tanh: { sigma: tanh, sigmaPrime: tanhPrime },
  identity: { sigma: identity, sigmaPrime: identityPrime },
} as const satisfies Record<ActivationName, Activation>;

export type { ActivationName };

/** Looks an activation up by name; an unknown name is an error naming eq. 2.14. */
export function activationByName(name: string): Activation {
  if (!Object.hasOwn(ACTIVATIONS, name)) {
    throw new SpecError('eq. 2.14', `unknown activation '${name}'; expected one of ${ACTIVATION_NAMES.join(', ')}`);
  }
  return ACTIVATIONS[name as ActivationName];
}

/**
 * Eq. 2.10 and 3.4/activation-setup: a = σ(z) applied entry-wise to a vector z (m×1 → m×1)
 * ("overloading ReLU for element-wise application").
 */
export function elementwise(f: (t: Scalar) => Scalar, z: Matrix): Matrix {
  return math.map(z, (t: Scalar) => f(t));
}
