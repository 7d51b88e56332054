/**
 * What the site's training playground trains: the network, the data set, θ0 and the batches of
 * mini-batch SGD (Algorithm 2), all from the reader's choices and one seed, so the accelerated
 * path and the reference start from the same θ0 and replay the same batches. Browser-safe.
 */

import { type DataSet, type NetParams, transpose } from '../../../../numerics/plain.js';
import { toRows } from '../../../../reference/matrix.js';
import { initializeParams } from '../../../../reference/network.js';
import { createRng, sampleWithoutReplacement, uniform01 } from '../../../../reference/sampler.js';
import { ACTIVATION_NAMES, type ActivationName } from '../../../../spec/activations.js';
import { SpecError } from '../../../../spec/specError.js';
import { housingData } from '../../housingData.js';

export const DATA_SETS = ['housing', 'synthetic'] as const;
export type DataSetName = (typeof DATA_SETS)[number];

export interface PlaygroundOptions {
  /** m_1, ..., m_{r−1}: the hidden layers' widths (d comes from the data, m_r = 1). */
  readonly hidden: readonly number[];
  readonly activation: ActivationName;
  readonly dataSet: DataSetName;
  /** The number of examples n. */
  readonly n: number;
  /** Algorithm 2 line 1: α, B and n_iter. */
  readonly alpha: number;
  readonly B: number;
  readonly iterations: number;
  /** How many of the first iterations the reference (float64) replays and judges. */
  readonly compared: number;
  /** The seed of the data, θ0 (line 2) and the sampler (line 4). */
  readonly seed: number;
}

/**
 * The defaults: small enough that the reference replays 100 iterations in about a second, and a
 * rate at which the float32 bound carried over 100 steps stays far below J (measured: ~3e-3 at
 * J ≈ 0.28); α = 0.05 makes the worst-case bound leave the domain near step 60.
 */
export const PLAYGROUND_DEFAULTS: PlaygroundOptions = {
  hidden: [8, 8],
  activation: 'relu',
  dataSet: 'housing',
  n: 64,
  alpha: 0.02,
  B: 8,
  iterations: 300,
  compared: 100,
  seed: 229,
};

/** The input dimension of each data set. */
export const DATA_DIMENSION: Readonly<Record<DataSetName, number>> = { housing: 4, synthetic: 3 };

/** Limits that keep one page responsive (the reference replays `compared` steps in float64). */
export const LIMITS = { width: 256, depth: 6, n: 4096, iterations: 100_000, compared: 500 } as const;

export interface PlaygroundProblem {
  /** [d, m_1, ..., m_{r−1}, 1]. */
  readonly sizes: readonly number[];
  /** θ0 as the notes orient it (W[k] is m_k × m_{k−1}). */
  readonly theta0: NetParams;
  /** θ0 row-major (eq. 4.4: W[k] is m_{k−1} × m_k), as the accelerated trainer takes it. */
  readonly rows: NetParams;
  readonly data: DataSet;
  /** The 0-based batches j_1..j_B of each iteration. */
  readonly batches: readonly (readonly number[])[];
}

function integerIn(where: string, what: string, value: number, low: number, high: number, highName = String(high)): number {
  if (!Number.isInteger(value) || value < low || value > high)
    throw new SpecError(where, `${what} must be an integer from ${low} to ${highName}, got ${value}`);
  return value;
}

