/**
 * The reference as an oracle: for a request of the interface, the reference's float64 answer and
 * the entry-wise bound on |answer of a conforming implementation − reference answer|, from the
 * implementation's ToleranceProfile. Values come from reference/rowMajor.ts (Section 4's batch
 * form of Algorithm 5, which tests show equal to the per-example form) and
 * reference/optimizers.ts#trainOnBatches (the literal eq. 1.5); bounds from the running-error
 * machinery of numerics/bounds.ts. Results are in the interface's orientation (numerics/plain.ts#NetParams
 * for θ-shaped values and bounds).
 */
import {
  type BackpropValues,
  type Bounded,
  type BoundedParams,
  forwardBounds,
  gatherRows,
  gradientBounds,
  lossBounds,
  updateBounds,
  uploaded,
} from '../../numerics/bounds.js';
import { type LayersOf, type Mat, transpose } from '../../numerics/plain.js';
import type { Precision } from '../../numerics/roundoff.js';
import { columnVector, matrixFromRows, toRows } from '../../reference/matrix.js';
import type { Matrix as MathMatrix } from '../../reference/numeric.js';
import { type Example, trainOnBatches } from '../../reference/optimizers.js';
import { backpropBatchRows, forwardBatchRows, fromRowMajor, type RowMajorParams, toRowMajor } from '../../reference/rowMajor.js';
import { NonFiniteError } from '../../spec/specError.js';
import { OutsideDomain } from '../core/check.js';
import type { Activation, DataSet, NetParams, Vector } from '../core/interface.js';
import { DOMAIN_LIMIT, type ToleranceProfile } from './tolerances.js';

/** What the oracle needs of a ToleranceProfile: the arithmetic its bounds are evaluated with. */
type Arithmetic = Pick<ToleranceProfile, 'precision'>;

/** The first entry of nested arrays of numbers whose magnitude exceeds `limit` (NaN included). */
function firstOutside(value: unknown, limit: number): number | undefined {
  if (typeof value === 'number') return Math.abs(value) <= limit ? undefined : value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const bad = firstOutside(v, limit);
      if (bad !== undefined) return bad;
    }
  }
  return undefined;
}

/**
 * Requires the reference's values of a case to lie in the domain (tolerances.ts#domainLimit);
 * otherwise throws OutsideDomain, and the case is discarded, not asked.
 */
function requireDomain(what: string, ...values: unknown[]): void {
  for (const v of values) {
    const bad = firstOutside(v, DOMAIN_LIMIT);
    if (bad !== undefined) throw new OutsideDomain(`the reference's ${what} reaches ${bad}, outside the domain |v| ≤ ${DOMAIN_LIMIT.toPrecision(2)}`);
  }
}

/**
 * Requires the error bound of an expectation to lie in the domain too: a run so ill-conditioned
 * that rounding errors may grow past it (a chaotic training run: J jumping from 1e11 to 1e-19)
 * gives an infinite or NaN tolerance, which would judge nothing. Such a case is discarded.
 */
function judgeable<E extends Expected<unknown>>(what: string, expected: E): E {
  const bad = firstOutside(expected.bound, DOMAIN_LIMIT);
  if (bad !== undefined) throw new OutsideDomain(`the error bound of ${what} reaches ${bad}: the case is too ill-conditioned to judge`);
  return expected;
}

/** Runs the reference; a result it cannot compute (an overflow, a diverging run) makes the case OutsideDomain. */
function reference<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof NonFiniteError) throw new OutsideDomain(`the reference cannot compute this case: ${error.message}`);
    throw error;
  }
}

/**
 * The bounds are evaluated in float64 with |reference values| in place of |exact values|, which
 * perturbs them by a relative O(N·2^-53) ≪ 2^-20: every comparison uses bound·(1 + 2^-20).
 */
export const BOUND_SAFETY = 1 + 2 ** -20;

/** A reference value with its bound, entry by entry, in the same shape. */
export interface Expected<T> {
  readonly value: T;
  readonly bound: T;
}

const nums = (M: MathMatrix): Mat => toRows(M).map((row) => row.map(Number));

/** Interface θ → the reference's row-major θ (W^{[k]ᵀ}: m_{k−1}×m_k, b^{[k]ᵀ}: 1×m_k). */
function rowMajorOf(params: NetParams): RowMajorParams {
  return { W: params.W.map((W) => matrixFromRows(transpose(W))), b: params.b.map((b) => matrixFromRows([[...b]])) };
}

/** Row-major Mats (W m_{k−1}×m_k, b 1×m_k) → interface orientation. */
function plainOf(t: LayersOf<Mat>): NetParams {
  return { W: t.W.map((W) => transpose(W)), b: t.b.map((b) => [...b[0]!]) };
}
const errorsOf = (t: BoundedParams): NetParams => plainOf({ W: t.W.map((x) => x.E), b: t.b.map((x) => x.E) });
const rowValues = (t: RowMajorParams): { W: Mat[]; b: Mat[] } => ({ W: t.W.map(nums), b: t.b.map(nums) });

