/**
 * A small stateful trainer: θ held as float32 tensors (row-major, eq. 4.4), the data uploaded
 * once, and the optimizers of Section 1 (GD eq. 1.3, SGD Algorithm 1, mini-batch SGD Algorithm 2)
 * with the reference's sampler and seed semantics (reference/optimizers.ts): one createRng(seed)
 * per run, one sampleIndex(rng, n) per SGD iteration, one sampleWithoutReplacement(rng, n, B) per
 * mini-batch iteration, so the same seed replays the same index sequence in both.
 * Every method validates its plain inputs before it creates a tensor, and keeps no tensor it
 * does not own: tf.memory().numTensors is the same before create and after dispose.
 * Every number read back is finite or a NonFiniteError (spec/specError.ts) naming the equation:
 * a run checks J after each iteration and θ at its end; `step` does not read back (no device sync),
 * so a step that diverged is reported by the next read (params, loss, outputs, gradient).
 */
import * as tf from '@tensorflow/tfjs';
import type { DataSet, RowParamsData } from '../numerics/plain.js';
import { createRng, sampleIndex, sampleWithoutReplacement } from '../reference/sampler.js';
import { type ActivationName, backpropRows, forwardRows, gdStep, lossRows, minibatchStep, type RowParams, sgdStep } from './model.js';
import {
  DIVERGED,
  finiteResults,
  finiteRowParams,
  OVERFLOWED,
  validateActivation,
  validateAlpha,
  validateBatch,
  validateBatches,
  validateBatchSize,
  validateDataSet,
  validateIterations,
  validateRowParams,
  validateSeed,
} from './validate.js';

export interface TrainingOptions {
  /** Learning rate α > 0. */
  readonly alpha: number;
  /** n_iter >= 1. */
  readonly nIter: number;
  /** The sampler's seed (sgd, minibatchSgd). */
  readonly seed?: number;
  /** Batch size 1 <= B <= n (minibatchSgd). */
  readonly B?: number;
}

export interface TrainingRun {
  /** The 0-based example indices used at each iteration, in order. */
  readonly indices: number[][];
  /** losses[i] = J(θ) of eq. 1.2 on the whole data set AFTER iteration i + 1. */
  readonly losses: number[];
}

/** Eq. 1.3, 1.4 or 1.5: which update a step applies (all three are θ − α·mean gradient). */
type Update = typeof gdStep;

export class Trainer {
  #theta: RowParams;
  #disposed = false;
  readonly #X: tf.Tensor2D;
  readonly #Y: tf.Tensor2D;
  /** X (n×d) and y (n) on the host as well: a batch's rows are gathered here (see #rows). */
  readonly #hostX: Float32Array;
  readonly #hostY: Float32Array;

