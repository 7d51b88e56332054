/**
 * One bench measurement in this process: an implementation of the SGD step on one backend and one
 * network (step, forward alone, forward + backward), or a backend's matmul rates (the roofline).
 * Run by scripts/bench/child.ts in a child process (so its peak RSS is its own), or in-process
 * by `npm run bench -- --quick`.
 */
import * as tf from '@tensorflow/tfjs';
import { autogradRows } from '../../accelerated/autograd.js';
import { backpropRows, forwardRows, lossRows, minibatchStep, type RowParams } from '../../accelerated/model.js';
import { createTrainer } from '../../accelerated/trainer.js';
import { backpropBatch, forwardBatch } from '../../reference/batched.js';
import { matrixFromRows } from '../../reference/matrix.js';
import type { Params } from '../../reference/network.js';
import { type Matrix, math } from '../../reference/numeric.js';
import { gdStep } from '../../reference/optimizers.js';
import { type BackendKey, type BackendStart, isTfjsBackend, setUpBackend } from './backends.js';
import { type BenchData, type NetworkSpec, readBenchData } from './data.js';
import { matmulShapes } from './flops.js';
import { type TimingOptions, timeIt } from './timing.js';

export type NodeImplementation = 'accelerated' | 'autograd' | 'tfjs-layers' | 'reference';
export type Implementation = NodeImplementation | 'numpy';

export interface StepJob {
  readonly kind: 'step';
  readonly implementation: NodeImplementation;
  readonly backend: BackendKey;
  readonly dataDir: string;
  readonly timing: TimingOptions;
}

export interface MatmulJob {
  readonly kind: 'matmul';
  readonly backend: BackendKey;
  /** n of the n×n by n×n product (0: skip, as for mathjs). */
  readonly squareSize: number;
  readonly networks: readonly NetworkSpec[];
  readonly timing: TimingOptions;
}

export type Job = StepJob | MatmulJob;

export interface StepResult {
  readonly kind: 'step';
  readonly implementation: Implementation;
  readonly backend: BackendKey;
  readonly start: BackendStart;
  readonly network: NetworkSpec;
  /** Median ms of one SGD step (forward, backward, update). */
  readonly stepMs: number;
  /** The fastest sample of the step, ms. */
  readonly bestStepMs: number;
  /** Median ms of the forward pass alone. */
  readonly forwardMs: number;
  /** Median ms of forward + backward (the gradient), without the update unless `notes` says so. */
  readonly forwardBackwardMs: number;
  /** tf.memory().numTensors after the job minus before it (0: everything disposed). */
  readonly tensorsLeaked: number;
  readonly rssAtStartMB: number;
  readonly notes?: string;
}

export interface MatmulResult {
  readonly kind: 'matmul';
  readonly backend: BackendKey;
  readonly start: BackendStart;
  readonly square: { readonly size: number; readonly gflops: number } | null;
  /** GFLOP/s of the step's own matrix products (flops.ts#matmulShapes), per network name. */
  readonly layerShaped: Record<string, number>;
}

export type JobResult = StepResult | MatmulResult;

/** The line a child prints its result on (scripts/bench/child.ts). */
export const RESULT_PREFIX = 'BENCH_RESULT ';

const ACTIVATION = 'relu';
const mb = (bytes: number): number => bytes / 2 ** 20;

interface Timed {
  readonly step: () => unknown;
  readonly forward: () => unknown;
  /** null: forward + backward is not separable from the step (tfjs-layers). */
  readonly forwardBackward: (() => unknown) | null;
  readonly dispose: () => void;
  readonly notes?: string;
}

/** Row-major rows of a flat row-major array. */
function rows(flat: Float32Array, m: number, n: number): number[][] {
  return Array.from({ length: m }, (_, i) => Array.from(flat.subarray(i * n, (i + 1) * n)));
}

/**
 * The accelerated path as users call it: accelerated/trainer.ts#Trainer.step on the batch of all B
 * rows (eq. 1.5: gather, model.ts#backpropRows, model.ts#minibatchStep). Forward and
 * forward + backward are model.ts#forwardRows and #backpropRows on the trainer's own tensors.
 */
