import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RowParamsData } from '../numerics/plain.js';
import { columnVector, matrixFromRows } from '../reference/matrix.js';
import { type Example, gd, minibatchSgd, sgd } from '../reference/optimizers.js';
import { fromRowMajor } from '../reference/rowMajor.js';
import { NODE_BACKENDS, useNodeBackend } from './node/backends.js';
import { DATA_6, THETA_4_3_1 } from './testing/smallProblem.js';
import { Trainer } from './trainer.js';

// The θ and losses of these runs against the reference's, within float32 bounds, are checked in
// conformance/adapters/trainer.test.ts (it judges with the conformance oracle, which accelerated/ never imports).

const THETA = THETA_4_3_1;
const DATA = DATA_6;
const EXAMPLES: Example[] = DATA.X.map((x, i) => ({ x: columnVector(x), y: DATA.y[i]! }));
const COLUMNS = fromRowMajor({ W: THETA.W.map((W) => matrixFromRows(W)), b: THETA.b.map((b) => matrixFromRows([b])) });

/** Runs `fn` on a fresh trainer and disposes it. */
async function withTrainer<T>(fn: (t: Trainer) => Promise<T>): Promise<T> {
  const trainer = Trainer.create(THETA, DATA, 'relu');
  try {
    return await fn(trainer);
  } finally {
    trainer.dispose();
  }
}

