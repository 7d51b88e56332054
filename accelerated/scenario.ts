/**
 * One Scenario (scenario.types.ts) on the current tfjs backend, in float32: the forward pass, the
 * loss and the mean gradient on the whole data set, then eq. 1.5 on each given batch. The same
 * code runs in Node and in a browser page (no node: imports, no mathjs).
 */
import * as tf from '@tensorflow/tfjs';
import type { Scenario, ScenarioOutput } from './scenario.types.js';
import { Trainer } from './trainer.js';
import { validateScenario } from './validate.js';

/**
 * Runs `scenario` on tf.getBackend(). Every input is validated before a tensor exists (a bad one
 * throws a SpecError naming the equation); every tensor made is disposed, on errors too.
 */
export async function runScenario(scenario: Scenario): Promise<ScenarioOutput> {
  validateScenario(scenario);
  await tf.ready();
  const tensorsBefore = tf.memory().numTensors;
  const trainer = Trainer.create(scenario.params, scenario.data, scenario.activation);
  let result: Omit<ScenarioOutput, 'tensorsBefore' | 'tensorsAfter' | 'backend'>;
  try {
    const outputs = await trainer.outputs();
    const loss = await trainer.loss();
    const gradient = await trainer.gradient();
    const { losses } = scenario.batches.length > 0 ? await trainer.trainOnBatches(scenario.batches, scenario.alpha) : { losses: [] };
    const trained = await trainer.params();
    result = { outputs, loss, gradient, trained, losses };
  } finally {
    trainer.dispose();
  }
  return { ...result, tensorsBefore, tensorsAfter: tf.memory().numTensors, backend: tf.getBackend() };
}