/** Checks the reader's choices, naming the line of Algorithm 2 or the equation each belongs to. */
export function checkOptions(o: PlaygroundOptions): void {
  if (o.hidden.length > LIMITS.depth) throw new SpecError('eq. 2.12', `at most ${LIMITS.depth} hidden layers here, got ${o.hidden.length}`);
  o.hidden.forEach((m, k) => integerIn('eq. 2.12', `m_${k + 1}`, m, 1, LIMITS.width));
  if (!ACTIVATION_NAMES.includes(o.activation)) throw new SpecError('eq. 2.12', `σ must be one of ${ACTIVATION_NAMES.join(', ')}, got ${String(o.activation)}`);
  if (!DATA_SETS.includes(o.dataSet)) throw new SpecError('eq. 1.2', `the data set must be one of ${DATA_SETS.join(', ')}, got ${String(o.dataSet)}`);
  integerIn('eq. 1.2', 'n', o.n, 1, LIMITS.n);
  if (!(Number.isFinite(o.alpha) && o.alpha > 0)) throw new SpecError('Algorithm 2 line 1', `α must be a finite number > 0, got ${o.alpha}`);
  integerIn('Algorithm 2 line 1', 'B', o.B, 1, o.n, `n = ${o.n}`);
  integerIn('Algorithm 2 line 1', 'n_iter', o.iterations, 1, LIMITS.iterations);
  integerIn('Algorithm 2 line 1', 'the number of iterations compared with the reference', o.compared, 0, Math.min(o.iterations, LIMITS.compared));
  integerIn('Algorithm 2 line 2', 'the seed', o.seed, 0, 2 ** 32 - 1);
}

/** Each column of `X` and `y` shifted and scaled to mean 0 and standard deviation 1 (a column that is constant is only shifted). */
function standardized(data: DataSet): DataSet {
  const scale = (v: readonly number[]): number[] => {
    const mean = v.reduce((s, t) => s + t, 0) / v.length;
    const sd = Math.sqrt(v.reduce((s, t) => s + (t - mean) ** 2, 0) / v.length);
    return v.map((t) => (t - mean) / (sd > 0 ? sd : 1));
  };
  const columns = (data.X[0] ?? []).map((_, j) => scale(data.X.map((x) => x[j]!)));
  return { X: data.X.map((_, i) => columns.map((c) => c[i]!)), y: scale(data.y) };
}

/**
 * A smooth regression problem: x uniform in [−1, 1]^d, y = sin(2·(x₁ + … + x_d)/√d) plus noise
 * uniform in [−0.05, 0.05]: a curve a small network fits, unlike a linear model.
 */
function syntheticRegression(n: number, d: number, seed: number): DataSet {
  const rng = createRng(seed);
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => 2 * uniform01(rng) - 1));
  const y = X.map((x) => Math.sin((2 * x.reduce((s, t) => s + t, 0)) / Math.sqrt(d)) + 0.1 * (uniform01(rng) - 0.5));
  return { X, y };
}

function dataSetOf(o: PlaygroundOptions): DataSet {
  if (o.dataSet === 'synthetic') return syntheticRegression(o.n, DATA_DIMENSION.synthetic, o.seed);
  const houses = housingData(o.n, o.seed);
  return standardized({ X: houses.map((h) => [...h.features]), y: houses.map((h) => h.price) });
}

/** [d, m_1, ..., m_{r−1}, 1]: d from the data set, m_r = 1 (eq. 2.12). */
export const layerSizesOf = (o: Pick<PlaygroundOptions, 'dataSet' | 'hidden'>): number[] => [DATA_DIMENSION[o.dataSet], ...o.hidden, 1];

const numbers = (M: Parameters<typeof toRows>[0]): number[][] => toRows(M).map((r) => r.map(Number));

/** The data, θ0 (Algorithm 2 line 2: initializeParams from createRng(seed)) and the batches (line 4 from createRng(seed)). */
export function playgroundProblem(o: PlaygroundOptions): PlaygroundProblem {
  checkOptions(o);
  const data = dataSetOf(o);
  const sizes = layerSizesOf(o);
  const theta = initializeParams(sizes, createRng(o.seed));
  const W = theta.W.map(numbers);
  const b = theta.b.map((v) => numbers(v).flat());
  const rng = createRng(o.seed);
  const batches = Array.from({ length: o.iterations }, () => sampleWithoutReplacement(rng, o.n, o.B));
  return { sizes, theta0: { W, b }, rows: { W: W.map((M) => transpose(M)), b }, data, batches };
}
