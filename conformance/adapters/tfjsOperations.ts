/**
 * The accelerated path (accelerated/model.ts and trainer.ts: tfjs, float32, row-major eq. 4.4)
 * behind the suite's interface. Browser-safe (no node: imports, no mathjs): Node's adapter
 * (accelerated.ts) and the browser page (pageEntry.ts) run this same code.
 *
 * Each operation checks its request in the notes' orientation (a bad one throws a SpecError naming
 * the equation before any tensor exists), converts θ to row-major plain data (rowMajor.ts, exact),
 * uploads it as float32, runs the accelerated functions inside tf.tidy, reads the results back and
 * disposes them (also on errors): tf.memory().numTensors is unchanged by every call.
 */
import * as tf from '@tensorflow/tfjs';
import { type BackendName, useBackend } from '../../accelerated/backends.js';
import { backpropRows, forwardRows, gdStep, lossRows, minibatchStep, type RowParams, sgdStep } from '../../accelerated/model.js';
import { Trainer } from '../../accelerated/trainer.js';
import { validateActivation, validateAlpha, validateBatch, validateSeed } from '../../accelerated/validate.js';
import { createRng, sampleWithoutReplacement, uniform01 } from '../../reference/sampler.js';
import { SpecError } from '../../spec/specError.js';
import { type Activation, type DataSet, type Matrix, type NetParams, OPERATION_NAMES, type Operations } from '../core/interface.js';
import { dataSize, expectMatrix, expectVector, fromRowMajor, layerSizes, toRowMajor } from './rowMajor.js';

/** θ (eq. 2.12), σ (eq. 2.14) and, where given, the data (eq. 1.2) checked: the layer sizes [d, ..., 1] and n. */
function checked(params: NetParams, activation: Activation, data?: DataSet): { sizes: number[]; n: number } {
  const sizes = layerSizes(params);
  validateActivation(activation);
  return { sizes, n: data === undefined ? 0 : dataSize(data, sizes[0]!) };
}

/** Row-major θ uploaded as float32 tensors (call inside tf.tidy). */
function upload(params: NetParams, sizes: readonly number[]): RowParams {
  const rows = toRowMajor(params, sizes);
  return {
    W: rows.W.map((W, k) => tf.tensor2d(W as number[][], [sizes[k]!, sizes[k + 1]!], 'float32')),
    b: rows.b.map((b, k) => tf.tensor2d([b as number[]], [1, sizes[k + 1]!], 'float32')),
  };
}

const matrix = (M: Matrix, cols: number): tf.Tensor2D => tf.tensor2d(M as number[][], [M.length, cols], 'float32');
const column = (y: readonly number[]): tf.Tensor2D => tf.tensor2d(y as number[], [y.length, 1], 'float32');
const indices = (batch: readonly number[]): tf.Tensor1D => tf.tensor1d(batch as number[], 'int32');

/** Runs `compute` in tf.tidy and reads back the matrices it returns; they are disposed after reading, also on errors. */
async function computeMatrices(compute: () => tf.Tensor2D[]): Promise<number[][][]> {
  const out = tf.tidy(compute);
  try {
    return await Promise.all(out.map((t) => t.array()));
  } finally {
    tf.dispose(out);
  }
}

/** Row-major θ-shaped tensors [W[1..r], b[1..r]] as computed → θ in the notes' orientation. */
async function computeParams(r: number, compute: () => RowParams): Promise<NetParams> {
  const values = await computeMatrices(() => {
    const { W, b } = compute();
    return [...W, ...b];
  });
  return fromRowMajor({ W: values.slice(0, r), b: values.slice(r).map((b) => b[0]!) });
}

/**
 * Eq. 1.3/1.4/1.5: the update (model.ts gdStep, sgdStep or minibatchStep) with the mean gradient
 * over the rows `batchOf(n)` returns after checking them (all rows when it returns undefined).
 */
function step(
  update: typeof gdStep,
  params: NetParams,
  activation: Activation,
  data: DataSet,
  alpha: number,
  batchOf: (n: number) => readonly number[] | undefined,
): Promise<NetParams> {
  const { sizes, n } = checked(params, activation, data);
  const batch = batchOf(n);
  return computeParams(sizes.length - 1, () => {
    const theta = upload(params, sizes);
    const all = { X: matrix(data.X, sizes[0]!), Y: column(data.y) };
    const rows = batch === undefined ? all : { X: tf.gather(all.X, indices(batch)), Y: tf.gather(all.Y, indices(batch)) };
    return update(theta, backpropRows(theta, rows.X, rows.Y, activation).gradient, alpha);
  });
}