function uploadedParams(p: Precision, params: NetParams): BoundedParams {
  requireDomain('θ', params.W, params.b);
  const rows = rowValues(rowMajorOf(params));
  return { W: rows.W.map((W) => uploaded(p, W)), b: rows.b.map((b) => uploaded(p, b)) };
}

function backpropValues(theta: RowMajorParams, X: Mat, Y: Mat, activation: Activation): { values: BackpropValues; J: number } {
  requireDomain('data', X, Y);
  const bp = reference(() => backpropBatchRows(theta, matrixFromRows(X), matrixFromRows(Y), activation));
  const values: BackpropValues = {
    Z: bp.pass.Z.map((z) => (z === undefined ? [] : nums(z))),
    A: bp.pass.A.map(nums),
    Delta: bp.Delta.map((d) => (d === undefined ? [] : nums(d))),
    gradient: rowValues(bp.gradient),
  };
  const J = Number(bp.J);
  requireDomain('z, a, δ, ∂J/∂θ or J', values.Z, values.A, values.Delta, values.gradient.W, values.gradient.b, J);
  return { values, J };
}

const matX = (data: DataSet): Mat => data.X.map((row) => [...row]);
const matY = (data: DataSet): Mat => data.y.map((v) => [v]);

export interface ExpectedForward {
  readonly z: Expected<number[]>[];
  readonly a: Expected<number[]>[];
  readonly output: Expected<number>;
}

/** Eq. 2.12-2.13 on one example: z^{[k]}, a^{[k]} (k = 1..r) and h_θ(x). */
export function expectForward(profile: Arithmetic, params: NetParams, activation: Activation, x: Vector): ExpectedForward {
  const batch = expectForwardBatch(profile, params, activation, [[...x]]);
  const column = (e: Expected<Mat>): Expected<number[]> => ({ value: e.value[0]!, bound: e.bound[0]! });
  const z = batch.Z.map(column);
  const a = batch.A.map(column);
  const last = z[z.length - 1]!;
  return { z, a, output: { value: last.value[0]!, bound: last.bound[0]! } };
}

/** Section 4 row-major forward on X (B×d): Z^{[k]}, A^{[k]} as B×m_k, k = 1..r. */
export function expectForwardBatch(profile: Arithmetic, params: NetParams, activation: Activation, X: Mat): { Z: Expected<Mat>[]; A: Expected<Mat>[] } {
  const p = profile.precision;
  const theta = uploadedParams(p, params);
  requireDomain('x', X);
  const fwd = reference(() => forwardBatchRows(rowMajorOf(params), matrixFromRows(X), activation));
  const values = { Z: fwd.Z.map((z) => (z === undefined ? [] : nums(z))), A: fwd.A.map(nums) };
  requireDomain('z or a', values.Z, values.A);
  const bounds = forwardBounds(p, theta, uploaded(p, X), values, activation);
  const r = params.W.length;
  const pick = (V: readonly Mat[], E: readonly Bounded[]): Expected<Mat>[] =>
    Array.from({ length: r }, (_, i) => judgeable(`layer ${i + 1}`, { value: V[i + 1]!, bound: E[i + 1]!.E }));
  return { Z: pick(values.Z, bounds.Z), A: pick(values.A, bounds.A) };
}

/** Eq. 1.1 per example and eq. 1.2 over the data set. */
export function expectLoss(
  profile: Arithmetic,
  params: NetParams,
  activation: Activation,
  data: DataSet,
): { perExample: Expected<number>[]; mean: Expected<number> } {
  const p = profile.precision;
  const X = matX(data);
  const Y = matY(data);
  const theta = uploadedParams(p, params);
  const rows = rowMajorOf(params);
  const r = params.W.length;
  const one = (Xi: Mat, Yi: Mat): Expected<number> => {
    const { values, J } = backpropValues(rows, Xi, Yi, activation);
    const pass = forwardBounds(p, theta, uploaded(p, Xi), values, activation);
    return judgeable('J', { value: J, bound: lossBounds(p, pass.Z[r]!, uploaded(p, Yi), values.Z[r]!, Yi, J).E[0]![0]! });
  };
  return { perExample: X.map((x, i) => one([x], [Y[i]!])), mean: one(X, Y) };
}

/** Eq. 1.5's mean gradient over `batch` (0-based; a batch of one is Algorithm 5's ∇J^{(j)}). */
export function expectMeanGradient(
  profile: Arithmetic,
  params: NetParams,
  activation: Activation,
  data: DataSet,
  batch: readonly number[],
): Expected<NetParams> {
  return meanGradientFrom(profile.precision, uploadedParams(profile.precision, params), rowMajorOf(params), activation, data, batch);
}

