/**
 * tfjs autograd (accelerated/autograd.ts) as an independent cross-check of the explicit Algorithm 5
 * (accelerated/model.ts#backpropRows, which the trainer runs): both within the float32 bounds of
 * the reference (the conformance oracle, withinReference.ts). Here rather than beside autograd.ts
 * because it judges with conformance/ (accelerated/ never imports it).
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { autogradRows } from '../../accelerated/autograd.js';
import type { ActivationName, DataSet, RowParamsData } from '../../accelerated/model.js';
import { NODE_BACKENDS, useNodeBackend } from '../../accelerated/node/backends.js';
import { Trainer } from '../../accelerated/trainer.js';
import { genericEntry, matrixOf, vectorOf } from '../../reference/testing/plainArbitraries.js';
import { ACTIVATION_NAMES } from '../../spec/activations.js';
import { expectGradientWithinReference } from './withinReference.js';

/** Entries with 1/16 <= |v| <= 1 (genericEntry): no exact zeros, so no pre-activation lands on ReLU's kink by construction. */
const rowsArb = (rows: number, cols: number) => matrixOf(genericEntry, rows, cols);

/** A random row-major problem: r in 1..4, d and every m_k in 1..4, m_r = 1, n in 1..7, any activation. */
const problemArb: fc.Arbitrary<{ params: RowParamsData; activation: ActivationName; data: DataSet }> = fc
  .record({ widths: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), n: fc.integer({ min: 1, max: 7 }) })
  .chain(({ widths, n }) => {
    const sizes = [...widths, 1];
    return fc.record({
      params: fc.record({
        W: fc.tuple(...sizes.slice(1).map((m, k) => rowsArb(sizes[k]!, m))),
        b: fc.tuple(...sizes.slice(1).map((m) => vectorOf(genericEntry, m))),
      }),
      activation: fc.constantFrom<ActivationName>(...ACTIVATION_NAMES),
      data: fc.record({ X: rowsArb(n, sizes[0]!), y: vectorOf(genericEntry, n) }),
    });
  });

for (const backend of NODE_BACKENDS) {
  describe(`[4/multi-layer, alg5.line1, alg5.line5] tfjs autograd as an independent cross-check, on ${backend}`, () => {
    beforeAll(async () => {
      await useNodeBackend(backend);
    });

    it('[alg5.line4, 3.16, 1.5] off the kinks, tf.grads and the explicit Algorithm 5 both give ∇J(θ) within float32 bounds of the reference (so within the sum of both bounds of each other)', async () => {
      await fc.assert(
        fc.asyncProperty(problemArb, async ({ params, activation, data }) => {
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
            expect(() => expectGradientWithinReference(problem, explicit, backend)).not.toThrow();
            // autograd forms Δ[r] = (fl(1/B)·½)·(2·fl(O − Y)): one rounding more than (O − Y)/B.
            expect(() => expectGradientWithinReference(problem, auto, backend, 1)).not.toThrow();
          } finally {
            trainer.dispose();
          }
        }),
        { numRuns: 50 },
      );
    });
  });
}
