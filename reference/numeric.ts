/**
 * The number system of the reference. One mathjs instance serves both modes: entries that are
 * JavaScript numbers compute in float64, entries that are mathjs BigNumbers compute at the
 * instance's decimal precision. The reference's formulas never look at which: the same literal
 * code is the float64 reference and the high-precision ground truth.
 */
import { all, type BigNumber, create, type MathJsInstance, type Matrix } from 'mathjs';
import { binary64Parts } from '../numerics/binary64.js';

export type { BigNumber, Matrix };

/** A real number of the reference: float64, or a BigNumber in high-precision mode. */
export type Scalar = number | BigNumber;

/** Significant decimal digits of BigNumber arithmetic by default (float64 has ~16). */
export const DEFAULT_PRECISION = 64;

/**
 * mathjs compares "nearly equal" by default (absTol 1e-15): largerEq(-1e-300, 0) is true there,
 * which would put ReLU'(−1e−300) = 1. The reference compares exactly: absTol 0 and the smallest
 * relTol mathjs accepts, and the kink tests below go through `isNonNegative` / `isPositive`.
 */
export const math: MathJsInstance = create(all!, { precision: DEFAULT_PRECISION, relTol: Number.MIN_VALUE, absTol: 0 });

export function isBig(v: unknown): v is BigNumber {
  return math.isBigNumber(v);
}

/** Exactly z >= 0 (the indicator 1{z >= 0} of Section 3.2), never "nearly". */
export function isNonNegative(z: Scalar): boolean {
  return isBig(z) ? z.greaterThanOrEqualTo(0) : z >= 0;
}

/** Exactly z > 0. */
export function isPositive(z: Scalar): boolean {
  return isBig(z) ? z.greaterThan(0) : z > 0;
}

/** The constant c in the number system of `like` (1/2 of eq. 1.1, the 1 of 1{z >= 0}, ...). */
export function constant(c: number, like: Scalar): Scalar {
  return isBig(like) ? math.bignumber(c) : c;
}

/** Runs fn with BigNumber arithmetic at `digits` significant digits, then restores the setting. */
export function withPrecision<T>(digits: number, fn: () => T): T {
  if (!Number.isInteger(digits) || digits < 16) {
    throw new RangeError(`high-precision mode: precision must be an integer >= 16 digits, got ${digits}`);
  }
  const before = math.config({}).precision;
  math.config({ precision: digits });
  try {
    return fn();
  } finally {
    math.config({ precision: before });
  }
}

/**
 * Converts every number inside a value (scalar, matrix, array, plain object) to a BigNumber
 * holding the double's exact binary value (m·2^e), not its shortest decimal string: 0.1 becomes
 * 0.1000000000000000055511151231257827..., so the high-precision run sees the same inputs.
 */
export function toBig<T>(value: T): T {
  return convertLeaves(value, (x) => (isBig(x) ? x : exactBigNumber(x))) as T;
}

/** The exact value of a finite double (numerics/binary64.ts#binary64Parts), rounded only by the working precision (>= 16 digits). */
export function exactBigNumber(x: number): BigNumber {
  if (!Number.isFinite(x) || x === 0) return math.bignumber(x);
  const { negative, mantissa, exponent } = binary64Parts(x);
  const magnitude = math.bignumber(mantissa.toString()).times(math.bignumber(2).pow(exponent));
  return negative ? magnitude.negated() : magnitude;
}

/** Rounds every BigNumber inside a value to the nearest float64. */
export function toFloat64<T>(value: T): T {
  return convertLeaves(value, (x) => (isBig(x) ? x.toNumber() : x)) as T;
}

function convertLeaves(value: unknown, leaf: (x: Scalar) => Scalar): unknown {
  if (typeof value === 'number' || isBig(value)) return leaf(value);
  if (math.isMatrix(value)) return math.map(value, (x: Scalar) => leaf(x));
  if (Array.isArray(value)) return value.map((v) => convertLeaves(v, leaf));
  if (typeof value === 'function') return value;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertLeaves(v, leaf)]));
  }
  return value;
}
