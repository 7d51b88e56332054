/**
 * The optimizers of Section 1: gradient descent (eq. 1.3), SGD (Algorithm 1, eq. 1.4) and
 * mini-batch SGD (Algorithm 2, eq. 1.5), on a Params-shaped θ (lists of matrices W and b).
 * The steps are pure: each returns a new θ and never writes into its inputs. Example indices are
 * 0-based in code (the notes' example j ∈ {1..n} is index j − 1); messages name x^{(j)} 1-based.
 * θ, the data and α share one number system (float64 numbers or BigNumbers).
 */
import type { ActivationName } from './activations.js';
import { backprop } from './backprop.js';
import { DIVERGED, expectLearningRate, expectPositiveInteger, finiteParamsResult, NonFiniteError, OVERFLOWED, SpecError } from './errors.js';
import { datasetLoss, squaredLoss } from './loss.js';
import { layerSizes, type Params, predict } from './network.js';
import { isBig, type Matrix, math, type Scalar } from './numeric.js';
import { add, div, mul, sub } from './ops.js';
import { expectBatch, expectDataset, expectLike } from './optimizerInputs.js';
import { createRng, type Rng, sampleIndex, sampleWithoutReplacement } from './sampler.js';

/** A training example (x^{(i)}, y^{(i)}): x ∈ R^{d×1}, y ∈ R (Section 1). */
export interface Example {
  readonly x: Matrix;
  readonly y: Scalar;
}

/**
 * What the optimizers need from h_θ: the per-example cost J^{(i)}(θ) of eq. 1.1 and its gradient
 * ∇_θ J^{(i)}(θ) in the shape of θ (footnote 6). `inputDimension` validates θ and returns d.
 */
export interface Model {
  readonly name: string;
  readonly inputDimension: (theta: Params) => number;
  readonly loss: (theta: Params, x: Matrix, y: Scalar) => Scalar;
  readonly gradient: (theta: Params, x: Matrix, y: Scalar) => Params;
}

/** The network of eq. 2.12 as a Model: J^{(i)} by eq. 1.1, ∇J^{(i)} by Algorithm 5 (backprop). */
export function networkModel(activation: ActivationName = 'relu'): Model {
  return {
    name: `network (${activation})`,
    inputDimension: (theta) => layerSizes(theta)[0]!,
    loss: (theta, x, y) => squaredLoss(predict(theta, x, activation), y),
    gradient: (theta, x, y) => backprop(theta, x, y, activation).gradient,
  };
}

function resolveModel(m: ActivationName | Model | undefined): Model {
  return typeof m === 'object' ? m : networkModel(m);
}

/** α in the number system of θ (a float64 α for float64 θ, a BigNumber α for BigNumber θ). */
function inSystemOf(alpha: Scalar, theta: Params): Scalar {
  const first = theta.W[0] ?? theta.b[0];
  const like = first === undefined || first.size()[0] === 0 ? 0 : (first.get([0, 0]) as Scalar);
  return isBig(like) ? math.bignumber(alpha) : Number(alpha);
}

/** θ − c·g entry by entry (one matrix per W[k], b[k]): a new Params, finite (else a NonFiniteError at `where`). */
function minusScaled(where: string, theta: Params, c: Scalar, g: Params): Params {
  const step = (list: readonly Matrix[], dir: readonly Matrix[]): Matrix[] => list.map((M, k) => sub(M, mul(c, dir[k]!)));
  return finiteParamsResult(where, 'θ after the step', { W: step(theta.W, g.W), b: step(theta.b, g.b) }, DIVERGED);
}

/** g_1 + g_2 + ... + g_B, entry by entry, summed in the order given. */
function sumOf(gradients: readonly Params[]): Params {
  const [first, ...rest] = gradients;
  return rest.reduce<Params>((s, g) => ({ W: s.W.map((M, k) => add(M, g.W[k]!)), b: s.b.map((M, k) => add(M, g.b[k]!)) }), first!);
}

/**
 * Eq. 1.2: J(θ) = (1/n) Σ_{i=1}^{n} J^{(i)}(θ) on a dataset of n examples, J^{(i)} by eq. 1.1.
 * `model` is an activation of the network of eq. 2.12 (default ReLU) or any Model.
 */
export function datasetCost(theta: Params, data: readonly Example[], model: ActivationName | Model = 'relu'): Scalar {
  const m = resolveModel(model);
  expectDataset('eq. 1.2', m.inputDimension(theta), data);
  return datasetLoss(data.map((e) => m.loss(theta, e.x, e.y)));
}

/**
 * Eq. 1.3 / 1.5 and 1/dataset-gradient: the mean gradient (1/|I|) Σ_{j ∈ I} ∇_θ J^{(j)}(θ) over the 0-based indices I
 * (each ∇J^{(j)} by Algorithm 5, reference/backprop.ts), in the shape of θ. With I = all n
 * examples it is ∇J(θ) of eq. 1.2. The sum runs in the order of I and is then divided by |I|.
 */
