/**
 * Library inputs (issue 10, item 6) on the accelerated path: a number that is NaN, infinite or beyond
 * float32 is a NonFiniteError (a SpecError) naming the equation; a result read back from the device
 * that is not finite (h_θ(x), J, ∇J, θ after a step or a run) is a NonFiniteError too, never a NaN
 * handed back; and no tensor is left behind.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NonFiniteError, SpecError } from '../spec/specError.js';
import type { ActivationName, DataSet, RowParamsData } from './model.js';
import { NODE_BACKENDS, useNodeBackend } from './node/backends.js';
import { Trainer } from './trainer.js';

/** A 2-3-1 ReLU net (row-major) and n = 4 examples. */
const THETA: RowParamsData = {
  W: [
    [
      [0.1, 0.2, 0.3],
      [0.4, 0.5, 0.6],
    ],
    [[0.7], [0.8], [0.9]],
  ],
  b: [[0, 0.1, 0.2], [0.3]],
};
const DATA: DataSet = {
  X: [
    [1, 2],
    [3, 4],
    [5, 6],
    [7, 8],
  ],
  y: [1, 0, 1, 0],
};
const GOOD = { params: THETA, activation: 'relu' as ActivationName, data: DATA };
/** Weights 1e30 (finite in float32) and inputs 1e10: z = 1e40 overflows float32 in the first layer. */
const HUGE: RowParamsData = {
  W: [
    [
      [1e30, 0, 0],
      [0, 0, 0],
    ],
    [[1], [1], [1]],
  ],
  b: [[0, 0, 0], [0]],
};
const HUGE_DATA: DataSet = {
  X: [
    [1e-20, 0],
    [1e10, 0],
    [1, 0],
    [0, 0],
  ],
  y: [0, 0, 0, 0],
};

