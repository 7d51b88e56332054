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

/** 2^32: the generator draws uniformly from {0..2^32 − 1}, so it can pick uniformly among at most 2^32 examples. */
export const MAX_SAMPLER_N = 4294967296;

/**
 * More rejections in a row than a 32-bit uniform generator ever makes (each draw is rejected with
 * probability < 1/2, so 128 in a row has probability < 2^-128): the Rng is broken, stop instead of looping.
 */
const MAX_REJECTIONS = 128;

/** Dependency-free (no mathjs), so the accelerated path shares this exact sampler. */
function expectPositiveInteger(where: string, name: string, v: number): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new SpecError(where, `${name} must be a positive integer, got ${show(v)}`);
}

/** n in 1..2^32 and an Rng: the sampler can draw uniformly from {0..n−1} (else it would loop forever). */
function expectSamplable(where: string, rng: Rng, n: number): void {
  if (rng === null || typeof rng !== 'object' || typeof rng.nextUint32 !== 'function') {
    throw new SpecError(where, `rng must be a generator from createRng(seed), got ${rng === null ? 'null' : typeof rng}`);
  }
  expectPositiveInteger(where, 'n (number of examples)', n);
  if (n > MAX_SAMPLER_N) {
    throw new SpecError(
      where,
      `n (number of examples) must be at most 2^32 = ${MAX_SAMPLER_N}: the sampler draws from 32-bit values (mulberry32) and cannot pick uniformly among more, got n = ${n}`,
    );
  }
}

function show(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : String(v);
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
  expectSamplable('Algorithm 1 line 4', rng, n);
  return uniformIndex('Algorithm 1 line 4', rng, n);
}

/** The rejection loop of sampleIndex, n already checked; a generator that is not 32-bit uniform is refused. */
function uniformIndex(where: string, rng: Rng, n: number): number {
  const limit = Math.floor(MAX_SAMPLER_N / n) * n;
  for (let rejected = 0; rejected < MAX_REJECTIONS; rejected++) {
    const u = rng.nextUint32();
    if (!Number.isInteger(u) || u < 0 || u >= MAX_SAMPLER_N) {
      throw new SpecError(where, `rng.nextUint32() must return an integer in 0..2^32 − 1, got ${show(u)}`);
    }
    if (u < limit) return u % n;
  }
  throw new SpecError(where, `rng.nextUint32() rejected ${MAX_REJECTIONS} draws in a row for n = ${n}: it is not a uniform 32-bit generator`);
}

/**
 * Algorithm 2 line 4: "Sample B examples j_1, ..., j_B (without replacement) uniformly from
 * {1, ..., n}" (returned 0-based, in the order drawn).
 */
export function sampleWithoutReplacement(rng: Rng, n: number, B: number): number[] {
  const where = 'Algorithm 2 line 4';
  expectSamplable(where, rng, n);
  if (typeof B !== 'number' || !Number.isInteger(B) || B < 1 || B > n) {
    throw new SpecError(where, `batch size B must be an integer in 1..n (n = ${n}) when sampling without replacement, got ${show(B)}`);
  }
  // The Fisher–Yates pool [0..n−1], stored sparsely (only the positions a swap moved): O(B) memory for any n.
  const moved = new Map<number, number>();
  const pool = (i: number): number => moved.get(i) ?? i;
  const batch: number[] = [];
  for (let t = 0; t < B; t++) {
    const s = t + uniformIndex(where, rng, n - t);
    const picked = pool(s);
    moved.set(s, pool(t));
    batch.push(picked);
  }
  return batch;
}
