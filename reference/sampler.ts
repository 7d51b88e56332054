/**
 * The seeded sampler of Algorithms 1 and 2, specified exactly so that any language can replay
 * the same index sequence (spec/ conventions: 'sampler'):
 *   - generator: mulberry32 on a 32-bit state (seed = the state's first value, an integer);
 *   - uniform index in {0..n−1}: draw u32 values, reject those >= floor(2^32/n)·n, return u mod n
 *     (exactly uniform, no modulo bias);
 *   - B indices without replacement: the first B steps of a Fisher–Yates shuffle of [0..n−1],
 *     where step t (t = 0..B−1) swaps position t with t + uniformIndex(n − t).
 * Indices are 0-based: the notes' example j ∈ {1..n} is our index j − 1.
 */
import { SpecError } from '../spec/specError.js';

/** Dependency-free (no mathjs), so the accelerated path shares this exact sampler. */
function expectPositiveInteger(where: string, name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new SpecError(where, `${name} must be a positive integer, got ${v}`);
}

export interface Rng {
  /** The next raw 32-bit value, as an unsigned integer. */
  nextUint32(): number;
}

/** mulberry32: a 32-bit generator small enough to port in a few lines to any language. */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new SpecError('Algorithm 1 line 2', `seed must be an integer, got ${seed}`);
  let state = seed >>> 0;
  return {
    nextUint32(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    },
  };
}

/** A float uniform in [0, 1): u32 / 2^32. */
export function uniform01(rng: Rng): number {
  return rng.nextUint32() / 4294967296;
}

/** Algorithm 1 line 4: "Sample j uniformly from {1, ..., n}" (returned 0-based). */
export function sampleIndex(rng: Rng, n: number): number {
  expectPositiveInteger('Algorithm 1 line 4', 'n (number of examples)', n);
  const limit = Math.floor(4294967296 / n) * n;
  for (;;) {
    const u = rng.nextUint32();
    if (u < limit) return u % n;
  }
}

/**
 * Algorithm 2 line 4: "Sample B examples j_1, ..., j_B (without replacement) uniformly from
 * {1, ..., n}" (returned 0-based, in the order drawn).
 */
export function sampleWithoutReplacement(rng: Rng, n: number, B: number): number[] {
  expectPositiveInteger('Algorithm 2 line 4', 'n (number of examples)', n);
  if (!Number.isInteger(B) || B < 1 || B > n) {
    throw new SpecError('Algorithm 2 line 4', `batch size B must be an integer in 1..n (n = ${n}) when sampling without replacement, got ${B}`);
  }
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let t = 0; t < B; t++) {
    const s = t + sampleIndex(rng, n - t);
    [pool[t], pool[s]] = [pool[s]!, pool[t]!];
  }
  return pool.slice(0, B);
}