/** Algorithm 1 line 2 / Algorithm 2 line 2 (spec/errata.ts): layer sizes [d, m_1, ..., 1] of positive integers. */
function checkSizes(sizes: unknown): asserts sizes is number[] {
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every((m) => Number.isInteger(m) && m >= 1)) {
    throw new SpecError('eq. 2.12', `layer sizes must be [d, m_1, ..., m_r] of positive integers with r >= 1, got ${JSON.stringify(sizes)}`);
  }
  if (sizes[sizes.length - 1] !== 1) throw new SpecError('eq. 2.12', `the output layer must have m_r = 1, got layer sizes [${sizes.join(', ')}]`);
}

/** Every operation of the interface on tfjs's current backend (tf.getBackend()). */
export function tfjsOperations(): Operations {
  return {
    /** Eq. 2.12-2.13 through model.ts#forwardRows on one row (B = 1). */
    async forward({ params, activation, x }) {
      const { sizes } = checked(params, activation);
      expectVector('eq. 2.12', 'x', x, sizes[0]);
      const r = sizes.length - 1;
      const out = await computeMatrices(() => {
        const pass = forwardRows(upload(params, sizes), matrix([x], sizes[0]!), activation);
        return [...pass.Z.slice(1), ...pass.A.slice(1)];
      });
      const z = out.slice(0, r).map((Z) => Z[0]!);
      return { z, a: out.slice(r).map((A) => A[0]!), output: z[r - 1]![0]! };
    },

    /** Eq. 1.1 per row and eq. 1.2 through model.ts#lossRows. */
    async loss({ params, activation, data }) {
      const { sizes } = checked(params, activation, data);
      const [perExample, mean] = await computeMatrices(() => {
        const J = lossRows(forwardRows(upload(params, sizes), matrix(data.X, sizes[0]!), activation).O, column(data.y));
        return [J.perExample, tf.reshape(J.mean, [1, 1]) as tf.Tensor2D];
      });
      return { perExample: perExample!.map((row) => row[0]!), mean: mean![0]![0]! };
    },

    /** Algorithm 5 on one example: model.ts#backpropRows on a batch of one row (Δ[r] divided by B = 1, exact). */
    async gradient({ params, activation, x, y }) {
      const { sizes } = checked(params, activation);
      expectVector('alg5.line1', 'x', x, sizes[0]);
      expectVector('alg5.line2', 'y', [y], 1);
      return computeParams(sizes.length - 1, () => {
        const theta = upload(params, sizes);
        return backpropRows(theta, matrix([x], sizes[0]!), column([y]), activation).gradient;
      });
    },

    /** Eq. 1.5's (1/B) Σ ∇J^{(j_k)}: model.ts#backpropRows on the gathered rows (tf.gather; the trainer copies the same rows on the host: both exact). */
    async meanGradient({ params, activation, data, batch }) {
      const { sizes, n } = checked(params, activation, data);
      validateBatch(batch, n);
      return computeParams(sizes.length - 1, () => {
        const theta = upload(params, sizes);
        const j = indices(batch);
        return backpropRows(theta, tf.gather(matrix(data.X, sizes[0]!), j), tf.gather(column(data.y), j), activation).gradient;
      });
    },

    /** Eq. 1.3: model.ts#gdStep with the mean gradient over all n rows. */
    gdStep({ params, activation, data, alpha }) {
      validateAlpha(alpha, 'eq. 1.3');
      return step(gdStep, params, activation, data, alpha, () => undefined);
    },

    /** Eq. 1.4: model.ts#sgdStep with the gradient of row `index`. */
    sgdStep({ params, activation, data, alpha, index }) {
      validateAlpha(alpha, 'eq. 1.4');
      return step(sgdStep, params, activation, data, alpha, (n) => {
        if (!Number.isInteger(index) || index < 0 || index >= n) {
          throw new SpecError('eq. 1.4', `the example index j must be an integer in 0..${n - 1} (0-based, n = ${n}), got ${String(index)}`);
        }
        return [index];
      });
    },

    /** Eq. 1.5: model.ts#minibatchStep with the mean gradient over the gathered rows of `batch`. */
    minibatchStep({ params, activation, data, alpha, batch }) {
      validateAlpha(alpha, 'eq. 1.5');
      return step(minibatchStep, params, activation, data, alpha, (n) => {
        validateBatch(batch, n);
        return batch;
      });
    },

    /** Algorithm 2 lines 3-4 with the samples given: trainer.ts#trainOnBatches, J(θ) after each step. */
    async train({ params, activation, data, alpha, batches }) {
      const { sizes } = checked(params, activation, data);
      const trainer = Trainer.create(toRowMajor(params, sizes), data, activation);
      try {
        const { losses } = await trainer.trainOnBatches(batches, alpha);
        return { params: fromRowMajor(await trainer.params()), losses };
      } finally {
        trainer.dispose();
      }
    },

    /**
     * Section 4 through model.ts#forwardRows. 'rows' is eq. 4.4 itself; 'columns' (eq. 4.1-4.3, X
     * d×B) is transposed to B×d on the device and every Z^{[k]}, A^{[k]} transposed back (m_k×B):
     * transposition is exact, so both layouts give the same numbers.
     */
    async forwardBatch({ params, activation, layout, X }) {
      const { sizes } = checked(params, activation);
      const d = sizes[0]!;
      if (layout !== 'rows' && layout !== 'columns') throw new SpecError('eq. 4.4', `layout must be 'rows' or 'columns', got ${String(layout)}`);
      const columns = layout === 'columns';
      if (columns) expectMatrix('eq. 4.1', 'X', X, d, undefined, 'd x B, one example per column');
      else expectMatrix('eq. 4.4', 'X', X, undefined, d, 'B x d, one example per row');
      const r = sizes.length - 1;
      const out = await computeMatrices(() => {
        const rows = columns ? tf.transpose(matrix(X, X[0]!.length)) : matrix(X, d);
        const pass = forwardRows(upload(params, sizes), rows, activation);
        const all = [...pass.Z.slice(1), ...pass.A.slice(1)];
        return columns ? all.map((M) => tf.transpose(M)) : all;
      });
      return { Z: out.slice(0, r), A: out.slice(r) };
    },

    /**
     * Algorithm 1-2 line 2 by the spec's convention (spec/errata.ts): entry = (2u − 1)/√m_{k−1} from
     * the shared seeded generator (reference/sampler.ts, as the trainer's sampler), in the order
     * W^{[1]} row by row, b^{[1]}, W^{[2]}, ...; then held as the accelerated path holds θ: float32
     * tensors (row-major), read back.
     */
    async initialize({ sizes, seed }) {
      checkSizes(sizes);
      const rng = createRng(validateSeed(seed, 'Algorithm 2 line 2'));
      const W: number[][][] = [];
      const b: number[][] = [];
      for (let k = 1; k < sizes.length; k++) {
        const draw = (): number => (2 * uniform01(rng) - 1) / Math.sqrt(sizes[k - 1]!);
        W.push(Array.from({ length: sizes[k]! }, () => Array.from({ length: sizes[k - 1]! }, draw)));
        b.push(Array.from({ length: sizes[k]! }, draw));
      }
      return computeParams(sizes.length - 1, () => upload({ W, b }, sizes));
    },

    /** Algorithm 2 line 4: the trainer's sampler (reference/sampler.ts, shared with the accelerated trainer). */
    sampleBatch({ n, B, seed }) {
      return sampleWithoutReplacement(createRng(validateSeed(seed, 'Algorithm 2 line 4')), n, B);
    },
  };
}

/**
 * tfjsOperations pinned to `backend`: each operation first makes it tfjs's current backend (another
 * implementation in the same process or page may have switched it since), then runs.
 */
export function tfjsOperationsOn(backend: BackendName): Operations {
  const operations = tfjsOperations();
  const pinned: Record<string, (request: never) => Promise<unknown>> = {};
  for (const name of OPERATION_NAMES) {
    const run = operations[name] as (request: never) => unknown;
    pinned[name] = async (request) => {
      if (tf.getBackend() !== backend) await useBackend(backend);
      return run.call(operations, request);
    };
  }
  return pinned as unknown as Operations;
}
