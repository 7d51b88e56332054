/**
 * A gallery implementation is assembled from parts, each one function of the notes; a bad entry
 * replaces ONE part, and every operation that uses that part inherits the mistake, as it would
 * in a real program. The default parts wrap the reference (conformance/adapters/reference.ts), so
 * `compose('control', {})` is the reference re-assembled, and must pass every check
 * (gallery.test.ts), which shows each entry fails because of its own part.
 */
import { referenceImplementation } from '../adapters/reference.js';
import type {
  Activation,
  Conventions,
  Dtype,
  ForwardBatchRequest,
  ForwardBatchResult,
  ForwardResult,
  Implementation,
  NetParams,
  Operations,
  Vector,
} from '../core/interface.js';
import { ACTIVATIONS } from '../core/interface.js';
import { mapParams, sumParams } from './params.js';

const reference = referenceImplementation().operations as Operations;

export interface Parts {
  /** Eq. 2.12-2.13 on one example. */
  forward(params: NetParams, activation: Activation, x: Vector): ForwardResult;
  /** Eq. 1.1: J^{(i)} = ½(o − y)². */
  exampleLoss(o: number, y: number): number;
  /** Eq. 1.2: J = (1/n) Σ J^{(i)}. */
  datasetLoss(perExample: readonly number[]): number;
  /** Algorithm 5: ∇_θ J^{(i)} for one example. */
  gradient(params: NetParams, activation: Activation, x: Vector, y: number): NetParams;
  /** Eq. 1.5's (1/B) Σ_k ∇J^{(j_k)} from the B per-example gradients. */
  mean(gradients: readonly NetParams[]): NetParams;
  /** The update of eq. 1.3-1.5: θ − c·g. */
  update(params: NetParams, g: NetParams, c: number): NetParams;
  /** Eq. 1.5's coefficient α/B. */
  minibatchRate(alpha: number, B: number): number;
  /** The example eq. 1.4 uses for the 0-based index j of n. */
  sgdExample(index: number, n: number): number;
  /** Where step t of the training loop (Algorithm 2 line 3) evaluates its gradient: θ_t. */
  trainGradientAt(current: NetParams, initial: NetParams): NetParams;
  /** Section 4: every layer on a batch. */
  forwardBatch(request: ForwardBatchRequest): ForwardBatchResult;
}

const sync = <T>(answer: T | Promise<T>): T => {
  if (answer instanceof Promise) throw new Error('the reference answers synchronously');
  return answer;
};

/** The reference's parts. */
export const REFERENCE_PARTS: Parts = {
  forward: (params, activation, x) => sync(reference.forward({ params, activation, x })),
  exampleLoss: (o, y) => 0.5 * (o - y) * (o - y),
  datasetLoss: (perExample) => perExample.reduce((s, J) => s + J, 0) / perExample.length,
  gradient: (params, activation, x, y) => sync(reference.gradient({ params, activation, x, y })),
  mean: (gradients) => mapParams(sumParams(gradients), (v) => v / gradients.length),
  update: (params, g, c) => mapParams(params, (v, _, gv) => v - c * gv!, g),
  minibatchRate: (alpha, B) => alpha / B,
  sgdExample: (index) => index,
  trainGradientAt: (current) => current,
  forwardBatch: (request) => sync(reference.forwardBatch(request)),
};

export interface Declarations {
  readonly dtype?: Dtype;
  readonly activations?: readonly Activation[];
  readonly conventions?: Conventions;
}

const example = (X: readonly Vector[], j: number): Vector => {
  const x = X[j];
  if (x === undefined) throw new RangeError(`eq. 1.4: example index ${j} is out of range 0..${X.length - 1}`);
  return x;
};

/** An Implementation from `parts` (defaults: the reference's), declared float64 and every activation unless told. */
export function compose(name: string, replaced: Partial<Parts>, declared: Declarations = {}): Implementation {
  const p: Parts = { ...REFERENCE_PARTS, ...replaced };
  const grads = (params: NetParams, activation: Activation, X: readonly Vector[], y: Vector, batch: readonly number[]): NetParams[] =>
    batch.map((j) => p.gradient(params, activation, example(X, j), y[j]!));
  const lossOf = (params: NetParams, activation: Activation, X: readonly Vector[], y: Vector) => {
    const perExample = X.map((x, i) => p.exampleLoss(p.forward(params, activation, x).output, y[i]!));
    return { perExample, mean: p.datasetLoss(perExample) };
  };
  const minibatch = (params: NetParams, at: NetParams, activation: Activation, X: readonly Vector[], y: Vector, batch: readonly number[], alpha: number) =>
    p.update(params, sumParams(grads(at, activation, X, y, batch)), p.minibatchRate(alpha, batch.length));
  return {
    name,
    dtype: declared.dtype ?? 'float64',
    activations: declared.activations ?? ACTIVATIONS,
    conventions: declared.conventions ?? { reluPrimeAtZero: 1 },
    operations: {
      forward: ({ params, activation, x }) => p.forward(params, activation, x),
      loss: ({ params, activation, data }) => lossOf(params, activation, data.X, data.y),
      gradient: ({ params, activation, x, y }) => p.gradient(params, activation, x, y),
      meanGradient: ({ params, activation, data, batch }) => p.mean(grads(params, activation, data.X, data.y, batch)),
      gdStep: ({ params, activation, data, alpha }) =>
        p.update(
          params,
          p.mean(
            grads(
              params,
              activation,
              data.X,
              data.y,
              data.y.map((_, i) => i),
            ),
          ),
          alpha,
        ),
      sgdStep: ({ params, activation, data, index, alpha }) => {
        const j = p.sgdExample(index, data.y.length);
        return p.update(params, p.gradient(params, activation, example(data.X, j), data.y[j]!), alpha);
      },
      minibatchStep: ({ params, activation, data, batch, alpha }) => minibatch(params, params, activation, data.X, data.y, batch, alpha),
      train: ({ params, activation, data, batches, alpha }) => {
        let theta = params;
        const losses: number[] = [];
        for (const batch of batches) {
          theta = minibatch(theta, p.trainGradientAt(theta, params), activation, data.X, data.y, batch, alpha);
          losses.push(lossOf(theta, activation, data.X, data.y).mean);
        }
        return { params: theta, losses };
      },
      forwardBatch: (request) => p.forwardBatch(request),
      initialize: reference.initialize,
      sampleBatch: reference.sampleBatch,
    },
  };
}
