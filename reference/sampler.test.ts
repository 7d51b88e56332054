import { describe, expect, it } from 'vitest';
import { SpecError } from './errors.js';
import { createRng, MAX_SAMPLER_N, type Rng, sampleIndex, sampleWithoutReplacement } from './sampler.js';

/** The dense Fisher–Yates of the sampler's specification, as it was written before the sparse pool. */
function denseWithoutReplacement(rng: Rng, n: number, B: number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let t = 0; t < B; t++) {
    const s = t + sampleIndex(rng, n - t);
    [pool[t], pool[s]] = [pool[s]!, pool[t]!];
  }
  return pool.slice(0, B);
}

describe('[alg1.line4] sampleIndex refuses what it cannot draw uniformly', () => {
  it('[alg1.line4] refuses n > 2^32 (a 32-bit generator cannot pick uniformly among more; rejection would loop forever)', () => {
    const rng = createRng(1);
    expect(() => sampleIndex(rng, MAX_SAMPLER_N + 1)).toThrow(SpecError);
    expect(() => sampleIndex(rng, MAX_SAMPLER_N + 1)).toThrow('Algorithm 1 line 4: n (number of examples) must be at most 2^32 = 4294967296');
    expect(() => sampleIndex(rng, 2 ** 40)).toThrow('got n = 1099511627776');
    expect(() => sampleIndex(rng, Number.MAX_SAFE_INTEGER)).toThrow('must be at most 2^32');
  });

  it('[alg1.line4] still draws for n = 2^32 (every 32-bit value accepted) and n = 2^31 + 1 (about half rejected)', () => {
    const j = sampleIndex(createRng(7), MAX_SAMPLER_N);
    expect(Number.isInteger(j) && j >= 0 && j < MAX_SAMPLER_N).toBe(true);
    const k = sampleIndex(createRng(7), 2 ** 31 + 1);
    expect(Number.isInteger(k) && k >= 0 && k <= 2 ** 31).toBe(true);
  });

  it.each([
    ['NaN', NaN],
    ['0', 0],
    ['-3', -3],
    ['2.5', 2.5],
    ['Infinity', Infinity],
    ["'4' (a string)", '4' as unknown as number],
  ])('[alg1.line4] refuses n = %s', (_, n) => {
    expect(() => sampleIndex(createRng(1), n)).toThrow(/^Algorithm 1 line 4: n \(number of examples\) must be a positive integer/);
  });

  it('[alg1.line4] refuses a generator that is not one, or that does not return 32-bit integers, instead of looping', () => {
    expect(() => sampleIndex(null as unknown as Rng, 3)).toThrow('Algorithm 1 line 4: rng must be a generator from createRng(seed), got null');
    expect(() => sampleIndex({ nextUint32: () => NaN }, 3)).toThrow('Algorithm 1 line 4: rng.nextUint32() must return an integer in 0..2^32 − 1, got NaN');
    expect(() => sampleIndex({ nextUint32: () => 2 ** 32 }, 3)).toThrow('got 4294967296');
    // 4294967295 >= floor(2^32/3)·3 = 4294967295 is always rejected: a stuck generator, not a hang.
    expect(() => sampleIndex({ nextUint32: () => 4294967295 }, 3)).toThrow('Algorithm 1 line 4: rng.nextUint32() rejected 128 draws in a row for n = 3');
  });
});

describe('[alg2.line4] sampleWithoutReplacement refuses bad n and B', () => {
  it('[alg2.line4] refuses n > 2^32, naming Algorithm 2 line 4', () => {
    expect(() => sampleWithoutReplacement(createRng(1), MAX_SAMPLER_N + 1, 1)).toThrow('Algorithm 2 line 4: n (number of examples) must be at most 2^32');
  });

  it.each([
    ['n = NaN', NaN, 1, 'Algorithm 2 line 4: n (number of examples) must be a positive integer, got NaN'],
    ['n = -1', -1, 1, 'Algorithm 2 line 4: n (number of examples) must be a positive integer, got -1'],
    ['n = 1.5', 1.5, 1, 'Algorithm 2 line 4: n (number of examples) must be a positive integer, got 1.5'],
    ['B = NaN', 5, NaN, 'Algorithm 2 line 4: batch size B must be an integer in 1..n (n = 5) when sampling without replacement, got NaN'],
    ['B = 2.5', 5, 2.5, 'got 2.5'],
    ['B = -1', 5, -1, 'got -1'],
    ['B = 0', 5, 0, 'got 0'],
    ['B > n', 5, 6, 'got 6'],
    ["B = '2' (a string)", 5, '2' as unknown as number, "got '2'"],
  ])('[alg2.line4] refuses %s', (_, n, B, message) => {
    expect(() => sampleWithoutReplacement(createRng(1), n, B)).toThrow(SpecError);
    expect(() => sampleWithoutReplacement(createRng(1), n, B)).toThrow(message);
  });

  it('[alg2.line4] draws the same indices as the dense Fisher–Yates of the specification', () => {
    for (let seed = 0; seed < 200; seed++) {
      const n = 1 + (seed % 17);
      const B = 1 + ((seed * 7) % n);
      expect(sampleWithoutReplacement(createRng(seed), n, B)).toEqual(denseWithoutReplacement(createRng(seed), n, B));
    }
  });

  it('[alg2.line4] a few indices out of n = 2^32 take O(B) memory and time (no array of n entries)', () => {
    const batch = sampleWithoutReplacement(createRng(3), MAX_SAMPLER_N, 5);
    expect(batch).toHaveLength(5);
    expect(new Set(batch).size).toBe(5);
    expect(batch.every((j) => Number.isInteger(j) && j >= 0 && j < MAX_SAMPLER_N)).toBe(true);
  });
});
