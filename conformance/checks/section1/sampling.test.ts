import { describe, expect, it } from 'vitest';
import { transpose } from '../../../numerics/plain.js';
import { createRng, sampleIndex, sampleWithoutReplacement } from '../../../reference/sampler.js';
import type { Implementation } from '../../core/interface.js';
import type { CheckResult } from '../../core/runner.js';
import { corrupted, expectAllPass, reference, runCheck } from '../../testing/checkTesting.js';
import { samplingChecks } from './sampling.js';

const ref = reference;
const run = (impl: Implementation, check: string): Promise<CheckResult> => runCheck(samplingChecks, impl, check, 25);
const initialize = ref.operations.initialize!;

describe('sampling checks', () => {
  it('[alg1.line2, alg2.line2, alg1.line4, alg2.line4, alg1.line1, alg2.line1] pass on the reference', async () => {
    await expectAllPass(ref, samplingChecks);
  });

  it('[alg2.line2, alg1.line2] rejects W[k] returned transposed (m_{k−1}×m_k), naming the layer', async () => {
    const bad = corrupted('transposed', {
      initialize: async (r) => {
        const theta = await initialize(r);
        return { W: theta.W.map((W) => transpose(W)), b: theta.b };
      },
    });
    const result = await run(bad, 'sampling/initialize');
    expect(result.status).toBe('fail');
    expect(result.mismatch).toMatchObject({ specId: 'alg2.line2', operation: 'initialize', quantity: 'W[1]', layer: 1, expected: '5x3', got: '3x5' });
  });

  it('[alg2.line2] rejects a constant initialization (symmetry not broken)', async () => {
    const bad = corrupted('constant', {
      initialize: async (r) => {
        const theta = await initialize(r);
        return { W: theta.W.map((W) => W.map((row) => row.map(() => 0.1))), b: theta.b.map((b) => b.map(() => 0)) };
      },
    });
    const result = await run(bad, 'sampling/initialize');
    expect(result.status).toBe('fail');
    expect(result.mismatch).toMatchObject({ specId: 'alg2.line2', operation: 'initialize', quantity: 'W[1]', layer: 1 });
    expect(result.message).toContain('symmetry is not broken');
  });

  it('[alg2.line2] rejects identical units with distinct weights (rows of [W|b] all equal)', async () => {
    const bad = corrupted('same rows', {
      initialize: async (r) => {
        const theta = await initialize(r);
        return { W: theta.W.map((W) => W.map(() => W[0]!)), b: theta.b.map((b) => b.map(() => b[0]!)) };
      },
    });
    const result = await run(bad, 'sampling/initialize');
    expect(result.status).toBe('fail');
    expect(result.mismatch).toMatchObject({ specId: 'alg2.line2', quantity: 'W[1]', layer: 1, expected: 'units not all identical' });
  });

  it('[alg2.line2, alg1.line2] rejects an initialization that ignores its seed, and one not reproducible', async () => {
    const fixed = corrupted('seed ignored', { initialize: (r) => initialize({ ...r, seed: 7 }) });
    expect((await run(fixed, 'sampling/initialize-seed')).mismatch).toMatchObject({
      specId: 'alg2.line2',
      quantity: 'θ',
      expected: 'different θ for different seeds',
    });
    let calls = 0;
    const drifting = corrupted('not reproducible', { initialize: (r) => initialize({ ...r, seed: r.seed + 1000 * calls++ }) });
    const result = await run(drifting, 'sampling/initialize-seed');
    expect(result.status).toBe('fail');
    expect(result.mismatch).toMatchObject({ specId: 'alg2.line2', operation: 'initialize', layer: 3, element: [1] });
  });

  it('[alg2.line4] rejects sampling with replacement (an index drawn twice)', async () => {
    const bad = corrupted('with replacement', {
      sampleBatch: ({ n, B, seed }) => {
        const rng = createRng(seed);
        return Array.from({ length: B }, () => sampleIndex(rng, n));
      },
    });
    const result = await run(bad, 'sampling/sample-batch');
    expect(result.status).toBe('fail');
    expect(result.mismatch?.specId).toBe('alg2.line4');
    expect(result.mismatch?.expected).toBe('an index not drawn before');
    expect(result.mismatch?.element?.[0]).toBeGreaterThan(1);
  });

  it('[alg1.line4] rejects 1-based indices (1..n instead of 0..n−1)', async () => {
    const bad = corrupted('1-based', { sampleBatch: ({ n, B, seed }) => sampleWithoutReplacement(createRng(seed), n, B).map((j) => j + 1) });
    const result = await run(bad, 'sampling/sample-batch');
    expect(result.status).toBe('fail');
    expect(result.mismatch).toMatchObject({
      specId: 'alg1.line4',
      operation: 'sampleBatch',
      quantity: 'j_1',
      element: [1],
      got: '1',
      expected: 'integer in 0..0',
    });
  });

  it('[alg2.line1] rejects an answer to B = n + 1', async () => {
    const bad = corrupted('no refusal', { sampleBatch: ({ n, B, seed }) => (B > n ? [0, 1, 2, 3, 0] : sampleWithoutReplacement(createRng(seed), n, B)) });
    const result = await run(bad, 'sampling/sample-batch');
    expect(result.status).toBe('fail');
    expect(result.mismatch).toMatchObject({ specId: 'alg2.line1', expected: 'a refusal' });
  });

  it('[alg2.line4, alg1.line4] rejects a sampler that never draws the last example, and one that ignores its seed', async () => {
    const lastMissing = corrupted('never n − 1', {
      sampleBatch: ({ n, B, seed }) => sampleWithoutReplacement(createRng(seed), B < n ? n - 1 : n, B),
    });
    const missing = await run(lastMissing, 'sampling/coverage');
    expect(missing.status).toBe('fail');
    expect(missing.mismatch).toMatchObject({ specId: 'alg1.line4', operation: 'sampleBatch', element: [6], got: 0 });
    expect((await run(lastMissing, 'sampling/sample-batch')).status).toBe('pass');

    const seedless = corrupted('seed ignored', { sampleBatch: ({ n, B }) => sampleWithoutReplacement(createRng(1), n, B) });
    const result = await run(seedless, 'sampling/coverage');
    expect(result.status).toBe('fail');
    expect(result.mismatch?.specId).toBe('alg1.line4');
    expect(result.message).toContain('Hoeffding');
  });
});
