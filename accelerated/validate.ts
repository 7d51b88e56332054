/**
 * Checks on the plain data of the accelerated path (numerics/plain.ts#RowParamsData, DataSet), run BEFORE
 * any tensor is made: a bad input throws a SpecError naming the equation it violates and allocates
 * nothing.
 * Dependency-free (no tfjs, no mathjs), so a browser page can bundle it.
 */

import type { DataSet, RowParamsData } from '../numerics/plain.js';
import { ACTIVATION_NAMES, type ActivationName } from '../spec/activations.js';
import { NonFiniteError, SpecError } from '../spec/specError.js';

export { ACTIVATION_NAMES };

const PARAMS = 'eq. 4.4';

/** Eq. 2.14 (and 2/relu, 2.15, the identity of 2.16): σ must be one of the activations the notes use. */
export function validateActivation(name: unknown): ActivationName {
  if (typeof name !== 'string' || !(ACTIVATION_NAMES as readonly string[]).includes(name)) {
    throw new SpecError('eq. 2.14', `unknown activation ${describeValue(name)}; expected one of ${ACTIVATION_NAMES.join(', ')}`);
  }
  return name as ActivationName;
}

/**
 * Eq. 4.4 with 2/layer-shapes in row-major layout: W[k] is m_{k−1}×m_k, b[k] has m_k entries,
 * m_0 = d >= 1, every m_k >= 1, m_r = 1, every entry finite. Returns [d, m_1, ..., m_r].
 */
export function validateRowParams(params: RowParamsData): number[] {
  if (params === null || typeof params !== 'object' || !Array.isArray(params.W) || !Array.isArray(params.b)) {
    throw new SpecError(PARAMS, 'row-major θ must be {W: [W[1], ..., W[r]], b: [b[1], ..., b[r]]} (W[k] m_{k−1} x m_k, b[k] m_k numbers)');
  }
  const r = params.W.length;
  if (r === 0) throw new SpecError('eq. 2.12', 'the network needs at least one layer (r >= 1), got r = 0');
  if (params.b.length !== r) throw new SpecError(PARAMS, `there are ${r} weight matrices W[k] but ${params.b.length} biases b[k]`);
  const sizes = [matrixShape(PARAMS, 'W[1]', params.W[0])[0]];
  if (sizes[0] === 0) throw new SpecError(PARAMS, 'W[1] must have d >= 1 rows (one per input coordinate), got 0');
  for (let k = 1; k <= r; k++) {
    const mk = vectorLength(PARAMS, `b[${k}]`, params.b[k - 1]);
    if (mk === 0) throw new SpecError(PARAMS, `b[${k}] must have m${k} >= 1 entries, got none`);
    const [rows, cols] = matrixShape(PARAMS, `W[${k}]`, params.W[k - 1]);
    const expected = [sizes[k - 1]!, mk] as const;
    if (rows !== expected[0] || cols !== expected[1]) {
      throw new SpecError(PARAMS, `W[${k}] must be ${expected[0]}x${expected[1]} (${k === 1 ? 'd' : `m${k - 1}`} x m${k}, row-major), got ${rows}x${cols}`);
    }
    expectFiniteRows(PARAMS, `W[${k}]`, params.W[k - 1]!);
    expectFiniteList(PARAMS, `b[${k}]`, params.b[k - 1]!);
    sizes.push(mk);
  }
  if (sizes[r] !== 1) {
    throw new SpecError('eq. 2.12', `the output layer must have m${r} = 1 (h_θ(x) is a scalar, W[${r}] is m${r - 1} x 1), got m${r} = ${sizes[r]}`);
  }
  return sizes;
}

/**
 * Eq. 1.2 and 4.4: a data set of n >= 1 examples, X n×d (row i is x^{(i)ᵀ}), y n targets, all
 * finite. Returns n.
 */
