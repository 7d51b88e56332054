/**
 * The number system of the reference. One mathjs instance serves both modes: entries that are
 * JavaScript numbers compute in float64, entries that are mathjs BigNumbers compute at the
 * instance's decimal precision. The reference's formulas never look at which: the same literal
 * code is the float64 reference and the high-precision ground truth.
 */
import { all, create, type BigNumber, type Matrix, type MathJsInstance } from 'mathjs';

export type { BigNumber, Matrix };

/** A real number of the reference: float64, or a BigNumber in high-precision mode. */
export type Scalar = number | BigNumber;

/** Significant decimal digits of BigNumber arithmetic by default (float64 has ~16). */
export const DEFAULT_PRECISION = 64;

export const math: MathJsInstance = create(all!, { precision: DEFAULT_PRECISION });

export function isBig(v: unknown): v is BigNumber {
  return math.isBigNumber(v);
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

/** Converts every number inside a value (scalar, matrix, array, plain object) to a BigNumber. */
export function toBig<T>(value: T): T {
  return convertLeaves(value, (x) => math.bignumber(x)) as T;
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
