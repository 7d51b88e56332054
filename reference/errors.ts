/**
 * Bad input is stopped at the door with the equation it violates, the offending name and the
 * shapes or values at fault, e.g. `eq. 2.12: W[2] must be 3x4 (m2 x m1), got 4x3`.
 */
import { SpecError } from '../spec/specError.js';
import { isBig, isPositive, math, type Matrix, type Scalar } from './numeric.js';

export { SpecError };

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
  if (!isFiniteScalar(v)) throw new SpecError(where, `${name} must be a finite number, got ${describe(v)}`);
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
    throw new SpecError(where, `${name} must be finite, but entry (${at}) is ${describe(bad.value)}`);
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
