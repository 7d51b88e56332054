import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SpecError } from '../spec/specError.js';
import type { ActivationName, DataSet, RowParamsData } from './model.js';
import { NODE_BACKENDS, useNodeBackend } from './node/backends.js';
import { Trainer } from './trainer.js';

/** θ, σ and the data (for Trainer.create), then batches and α (for Trainer#trainOnBatches). */
interface Problem {
  readonly params: RowParamsData;
  readonly activation: ActivationName;
  readonly data: DataSet;
  readonly batches: readonly (readonly number[])[];
  readonly alpha: number;
}

/** A valid 2-3-1 problem with n = 4; each case below breaks one thing. */
const GOOD: Problem = {
  params: {
    W: [
      [
        [0.1, 0.2, 0.3],
        [0.4, 0.5, 0.6],
      ],
      [[0.7], [0.8], [0.9]],
    ],
    b: [[0, 0.1, 0.2], [0.3]],
  },
  activation: 'tanh',
  data: {
    X: [
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ],
    y: [1, 0, 1, 0],
  },
  batches: [[0, 2], [3]],
  alpha: 0.1,
};

const withParams = (W: number[][][], b: number[][]): Problem => ({ ...GOOD, params: { W, b } });
const withX = (X: number[][]): Problem => ({ ...GOOD, data: { ...GOOD.data, X } });

/** [what is wrong, the problem, the exact start of the message]. */
const BAD: readonly [string, Problem, string][] = [
  [
    'W[2] transposed (1x3 instead of 3x1)',
    withParams([GOOD.params.W[0]! as number[][], [[0.7, 0.8, 0.9]]], [[0, 0.1, 0.2], [0.3]]),
    'eq. 4.4: W[2] must be 3x1 (m1 x m2, row-major), got 1x3',
  ],
  [
    'W[1] in column layout (3x2)',
    withParams(
      [
        [
          [0.1, 0.4],
          [0.2, 0.5],
          [0.3, 0.6],
        ],
        [[0.7], [0.8], [0.9]],
      ],
      [[0, 0.1, 0.2], [0.3]],
    ),
    'eq. 4.4: W[1] must be 3x3 (d x m1, row-major), got 3x2',
  ],
  [
    'a ragged W[1]',
    withParams(
      [
        [
          [0.1, 0.2, 0.3],
          [0.4, 0.5],
        ],
        [[0.7], [0.8], [0.9]],
      ],
      [[0, 0.1, 0.2], [0.3]],
    ),
    'eq. 4.4: W[1] row 2 has 2 entries but row 1 has 3',
  ],
  [
    'm_r = 2',
    withParams(
      [
        GOOD.params.W[0]! as number[][],
        [
          [0.7, 0],
          [0.8, 0],
          [0.9, 0],
        ],
      ],
      [
        [0, 0.1, 0.2],
        [0.3, 0],
      ],
    ),
    'eq. 2.12: the output layer must have m2 = 1',
  ],
  ['no layers', withParams([], []), 'eq. 2.12: the network needs at least one layer (r >= 1), got r = 0'],
  ['a missing bias', withParams(GOOD.params.W as number[][][], [[0, 0.1, 0.2]]), 'eq. 4.4: there are 2 weight matrices W[k] but 1 biases b[k]'],
  [
    'NaN in X',
    withX([
      [1, 2],
      [3, 4],
      [5, NaN],
      [7, 8],
    ]),
    'eq. 4.4: X must be finite, but entry (3,2) is NaN',
  ],
  [
    'Infinity in W[2]',
    withParams([GOOD.params.W[0]! as number[][], [[0.7], [Infinity], [0.9]]], [[0, 0.1, 0.2], [0.3]]),
    'eq. 4.4: W[2] must be finite, but entry (2,1) is Infinity',
  ],
  [
    'a number float32 cannot hold',
    withParams(GOOD.params.W as number[][][], [[0, 1e39, 0.2], [0.3]]),
    'eq. 4.4: b[1] must be finite, but entry 2 is 1e+39, which overflows float32',
  ],
  ['NaN in y', { ...GOOD, data: { ...GOOD.data, y: [1, NaN, 1, 0] } }, 'eq. 1.1: y must be finite, but entry 2 is NaN'],
  ['X with the wrong d', withX([[1], [3], [5], [7]]), 'eq. 4.4: X must be 4x2 (n x d, one example per row; d = the rows of W[1]), got 4x1'],
  ['n = 0', { ...GOOD, data: { X: [], y: [] }, batches: [] }, 'eq. 1.2: the data set must hold at least one example (n >= 1), got n = 0'],
  ['y shorter than X', { ...GOOD, data: { ...GOOD.data, y: [1, 0, 1] } }, 'eq. 1.2: y must hold n = 4 targets (one per row of X), got 3'],
  ['a batch larger than n', { ...GOOD, batches: [[0, 1, 2, 3, 0]] }, 'Algorithm 2 line 4: batch size B = 5 is larger than the data set (n = 4)'],
  ['a repeated index', { ...GOOD, batches: [[0, 2, 0]] }, 'Algorithm 2 line 4: index 0 appears twice in the batch'],
  ['an index out of range', { ...GOOD, batches: [[4]] }, 'Algorithm 2 line 4: index j_1 = 4 is out of range: examples are 0..3 (0-based, n = 4)'],
  ['a fractional index', { ...GOOD, batches: [[1.5]] }, 'Algorithm 2 line 4: index j_1 = 1.5 is out of range'],
  ['an empty batch', { ...GOOD, batches: [[]] }, 'eq. 1.5: a batch needs at least one index (B >= 1), got none'],
  ['α = 0', { ...GOOD, alpha: 0 }, 'eq. 1.5: learning rate α must be finite and > 0, got 0'],
  ['α = NaN', { ...GOOD, alpha: NaN }, 'eq. 1.5: learning rate α must be finite and > 0, got NaN'],
  [
    'an unknown activation',
    { ...GOOD, activation: 'softplus' as ActivationName },
    "eq. 2.14: unknown activation 'softplus'; expected one of relu, sigmoid, tanh, identity",
  ],
];