for (const backend of NODE_BACKENDS) {
  describe(`[1.5, alg2.line3] the Trainer on ${backend}`, () => {
    beforeAll(async () => {
      await useNodeBackend(backend);
    });

    it('[alg1.line3, alg1.line4, 1.4] sgd draws one sampleIndex per iteration: the reference sgd indices for the same seed, and the θ of replaying them', async () => {
      const options = { alpha: 0.05, nIter: 12, seed: 2024 };
      const run = await withTrainer((t) => t.sgd(options));
      const reference = sgd(COLUMNS, EXAMPLES, { ...options, activation: 'relu' });
      expect(run.indices).toEqual(reference.indices);
      expect(run.losses).toHaveLength(12);
      const replayed = await withTrainer(async (t) => {
        await t.trainOnBatches(run.indices, options.alpha);
        return t.params();
      });
      const sgdParams = await withTrainer(async (t) => {
        await t.sgd(options);
        return t.params();
      });
      expect(sgdParams).toEqual(replayed);
    });

    it('[alg2.line1, alg2.line4, 1.5] minibatchSgd draws one sampleWithoutReplacement(n, B) per iteration: the reference indices for the same seed', async () => {
      const options = { alpha: 0.1, nIter: 8, seed: 7, B: 4 };
      const run = await withTrainer((t) => t.minibatchSgd(options));
      const reference = minibatchSgd(COLUMNS, EXAMPLES, { ...options, activation: 'relu' });
      expect(run.indices).toEqual(reference.indices);
      const replayed = await withTrainer(async (t) => ({ run: await t.trainOnBatches(run.indices, options.alpha), theta: await t.params() }));
      expect(replayed.run.losses).toEqual(run.losses);
    });

    it('[1.3, 1/dataset-gradient] gd uses all n rows at every iteration, like the reference gd', async () => {
      const options = { alpha: 0.2, nIter: 5 };
      const run = await withTrainer((t) => t.gd(options));
      const reference = gd(COLUMNS, EXAMPLES, { ...options, activation: 'relu' });
      expect(run.indices).toEqual(reference.indices);
    });

    it('[1.5, alg2.line4] determinism: the same seed on the same backend gives bit-identical θ and losses', async () => {
      const options = { alpha: 0.1, nIter: 25, seed: 99, B: 3 };
      const once = await withTrainer(async (t) => ({ run: await t.minibatchSgd(options), theta: await t.params() }));
      const twice = await withTrainer(async (t) => ({ run: await t.minibatchSgd(options), theta: await t.params() }));
      const bits = (v: { run: { losses: number[] }; theta: RowParamsData }): number[] =>
        Array.from(new Uint32Array(Float32Array.from([...v.run.losses, ...v.theta.W.flat(2), ...v.theta.b.flat()]).buffer));
      expect(bits(twice)).toEqual(bits(once));
      const other = await withTrainer(async (t) => ({ run: await t.minibatchSgd({ ...options, seed: 100 }), theta: await t.params() }));
      expect(bits(other)).not.toEqual(bits(once));
    });

    it('[1.5, alg2.line3] memory: 1,000 training steps leave tf.memory() numTensors and numBytes unchanged; dispose frees everything', async () => {
      const empty = tf.memory();
      const trainer = Trainer.create(THETA, DATA, 'relu');
      const start = tf.memory();
      for (let i = 0; i < 500; i++) trainer.step([i % 6, (i + 1) % 6, (i + 3) % 6], 0.01);
      const run = await trainer.minibatchSgd({ alpha: 0.01, nIter: 500, seed: 1, B: 4 });
      expect(run.losses).toHaveLength(500);
      await trainer.gradient();
      await trainer.outputs();
      const end = tf.memory();
      expect([end.numTensors, end.numBytes]).toEqual([start.numTensors, start.numBytes]);
      trainer.dispose();
      expect([tf.memory().numTensors, tf.memory().numBytes]).toEqual([empty.numTensors, empty.numBytes]);
      expect(() => trainer.step([0], 0.1)).toThrow('this Trainer has been disposed');
    });

    it('[4/row-major-conversion] θ_0 reads back as uploaded (each entry rounded to float32), and create + dispose leave tf.memory() as it was', async () => {
      const before = tf.memory().numTensors;
      const theta = await withTrainer((t) => t.params());
      expect(theta).toEqual({ W: THETA.W.map((W) => W.map((row) => row.map(Math.fround))), b: THETA.b.map((b) => b.map(Math.fround)) });
      expect(tf.memory().numTensors).toBe(before);
    });

    it('[alg2.line4, 1.5, alg1.line1] bad options fail before any tensor is made', async () => {
      await withTrainer(async (t) => {
        const before = tf.memory();
        expect(() => t.step([0, 6], 0.1)).toThrow('Algorithm 2 line 4: index j_2 = 6 is out of range: examples are 0..5 (0-based, n = 6)');
        expect(() => t.step([1, 1], 0.1)).toThrow('Algorithm 2 line 4: index 1 appears twice in the batch');
        expect(() => t.step([0], 0)).toThrow('eq. 1.5: learning rate α must be finite and > 0, got 0');
        await expect(t.minibatchSgd({ alpha: 0.1, nIter: 3, seed: 1, B: 7 })).rejects.toThrow(
          'Algorithm 2 line 4: batch size B must be an integer in 1..n (n = 6)',
        );
        await expect(t.minibatchSgd({ alpha: 0.1, nIter: 3, seed: 1 })).rejects.toThrow('Algorithm 2 line 1: the batch size B is a required hyperparameter');
        await expect(t.sgd({ alpha: 0.1, nIter: 0, seed: 1 })).rejects.toThrow(
          'Algorithm 1 line 1: n_iter (number of iterations) must be a positive integer, got 0',
        );
        await expect(t.sgd({ alpha: 0.1, nIter: 2 })).rejects.toThrow("Algorithm 1 line 4: the sampler's seed must be an integer, got undefined");
        await expect(t.gd({ alpha: -1, nIter: 2 })).rejects.toThrow('eq. 1.3: learning rate α must be finite and > 0, got -1');
        await expect(t.trainOnBatches([], 0.1)).rejects.toThrow('Algorithm 2 line 3: n_iter (number of iterations) must be a positive integer, got 0');
        await expect(t.gradient([])).rejects.toThrow('eq. 1.5: a batch needs at least one index (B >= 1), got none');
        expect([tf.memory().numTensors, tf.memory().numBytes]).toEqual([before.numTensors, before.numBytes]);
      });
    });
  });
}
