/**
 * Bad input is stopped at the door with the equation it violates, the offending name and the
 * shapes or values at fault, e.g. `eq. 2.12: W[2] must be 3x4 (m2 x m1), got 4x3`.
 * Every "not finite" error, of an input (`W[1] must be finite, but entry (1,2) is NaN`) or of a
 * result (`eq. 1.5: θ after the step is not finite (W[1] entry (2,3) = Infinity): the run diverged;
 * lower α`), is a NonFiniteError (a SpecError): the case cannot be computed in this arithmetic.
 */
import { NonFiniteError, SpecError } from '../spec/specError.js';
import { isBig, isPositive, type Matrix, math, type Scalar } from './numeric.js';

export { NonFiniteError, SpecError };

/** What a result's NonFiniteError adds when a training step or run produced it. */
export const DIVERGED = 'the run diverged; lower α';
/** What a forward pass's or a loss's NonFiniteError adds: the float64 range was exceeded. */
export const OVERFLOWED = 'the inputs or θ are too large for float64';

/**
 * θ (or a gradient) as a value: {W: [...], b: [...]}, two lists of matrices. Null, a missing list
 * or a list that is not one is refused here, before any property is read; the caller then checks
 * the entries (layerSizes for a network: r >= 1, shapes, finite; expectLike for a step).
 */
export function expectParamsObject(where: string, theta: unknown, name = 'θ'): { W: readonly unknown[]; b: readonly unknown[] } {
  if (theta === null || typeof theta !== 'object') {
    throw new SpecError(where, `${name} must be {W: [W[1], ..., W[r]], b: [b[1], ..., b[r]]}, got ${describe(theta)}`);
  }
  const { W, b } = theta as { W?: unknown; b?: unknown };
  if (!Array.isArray(W)) throw new SpecError(where, `${name}.W must be a list of matrices [W[1], ..., W[r]], got ${describe(W)}`);
  if (!Array.isArray(b)) throw new SpecError(where, `${name}.b must be a list of matrices [b[1], ..., b[r]], got ${describe(b)}`);
  return { W, b };
}

/**
 * A computed scalar or matrix (h_θ(x), J, a gradient) must be finite: otherwise a NonFiniteError
 * `${name} is not finite (entry (i,j) = v): ${why}`, never a NaN handed back to the caller.
 */
export function finiteResult<T extends Scalar | Matrix>(where: string, name: string, value: T, why: string): T {
  const bad = firstNonFinite(value);
  if (bad !== undefined) throw new NonFiniteError(where, `${name} is not finite (${bad}): ${why}`);
  return value;
}

/** Every W[k] and b[k] of a computed θ or gradient finite, else a NonFiniteError naming the first bad entry. */
export function finiteParamsResult<T extends { readonly W: readonly Matrix[]; readonly b: readonly Matrix[] }>(
  where: string,
  name: string,
  theta: T,
  why: string,
): T {
  for (const which of ['W', 'b'] as const) {
    theta[which].forEach((M, k) => {
      const bad = firstNonFinite(M);
      if (bad !== undefined) throw new NonFiniteError(where, `${name} is not finite (${which}[${k + 1}] ${bad}): ${why}`);
    });
  }
  return theta;
}

/** 'entry (2,3) = Infinity' (1-based) for the first non-finite entry, 'Infinity' for a scalar, or undefined. */
function firstNonFinite(value: Scalar | Matrix): string | undefined {
  if (!math.isMatrix(value)) return isFiniteScalar(value) ? undefined : describe(value);
  let bad: string | undefined;
  value.forEach((v: unknown, index: number[]) => {
    if (bad === undefined && !isFiniteScalar(v)) bad = `entry (${index.map((i) => i + 1).join(',')}) = ${describe(v)}`;
  });
  return bad;
}

/** [rows, columns] of a matrix; fails clearly on anything that is not a 2-D matrix. */
export function shapeOf(where: string, name: string, M: unknown): [number, number] {
  if (!math.isMatrix(M)) throw new SpecError(where, `${name} must be a matrix, got ${describe(M)}`);
  const size = M.size();
  if (size.length !== 2) throw new SpecError(where, `${name} must be 2-D, got shape [${size.join(', ')}]`);
  return [size[0]!, size[1]!];
}

/** Requires M to be rows×cols; `dims` names them as the notes do ('m2 x m1'). */
export function expectShape(where: string, name: string, M: unknown, rows: number, cols: number, dims: string): Matrix {
  const [r, c] = shapeOf(where, name, M);
  if (r !== rows || c !== cols) {
    throw new SpecError(where, `${name} must be ${rows}x${cols} (${dims}), got ${r}x${c}`);
  }
  return M as Matrix;
}

export function expectFiniteScalar(where: string, name: string, v: unknown): Scalar {
  if (!isFiniteScalar(v)) throw badNumber(where, `${name} must be a finite number, got ${describe(v)}`, v);
  return v;
}

/** Every entry finite: a NaN or an infinity in an input is reported, never propagated. */
export function expectFiniteMatrix(where: string, name: string, M: Matrix): Matrix {
  let bad: { index: number[]; value: unknown } | undefined;
  M.forEach((value: unknown, index: number[]) => {
    if (bad === undefined && !isFiniteScalar(value)) bad = { index, value };
  });
  if (bad !== undefined) {
    const at = bad.index.map((i) => i + 1).join(',');
    throw badNumber(where, `${name} must be finite, but entry (${at}) is ${describe(bad.value)}`, bad.value);
  }
  return M;
}

export function expectPositiveInteger(where: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new SpecError(where, `${name} must be a positive integer, got ${describe(v)}`);
  }
  return v;
}

/** α > 0 and finite (eq. 1.3: "where α > 0 is ... the learning rate"). */
export function expectLearningRate(where: string, alpha: unknown): Scalar {
  if (!isFiniteScalar(alpha) || !isPositive(alpha)) {
    throw new SpecError(where, `learning rate α must be finite and > 0, got ${describe(alpha)}`);
  }
  return alpha;
}

/** A NaN or ±Infinity is a NonFiniteError; anything that is not a number at all ('1', null) a plain SpecError. */
function badNumber(where: string, detail: string, v: unknown): SpecError {
  return typeof v === 'number' || isBig(v) ? new NonFiniteError(where, detail) : new SpecError(where, detail);
}

function isFiniteScalar(v: unknown): v is Scalar {
  return (typeof v === 'number' && Number.isFinite(v)) || (isBig(v) && v.isFinite());
}

function describe(v: unknown): string {
  if (typeof v === 'number' || isBig(v)) return String(v);
  if (math.isMatrix(v)) return `a matrix of size [${v.size().join(', ')}]`;
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (v === null || v === undefined) return String(v);
  return typeof v === 'string' ? `'${v}'` : typeof v;
}