export function meanGradient(theta: Params, data: readonly Example[], indices: readonly number[], activation: ActivationName | Model = 'relu'): Params {
  const model = resolveModel(activation);
  const n = expectDataset('eq. 1.5', model.inputDimension(theta), data);
  expectBatch('eq. 1.5', indices, n, false);
  const sum = sumOf(indices.map((j) => model.gradient(theta, data[j]!.x, data[j]!.y)));
  const divide = (list: readonly Matrix[]): Matrix[] => list.map((M) => div(M, indices.length));
  return finiteParamsResult('eq. 1.5', '(1/B) Σ ∇_θ J^{(j)}(θ)', { W: divide(sum.W), b: divide(sum.b) }, OVERFLOWED);
}

/** Eq. 1.3: θ := θ − α ∇_θ J(θ), with ∇J(θ) in the shape of θ; α > 0. Returns a new θ. */
export function gdStep(theta: Params, gradient: Params, alpha: Scalar): Params {
  expectLearningRate('eq. 1.3', alpha);
  expectLike('eq. 1.3', theta, gradient, '∇J(θ)');
  return minusScaled('eq. 1.3', theta, inSystemOf(alpha, theta), gradient);
}

/** Eq. 1.4: θ := θ − α ∇_θ J^{(j)}(θ), the gradient of one example's cost; α > 0. Returns a new θ. */
export function sgdStep(theta: Params, exampleGradient: Params, alpha: Scalar): Params {
  expectLearningRate('eq. 1.4', alpha);
  expectLike('eq. 1.4', theta, exampleGradient, '∇J^{(j)}(θ)');
  return minusScaled('eq. 1.4', theta, inSystemOf(alpha, theta), exampleGradient);
}

/**
 * Eq. 1.5: θ := θ − (α/B) Σ_{k=1}^{B} ∇_θ J^{(j_k)}(θ), literally: the B gradients are summed
 * (in the order given, starting from the first) and the sum is multiplied by α/B. Returns a new θ.
 */
export function minibatchStep(theta: Params, exampleGradients: readonly Params[], alpha: Scalar): Params {
  expectLearningRate('eq. 1.5', alpha);
  if (!Array.isArray(exampleGradients) || exampleGradients.length === 0) {
    throw new SpecError('eq. 1.5', 'the mini-batch needs B >= 1 gradients, got none');
  }
  exampleGradients.forEach((g, k) => expectLike('eq. 1.5', theta, g, `∇J^{(j_${k + 1})}(θ)`));
  const B = exampleGradients.length;
  return minusScaled('eq. 1.5', theta, div(inSystemOf(alpha, theta), B), sumOf(exampleGradients));
}

export interface TrainingOptions {
  /** Learning rate α > 0. */
  readonly alpha: Scalar;
  /** n_iter, a positive integer. */
  readonly nIter: number;
  /** Seed of the sampler (reference/sampler.ts); required by sgd and minibatchSgd, unused by gd. */
  readonly seed?: number;
  /** Batch size B (minibatchSgd only), 1 <= B <= n. */
  readonly B?: number;
  /** Activation of the network of eq. 2.12 (default 'relu'); or give `model` instead. */
  readonly activation?: ActivationName;
  /** Any other h_θ (e.g. reference/squaresModel.ts#SQUARES_MODEL). */
  readonly model?: Model;
}

export interface TrainingRun {
  readonly theta: Params;
  /** The 0-based example indices used at each iteration, in order. */
  readonly indices: number[][];
  /** losses[i] = J(θ) of eq. 1.2 on the whole dataset AFTER iteration i + 1. */
  readonly losses: Scalar[];
}

/**
 * The shared loop "for i = 1 to n_iter": pick a batch, update θ, record J(θ) after the update. A
 * non-finite θ or J inside the loop is reported as the run's divergence at `where` (its update's equation).
 */
function runIterations(
  where: string,
  theta0: Params,
  data: readonly Example[],
  model: Model,
  nIter: number,
  pick: () => number[],
  update: (theta: Params, batch: readonly number[]) => Params,
): TrainingRun {
  let theta = theta0;
  const indices: number[][] = [];
  const losses: Scalar[] = [];
  for (let i = 1; i <= nIter; i++) {
    const batch = pick();
    try {
      theta = update(theta, batch);
      losses.push(datasetCost(theta, data, model));
    } catch (e) {
      if (!(e instanceof NonFiniteError)) throw e;
      const cause = e.message.replace(`: ${DIVERGED}`, '').replace(`: ${OVERFLOWED}`, '');
      throw new NonFiniteError(where, `the run diverged at iteration ${i} of ${nIter} (${cause}); lower α`);
    }
    indices.push(batch);
  }
  return { theta, indices, losses };
}

function setUp(where: { alpha: string; nIter: string }, theta0: Params, data: readonly Example[], options: TrainingOptions): { model: Model; n: number } {
  if (options === null || typeof options !== 'object') throw new SpecError(where.nIter, 'options {alpha, nIter, ...} are required');
  expectLearningRate(where.alpha, options.alpha);
  expectPositiveInteger(where.nIter, 'n_iter (number of iterations)', options.nIter);
  if (options.model !== undefined && options.activation !== undefined) {
    throw new SpecError(where.nIter, 'give either an activation (the network of eq. 2.12) or a model, not both');
  }
  const model = options.model ?? networkModel(options.activation);
  return { model, n: expectDataset('eq. 1.2', model.inputDimension(theta0), data) };
}