/**
 * Trainer.create(θ, σ, data), then trainOnBatches(batches, α), disposed: the error either threw
 * (undefined when none did). Both validate before they make a tensor or run a kernel.
 */
async function refusal(problem: Problem): Promise<unknown> {
  let trainer: Trainer | undefined;
  try {
    trainer = Trainer.create(problem.params, problem.data, problem.activation);
    await trainer.trainOnBatches(problem.batches, problem.alpha);
    return undefined;
  } catch (e) {
    return e;
  } finally {
    trainer?.dispose();
  }
}

describe('[4.4, 2.12, 1.2, alg2.line4, 1.5, 2.14] bad input is refused with the equation it violates', () => {
  beforeAll(async () => {
    await useNodeBackend('cpu');
  });

  it.each(BAD)('%s', async (_, problem, message) => {
    const error = await refusal(problem);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message.startsWith(message), (error as Error).message).toBe(true);
  });

  it('accepts the valid problem', async () => {
    const trainer = Trainer.create(GOOD.params, GOOD.data, GOOD.activation);
    try {
      expect([trainer.sizes, trainer.n]).toEqual([[2, 3, 1], 4]);
    } finally {
      trainer.dispose();
    }
    expect(await refusal(GOOD)).toBeUndefined();
  });
});

for (const backend of NODE_BACKENDS) {
  describe(`[4.4, 1.2, alg2.line4, 1.5, 2.14] on ${backend}, bad input throws before any kernel runs`, () => {
    beforeAll(async () => {
      await useNodeBackend(backend);
    });

    it('Trainer.create and trainOnBatches run no kernel and leave tf.memory() as it was, for every bad input', async () => {
      const before = tf.memory();
      const errors: unknown[] = [];
      const profile = await tf.profile(async () => {
        for (const [, problem] of BAD) errors.push(await refusal(problem));
        return [];
      });
      expect(profile.kernels).toEqual([]);
      expect(errors).toHaveLength(BAD.length);
      expect(errors.every((e) => e instanceof SpecError)).toBe(true);
      const after = tf.memory();
      expect([after.numTensors, after.numBytes, after.numDataBuffers]).toEqual([before.numTensors, before.numBytes, before.numDataBuffers]);
      // The control: a valid problem does run kernels (so the empty list above means something).
      const good = await tf.profile(async () => {
        const trainer = Trainer.create(GOOD.params, GOOD.data, GOOD.activation);
        try {
          await trainer.outputs();
          await trainer.gradient();
          await trainer.trainOnBatches(GOOD.batches, GOOD.alpha);
          await trainer.params();
        } finally {
          trainer.dispose();
        }
        return [];
      });
      expect(good.kernels.length).toBeGreaterThan(50);
      expect(tf.memory().numTensors).toBe(before.numTensors);
    });
  });
}
