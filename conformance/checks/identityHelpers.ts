/**
 * What the identity checks share (checks/section1, section2 and section4 /identities.ts): they
 * judge the implementation's OWN answers against each other: two answers that are the same exact
 * quantity must agree (GD = mini-batch on all indices, a training run = its steps, 'rows' =
 * 'columns'ᵀ), and formulas the check applies to its answers (eq. 2.21 on its a^{[r−1]}, the mean
 * of its per-example gradients) must reproduce its other answers. Tolerances are sums of the
 * oracle's BOUNDS (tolerances.ts#betweenAnswers) plus the check's own exact-then-rounded
 * evaluation (tolerances.ts#roundedOnceBound); only 2/collapse-affine takes a value from the
 * reference (oracles/collapse.ts).
 */
import { type Exact, exact, plus, rounded, times, ZERO } from '../../numerics/binary64.js';
import type { DataSet, Matrix, NetParams, Vector } from '../core/interface.js';
import { expectMatrixClose, expectParamsClose, expectVectorClose, type Site } from '../oracles/compare.js';
import type { Expected } from '../oracles/oracle.js';
import { betweenAnswers, roundedOnceBound } from '../oracles/tolerances.js';

// ---- Exact arithmetic on binary64 values (numerics/binary64.ts): n·2^-s, rounded once by `rounded`. ----

/** Σ_j row_j·v_j + c, exactly. */
export const affine = (row: Vector, v: readonly Exact[], c: Exact = ZERO): Exact => row.reduce((s, w, j) => plus(s, times(exact(w), v[j]!)), c);

/** The check's exact value rounded once, with its rounding bound added to `bound`. */
export const checkValue = (a: Exact, bound: number, divisor = 1): Expected<number> => {
  const value = rounded(a, divisor);
  return { value, bound: bound + roundedOnceBound(value) };
};

// ---- Validating answers that become one side of an identity. ----

/**
 * An answer that the check computes with (or compares against) must have the expected shape and
 * finite entries; its VALUE is judged by the direct checks. Infinite bounds make compare.ts
 * check exactly that: shape and finiteness, entry by entry, with the site named.
 */
export const unbounded = <T>(value: T): T => JSON.parse(JSON.stringify(value), (_, v: unknown) => (typeof v === 'number' ? Infinity : v)) as T;

export function expectShapedVector(site: Site, like: readonly number[], got: unknown): asserts got is number[] {
  expectVectorClose(site, { value: [...like], bound: unbounded([...like]) }, got);
}
export function expectShapedMatrix(site: Site, like: Matrix, got: unknown): asserts got is number[][] {
  const value = like.map((row) => [...row]);
  expectMatrixClose(site, { value, bound: unbounded(value) }, got);
}
export function expectShapedParams(sites: (which: 'W' | 'b', k: number) => Site, like: NetParams, got: unknown): asserts got is NetParams {
  expectParamsClose(sites, { value: like, bound: unbounded(like) }, got);
}

/** A θ-shaped structure built entry by entry; `pick` reads the same entry of any θ-shaped value. */
export function perEntry<T>(like: NetParams, f: (pick: (p: NetParams) => number) => T): { W: T[][][]; b: T[][] } {
  return {
    W: like.W.map((W, k) => W.map((row, i) => row.map((_, j) => f((p) => p.W[k]![i]![j]!)))),
    b: like.b.map((v, k) => v.map((_, i) => f((p) => p.b[k]![i]!))),
  };
}
export const sumBounds = (a: NetParams, b: NetParams): NetParams => perEntry(a, (pick) => betweenAnswers(pick(a), pick(b)));
export const plain = (p: NetParams): NetParams => ({ W: p.W.map((W) => W.map((row) => [...row])), b: p.b.map((b) => [...b]) });
export const allIndices = (data: DataSet): number[] => data.y.map((_, i) => i);