function seededRng(where: string, seed: number | undefined): Rng {
  if (!Number.isInteger(seed)) throw new SpecError(where, `the sampler's seed must be an integer, got ${String(seed)}`);
  return createRng(seed!);
}

/**
 * Gradient descent: eq. 1.3 repeated n_iter times on the full dataset, θ := θ − α ∇J(θ) with
 * ∇J(θ) = meanGradient over all n examples (eq. 1.2). indices[i] is [0, ..., n−1] every time.
 */
export function gd(theta0: Params, data: readonly Example[], options: TrainingOptions): TrainingRun {
  const { model, n } = setUp({ alpha: 'eq. 1.3', nIter: 'eq. 1.3' }, theta0, data, options);
  const all = Array.from({ length: n }, (_, i) => i);
  return runIterations(
    'eq. 1.3',
    theta0,
    data,
    model,
    options.nIter,
    () => all.slice(),
    (theta, batch) => gdStep(theta, meanGradient(theta, data, batch, model), options.alpha),
  );
}

/**
 * Algorithm 1 (SGD) lines 1-4. Line 1: hyperparameters α > 0 and n_iter. Line 2: θ0 is given
 * (initialize it with reference/network.ts#initializeParams). Line 3: for i = 1 to n_iter.
 * Line 4: one j = sampleIndex(rng, n) from the seeded sampler, then eq. 1.4 θ := θ − α ∇J^{(j)}(θ).
 */
export function sgd(theta0: Params, data: readonly Example[], options: TrainingOptions): TrainingRun {
  const { model, n } = setUp({ alpha: 'eq. 1.4', nIter: 'Algorithm 1 line 1' }, theta0, data, options);
  const rng = seededRng('Algorithm 1 line 4', options.seed);
  return runIterations(
    'eq. 1.4',
    theta0,
    data,
    model,
    options.nIter,
    () => [sampleIndex(rng, n)],
    (theta, [j]) => sgdStep(theta, model.gradient(theta, data[j!]!.x, data[j!]!.y), options.alpha),
  );
}

/**
 * Algorithm 2 (mini-batch SGD) lines 1-4. Line 1: hyperparameters α > 0, B, n_iter. Line 2: θ0
 * is given (reference/network.ts#initializeParams). Line 3: for i = 1 to n_iter. Line 4: one
 * sampleWithoutReplacement(rng, n, B) (requires 1 <= B <= n), then eq. 1.5.
 */
export function minibatchSgd(theta0: Params, data: readonly Example[], options: TrainingOptions): TrainingRun {
  const { model, n } = setUp({ alpha: 'eq. 1.5', nIter: 'Algorithm 2 line 1' }, theta0, data, options);
  const B = options.B;
  if (B === undefined) throw new SpecError('Algorithm 2 line 1', 'the batch size B is a required hyperparameter');
  if (!Number.isInteger(B) || B < 1 || B > n) {
    throw new SpecError('Algorithm 2 line 4', `batch size B must be an integer in 1..n (n = ${n}) when sampling without replacement, got ${B}`);
  }
  const rng = seededRng('Algorithm 2 line 4', options.seed);
  return runIterations(
    'eq. 1.5',
    theta0,
    data,
    model,
    options.nIter,
    () => sampleWithoutReplacement(rng, n, B),
    (theta, batch) =>
      minibatchStep(
        theta,
        batch.map((j) => model.gradient(theta, data[j]!.x, data[j]!.y)),
        options.alpha,
      ),
  );
}

/**
 * Eq. 1.5 replayed on a given list of 0-based index batches (Algorithm 2 lines 3-4 with the
 * sampling of line 4 supplied), so two implementations can run the same sequence. Each batch
 * j_1..j_B (distinct indices, B may vary per batch) gives one minibatchStep; a batch of one is
 * exactly eq. 1.4's step (α/1 = α and a sum of one term is the term).
 */
export function trainOnBatches(
  theta0: Params,
  data: readonly Example[],
  batches: readonly (readonly number[])[],
  alpha: Scalar,
  activation: ActivationName | Model = 'relu',
): TrainingRun {
  expectLearningRate('eq. 1.5', alpha);
  const model = resolveModel(activation);
  const n = expectDataset('eq. 1.2', model.inputDimension(theta0), data);
  if (!Array.isArray(batches) || batches.length === 0) {
    throw new SpecError('Algorithm 2 line 3', 'for i = 1 to n_iter needs at least one batch (n_iter >= 1), got none');
  }
  batches.forEach((batch) => expectBatch('eq. 1.5', batch, n, true));
  let i = 0;
  return runIterations(
    'eq. 1.5',
    theta0,
    data,
    model,
    batches.length,
    () => [...batches[i++]!],
    (theta, batch) =>
      minibatchStep(
        theta,
        batch.map((j) => model.gradient(theta, data[j]!.x, data[j]!.y)),
        alpha,
      ),
  );
}
