/**
 * Building blocks for the notes' column-vector convention: a vector in R^d is a d×1 matrix
 * (Section 2, after eq. 2.9: "can also be viewed as a d×1 dimensional matrix").
 */
import { SpecError, shapeOf } from './errors.js';
import { type Matrix, math, type Scalar } from './numeric.js';

/** A vector of R^d as the notes write it: a d×1 column. */
export function columnVector(values: readonly Scalar[]): Matrix {
  return math.matrix(values.map((v) => [v]));
}

/** A matrix from its rows (rows×cols); all rows must have the same length. */
export function matrixFromRows(rows: readonly (readonly Scalar[])[]): Matrix {
  const cols = rows[0]?.length ?? 0;
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new SpecError('matrix', `row ${i + 1} has ${row.length} entries, row 1 has ${cols}`);
    }
  });
  return math.matrix(rows.map((row) => [...row]));
}

/** Entry (i, j) with the notes' 1-based indices. */
export function at(M: Matrix, i: number, j: number): Scalar {
  return M.get([i - 1, j - 1]) as Scalar;
}

/** Coordinate i (1-based, as the notes' x_i) of a column vector. */
export function coord(v: Matrix, i: number): Scalar {
  return at(v, i, 1);
}

/** The entries of a column vector as a list (coordinate 1 first). */
export function vectorEntries(v: Matrix): Scalar[] {
  return (math.flatten(v).toArray() as Scalar[]).slice();
}

/** The only entry of a 1×1 matrix (h_θ(x) ∈ R is a 1×1 matrix in eq. 2.12). */
export function scalarOf(M: Matrix): Scalar {
  return at(M, 1, 1);
}

/**
 * 3.4/hadamard: the entry-wise product v ⊙ w of two m×1 vectors (also of two equal-shape matrices).
 * Eq. 3.15's ⊙ needs equal shapes: mathjs would broadcast an m×1 ⊙ 1×m into m×m, so it is refused.
 */
export function hadamard(v: Matrix, w: Matrix): Matrix {
  const [vr, vc] = shapeOf('eq. 3.15', 'the left factor of ⊙', v);
  const [wr, wc] = shapeOf('eq. 3.15', 'the right factor of ⊙', w);
  if (vr !== wr || vc !== wc) throw new SpecError('eq. 3.15', `v ⊙ w needs two matrices of the same shape, got ${vr}x${vc} ⊙ ${wr}x${wc}`);
  return math.dotMultiply(v, w) as Matrix;
}

/** Nested plain arrays, row by row, for printing and for language-neutral data. */
export function toRows(M: Matrix): Scalar[][] {
  return M.toArray() as Scalar[][];
}
