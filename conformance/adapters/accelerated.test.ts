/**
 * The accelerated path behind the suite's interface in Node, on cpu and on wasm: every check of
 * the registry (CHECKS, whatever it holds when this runs) passes or is not-implemented, the suite
 * leaves tf.memory().numTensors where it was (so do 1,000 training steps and a diverging run), the
 * same seed gives bit-identical answers, a hand-made case gives its exact values, and the suite's
 * float32 bounds reject answers only as accurate as half precision.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transpose } from '../../numerics/plain.js';
import { NonFiniteError } from '../../spec/specError.js';
import { CHECKS } from '../checks/index.js';
import type { ForwardResult, Implementation, NetParams, Operations, TrainResult } from '../core/interface.js';
import { runChecks } from '../core/runner.js';
import { acceleratedImplementation, type NodeBackendName } from './accelerated.js';
import {
  expectAcceleratedDeclarations,
  expectHandMadeExact,
  expectSuitePassed,
  HAND_MADE,
  LONG_TRAIN,
  runAllChecks,
  seededRequests,
  summarize,
} from './adapterTesting.js';

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
      expectSuitePassed(run.results);
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
      const transposed = { ...gradient, params: { ...gradient.params, W: [gradient.params.W[0]!, transpose(gradient.params.W[1]!), gradient.params.W[2]!] } };
      const before = tf.memory().numTensors;
      await expect(Promise.resolve().then(() => impl.operations.gradient!(transposed))).rejects.toThrow(
        'eq. 2.12: W[2] must be 2x4 (m2 x m1), given as its rows',
      );
      expect(tf.memory().numTensors).toBe(before);
    });

    it(`[2.12, 1.2, 1.5, 2/relu, 3.2/local-derivs, alg5.line3] ${backend}: hand-made [2, 2, 1] ReLU net with z = 0 exactly gives the exact values (ReLU'(0) = 1)`, async () => {
      await expectHandMadeExact(impl);
    });

    it(`[1.5, alg2.line3] ${backend}: 1,000 training steps leave tf.memory().numTensors where it was`, async () => {
      const before = tf.memory().numTensors;
      const { losses } = (await impl.operations.train!(LONG_TRAIN)) as TrainResult;
      expect(losses).toHaveLength(1000);
      expect(losses!.every(Number.isFinite)).toBe(true);
      expect(tf.memory().numTensors, 'tensors alive after 1,000 steps').toBe(before);
    });

    it(`[1.5, alg2.line3] ${backend}: a diverging train request fails with a NonFiniteError naming eq. 1.5 and the iteration, and leaves no tensor behind`, async () => {
      const before = tf.memory().numTensors;
      const diverging = { ...HAND_MADE, alpha: 1e30, batches: [[0, 1], [1], [0, 1]] };
      const error = await Promise.resolve()
        .then(() => impl.operations.train!(diverging))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(NonFiniteError);
      expect(String(error)).toMatch(/eq\. 1\.5: J\(θ\) after iteration \d+ of 3 is not finite .*the run diverged; lower α/);
      expect(tf.memory().numTensors).toBe(before);
    });
  });
}

describe("[2.12, 1.5] the suite's float32 bounds on the accelerated path (cpu) are far tighter than half precision", () => {
  let impl: Implementation;
  beforeAll(async () => {
    impl = await acceleratedImplementation('cpu');
  });

  it('[2.12, 1.5] answers of h_θ(x), z, a and ∂J/∂θ perturbed by a relative 2^-11 fail the forward and gradient checks', async () => {
    const half = (v: number): number => v * (1 + 2 ** -11);
    const halfParams = (p: NetParams): NetParams => ({ W: p.W.map((M) => M.map((row) => row.map(half))), b: p.b.map((b) => b.map(half)) });
    const ops = impl.operations as Required<Operations>;
    const perturbed: Implementation = {
      ...impl,
      name: 'accelerated (cpu), answers perturbed by 2^-11',
      operations: {
        forward: async (request) => {
          const f: ForwardResult = await ops.forward(request);
          return { z: f.z.map((z) => z.map(half)), a: f.a.map((a) => a.map(half)), output: half(f.output) };
        },
        gradient: async (request) => halfParams(await ops.gradient(request)),
      },
    };
    const checks = CHECKS.filter((c) => c.id === 'forward/named-cases' || c.id === 'gradient/named-cases');
    expect(checks).toHaveLength(2);
    const results = await runChecks(perturbed, checks);
    expect(results.map((r) => [r.check, r.status])).toEqual(checks.map((c) => [c.id, 'fail']));
    // The control: the same checks pass on the unperturbed answers.
    expect((await runChecks(impl, checks)).map((r) => r.status)).toEqual(['pass', 'pass']);
  });
});
