/**
 * The JSON a reader types in a "try it" form as the reference's inputs, both ways: θ (eq. 2.12:
 * W[k] as its rows, b[k] as a list), a data set (eq. 1.2: a list of {x, y}), a matrix by its rows
 * and X (eq. 4.1) by its examples as rows. What JSON cannot be one is refused with a SpecError naming the equation and the part
 * ("eq. 2.12: row 2 of W[1] has 1 entries, row 1 has 2"); shapes between the parts are left to the
 * reference, which checks them. No node: imports (the page bundle uses it).
 */
import { SpecError } from '../../../../reference/errors.js';
import { columnVector, matrixFromRows, toRows } from '../../../../reference/matrix.js';
import type { Params } from '../../../../reference/network.js';
import type { Matrix } from '../../../../reference/numeric.js';
import { transpose } from '../../../../reference/ops.js';
import type { Example } from '../../../../reference/optimizers.js';

/** θ as JSON: W[k] as its rows, b[k] as a list. */
export interface ParamsJson {
  readonly W: readonly (readonly (readonly number[])[])[];
  readonly b: readonly (readonly number[])[];
}

/** A training example as JSON: x as a list. */
export interface ExampleJson {
  readonly x: readonly number[];
  readonly y: number;
}

const shown = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));

/** A non-empty list of numbers. */
export function numbersOf(where: string, name: string, json: unknown): number[] {
  if (!Array.isArray(json) || json.length === 0) throw new SpecError(where, `${name} must be a non-empty list of numbers, got ${shown(json)}`);
  json.forEach((v, i) => {
    if (typeof v !== 'number') throw new SpecError(where, `entry ${i + 1} of ${name} must be a number, got ${shown(v)}`);
  });
  return json as number[];
}

/** A matrix from a non-empty list of rows, each a non-empty list of numbers, all of one length. */
export function matrixOf(where: string, name: string, json: unknown): Matrix {
  if (!Array.isArray(json) || json.length === 0) throw new SpecError(where, `${name} must be a non-empty list of rows, got ${shown(json)}`);
  const rows = json.map((row, i) => numbersOf(where, `row ${i + 1} of ${name}`, row));
  rows.forEach((row, i) => {
    if (row.length !== rows[0]!.length) throw new SpecError(where, `row ${i + 1} of ${name} has ${row.length} entries, row 1 has ${rows[0]!.length}`);
  });
  return matrixFromRows(rows);
}

/** X of eq. 4.1 (d×n, the examples as columns) from its examples as rows: X_row of eq. 4.4. */
export const columnsOf = (where: string, name: string, json: unknown): Matrix => transpose(matrixOf(where, name, json));

/** θ of eq. 2.12 from {"W": [...], "b": [...]}. */
export function paramsOf(json: unknown): Params {
  const where = 'eq. 2.12';
  const { W, b } = (json ?? {}) as { W?: unknown; b?: unknown };
  if (typeof json !== 'object' || !Array.isArray(W) || !Array.isArray(b)) {
    throw new SpecError(where, `θ must be {"W": [W[1], ..., W[r]], "b": [b[1], ..., b[r]]}, got ${shown(json)}`);
  }
  return { W: W.map((Wk, k) => matrixOf(where, `W[${k + 1}]`, Wk)), b: b.map((bk, k) => columnVector(numbersOf(where, `b[${k + 1}]`, bk))) };
}

/** The data set of eq. 1.2 from [{"x": [...], "y": number}, ...]. */
export function dataOf(json: unknown): Example[] {
  const where = 'eq. 1.2';
  if (!Array.isArray(json)) throw new SpecError(where, `the data set must be a list of examples {"x": [...], "y": number}, got ${shown(json)}`);
  return json.map((e: { x?: unknown; y?: unknown } | null, i) => {
    if (typeof e !== 'object' || e === null) throw new SpecError(where, `example ${i + 1} must be {"x": [...], "y": number}, got ${shown(e)}`);
    if (typeof e.y !== 'number') throw new SpecError(where, `y^{(${i + 1})} must be a number, got ${shown(e.y)}`);
    return { x: columnVector(numbersOf(where, `x^{(${i + 1})}`, e.x)), y: e.y };
  });
}

/** A matrix as the JSON of its rows. */
export const rowsJson = (M: Matrix): number[][] => toRows(M).map((r) => r.map(Number));

/** A column vector (d×1) as the list of its entries. */
export const listJson = (v: Matrix): number[] => rowsJson(v).flat();

/** θ as the form shows it. */
export const paramsJson = (theta: Params): ParamsJson => ({ W: theta.W.map(rowsJson), b: theta.b.map(listJson) });

/** A data set as the form shows it. */
export const dataJson = (data: readonly Example[]): ExampleJson[] => data.map((e) => ({ x: listJson(e.x), y: Number(e.y) }));
