/**
 * The implementation interface of the conformance suite: the operations the notes define, over
 * plain data (numbers, arrays of numbers, nested arrays as matrices). What crosses this interface
 * is exactly what the stdio protocol carries, so an in-process module and a program in another
 * language are interchangeable. The suite never reaches inside an implementation.
 *
 * Orientation: the notes' column convention (eq. 2.12). W[k − 1] holds W^{[k]} ∈ R^{m_k×m_{k−1}}
 * as m_k rows of m_{k−1} numbers; b[k − 1] holds b^{[k]} ∈ R^{m_k} as m_k numbers. m_0 = d,
 * m_r = 1. A data set lists the examples: X[i] = x^{(i+1)} (d numbers), y[i] = y^{(i+1)}.
 * Example indices are 0-based (the notes' j ∈ {1..n} is index j − 1).
 */

import type { DataSet, Matrix, NetParams, Vector } from '../../numerics/plain.js';
import { ACTIVATION_NAMES, type ActivationName } from '../../spec/activations.js';

/** The plain data of the interface, in the notes' orientation (numerics/plain.ts): NetParams, DataSet, Matrix, Vector. */
export type { DataSet, Matrix, NetParams, Vector } from '../../numerics/plain.js';

export const DTYPES = ['float64', 'float32'] as const;
export type Dtype = (typeof DTYPES)[number];

/** spec/activations.ts's names, the values the `activation` of a request and an implementation's `activations` take. */
export const ACTIVATIONS = ACTIVATION_NAMES;
/** σ of the hidden layers (eq. 2.13); the last layer is always linear (eq. 2.12). */
export type Activation = ActivationName;

interface Problem {
  readonly params: NetParams;
  readonly activation: Activation;
}

export interface ForwardRequest extends Problem {
  readonly x: Vector;
}
/** Eq. 2.12-2.13 with every intermediate: z[k − 1] = z^{[k]}, a[k − 1] = a^{[k]} (k = 1..r), output = h_θ(x). */
export interface ForwardResult {
  readonly z: readonly Vector[];
  readonly a: readonly Vector[];
  readonly output: number;
}

export interface LossRequest extends Problem {
  readonly data: DataSet;
}
/** Eq. 1.1 for every example and eq. 1.2, their mean. */
export interface LossResult {
  readonly perExample: Vector;
  readonly mean: number;
}

/** One example (x, y): Algorithm 5's ∇_θ J^{(i)}. */
export interface GradientRequest extends Problem {
  readonly x: Vector;
  readonly y: number;
}

/** Eq. 1.5's mean gradient (1/B) Σ_k ∇J^{(j_k)} over the 0-based indices `batch`. */
export interface MeanGradientRequest extends LossRequest {
  readonly batch: readonly number[];
}

/** Eq. 1.3: θ − α∇J(θ) over the whole data set. */
export interface GdStepRequest extends LossRequest {
  readonly alpha: number;
}
/** Eq. 1.4 (Algorithm 1 line 4): θ − α∇J^{(j)}(θ) for the 0-based index `index`. */
export interface SgdStepRequest extends GdStepRequest {
  readonly index: number;
}
/** Eq. 1.5 (Algorithm 2 line 4): θ − (α/B) Σ_k ∇J^{(j_k)}(θ) over `batch`. */
export interface MinibatchStepRequest extends GdStepRequest {
  readonly batch: readonly number[];
}

/** Algorithm 2's loop (line 3) on given batches: one eq. 1.5 step per batch, in order. */
export interface TrainRequest extends GdStepRequest {
  readonly batches: readonly (readonly number[])[];
}
export interface TrainResult {
  readonly params: NetParams;
  /** Optional: J(θ) of eq. 1.2 on the whole data set after each iteration. */
  readonly losses?: Vector;
}

/** Section 4: every layer on B examples at once. */
export interface ForwardBatchRequest extends Problem {
  /** 'columns': X is d×B, the examples as columns (eq. 4.1); 'rows': X is B×d (eq. 4.4). θ keeps the notes' orientation. */
  readonly layout: 'columns' | 'rows';
  readonly X: Matrix;
}
/** Z[k − 1] = Z^{[k]}, A[k − 1] = A^{[k]}: m_k×B for 'columns', B×m_k for 'rows'. */
export interface ForwardBatchResult {
  readonly Z: readonly Matrix[];
  readonly A: readonly Matrix[];
}

/** Algorithms 1-2 line 2: random θ for layer sizes [d, m_1, ..., 1]. */
export interface InitializeRequest {
  readonly sizes: readonly number[];
  readonly seed: number;
}

/** Algorithm 2 line 4 (B = 1: Algorithm 1 line 4): B distinct 0-based indices out of n. */
export interface SampleBatchRequest {
  readonly n: number;
  readonly B: number;
  readonly seed: number;
}

type Answer<T> = T | Promise<T>;

/** Every operation the suite can ask for. An implementation provides any subset. */
export interface Operations {
  forward(request: ForwardRequest): Answer<ForwardResult>;
  loss(request: LossRequest): Answer<LossResult>;
  gradient(request: GradientRequest): Answer<NetParams>;
  meanGradient(request: MeanGradientRequest): Answer<NetParams>;
  gdStep(request: GdStepRequest): Answer<NetParams>;
  sgdStep(request: SgdStepRequest): Answer<NetParams>;
  minibatchStep(request: MinibatchStepRequest): Answer<NetParams>;
  train(request: TrainRequest): Answer<TrainResult>;
  forwardBatch(request: ForwardBatchRequest): Answer<ForwardBatchResult>;
  initialize(request: InitializeRequest): Answer<NetParams>;
  sampleBatch(request: SampleBatchRequest): Answer<readonly number[]>;
}

export type OperationName = keyof Operations;

/** The operations whose answer is mathematics (a function of the request), not a generator's choice. */
export const MATHEMATICAL_OPERATIONS = [
  'forward',
  'loss',
  'gradient',
  'meanGradient',
  'gdStep',
  'sgdStep',
  'minibatchStep',
  'train',
  'forwardBatch',
] as const satisfies readonly OperationName[];

export const OPERATION_NAMES: readonly OperationName[] = [...MATHEMATICAL_OPERATIONS, 'initialize', 'sampleBatch'];

/** Choices the notes leave open or fix by convention (spec/errata.md), as the implementation declares them. */
export interface Conventions {
  /** The value used for ReLU'(0): any subgradient in [0, 1] conforms; --strict demands the notes' 1. */
  readonly reluPrimeAtZero?: number;
}

export interface Implementation {
  readonly name: string;
  readonly dtype: Dtype;
  /**
   * The error model of conformance/oracles/tolerances.ts to judge it with: 'cpu', 'wasm', 'webgl' or
   * 'webgpu' for the float32 tfjs backends; absent: the generic model of its dtype.
   */
  readonly precision?: string;
  /** The hidden-layer activations it supports. */
  readonly activations: readonly Activation[];
  readonly conventions?: Conventions;
  readonly operations: Partial<Operations>;
  /** Releases what the implementation holds (a child process, tensors); called once at the end. */
  close?(): Promise<void> | void;
}

/** The operations an implementation provides, in OPERATION_NAMES order. */
export function capabilities(impl: Implementation): OperationName[] {
  return OPERATION_NAMES.filter((op) => typeof impl.operations[op] === 'function');
}
