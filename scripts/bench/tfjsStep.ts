/**
 * What the bench times on a tfjs backend, wherever tfjs runs: in a Node child (jobs.ts, cpu and
 * wasm) and in the Chromium page (pageEntry.ts, webgl and webgpu). Browser-safe: no node: imports.
 *
 * On cpu and wasm every kernel runs inside the op call, so timing the call times the work. On
 * webgl and webgpu an op only queues work for the GPU: with `sync` set, every timed call ends by
 * reading back one entry of a result it computed (settle). The read is queued after everything the
 * call queued (webgl: a fence after the readPixels; webgpu: the flushed command buffer, then
 * mapAsync), and both queues run in order, so it returns when all of the call's work is done; the
 * read-back of that one float is part of the time.
 */
import * as tf from '@tensorflow/tfjs';
import { backpropRows, forwardRows } from '../../accelerated/model.js';
import { createTrainer } from '../../accelerated/trainer.js';
import type { BenchData, NetworkSpec } from './data.js';
import { matmulShapes } from './flops.js';
import { type Timing, type TimingOptions, timeIt } from './timing.js';

export const ACTIVATION = 'relu';

/** The three calls the bench times for one implementation, and how to release its tensors. */
export interface Timed {
  readonly step: () => unknown;
  readonly forward: () => unknown;
  /** null: forward + backward is not separable from the step (tfjs-layers). */
  readonly forwardBackward: (() => unknown) | null;
  readonly dispose: () => void;
  readonly notes?: string;
}

/** The timings of a Timed: the SGD step, the forward pass alone, forward + backward. */
export interface StepTimings {
  readonly step: Timing;
  readonly forward: Timing;
  readonly forwardBackward: Timing;
}

/** Times `timed`'s step, forward, then forward + backward (the step again when not separable). */
export async function measureTimed(timed: Timed, timing: TimingOptions): Promise<StepTimings> {
  const step = await timeIt(timed.step, timing);
  const forward = await timeIt(timed.forward, timing);
  const forwardBackward = timed.forwardBackward === null ? step : await timeIt(timed.forwardBackward, timing);
  return { step, forward, forwardBackward };
}

/** Row-major rows of a flat row-major array. */
export function rows(flat: Float32Array, m: number, n: number): number[][] {
  return Array.from({ length: m }, (_, i) => Array.from(flat.subarray(i * n, (i + 1) * n)));
}

/**
 * Runs `work` inside tf.tidy; with `sync`, then waits until the backend has run all the work
 * queued so far, by reading back the first entry of the tensor `work` returns (a 1-element slice).
 */
function settle(work: () => tf.Tensor, sync: boolean): void | Promise<void> {
  if (!sync) {
    tf.tidy(() => {
      work();
    });
    return;
  }
  const first = tf.tidy(() => {
    const last = work();
    return tf.slice(tf.reshape(last, [-1]), [0], [1]);
  });
  return first.data().then(() => first.dispose());
}

/**
 * The accelerated path as users call it: accelerated/trainer.ts#Trainer.step on the batch of all B
 * rows (eq. 1.5: gather, model.ts#backpropRows, model.ts#minibatchStep). Forward and
 * forward + backward are model.ts#forwardRows and #backpropRows on the trainer's own tensors.
 * With `sync` (webgl, webgpu) each call waits for all its work (see the file comment) by reading
 * one entry of the updated W[1] (step), of O (forward), of ∂J/∂W[1] (forward + backward).
 */
export function acceleratedStep(data: BenchData, sync = false): Timed {
  const { sizes, batch: B } = data.network;
  const trainer = createTrainer(
    { W: data.W.map((Wk, k) => rows(Wk, sizes[k]!, sizes[k + 1]!)), b: data.b.map((bk) => Array.from(bk)) },
    { X: rows(data.X, B, sizes[0]!), y: Array.from(data.y) },
    ACTIVATION,
  );
  const all = Array.from({ length: B }, (_, i) => i);
  return {
    step: () => {
      trainer.step(all, data.alpha);
      return sync ? settle(() => trainer.theta.W[0]!, true) : undefined;
    },
    forward: () => settle(() => forwardRows(trainer.theta, trainer.data.X, ACTIVATION).O, sync),
    forwardBackward: () => settle(() => backpropRows(trainer.theta, trainer.data.X, trainer.data.Y, ACTIVATION).gradient.W[0]!, sync),
    dispose: () => trainer.dispose(),
    notes: `step = Trainer.step(all B rows): gather + backpropRows (Algorithm 5 by hand) + minibatchStep${sync ? '; each call waits for its result (1-entry read-back)' : ''}`,
  };
}

/**
 * GFLOP/s of `products` (each [p, q, s], 2·p·q·s FLOPs) on the active tfjs backend, operands made
 * beforehand; with `sync`, each call waits for the last product (see the file comment).
 */
export async function tfjsMatmulRate(products: readonly [number, number, number][], timing: TimingOptions, sync = false): Promise<number> {
  const operands = products.map(([p, q, s]) => [tf.randomUniform([p, q], -1, 1), tf.randomUniform([q, s], -1, 1)] as const);
  try {
    const t = await timeIt(
      () =>
        settle(() => {
          let last: tf.Tensor = operands[0]![0];
          for (const [a, b] of operands) last = tf.matMul(a, b);
          return last;
        }, sync),
      timing,
    );
    return products.reduce((sum, [p, q, s]) => sum + 2 * p * q * s, 0) / t.medianMs / 1e6;
  } finally {
    tf.dispose(operands.flat());
  }
}

/** GFLOP/s of a list of products [p, q, s] on some backend (tfjsMatmulRate, or mathjs in jobs.ts). */
export type MatmulRate = (products: readonly [number, number, number][], timing: TimingOptions) => Promise<number>;

/** A backend's matmul rates: the n×n×n product (n = squareSize, 0: none) and each network's own products (flops.ts#matmulShapes), by network name. */
export async function matmulRates(
  rate: MatmulRate,
  squareSize: number,
  networks: readonly NetworkSpec[],
  timing: TimingOptions,
): Promise<{ square: { size: number; gflops: number } | null; layerShaped: Record<string, number> }> {
  const n = squareSize;
  const square = n > 0 ? { size: n, gflops: await rate([[n, n, n]], timing) } : null;
  const layerShaped: Record<string, number> = {};
  for (const network of networks) layerShaped[network.name] = await rate(matmulShapes(network.sizes, network.batch), timing);
  return { square, layerShaped };
}
