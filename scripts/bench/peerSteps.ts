/**
 * The peers of the accelerated path in the bench, each as the three calls it times (tfjsStep.ts#Timed)
 * on the same data: tfjs autograd (accelerated/autograd.ts), tfjs-layers trainOnBatch, and the
 * mathjs reference (reference/batched.ts). Node only (tfjs-layers and mathjs are not in the page).
 */
import * as tf from '@tensorflow/tfjs';
import { autogradRows } from '../../accelerated/autograd.js';
import { forwardRows, lossRows, minibatchStep, type RowParams } from '../../accelerated/model.js';
import { backpropBatch, forwardBatch } from '../../reference/batched.js';
import { matrixFromRows } from '../../reference/matrix.js';
import type { Params } from '../../reference/network.js';
import { gdStep } from '../../reference/optimizers.js';
import type { BenchData } from './data.js';
import { ACTIVATION, type Timed } from './tfjsStep.js';

function rowTensors(data: BenchData): { X: tf.Tensor2D; Y: tf.Tensor2D; theta: RowParams } {
  const { sizes, batch: B } = data.network;
  return {
    X: tf.tensor2d(data.X, [B, sizes[0]!]),
    Y: tf.tensor2d(data.y, [B, 1]),
    theta: {
      W: data.W.map((Wk, k) => tf.tensor2d(Wk, [sizes[k]!, sizes[k + 1]!])),
      b: data.b.map((bk, k) => tf.tensor2d(bk, [1, sizes[k + 1]!])),
    },
  };
}

/** accelerated/autograd.ts (tf.grads of the mean loss), then model.ts#minibatchStep. */
export function autogradStep(data: BenchData): Timed {
  const { X, Y, theta: theta0 } = rowTensors(data);
  const r = theta0.W.length;
  let theta = theta0;
  return {
    step: () => {
      const next = tf.tidy(() => {
        const updated = minibatchStep(theta, autogradRows(theta, X, Y, ACTIVATION), data.alpha);
        return [...updated.W, ...updated.b];
      });
      tf.dispose([...theta.W, ...theta.b]);
      theta = { W: next.slice(0, r), b: next.slice(r) };
    },
    // tf.grads differentiates the mean loss, so its forward pass includes it.
    forward: () => {
      tf.tidy(() => {
        lossRows(forwardRows(theta, X, ACTIVATION).O, Y);
      });
    },
    forwardBackward: () => {
      tf.tidy(() => {
        autogradRows(theta, X, Y, ACTIVATION);
      });
    },
    dispose: () => tf.dispose([X, Y, ...theta.W, ...theta.b]),
  };
}

/** The same network as a tfjs-layers Sequential model, trained by trainOnBatch with SGD on ½·mean (o − y)². */
export function layersStep(data: BenchData): Timed {
  const { sizes, batch: B } = data.network;
  const r = sizes.length - 1;
  const model = tf.sequential();
  for (let k = 1; k <= r; k++) {
    model.add(tf.layers.dense({ units: sizes[k]!, activation: k < r ? 'relu' : 'linear', ...(k === 1 ? { inputShape: [sizes[0]!] } : {}) }));
  }
  model.layers.forEach((layer, k) => {
    const weights = [tf.tensor2d(data.W[k]!, [sizes[k]!, sizes[k + 1]!]), tf.tensor1d(data.b[k]!)];
    layer.setWeights(weights);
    tf.dispose(weights);
  });
  const optimizer = tf.train.sgd(data.alpha);
  model.compile({ optimizer, loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.mul(0.5, tf.mean(tf.square(tf.sub(yPred, yTrue)))) });
  const X = tf.tensor2d(data.X, [B, sizes[0]!]);
  const Y = tf.tensor2d(data.y, [B, 1]);
  return {
    step: () => model.trainOnBatch(X, Y),
    forward: () => {
      tf.tidy(() => {
        model.predict(X, { batchSize: B });
      });
    },
    forwardBackward: null,
    dispose: () => {
      model.dispose();
      optimizer.dispose();
      tf.dispose([X, Y]);
    },
    notes: 'fwd+bwd timed as trainOnBatch (it includes the SGD update: no separate gradient call)',
  };
}

/** reference/batched.ts#backpropBatch (column layout, mathjs float64) then reference/optimizers.ts#gdStep. */
export function referenceStep(data: BenchData): Timed {
  const { sizes, batch: B } = data.network;
  const d = sizes[0]!;
  let theta: Params = {
    W: data.W.map((Wk, k) =>
      matrixFromRows(Array.from({ length: sizes[k + 1]! }, (_, j) => Array.from({ length: sizes[k]! }, (_, l) => Wk[l * sizes[k + 1]! + j]!))),
    ),
    b: data.b.map((bk) => matrixFromRows(Array.from(bk, (v) => [v]))),
  };
  const X = matrixFromRows(Array.from({ length: d }, (_, l) => Array.from({ length: B }, (_, i) => data.X[i * d + l]!)));
  const Y = matrixFromRows([Array.from(data.y)]);
  return {
    step: () => {
      theta = gdStep(theta, backpropBatch(theta, X, Y, ACTIVATION).gradient, data.alpha);
    },
    forward: () => forwardBatch(theta, X, ACTIVATION),
    forwardBackward: () => backpropBatch(theta, X, Y, ACTIVATION),
    dispose: () => undefined,
    notes: 'step = backpropBatch (eq. 4.x vectorized Algorithm 5) + gdStep (θ − α·∇J_B)',
  };
}