export function validateDataSet(data: DataSet, d: number): number {
  if (data === null || typeof data !== 'object' || !Array.isArray(data.X) || !Array.isArray(data.y)) {
    throw new SpecError('eq. 1.2', 'the data set must be {X: n rows of d numbers, y: n numbers}');
  }
  const n = data.X.length;
  if (n === 0) throw new SpecError('eq. 1.2', 'the data set must hold at least one example (n >= 1), got n = 0');
  const [, cols] = matrixShape(PARAMS, 'X', data.X);
  if (cols !== d) throw new SpecError(PARAMS, `X must be ${n}x${d} (n x d, one example per row; d = the rows of W[1]), got ${n}x${cols}`);
  if (vectorLength('eq. 1.2', 'y', data.y) !== n) {
    throw new SpecError('eq. 1.2', `y must hold n = ${n} targets (one per row of X), got ${data.y.length}`);
  }
  expectFiniteRows(PARAMS, 'X', data.X);
  expectFiniteList('eq. 1.1', 'y', data.y);
  return n;
}

/**
 * Algorithm 2 line 4: a batch j_1..j_B of 0-based example indices, 1 <= B <= n, each in 0..n−1,
 * no index twice (sampled without replacement). A batch of one is Algorithm 1 line 4's j.
 */
export function validateBatch(batch: readonly number[], n: number): void {
  const where = 'Algorithm 2 line 4';
  if (!Array.isArray(batch) || batch.length === 0) throw new SpecError('eq. 1.5', 'a batch needs at least one index (B >= 1), got none');
  if (batch.length > n) {
    throw new SpecError(where, `batch size B = ${batch.length} is larger than the data set (n = ${n}): B examples are sampled without replacement`);
  }
  const seen = new Set<number>();
  batch.forEach((j, t) => {
    if (typeof j !== 'number' || !Number.isInteger(j) || j < 0 || j >= n) {
      throw new SpecError(where, `index j_${t + 1} = ${describeValue(j)} is out of range: examples are 0..${n - 1} (0-based, n = ${n})`);
    }
    if (seen.has(j)) throw new SpecError(where, `index ${j} appears twice in the batch: j_1..j_B are sampled without replacement`);
    seen.add(j);
  });
}

/** Algorithm 2 line 3 with line 4's samples given: a list of batches, one per iteration, each valid. */
export function validateBatches(batches: readonly (readonly number[])[], n: number): void {
  if (!Array.isArray(batches)) throw new SpecError('Algorithm 2 line 3', `batches must be a list of batches, one per iteration, got ${describeValue(batches)}`);
  batches.forEach((batch) => validateBatch(batch, n));
}

/** Eq. 1.5 (and 1.3, 1.4: pass `where`): the learning rate α must be finite and > 0. */
export function validateAlpha(alpha: unknown, where = 'eq. 1.5'): number {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha <= 0 || alpha > FLOAT32_MAX) {
    throw new SpecError(where, `learning rate α must be finite and > 0, got ${describeValue(alpha)}`);
  }
  return alpha;
}

/** Algorithm 1 line 1 / Algorithm 2 line 1: n_iter must be a positive integer. */
export function validateIterations(nIter: unknown, where: string): number {
  if (typeof nIter !== 'number' || !Number.isInteger(nIter) || nIter < 1) {
    throw new SpecError(where, `n_iter (number of iterations) must be a positive integer, got ${describeValue(nIter)}`);
  }
  return nIter;
}

/** Algorithm 2 line 1 and line 4: the batch size B is given, an integer with 1 <= B <= n. */
export function validateBatchSize(B: unknown, n: number): number {
  if (B === undefined) throw new SpecError('Algorithm 2 line 1', 'the batch size B is a required hyperparameter');
  if (typeof B !== 'number' || !Number.isInteger(B) || B < 1 || B > n) {
    throw new SpecError('Algorithm 2 line 4', `batch size B must be an integer in 1..n (n = ${n}) when sampling without replacement, got ${describeValue(B)}`);
  }
  return B;
}

/** [rows, columns] of a list of rows of equal length; fails clearly on anything else. */
function matrixShape(where: string, name: string, M: unknown): [number, number] {
  if (!Array.isArray(M)) throw new SpecError(where, `${name} must be a matrix (a list of rows), got ${describeValue(M)}`);
  let cols = 0;
  M.forEach((row: unknown, i) => {
    if (!Array.isArray(row)) throw new SpecError(where, `${name} row ${i + 1} must be a list of numbers, got ${describeValue(row)}`);
    if (i === 0) cols = row.length;
    else if (row.length !== cols)
      throw new SpecError(where, `${name} row ${i + 1} has ${row.length} entries but row 1 has ${cols} (rows of a matrix have equal length)`);
  });
  return [M.length, cols];
}