  private constructor(
    params: RowParamsData,
    data: DataSet,
    /** [d, m_1, ..., m_r]. */
    readonly sizes: readonly number[],
    /** The number of examples. */
    readonly n: number,
    readonly activation: ActivationName,
  ) {
    const r = sizes.length - 1;
    this.#theta = {
      W: params.W.map((W, k) => tf.tensor2d(flat(W), [sizes[k]!, sizes[k + 1]!], 'float32')),
      b: params.b.map((b, k) => tf.tensor2d(Float32Array.from(b), [1, sizes[k + 1]!], 'float32')),
    };
    this.#hostX = flat(data.X);
    this.#hostY = Float32Array.from(data.y);
    this.#X = tf.tensor2d(this.#hostX, [n, sizes[0]!], 'float32');
    this.#Y = tf.tensor2d(this.#hostY, [n, sizes[r]!], 'float32');
  }

  /** Validates θ (eq. 4.4, m_r = 1), σ (eq. 2.14) and the data (eq. 1.2), then uploads them. */
  static create(params: RowParamsData, data: DataSet, activation: ActivationName): Trainer {
    const sizes = validateRowParams(params);
    validateActivation(activation);
    const n = validateDataSet(data, sizes[0]!);
    return new Trainer(params, data, sizes, n, activation);
  }

  /** θ as tensors, owned by the trainer (read-only: do not dispose). */
  get theta(): RowParams {
    return this.#live().theta;
  }

  /** X (n×d) and Y (n×1) as tensors, owned by the trainer. */
  get data(): { readonly X: tf.Tensor2D; readonly Y: tf.Tensor2D } {
    const { X, Y } = this.#live();
    return { X, Y };
  }

  /**
   * Eq. 1.5 on the given 0-based rows j_1..j_B (Algorithm 2 line 4's sample supplied):
   * θ := θ − α·∇J_B(θ), the mean gradient over the batch; a batch of one is eq. 1.4.
   */
  step(batch: readonly number[], alpha: number): void {
    validateBatch(batch, this.n);
    validateAlpha(alpha);
    this.#apply(minibatchStep, batch, alpha);
  }

  /** Eq. 1.3 repeated n_iter times on all n rows (GD); indices[i] is [0, ..., n−1]. */
  async gd(options: TrainingOptions): Promise<TrainingRun> {
    const alpha = validateAlpha(options?.alpha, 'eq. 1.3');
    const nIter = validateIterations(options.nIter, 'eq. 1.3');
    const all = Array.from({ length: this.n }, (_, i) => i);
    return this.#loop(
      'eq. 1.3',
      nIter,
      () => all.slice(),
      (batch) => this.#apply(gdStep, batch, alpha, true),
    );
  }

  /** Algorithm 1 lines 1-4: per iteration one j = sampleIndex(rng, n), then eq. 1.4. */
  async sgd(options: TrainingOptions): Promise<TrainingRun> {
    const alpha = validateAlpha(options?.alpha, 'eq. 1.4');
    const nIter = validateIterations(options.nIter, 'Algorithm 1 line 1');
    const rng = createRng(validateSeed(options.seed, 'Algorithm 1 line 4'));
    return this.#loop(
      'eq. 1.4',
      nIter,
      () => [sampleIndex(rng, this.n)],
      (batch) => this.#apply(sgdStep, batch, alpha),
    );
  }

  /** Algorithm 2 lines 1-4: per iteration one sampleWithoutReplacement(rng, n, B), then eq. 1.5. */
  async minibatchSgd(options: TrainingOptions): Promise<TrainingRun> {
    const alpha = validateAlpha(options?.alpha, 'eq. 1.5');
    const nIter = validateIterations(options.nIter, 'Algorithm 2 line 1');
    const B = validateBatchSize(options.B, this.n);
    const rng = createRng(validateSeed(options.seed, 'Algorithm 2 line 4'));
    return this.#loop(
      'eq. 1.5',
      nIter,
      () => sampleWithoutReplacement(rng, this.n, B),
      (batch) => this.#apply(minibatchStep, batch, alpha),
    );
  }

  /** Algorithm 2 lines 3-4 with the samples supplied: eq. 1.5 on each batch in order. */
  async trainOnBatches(batches: readonly (readonly number[])[], alpha: number): Promise<TrainingRun> {
    validateAlpha(alpha);
    validateBatches(batches, this.n);
    validateIterations(batches.length, 'Algorithm 2 line 3');
    let i = 0;
    return this.#loop(
      'eq. 1.5',
      batches.length,
      () => [...batches[i++]!],
      (batch) => this.#apply(minibatchStep, batch, alpha),
    );
  }

  /** Eq. 2.12 batched: h_θ(x^{(i)}) for every row of X (n outputs). */
  async outputs(): Promise<number[]> {
    const { theta, X } = this.#live();
    const O = tf.tidy(() => forwardRows(theta, X, this.activation).O);
    return finiteResults('eq. 2.12', (i) => `h_θ(x^{(${i})}) (row ${i} of X)`, await readAndDispose(O), OVERFLOWED);
  }

  /** Eq. 1.2: J(θ) on the whole data set. */
  async loss(): Promise<number> {
    const J = this.#lossTensor();
    return finiteResults('eq. 1.2', () => 'J(θ)', await readAndDispose(J), OVERFLOWED)[0]!;
  }

  /** Eq. 1.5 / 1/dataset-gradient: the mean gradient over `batch` (default: all n rows, ∇J(θ) of eq. 1.2). */
  async gradient(batch?: readonly number[]): Promise<RowParamsData> {
    if (batch !== undefined) validateBatch(batch, this.n);
    const { theta } = this.#live();
    const g = tf.tidy(() => {
      const { X, Y } = this.#rows(batch);
      return flatParams(backpropRows(theta, X, Y, this.activation).gradient);
    });
    return finiteRowParams('eq. 1.5', '∇_θ J_B(θ)', await readParams(unflatParams(g, theta.W.length)), OVERFLOWED);
  }

  /** θ read back as plain numbers (row-major). */
  async params(): Promise<RowParamsData> {
    const { theta } = this.#live();
    return finiteRowParams('eq. 1.5', 'θ', await readParams(theta, false), `a step diverged; lower α`);
  }

  /** Frees θ and the data; the trainer is unusable afterwards. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    disposeParams(this.#theta);
    tf.dispose([this.#X, this.#Y]);
  }

  #live(): { theta: RowParams; X: tf.Tensor2D; Y: tf.Tensor2D } {
    if (this.#disposed) throw new Error('this Trainer has been disposed');
    return { theta: this.#theta, X: this.#X, Y: this.#Y };
  }

  /**
   * The rows j_1..j_B of X and Y (inside a tidy): X and Y themselves for the batch 0..n−1 in order,
   * else copied row by row from the host arrays into a new B×d tensor (a copy, so the values are bit
   * for bit the same): on wasm, 512 of 1,024 rows of 256 floats took 0.85 ms copied and uploaded
   * against 4.1 ms for tf.gather on the device.
   */
  #rows(batch: readonly number[] | undefined): { X: tf.Tensor2D; Y: tf.Tensor2D } {
    const { X, Y } = this.#live();
    if (batch === undefined || (batch.length === this.n && batch.every((j, i) => j === i))) return { X, Y };
    const d = this.sizes[0]!;
    const rowsX = new Float32Array(batch.length * d);
    const rowsY = new Float32Array(batch.length);
    batch.forEach((j, i) => {
      rowsX.set(this.#hostX.subarray(j * d, (j + 1) * d), i * d);
      rowsY[i] = this.#hostY[j]!;
    });
    return { X: tf.tensor2d(rowsX, [batch.length, d], 'float32'), Y: tf.tensor2d(rowsY, [batch.length, 1], 'float32') };
  }

  /** One update θ := θ − α·∇J_batch(θ); the new θ replaces (and frees) the old. */
  #apply(update: Update, batch: readonly number[], alpha: number, wholeData = false): void {
    const { theta } = this.#live();
    const next = tf.tidy(() => {
      const { X, Y } = this.#rows(wholeData ? undefined : batch);
      return flatParams(update(theta, backpropRows(theta, X, Y, this.activation).gradient, alpha)).map((t) => tf.keep(t));
    });
    disposeParams(theta);
    this.#theta = unflatParams(next, theta.W.length);
  }

  /** Whether every entry of θ is finite, reduced on the device (one boolean read back). */
  async #thetaIsFinite(): Promise<boolean> {
    const { theta } = this.#live();
    const allFinite = tf.tidy(() => tf.all(tf.stack(flatParams(theta).map((t) => tf.all(tf.isFinite(t))))));
    return (await readAndDispose(allFinite))[0] === 1;
  }

  #lossTensor(): tf.Scalar {
    const { theta, X, Y } = this.#live();
    return tf.tidy(() => lossRows(forwardRows(theta, X, this.activation).O, Y).mean);
  }

  /**
   * "for i = 1 to n_iter": pick a batch, update θ, record J(θ) (read back once, at the end, with
   * whether θ is finite); a non-finite J or θ is a NonFiniteError at `where`, the run's equation.
   */
  async #loop(where: string, nIter: number, pick: () => number[], update: (batch: readonly number[]) => void): Promise<TrainingRun> {
    const indices: number[][] = [];
    const losses: tf.Scalar[] = [];
    try {
      for (let i = 0; i < nIter; i++) {
        const batch = pick();
        update(batch);
        indices.push(batch);
        losses.push(tf.keep(this.#lossTensor()));
      }
      const stacked = tf.stack(losses);
      const values = await readAndDispose(stacked);
      finiteResults(where, (i) => `J(θ) after iteration ${i} of ${nIter}`, values, DIVERGED);
      if (!(await this.#thetaIsFinite())) finiteRowParams(where, `θ after iteration ${nIter}`, await readParams(this.#theta, false), DIVERGED);
      return { indices, losses: values };
    } finally {
      tf.dispose(losses);
    }
  }
}

/** Trainer.create as a function. */
export function createTrainer(params: RowParamsData, data: DataSet, activation: ActivationName): Trainer {
  return Trainer.create(params, data, activation);
}

function flat(rows: readonly (readonly number[])[]): Float32Array {
  return Float32Array.from(rows.flat());
}

/** [W[1], ..., W[r], b[1], ..., b[r]]: the form tf.tidy can return. */
function flatParams(theta: RowParams): tf.Tensor2D[] {
  return [...theta.W, ...theta.b];
}

function unflatParams(list: readonly tf.Tensor2D[], r: number): RowParams {
  return { W: list.slice(0, r), b: list.slice(r) };
}

function disposeParams(theta: RowParams): void {
  tf.dispose(flatParams(theta));
}

async function readAndDispose(t: tf.Tensor): Promise<number[]> {
  try {
    return Array.from(await t.data());
  } finally {
    t.dispose();
  }
}

/** Reads W (m_{k−1}×m_k) and b (1×m_k → m_k numbers); disposes them when `owned`. */
async function readParams(g: RowParams, owned = true): Promise<RowParamsData> {
  try {
    const W = await Promise.all(g.W.map((t) => t.array()));
    const b = await Promise.all(g.b.map(async (t) => (await t.array())[0]!));
    return { W, b };
  } finally {
    if (owned) disposeParams(g);
  }
}