function acceleratedStep(data: BenchData): Timed {
  const { sizes, batch: B } = data.network;
  const trainer = createTrainer(
    { W: data.W.map((Wk, k) => rows(Wk, sizes[k]!, sizes[k + 1]!)), b: data.b.map((bk) => Array.from(bk)) },
    { X: rows(data.X, B, sizes[0]!), y: Array.from(data.y) },
    ACTIVATION,
  );
  const all = Array.from({ length: B }, (_, i) => i);
  return {
    step: () => trainer.step(all, data.alpha),
    forward: () => {
      tf.tidy(() => {
        forwardRows(trainer.theta, trainer.data.X, ACTIVATION);
      });
    },
    forwardBackward: () => {
      tf.tidy(() => {
        backpropRows(trainer.theta, trainer.data.X, trainer.data.Y, ACTIVATION);
      });
    },
    dispose: () => trainer.dispose(),
    notes: 'step = Trainer.step(all B rows): gather + backpropRows (Algorithm 5 by hand) + minibatchStep',
  };
}

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
function autogradStep(data: BenchData): Timed {
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
function layersStep(data: BenchData): Timed {
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
function referenceStep(data: BenchData): Timed {
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

function timedFor(job: StepJob, data: BenchData): Timed {
  switch (job.implementation) {
    case 'accelerated':
      return acceleratedStep(data);
    case 'autograd':
      return autogradStep(data);
    case 'tfjs-layers':
      return layersStep(data);
    case 'reference':
      return referenceStep(data);
  }
}

async function runStep(job: StepJob): Promise<StepResult> {
  if ((job.implementation === 'reference') !== (job.backend === 'mathjs')) throw new Error(`${job.implementation} cannot run on ${job.backend}`);
  const start = await setUpBackend(job.backend);
  const rssAtStartMB = mb(process.memoryUsage().rss);
  const data = readBenchData(job.dataDir);
  // tf.memory() would initialise a tfjs backend: the mathjs reference does not touch tfjs.
  const tensorCount = (): number => (isTfjsBackend(job.backend) ? tf.memory().numTensors : 0);
  const tensorsBefore = tensorCount();
  const timed = timedFor(job, data);
  let result: Omit<StepResult, 'tensorsLeaked'>;
  try {
    const step = await timeIt(timed.step, job.timing);
    const forward = await timeIt(timed.forward, job.timing);
    const forwardBackward = timed.forwardBackward === null ? step : await timeIt(timed.forwardBackward, job.timing);
    result = {
      kind: 'step',
      implementation: job.implementation,
      backend: job.backend,
      start,
      network: data.network,
      stepMs: step.medianMs,
      bestStepMs: step.minMs,
      forwardMs: forward.medianMs,
      forwardBackwardMs: forwardBackward.medianMs,
      rssAtStartMB,
      ...(timed.notes === undefined ? {} : { notes: timed.notes }),
    };
  } finally {
    timed.dispose();
  }
  return { ...result, tensorsLeaked: tensorCount() - tensorsBefore };
}

/** GFLOP/s of `products` (each [p, q, s]) on the active tfjs backend, operands made beforehand. */
async function tfjsMatmulRate(products: readonly [number, number, number][], timing: TimingOptions): Promise<number> {
  const operands = products.map(([p, q, s]) => [tf.randomUniform([p, q], -1, 1), tf.randomUniform([q, s], -1, 1)] as const);
  try {
    const t = await timeIt(() => {
      tf.tidy(() => {
        for (const [a, b] of operands) tf.matMul(a, b);
      });
    }, timing);
    return products.reduce((sum, [p, q, s]) => sum + 2 * p * q * s, 0) / t.medianMs / 1e6;
  } finally {
    tf.dispose(operands.flat());
  }
}

/** The same for mathjs float64 matrices (the reference's number system). */
async function mathjsMatmulRate(products: readonly [number, number, number][], timing: TimingOptions): Promise<number> {
  const random = (rows: number, cols: number): Matrix =>
    matrixFromRows(Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.random() * 2 - 1)));
  const operands = products.map(([p, q, s]) => [random(p, q), random(q, s)] as const);
  const t = await timeIt(() => {
    for (const [a, b] of operands) math.multiply(a, b);
  }, timing);
  return products.reduce((sum, [p, q, s]) => sum + 2 * p * q * s, 0) / t.medianMs / 1e6;
}

async function runMatmul(job: MatmulJob): Promise<MatmulResult> {
  const start = await setUpBackend(job.backend);
  const rate = isTfjsBackend(job.backend) ? tfjsMatmulRate : mathjsMatmulRate;
  const n = job.squareSize;
  const square = n > 0 ? { size: n, gflops: await rate([[n, n, n]], job.timing) } : null;
  const layerShaped: Record<string, number> = {};
  for (const network of job.networks) layerShaped[network.name] = await rate(matmulShapes(network.sizes, network.batch), job.timing);
  return { kind: 'matmul', backend: job.backend, start, square, layerShaped };
}

export function runJob(job: Job): Promise<JobResult> {
  return job.kind === 'step' ? runStep(job) : runMatmul(job);
}
