/**
 * The plain-data vocabulary: numbers, lists of numbers and matrices given as their rows, the one
 * form in which θ and data sets cross every boundary of the project (the conformance interface
 * and the stdio protocol, the accelerated path's inputs and read-backs, the oracle's values and
 * bounds, the fixtures). Dependency-free, so every layer (and a browser page's bundle) imports it.
 *
 * Two orientations of θ hold the same numbers and differ only in meaning, so they keep two names:
 * NetParams is the notes' column convention (eq. 2.12: W^{[k]} m_k×m_{k−1}), RowParamsData the
 * row-major layout of eq. 4.4 (W^{[k]ᵀ} m_{k−1}×m_k); `transpose` converts between them, exactly.
 */

export type Vector = readonly number[];
/** A matrix as its rows. */
export type Matrix = readonly Vector[];
/** A matrix as its rows, built here and free to fill in (what the error bounds and `transpose` return). */
export type Mat = number[][];

/** Anything in the shape of θ: one W and one b per layer, W[k − 1] and b[k − 1] for layer k. */
export interface LayersOf<W, B = W> {
  readonly W: readonly W[];
  readonly b: readonly B[];
}

/**
 * θ (or a gradient in the shape of θ, footnote 6) in the notes' column convention (eq. 2.12):
 * W[k − 1] = W^{[k]} as m_k rows of m_{k−1} numbers, b[k − 1] = b^{[k]} as m_k numbers; m_0 = d, m_r = 1.
 */
export type NetParams = LayersOf<Matrix, Vector>;

/**
 * θ (or a gradient) in the row-major layout of eq. 4.4 and its conversion paragraph: W[k − 1] =
 * W^{[k]ᵀ} as m_{k−1} rows of m_k numbers, b[k − 1] = b^{[k]ᵀ} as m_k numbers; m_r = 1. The same
 * shape of data as NetParams, transposed: never pass one for the other.
 */
export type RowParamsData = LayersOf<Matrix, Vector>;

/** The data set of eq. 1.2, one example per row: X[i] = x^{(i+1)ᵀ} (d numbers), y[i] = y^{(i+1)}. */
export interface DataSet {
  readonly X: Matrix;
  readonly y: Vector;
}

/** Mᵀ of a matrix given as its rows (rows×cols → cols×rows); `cols` is needed when M has no rows. */
export function transpose(M: Matrix, cols: number = M[0]?.length ?? 0): Mat {
  return Array.from({ length: cols }, (_, j) => M.map((row) => row[j]!));
}