function meanGradientFrom(
  p: Precision,
  theta: BoundedParams,
  rows: RowMajorParams,
  activation: Activation,
  data: DataSet,
  batch: readonly number[],
): Expected<NetParams> & { values: BackpropValues; boundsRows: BoundedParams } {
  const X = matX(data);
  const Y = matY(data);
  const Xt = batch.map((j) => X[j]!);
  const Yt = batch.map((j) => Y[j]!);
  const { values } = backpropValues(rows, Xt, Yt, activation);
  const g = gradientBounds(p, theta, gatherRows(uploaded(p, X), batch), gatherRows(uploaded(p, Y), batch), values, activation, Yt).gradient;
  return judgeable('the gradient', { value: plainOf(values.gradient), bound: errorsOf(g), values, boundsRows: g });
}

/** Algorithm 5 on one example (x, y). */
export function expectGradient(profile: Arithmetic, params: NetParams, activation: Activation, x: Vector, y: number): Expected<NetParams> {
  return expectMeanGradient(profile, params, activation, { X: [x], y: [y] }, [0]);
}

export interface ExpectedTraining {
  /** θ after each step, with the bound carried from the start (input rounding included). */
  readonly params: Expected<NetParams>[];
  /** J(θ) on the whole data set after each step. */
  readonly losses: Expected<number>[];
}

/**
 * Steps of eq. 1.5, one per batch (GD: the batch of all indices; SGD: a batch of one). The error
 * of θ is carried from step to step without linearization: at step t the bounds are evaluated at
 * the reference's θ_t with input errors E_θ,t, so they cover this step's rounding and the
 * propagation of earlier errors (ReLU' flips included), and grow with t as the error does: on the
 * site playground's 4-8-8-1 ReLU housing run (B = 8) the bound of J goes from 3e-6 to 4e-5 in 100
 * steps at α = 0.02, and at α = 0.1 leaves the domain at step 42 (a flip possible at one step
 * widens every later one), so a long run is judged for its first steps only.
 */
export function expectTraining(...problem: Parameters<typeof trainingExpectations>): ExpectedTraining {
  const steps = [...trainingExpectations(...problem)];
  return { params: steps.map((s) => s.params), losses: steps.map((s) => s.loss) };
}

/**
 * expectTraining one step at a time: a caller may stop at the first step that throws
 * OutsideDomain and keep the steps before it (the site's playground compares a long run for as
 * many steps as the bound stays in the domain).
 */
export function* trainingExpectations(
  profile: Arithmetic,
  params: NetParams,
  activation: Activation,
  data: DataSet,
  batches: readonly (readonly number[])[],
  alpha: number,
): Generator<{ readonly params: Expected<NetParams>; readonly loss: Expected<number> }> {
  const p = profile.precision;
  const X = matX(data);
  const Y = matY(data);
  const r = params.W.length;
  const examples: Example[] = data.X.map((x, i) => ({ x: columnVector(x), y: data.y[i]! }));
  let rows = rowMajorOf(params);
  let columns = fromRowMajor(rows);
  let theta = uploadedParams(p, params);
  let step = 0;
  for (const batch of batches) {
    step++;
    const g = meanGradientFrom(p, theta, rows, activation, data, batch);
    const run = reference(() => trainOnBatches(columns, examples, [batch], alpha, activation));
    columns = run.theta;
    rows = toRowMajor(columns);
    const next = rowValues(rows);
    requireDomain(`θ after step ${step}`, next.W, next.b);
    theta = updateBounds(p, theta, g.boundsRows, g.values.gradient, alpha, next);
    const trained = judgeable(`θ after step ${step}`, { value: plainOf(next), bound: errorsOf(theta) });
    const fwd = reference(() => forwardBatchRows(rows, matrixFromRows(X), activation));
    const values = { Z: fwd.Z.map((z) => (z === undefined ? [] : nums(z))), A: fwd.A.map(nums) };
    const J = Number(run.losses[0]);
    requireDomain(`z, a or J(θ) after step ${step}`, values.Z, values.A, J);
    const pass = forwardBounds(p, theta, uploaded(p, X), values, activation);
    const loss = judgeable(`J(θ) after step ${step}`, { value: J, bound: lossBounds(p, pass.Z[r]!, uploaded(p, Y), values.Z[r]!, Y, J).E[0]![0]! });
    yield { params: trained, loss };
  }
}

/** One step of eq. 1.5 on `batch` from θ (GD: all indices, eq. 1.3; SGD: one index, eq. 1.4). */
export function expectStep(
  profile: Arithmetic,
  params: NetParams,
  activation: Activation,
  data: DataSet,
  batch: readonly number[],
  alpha: number,
): Expected<NetParams> {
  return expectTraining(profile, params, activation, data, [batch], alpha).params[0]!;
}
