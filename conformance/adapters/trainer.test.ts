/**
 * The accelerated trainer's own runs (accelerated/trainer.ts: gd, sgd, minibatchSgd, and its
 * outputs, J and ∇J), which the interface does not reach (its `train` operation is trainOnBatches,
 * judged by the whole suite in accelerated.test.ts), against the reference replaying the indices
 * each run drew: within the float32 bounds of the backend (the conformance oracle,
 * withinReference.ts). accelerated/trainer.test.ts checks that the indices are the reference's.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_BACKENDS, useNodeBackend } from '../../accelerated/node/backends.js';
import { DATA_6, THETA_4_3_1 } from '../../accelerated/testing/smallProblem.js';
import { Trainer, type TrainingRun } from '../../accelerated/trainer.js';
import { expectGradientWithinReference, expectOutputsAndLossWithinReference, expectTrainingWithinReference } from './withinReference.js';

const THETA = THETA_4_3_1;
const DATA = DATA_6;
const PROBLEM = { params: THETA, activation: 'relu', data: DATA } as const;

/**
 * `train` on a fresh trainer, with its outputs, J and ∇J before the run and the trained θ and
 * losses after it, each checked against the reference (within the float32 bounds of `backend`)
 * replaying the indices the run drew with the same α; no tensor is left behind.
 */
async function expectRunWithinReference(backend: string, alpha: number, train: (t: Trainer) => Promise<TrainingRun>): Promise<void> {
  const before = tf.memory().numTensors;
  const trainer = Trainer.create(THETA, DATA, 'relu');
  try {
    const [outputs, loss, gradient] = [await trainer.outputs(), await trainer.loss(), await trainer.gradient()];
    const run = await train(trainer);
    const trained = await trainer.params();
    expect(() => expectOutputsAndLossWithinReference(PROBLEM, { outputs, loss }, backend)).not.toThrow();
    expect(() => expectGradientWithinReference(PROBLEM, gradient, backend)).not.toThrow();
    expect(() => expectTrainingWithinReference(PROBLEM, run.indices, alpha, { trained, losses: run.losses }, backend)).not.toThrow();
  } finally {
    trainer.dispose();
  }
  expect(tf.memory().numTensors).toBe(before);
}

for (const backend of NODE_BACKENDS) {
  describe(`[1.5, alg2.line3] the accelerated Trainer's runs on ${backend} against the reference, within float32 bounds`, () => {
    beforeAll(async () => {
      await useNodeBackend(backend);
    });

    it('[2.12, 1.2, 1/dataset-gradient] outputs h_θ(x^{(i)}), J(θ) and ∇J(θ) of the whole data set', async () => {
      await expectRunWithinReference(backend, 0.1, (t) => t.trainOnBatches([[0, 1]], 0.1));
    });

    it('[alg1.line3, alg1.line4, 1.4] sgd: θ and J(θ) after each of 12 iterations', async () => {
      await expectRunWithinReference(backend, 0.05, (t) => t.sgd({ alpha: 0.05, nIter: 12, seed: 2024 }));
    });

    it('[alg2.line1, alg2.line4, 1.5] minibatchSgd (B = 4): θ and J(θ) after each of 8 iterations', async () => {
      await expectRunWithinReference(backend, 0.1, (t) => t.minibatchSgd({ alpha: 0.1, nIter: 8, seed: 7, B: 4 }));
    });

    it('[1.3, 1/dataset-gradient] gd: θ and J(θ) after each of 5 iterations', async () => {
      await expectRunWithinReference(backend, 0.2, (t) => t.gd({ alpha: 0.2, nIter: 5 }));
    });
  });
}