function vectorLength(where: string, name: string, v: unknown): number {
  if (!Array.isArray(v)) throw new SpecError(where, `${name} must be a list of numbers, got ${describeValue(v)}`);
  return v.length;
}

/** The largest finite float32, (2 − 2^-23)·2^127: beyond it a number becomes ±Infinity on upload. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** A finite number that stays finite in float32; otherwise why not ('is NaN', 'is 1e+39, which overflows float32 (…)'). */
export function notFinite32(v: unknown): string | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) return `is ${describeValue(v)}`;
  if (Math.abs(v) > FLOAT32_MAX) return `is ${v}, which overflows float32 (|v| <= ${FLOAT32_MAX})`;
  return undefined;
}

/** Every entry finite (in float32); the first bad one is named 1-based: `entry (2,3) is NaN`. */
function expectFiniteRows(where: string, name: string, M: readonly (readonly unknown[])[]): void {
  M.forEach((row, i) =>
    row.forEach((v, j) => {
      const why = notFinite32(v);
      if (why !== undefined) throw badNumber(where, `${name} must be finite, but entry (${i + 1},${j + 1}) ${why}`, v);
    }),
  );
}

function expectFiniteList(where: string, name: string, v: readonly unknown[]): void {
  v.forEach((x, i) => {
    const why = notFinite32(x);
    if (why !== undefined) throw badNumber(where, `${name} must be finite, but entry ${i + 1} ${why}`, x);
  });
}

/** A number that is NaN, ±Infinity or beyond float32 is a NonFiniteError; a value that is no number at all a SpecError. */
function badNumber(where: string, detail: string, v: unknown): SpecError {
  return typeof v === 'number' ? new NonFiniteError(where, detail) : new SpecError(where, detail);
}

/** What a NonFiniteError of a result adds when training produced it. */
export const DIVERGED = 'the run diverged; lower α';
/** What it adds when a forward pass, a loss or a gradient did: float32's range was exceeded. */
export const OVERFLOWED = 'θ or the data are too large for float32';

/**
 * Results read back from the device (h_θ(x^{(i)}) of each row, J, ...) must be finite: otherwise a
 * NonFiniteError `${name(i)} is not finite (v): ${why}` (i 1-based), never a NaN handed back.
 */
export function finiteResults(where: string, name: (i: number) => string, values: readonly number[], why: string): number[] {
  const i = values.findIndex((v) => !Number.isFinite(v));
  if (i >= 0) throw new NonFiniteError(where, `${name(i + 1)} is not finite (${values[i]}): ${why}`);
  return values as number[];
}

/** Every entry of a row-major θ or gradient read back (W[k] rows, b[k] lists) finite; else a NonFiniteError naming it. */
export function finiteRowParams<T extends RowParamsData>(where: string, name: string, params: T, why: string): T {
  params.W.forEach((M, k) =>
    M.forEach((row, i) =>
      row.forEach((v, j) => {
        if (!Number.isFinite(v)) throw new NonFiniteError(where, `${name} is not finite (W[${k + 1}] entry (${i + 1},${j + 1}) = ${v}): ${why}`);
      }),
    ),
  );
  params.b.forEach((v, k) => {
    const i = v.findIndex((x) => !Number.isFinite(x));
    if (i >= 0) throw new NonFiniteError(where, `${name} is not finite (b[${k + 1}] entry ${i + 1} = ${v[i]}): ${why}`);
  });
  return params;
}

/**
 * A value in an error message about plain data: a number as itself, a string quoted, a list by its
 * length, null/undefined by name, anything else by its type ('must be a list of numbers, got 3').
 * The one describer of plain inputs (conformance/adapters/rowMajor.ts uses it too); the reference's,
 * which also names mathjs matrices and BigNumbers, is reference/errors.ts's.
 */
export function describeValue(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return `a list of length ${v.length}`;
  if (v === null || v === undefined) return String(v);
  return typeof v;
}

/** Algorithm 1 line 4 / Algorithm 2 line 4: the sampler's seed (reference/sampler.ts) is an integer. */
export function validateSeed(seed: unknown, where: string): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed)) throw new SpecError(where, `the sampler's seed must be an integer, got ${describeValue(seed)}`);
  return seed;
}
