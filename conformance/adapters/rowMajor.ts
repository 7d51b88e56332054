/**
 * The interface's plain requests, checked in the notes' orientation and converted to the
 * accelerated path's row-major layout (4/row-major-conversion: W^{[k]} ↦ W^{[k]ᵀ}, b^{[k]} ↦ b^{[k]ᵀ})
 * and back. Transposing plain numbers is exact, so the conversion adds no rounding.
 * Dependency-free (no tfjs, no mathjs): the browser page bundles it.
 */
import { describeValue as describe, notFinite32 } from '../../accelerated/validate.js';
import { type DataSet, type Matrix, type NetParams, type RowParamsData, transpose, type Vector } from '../../numerics/plain.js';
import { SpecError } from '../../spec/specError.js';

/** `v` is a list of `length` finite numbers (entry i named 1-based). */
export function expectVector(where: string, name: string, v: unknown, length?: number): asserts v is Vector {
  if (!Array.isArray(v)) throw new SpecError(where, `${name} must be a list of numbers, got ${describe(v)}`);
  if (length !== undefined && v.length !== length) throw new SpecError(where, `${name} must have ${length} entries, got ${v.length}`);
  v.forEach((x, i) => {
    const why = notFinite32(x);
    if (why !== undefined) throw new SpecError(where, `${name} must be finite, but entry ${i + 1} ${why}`);
  });
}

/** `M` is `rows` rows (≥ 1) of `cols` finite numbers; `shape` names the sizes in messages, e.g. 'm2 x m1'. */
export function expectMatrix(where: string, name: string, M: unknown, rows: number | undefined, cols: number | undefined, shape: string): asserts M is Matrix {
  const expected = `${rows ?? '?'}x${cols ?? '?'} (${shape})`;
  if (!Array.isArray(M) || M.length === 0 || (rows !== undefined && M.length !== rows)) {
    throw new SpecError(where, `${name} must be ${expected}, given as its rows, got ${describe(M)}`);
  }
  const width = cols ?? (Array.isArray(M[0]) ? M[0].length : 0);
  M.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== width || width === 0) {
      throw new SpecError(where, `${name} must be ${expected}, but row ${i + 1} is ${describe(row)}`);
    }
    row.forEach((v: unknown, j) => {
      const why = notFinite32(v);
      if (why !== undefined) throw new SpecError(where, `${name} must be finite, but entry (${i + 1},${j + 1}) ${why}`);
    });
  });
}

/**
 * Eq. 2.12 with 2/layer-shapes in the notes' orientation: W^{[k]} is m_k×m_{k−1}, b^{[k]} has m_k
 * entries, m_0 = d ≥ 1, m_r = 1, every entry finite in float32. Returns [d, m_1, ..., m_r].
 */
export function layerSizes(params: NetParams): number[] {
  if (params === null || typeof params !== 'object' || !Array.isArray(params.W) || !Array.isArray(params.b)) {
    throw new SpecError('eq. 2.12', 'θ must be {W: [W[1], ..., W[r]], b: [b[1], ..., b[r]]} (W[k] m_k x m_{k−1}, b[k] m_k numbers)');
  }
  const r = params.W.length;
  if (r === 0) throw new SpecError('eq. 2.12', 'the network needs at least one layer (r >= 1), got r = 0');
  if (params.b.length !== r) throw new SpecError('eq. 2.12', `there are ${r} weight matrices W[k] but ${params.b.length} biases b[k]`);
  const first = params.W[0]?.[0];
  const sizes = [Array.isArray(first) ? first.length : 0];
  for (let k = 1; k <= r; k++) {
    expectVector('eq. 2.12', `b[${k}]`, params.b[k - 1]);
    const mk = params.b[k - 1]!.length;
    if (mk === 0) throw new SpecError('eq. 2.12', `b[${k}] must have m${k} >= 1 entries, got none`);
    expectMatrix('eq. 2.12', `W[${k}]`, params.W[k - 1], mk, k === 1 ? undefined : sizes[k - 1], `m${k} x ${k === 1 ? 'd' : `m${k - 1}`}`);
    sizes.push(mk);
  }
  if (sizes[r] !== 1) throw new SpecError('eq. 2.12', `the output layer must have m${r} = 1 (h_θ(x) is a scalar), got m${r} = ${sizes[r]}`);
  return sizes;
}

/** Eq. 1.2: a data set of n >= 1 examples, X[i] = x^{(i+1)} (d numbers), y n numbers, all finite in float32. Returns n. */
export function dataSize(data: DataSet, d: number): number {
  if (data === null || typeof data !== 'object' || !Array.isArray(data.X) || data.X.length === 0) {
    throw new SpecError('eq. 1.2', `the data set must be {X: n >= 1 examples of d = ${d} numbers, y: n numbers}, got X = ${describe(data?.X)}`);
  }
  expectMatrix('eq. 1.2', 'X', data.X, undefined, d, 'n x d, X[i] = x^{(i+1)}');
  expectVector('eq. 1.2', 'y', data.y, data.X.length);
  return data.X.length;
}

/** 4/row-major-conversion: θ in the notes' orientation → W[k − 1] = W^{[k]ᵀ} (m_{k−1}×m_k), b[k − 1] = b^{[k]ᵀ}. */
export function toRowMajor(params: NetParams, sizes: readonly number[]): RowParamsData {
  return { W: params.W.map((W, k) => transpose(W, sizes[k])), b: params.b.map((b) => [...b]) };
}

/** The inverse of toRowMajor: row-major W[k − 1] (m_{k−1}×m_k) and b[k − 1] → W^{[k]} (m_k×m_{k−1}), b^{[k]}. */
export function fromRowMajor(rows: RowParamsData): NetParams {
  return { W: rows.W.map((W) => transpose(W)), b: rows.b.map((b) => [...b]) };
}
