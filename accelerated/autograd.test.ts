import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { autogradRows } from './autograd.js';
import { NODE_BACKENDS, useNodeBackend } from './node/backends.js';
import { compareGradient } from './testing/compare.js';
import { scenarioArb } from './testing/scenarioArb.js';
import { Trainer } from './trainer.js';

for (const backend of NODE_BACKENDS) {
  describe(`[4/multi-layer, alg5.line1, alg5.line5] tfjs autograd as an independent cross-check, on ${backend}`, () => {
    beforeAll(async () => {
      await useNodeBackend(backend);
    });

    it('[alg5.line4, 3.16, 1.5] off the kinks, tf.grads and the explicit Algorithm 5 both give ∇J(θ) within float32 bounds of the reference (so within the sum of both bounds of each other)', async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb({ generic: true, maxBatches: 0 }), async ({ params, activation, data }) => {
          const trainer = Trainer.create(params, data, activation);
          const before = tf.memory().numTensors;
          try {
            const explicit = await trainer.gradient();
            const flat = tf.tidy(() => {
              const g = autogradRows(trainer.theta, trainer.data.X, trainer.data.Y, activation);
              return [...g.W, ...g.b];
            });
            const values = await Promise.all(flat.map((t) => t.array()));
            tf.dispose(flat);
            expect(tf.memory().numTensors).toBe(before);
            const r = params.W.length;
            const auto = { W: values.slice(0, r), b: values.slice(r).map((b) => b[0]!) };
            const problem = { params, activation, data };
            expect(compareGradient(problem, explicit, backend).problems).toEqual([]);
            // autograd forms Δ[r] = (fl(1/B)·½)·(2·fl(O − Y)): one rounding more than (O − Y)/B.
            expect(compareGradient(problem, auto, backend, 1).problems).toEqual([]);
          } finally {
            trainer.dispose();
          }
        }),
        { numRuns: 50 },
      );
    });
  });
}
