/**
 * The accelerated path behind the suite's interface in Node, on cpu and on wasm: every check of
 * the registry (CHECKS, whatever it holds when this runs) passes or is not-implemented, the suite
 * leaves tf.memory().numTensors where it was, and the same seed gives bit-identical answers.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Implementation } from '../interface.js';
import { acceleratedImplementation, type NodeBackendName } from './accelerated.js';
import { describeFailures, expectAcceleratedDeclarations, runAllChecks, seededRequests, summarize } from './adapterTesting.js';

const timings: string[] = [];
afterAll(() => {
  for (const line of timings) console.info(`[conformance] ${line}`);
});

const BACKENDS: readonly NodeBackendName[] = ['cpu', 'wasm'];

for (const backend of BACKENDS) {
  describe(`[4.4, 4/row-major-conversion] accelerated (${backend}) behind the conformance interface`, () => {
    let impl: Implementation;
    beforeAll(async () => {
      impl = await acceleratedImplementation(backend);
    });
    afterAll(async () => {
      await impl.close?.();
    });

    it(`[4.4, 4/row-major-conversion] ${backend}: provides every operation, float32 judged by the ${backend} error model, ReLU'(0) = 1`, () => {
      expectAcceleratedDeclarations(impl, backend);
    });

    it(`[2.12, 2.13, 4.4] ${backend}: every check passes or is not-implemented, and the run leaves no tensor behind`, async () => {
      const before = tf.memory().numTensors;
      const run = await runAllChecks(impl);
      const after = tf.memory().numTensors;
      timings.push(summarize(impl.name, run));
      expect(tf.getBackend(), 'the backend the checks ran on').toBe(backend);
      expect(run.results.length).toBeGreaterThan(0);
      expect(describeFailures(run.results).join('\n')).toBe('');
      expect(run.results.every((r) => r.status === 'pass' || r.status === 'not-implemented'), run.results.map((r) => `${r.check}: ${r.status}`).join(', ')).toBe(true);
      expect(after, 'tf.memory().numTensors after the whole suite').toBe(before);
    }, 120_000);

    it(`[alg5.line1, alg5.line5, 1.5, alg2.line3] ${backend}: the same seed gives bit-identical gradient and train answers`, async () => {
      const first = seededRequests(229);
      const again = seededRequests(229);
      const call = async (op: 'gradient' | 'train', request: unknown): Promise<unknown> => (impl.operations[op] as (r: unknown) => Promise<unknown>)(request);
      const gradients = [await call('gradient', first.gradient), await call('gradient', again.gradient)];
      const trained = [await call('train', first.train), await call('train', again.train)];
      expect(gradients[1]).toStrictEqual(gradients[0]);
      expect(trained[1]).toStrictEqual(trained[0]);
      // A different seed gives a different answer: equal answers above are not the answers ignoring their input.
      expect(await call('gradient', seededRequests(230).gradient)).not.toStrictEqual(gradients[0]);
    });

    it(`[2.12] ${backend}: a W^{[k]} given row-major (transposed) is rejected with the notes' shape named, and allocates nothing`, async () => {
      const { gradient } = seededRequests(229);
      const transposed = { ...gradient, params: { ...gradient.params, W: [gradient.params.W[0]!, gradient.params.W[1]![0]!.map((_, j) => gradient.params.W[1]!.map((row) => row[j]!)), gradient.params.W[2]!] } };
      const before = tf.memory().numTensors;
      await expect(Promise.resolve().then(() => impl.operations.gradient!(transposed))).rejects.toThrow('eq. 2.12: W[2] must be 2x4 (m2 x m1), given as its rows');
      expect(tf.memory().numTensors).toBe(before);
    });
  });
}
