/**
 * The matrix algebra the notes write, typed once: transcriptions read `mul(W, a)` (eq. 2.9's
 * W^{[1]}x), not `math.multiply(W, a) as Matrix`. Each is mathjs's operation on the reference's
 * instance (numeric.ts), so the same code runs in float64 and in BigNumber. A product or sum with
 * a matrix operand is a matrix; of two scalars, a scalar. Shapes are checked by mathjs (and, with
 * the equation named, by the callers' validators before any arithmetic).
 */
import { type Matrix, math, type Scalar } from './numeric.js';

type Operand = Scalar | Matrix;
/** Scalar if both operands are scalars, else Matrix (not distributed over unions). */
type Result<A extends Operand, B extends Operand> = [A] extends [Scalar] ? ([B] extends [Scalar] ? Scalar : Matrix) : Matrix;

/** A·B: the matrix product (or a scalar multiple, or a product of scalars). */
export function mul<A extends Operand, B extends Operand>(a: A, b: B): Result<A, B> {
  return math.multiply(a as never, b as never) as Result<A, B>;
}

/** A + B, entry by entry (same shapes, or a scalar and anything). */
export function add<A extends Operand, B extends Operand>(a: A, b: B): Result<A, B> {
  return math.add(a as never, b as never) as Result<A, B>;
}

/** A − B, entry by entry. */
export function sub<A extends Operand, B extends Operand>(a: A, b: B): Result<A, B> {
  return math.subtract(a as never, b as never) as Result<A, B>;
}

/** A / s, entry by entry (s a scalar), or a quotient of scalars. */
export function div<A extends Operand>(a: A, s: Scalar): Result<A, Scalar> {
  return math.divide(a as never, s as never) as Result<A, Scalar>;
}

/** Aᵀ. */
export function transpose(a: Matrix): Matrix {
  return math.transpose(a);
}