async function caught(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('[4.4, 1.1] bad numbers in the plain inputs: NonFiniteError for NaN, ±Infinity and float32 overflow, SpecError for non-numbers', () => {
  it.each([
    [
      'NaN in W[1]',
      {
        ...GOOD,
        params: {
          ...THETA,
          W: [
            [
              [0.1, NaN, 0.3],
              [0.4, 0.5, 0.6],
            ],
            THETA.W[1]!,
          ],
        },
      },
      'eq. 4.4: W[1] must be finite, but entry (1,2) is NaN',
      NonFiniteError,
    ],
    [
      '1e39 in b[1]',
      { ...GOOD, params: { ...THETA, b: [[0, 1e39, 0.2], [0.3]] } },
      'eq. 4.4: b[1] must be finite, but entry 2 is 1e+39, which overflows float32 (|v| <= 3.4028234663852886e+38)',
      NonFiniteError,
    ],
    ['-Infinity in y', { ...GOOD, data: { ...DATA, y: [1, -Infinity, 1, 0] } }, 'eq. 1.1: y must be finite, but entry 2 is -Infinity', NonFiniteError],
    [
      'a string in X',
      {
        ...GOOD,
        data: {
          ...DATA,
          X: [
            [1, 2],
            [3, '4' as unknown as number],
            [5, 6],
            [7, 8],
          ],
        },
      },
      "eq. 4.4: X must be finite, but entry (2,2) is '4'",
      SpecError,
    ],
    [
      'null in W[2]',
      { ...GOOD, params: { ...THETA, W: [THETA.W[0]!, [[0.7], [null as unknown as number], [0.9]]] } },
      'eq. 4.4: W[2] must be finite, but entry (2,1) is null',
      SpecError,
    ],
  ] as const)('[4.4] %s', (_, scenario, message, type) => {
    let error: unknown;
    try {
      Trainer.create(scenario.params as RowParamsData, scenario.data as DataSet, scenario.activation);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(type);
    expect(error instanceof NonFiniteError).toBe(type === NonFiniteError);
    expect((error as Error).message).toBe(message);
  });

  it('[4.4, 2.12] an ill-formed θ is a SpecError naming the layer', () => {
    expect(() => Trainer.create(null as unknown as RowParamsData, DATA, 'relu')).toThrow(/^eq\. 4\.4: row-major θ must be \{W: /);
    expect(() => Trainer.create({ W: THETA.W, b: [[0, 0.1], [0.3]] }, DATA, 'relu')).toThrow('eq. 4.4: W[1] must be 2x2 (d x m1, row-major), got 2x3');
    expect(() => Trainer.create({ W: [THETA.W[0]!, 'W' as unknown as number[][]], b: THETA.b }, DATA, 'relu')).toThrow(
      "eq. 4.4: W[2] must be a matrix (a list of rows), got 'W'",
    );
  });
});

for (const backend of NODE_BACKENDS) {
  describe(`[2.12, 1.2, 1.3, 1.5] on ${backend}, a result that is not finite is a NonFiniteError`, () => {
    beforeAll(async () => {
      await useNodeBackend(backend);
    });

    it('[2.12, 1.2, 1.5] outputs, loss and gradient refuse values float32 cannot hold, naming the row', async () => {
      const before = tf.memory().numTensors;
      const t = Trainer.create(HUGE, HUGE_DATA, 'relu');
      try {
        const outputs = await caught(t.outputs());
        expect(outputs).toBeInstanceOf(NonFiniteError);
        expect(outputs.message).toBe('eq. 2.12: h_θ(x^{(2)}) (row 2 of X) is not finite (Infinity): θ or the data are too large for float32');
        const loss = await caught(t.loss());
        expect(loss).toBeInstanceOf(NonFiniteError);
        expect(loss.message).toMatch(/^eq\. 1\.2: J\(θ\) is not finite \((Infinity|NaN)\): θ or the data are too large for float32$/);
        const gradient = await caught(t.gradient([1]));
        expect(gradient).toBeInstanceOf(NonFiniteError);
        expect(gradient.message).toMatch(/^eq\. 1\.5: ∇_θ J_B\(θ\) is not finite \([Wb]\[\d\] entry .*\): θ or the data are too large for float32$/);
        // Row 1 alone (1e30·1e-20 = 1e10) is computable.
        expect(Number.isFinite((await t.gradient([0])).W[0]![0]![0]!)).toBe(true);
      } finally {
        t.dispose();
      }
      expect(tf.memory().numTensors).toBe(before);
    });

    it("[1.3, 1.4, 1.5, alg2.line3] a run with a huge α stops with the run's equation and the iteration, and leaks no tensor", async () => {
      const before = tf.memory().numTensors;
      const t = Trainer.create(THETA, DATA, 'relu');
      try {
        const message = (eq: string): RegExp =>
          new RegExp(`^${eq.replace('.', '\\.')}: J\\(θ\\) after iteration \\d+ of 5 is not finite \\((Infinity|NaN)\\): the run diverged; lower α$`);
        const gd = await caught(t.gd({ alpha: 1e30, nIter: 5 }));
        expect(gd).toBeInstanceOf(NonFiniteError);
        expect(gd.message).toMatch(message('eq. 1.3'));
        await expect(t.params()).rejects.toThrow(/^eq\. 1\.5: θ is not finite \([Wb]\[\d\] entry .*\): a step diverged; lower α$/);
      } finally {
        t.dispose();
      }
      for (const [eq, train] of [
        ['eq. 1.4', (t: Trainer) => t.sgd({ alpha: 1e30, nIter: 5, seed: 1 })],
        ['eq. 1.5', (t: Trainer) => t.minibatchSgd({ alpha: 1e30, nIter: 5, seed: 1, B: 2 })],
        ['eq. 1.5', (t: Trainer) => t.trainOnBatches([[0], [1, 2], [3], [0, 1], [2]], 1e30)],
      ] as const) {
        const trainer = Trainer.create(THETA, DATA, 'relu');
        try {
          const error = await caught(train(trainer));
          expect(error).toBeInstanceOf(NonFiniteError);
          expect(error.message.startsWith(`${eq}: `)).toBe(true);
          expect(error.message).toContain('the run diverged; lower α');
        } finally {
          trainer.dispose();
        }
      }
      expect(tf.memory().numTensors).toBe(before);
    });

    it('[1.5] a step that diverges is reported by the next read (step itself does not sync with the device)', async () => {
      const t = Trainer.create(THETA, DATA, 'relu');
      try {
        for (let i = 0; i < 5; i++) t.step([0, 1, 2, 3], 1e30);
        await expect(t.params()).rejects.toThrow(NonFiniteError);
        await expect(t.loss()).rejects.toThrow(NonFiniteError);
      } finally {
        t.dispose();
      }
    });
  });
}
