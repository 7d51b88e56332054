/**
 * The reference (reference/, mathjs float64, the notes' column convention) behind the suite's
 * interface: plain data in, plain data out, every operation the interface has.
 */

import { backprop } from '../../reference/backprop.js';
import { forwardBatch as forwardColumns } from '../../reference/batched.js';
import { squaredLoss } from '../../reference/loss.js';
import { columnVector, matrixFromRows, toRows } from '../../reference/matrix.js';
import { forward, initializeParams, type Params } from '../../reference/network.js';
import type { Matrix as MathMatrix } from '../../reference/numeric.js';
import { datasetCost, type Example, gdStep, meanGradient, minibatchStep, sgdStep, trainOnBatches } from '../../reference/optimizers.js';
import { forwardBatchRows, toRowMajor } from '../../reference/rowMajor.js';
import { createRng, sampleWithoutReplacement } from '../../reference/sampler.js';
import { ACTIVATIONS, type DataSet, type Implementation, type NetParams } from '../core/interface.js';

const numbers = (M: MathMatrix): number[][] => toRows(M).map((row) => row.map(Number));
const column = (M: MathMatrix): number[] => numbers(M).map((row) => row[0]!);

/** Interface θ → the reference's Params (W^{[k]} m_k×m_{k−1}, b^{[k]} m_k×1). */
export function toParams(params: NetParams): Params {
  return { W: params.W.map((W) => matrixFromRows(W)), b: params.b.map((b) => columnVector(b)) };
}

/** The reference's Params (or a gradient) → interface θ. */
export function fromParams(theta: Params): NetParams {
  return { W: theta.W.map(numbers), b: theta.b.map(column) };
}

export function toExamples(data: DataSet): Example[] {
  return data.X.map((x, i) => ({ x: columnVector(x), y: data.y[i]! }));
}

const allIndices = (data: DataSet): number[] => data.y.map((_, i) => i);

/** The reference as an Implementation (float64, all four activations, ReLU'(0) = 1). */
export function referenceImplementation(): Implementation {
  return {
    name: 'reference',
    dtype: 'float64',
    activations: ACTIVATIONS,
    conventions: { reluPrimeAtZero: 1 },
    operations: {
      forward: ({ params, activation, x }) => {
        const pass = forward(toParams(params), columnVector(x), activation);
        return { z: pass.z.slice(1).map(column), a: pass.a.slice(1).map(column), output: Number(pass.o) };
      },
      loss: ({ params, activation, data }) => {
        const theta = toParams(params);
        const perExample = toExamples(data).map((e) => Number(squaredLoss(forward(theta, e.x, activation).o, e.y)));
        return { perExample, mean: Number(datasetCost(theta, toExamples(data), activation)) };
      },
      gradient: ({ params, activation, x, y }) => fromParams(backprop(toParams(params), columnVector(x), y, activation).gradient),
      meanGradient: ({ params, activation, data, batch }) => fromParams(meanGradient(toParams(params), toExamples(data), batch, activation)),
      gdStep: ({ params, activation, data, alpha }) => {
        const theta = toParams(params);
        return fromParams(gdStep(theta, meanGradient(theta, toExamples(data), allIndices(data), activation), alpha));
      },
      sgdStep: ({ params, activation, data, index, alpha }) => {
        const theta = toParams(params);
        const example = toExamples(data)[index];
        if (example === undefined) throw new RangeError(`eq. 1.4: index ${index} is out of range 0..${data.y.length - 1}`);
        return fromParams(sgdStep(theta, backprop(theta, example.x, example.y, activation).gradient, alpha));
      },
      minibatchStep: ({ params, activation, data, batch, alpha }) => {
        const theta = toParams(params);
        const examples = toExamples(data);
        const gradients = batch.map((j) => {
          const example = examples[j];
          if (example === undefined) throw new RangeError(`eq. 1.5: index ${j} is out of range 0..${examples.length - 1}`);
          return backprop(theta, example.x, example.y, activation).gradient;
        });
        return fromParams(minibatchStep(theta, gradients, alpha));
      },
      train: ({ params, activation, data, batches, alpha }) => {
        const run = trainOnBatches(toParams(params), toExamples(data), batches, alpha, activation);
        return { params: fromParams(run.theta), losses: run.losses.map(Number) };
      },
      forwardBatch: ({ params, activation, X, layout }) => {
        const theta = toParams(params);
        const pass =
          layout === 'columns' ? forwardColumns(theta, matrixFromRows(X), activation) : forwardBatchRows(toRowMajor(theta), matrixFromRows(X), activation);
        return { Z: pass.Z.slice(1).map((M) => numbers(M!)), A: pass.A.slice(1).map(numbers) };
      },
      initialize: ({ sizes, seed }) => fromParams(initializeParams(sizes, createRng(seed))),
      sampleBatch: ({ n, B, seed }) => sampleWithoutReplacement(createRng(seed), n, B),
    },
  };
}
