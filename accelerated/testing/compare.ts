/**
 * Checks a ScenarioOutput of the accelerated path (float32, any backend) against the reference
 * (float64, Node only: it imports mathjs) for the same Scenario, entry by entry, each within a
 * bound derived from float32 precision and the lengths of the sums (float32Bounds.ts).
 *
 * Expected values: the forward pass, J and the mean gradient by reference/rowMajor.ts
 * (#forwardBatchRows, #backpropBatchRows, Section 4's row-major form); the training trajectory by
 * reference/optimizers.ts#trainOnBatches (literal eq. 1.5: per-example Algorithm 5 gradients,
 * summed, times α/B), one batch at a time, so θ_t is known at every step.
 *
 * Training bound: the error of θ is carried from step to step. At step t the bound machinery is
 * run at the reference's θ_t with the input errors E_θ,t (E_θ,0 = the upload rounding u|θ_0|):
 * the mean gradient's error bound then covers both the float32 rounding of this step and the
 * propagation of the earlier error through the network (E_A|W| + |A|E_W + ..., and ReLU' flips
 * where E_z ≥ |z|), and E_θ,t+1 = E_θ,t + E_{α·g} + rounding of the subtraction. Nothing is
 * linearized, so the bound holds for any number of steps; it grows with each step, as the error does.
 *
 * Every comparison uses bound·(1 + 2^-20): the bounds are evaluated in float64 with |reference
 * values| in place of |exact values|, which perturbs them by a relative O(N·2^-53) ≪ 2^-20.
 */
import { columnVector, matrixFromRows, toRows } from '../../reference/matrix.js';
import type { Matrix } from '../../reference/numeric.js';
import { trainOnBatches, type Example } from '../../reference/optimizers.js';
import { backpropBatchRows, forwardBatchRows, fromRowMajor, toRowMajor, type RowMajorParams } from '../../reference/rowMajor.js';
import type { Params } from '../../reference/network.js';
import type { BackendName, RowParamsData, Scenario, ScenarioOutput } from '../scenario.types.js';
import { validateScenario } from '../validate.js';
import {
  forwardBounds,
  gatherRows,
  gradientBounds,
  lossBounds,
  precisionOf,
  updateBounds,
  uploaded,
  type BackpropValues,
  type BoundedParams,
  type Mat,
  type Precision,
} from './float32Bounds.js';

/** See the file comment: the float64 evaluation of the bounds. */
export const BOUND_SAFETY = 1 + 2 ** -20;

/** One compared entry. */
export interface EntryCheck {
  readonly where: string;
  readonly expected: number;
  readonly got: number;
  readonly error: number;
  readonly bound: number;
}

export interface Comparison {
  /** One line per entry out of bounds (or shape/memory fault), empty when all agree. */
  readonly problems: string[];
  /** How many entries were compared. */
  readonly checked: number;
  /** The entry with the largest error/bound ratio. */
  readonly worst: EntryCheck | undefined;
  /** The largest |got − expected| per output group (outputs, loss, gradient, losses, trained). */
  readonly maxError: Record<string, number>;
  /** The largest bound per output group. */
  readonly maxBound: Record<string, number>;
}

/** The reference's float64 answer to a Scenario, in ScenarioOutput's row-major shapes. */
export interface ReferenceAnswer {
  readonly outputs: number[];
  readonly loss: number;
  readonly gradient: { W: number[][][]; b: number[][] };
  readonly trained: { W: number[][][]; b: number[][] };
  readonly losses: number[];
}

const nums = (M: Matrix): Mat => toRows(M).map((row) => row.map(Number));
const rowMajorValues = (t: RowMajorParams): { W: Mat[]; b: Mat[] } => ({ W: t.W.map(nums), b: t.b.map(nums) });

/** Plain row-major θ → the reference's row-major matrices (W[k] m_{k−1}×m_k, b[k] 1×m_k). */
function rowMajorOf(params: { readonly W: readonly (readonly (readonly number[])[])[]; readonly b: readonly (readonly number[])[] }): RowMajorParams {
  return { W: params.W.map((W) => matrixFromRows(W)), b: params.b.map((b) => matrixFromRows([b])) };
}

function backpropValues(theta: RowMajorParams, X: Mat, Y: Mat, activation: Scenario['activation']): { values: BackpropValues; J: number } {
  const bp = backpropBatchRows(theta, matrixFromRows(X), matrixFromRows(Y), activation);
  const values: BackpropValues = {
    Z: bp.pass.Z.map((z) => (z === undefined ? [] : nums(z))),
    A: bp.pass.A.map(nums),
    Delta: bp.Delta.map((d) => (d === undefined ? [] : nums(d))),
    gradient: rowMajorValues(bp.gradient),
  };
  return { values, J: Number(bp.J) };
}

/** One reference step of eq. 1.5 on `batch` (reference/optimizers.ts#trainOnBatches, literal form). */
function referenceStep(theta: Params, examples: readonly Example[], batch: readonly number[], alpha: number, activation: Scenario['activation']): { theta: Params; loss: number } {
  const run = trainOnBatches(theta, examples, [batch], alpha, activation);
  return { theta: run.theta, loss: Number(run.losses[0]) };
}

/** Everything compareWithReference needs: the reference's answer and the float32 bound of each entry. */
interface Expected {
  readonly answer: ReferenceAnswer;
  readonly bounds: {
    readonly outputs: number[];
    readonly loss: number;
    readonly gradient: { W: Mat[]; b: Mat[] };
    readonly trained: { W: Mat[]; b: Mat[] };
    readonly losses: number[];
  };
  readonly steps: readonly OneStep[];
}

/** One step of eq. 1.5 restarted from the reference's θ_t: what compareSteps checks. */
interface OneStep {
  readonly start: PlainParams;
  readonly batch: readonly number[];
  readonly expected: PlainParams;
  /** The bound for one step from θ_t uploaded to float32 (row-major, b as 1×m_k). */
  readonly bound: { W: Mat[]; b: Mat[] };
}

/** Plain row-major θ (or gradient), b[k] as a list of m_k numbers. */
export interface PlainParams {
  W: number[][][];
  b: number[][];
}

const plainOf = (t: { readonly W: readonly Mat[]; readonly b: readonly Mat[] }): PlainParams => ({ W: [...t.W], b: t.b.map((b) => b[0]!) });

function uploadedParams(p: Precision, params: RowParamsData): BoundedParams {
  return { W: params.W.map((W) => uploaded(p, W.map((row) => [...row]))), b: params.b.map((b) => uploaded(p, [[...b]])) };
}

const errorsOf = (t: BoundedParams): { W: Mat[]; b: Mat[] } => ({ W: t.W.map((x) => x.E), b: t.b.map((x) => x.E) });

/** The reference's answer with the bound of every entry, for `p`'s backend. */
function expectedWithBounds(scenario: Scenario, p: Precision): Expected {
  const { params, activation, data, batches, alpha } = scenario;
  const X: Mat = data.X.map((row) => [...row]);
  const Y: Mat = data.y.map((v) => [v]);
  const Xb = uploaded(p, X);
  const Yb = uploaded(p, Y);
  const r = params.W.length;

  let rows = rowMajorOf(params);
  let theta = uploadedParams(p, params);

  const full = backpropValues(rows, X, Y, activation);
  const fullBounds = gradientBounds(p, theta, Xb, Yb, full.values, activation, Y);
  const Ov = full.values.Z[r]!;
  const loss = lossBounds(p, fullBounds.pass.Z[r]!, Yb, Ov, Y, full.J);

  const examples: Example[] = data.X.map((x, i) => ({ x: columnVector(x), y: data.y[i]! }));
  let columns = fromRowMajor(rows);
  const losses: number[] = [];
  const lossBoundsList: number[] = [];
  const steps: OneStep[] = [];
  for (const batch of batches) {
    const Xt = batch.map((j) => X[j]!);
    const Yt = batch.map((j) => Y[j]!);
    const step = backpropValues(rows, Xt, Yt, activation).values;
    const start = plainOf(rowMajorValues(rows));
    const next = referenceStep(columns, examples, batch, alpha, activation);
    columns = next.theta;
    rows = toRowMajor(columns);
    /** E_θ,t+1 from E_θ,t: the step's gradient bound at θ_t with input errors `from`, then the update. */
    const stepBounds = (from: BoundedParams): BoundedParams => {
      const g = gradientBounds(p, from, gatherRows(Xb, batch), gatherRows(Yb, batch), step, activation, Yt).gradient;
      return updateBounds(p, from, g, step.gradient, alpha, rowMajorValues(rows));
    };
    const restarted = stepBounds(uploadedParams(p, start));
    theta = stepBounds(theta);
    steps.push({ start, batch, expected: plainOf(rowMajorValues(rows)), bound: errorsOf(restarted) });
    const fwd = forwardBatchRows(rows, matrixFromRows(X), activation);
    const values = { Z: fwd.Z.map((z) => (z === undefined ? [] : nums(z))), A: fwd.A.map(nums) };
    const pass = forwardBounds(p, theta, Xb, values, activation);
    losses.push(next.loss);
    lossBoundsList.push(lossBounds(p, pass.Z[r]!, Yb, values.Z[r]!, Y, next.loss).E[0]![0]!);
  }
  return {
    answer: {
      outputs: Ov.map((row) => row[0]!),
      loss: full.J,
      gradient: plainOf(full.values.gradient),
      trained: plainOf(rowMajorValues(rows)),
      losses,
    },
    bounds: {
      outputs: fullBounds.pass.Z[r]!.E.map((row) => row[0]!),
      loss: loss.E[0]![0]!,
      gradient: errorsOf(fullBounds.gradient),
      trained: errorsOf(theta),
      losses: lossBoundsList,
    },
    steps,
  };
}

/** The reference's float64 answer to `scenario` (validated first). */
export function referenceAnswer(scenario: Scenario): ReferenceAnswer {
  validateScenario(scenario);
  return expectedWithBounds(scenario, precisionOf('cpu')).answer;
}

/** Entry-by-entry checks against bounds, with the statistics of a Comparison. */
class Checker {
  readonly problems: string[] = [];
  readonly maxError: Record<string, number> = {};
  readonly maxBound: Record<string, number> = {};
  worst: EntryCheck | undefined;
  checked = 0;

  constructor(private readonly backend: string) {}

  entry(group: string, where: string, expected: number, got: unknown, bound: number): void {
    this.checked++;
    if (typeof got !== 'number' || !Number.isFinite(got)) {
      this.problems.push(`${where}: expected ${expected} (reference, float64), got ${String(got)} (${this.backend})`);
      return;
    }
    const error = Math.abs(got - expected);
    this.maxError[group] = Math.max(this.maxError[group] ?? 0, error);
    this.maxBound[group] = Math.max(this.maxBound[group] ?? 0, bound);
    if (this.worst === undefined || error / bound > this.worst.error / this.worst.bound) this.worst = { where, expected, got, error, bound };
    if (!(error <= bound * BOUND_SAFETY)) {
      this.problems.push(`${where}: expected ${expected} (reference, float64), got ${got} (${this.backend}), |error| ${error.toExponential(3)} > bound ${bound.toExponential(3)}`);
    }
  }

  list(group: string, name: (i: number) => string, expected: readonly number[], got: unknown, bound: readonly number[]): void {
    if (!Array.isArray(got) || got.length !== expected.length) {
      this.problems.push(`${name(0).split(':')[0]}: expected ${expected.length} numbers, got ${Array.isArray(got) ? got.length : String(got)}`);
      return;
    }
    expected.forEach((e, i) => this.entry(group, name(i), e, got[i], bound[i]!));
  }

  /** Row-major θ-shaped values: W[k] entry (i,j), b[k] entry j, 1-based. */
  params(group: string, label: string, expected: PlainParams, got: unknown, bound: { W: Mat[]; b: Mat[] }): void {
    const g = got as Partial<PlainParams> | undefined;
    if (!Array.isArray(g?.W) || !Array.isArray(g?.b) || g.W.length !== expected.W.length || g.b.length !== expected.b.length) {
      this.problems.push(`${label}: expected ${expected.W.length} matrices W[k] and ${expected.b.length} biases b[k] (row-major)`);
      return;
    }
    expected.W.forEach((W, k) =>
      W.forEach((row, i) => {
        const gotRow: unknown = g.W![k]?.[i];
        if (!Array.isArray(gotRow) || gotRow.length !== row.length) {
          this.problems.push(`${label} W[${k + 1}] row ${i + 1}: expected ${row.length} numbers (W[${k + 1}] is ${W.length}x${row.length}, row-major)`);
          return;
        }
        row.forEach((e, j) => this.entry(group, `${label} W[${k + 1}] entry (${i + 1},${j + 1})`, e, gotRow[j], bound.W[k]![i]![j]!));
      }),
    );
    expected.b.forEach((b, k) => this.list(group, (j) => `${label} b[${k + 1}] entry ${j + 1}`, b, g.b![k], bound.b[k]![0]!));
  }

  result(): Comparison {
    const { problems, checked, worst, maxError, maxBound } = this;
    return { problems, checked, worst, maxError, maxBound };
  }
}

/**
 * Compares `output` with the reference's answer to `scenario`, within the float32 bounds of
 * `backend` (default: output.backend). Returns the problems found, each naming the output, the
 * layer and the 1-based entry, with the expected value, the value got and the bound.
 */
export function compareWithReference(scenario: Scenario, output: ScenarioOutput, backend: BackendName | string = output.backend): Comparison {
  validateScenario(scenario);
  const { answer, bounds } = expectedWithBounds(scenario, precisionOf(backend));
  const check = new Checker(backend);
  if (output.tensorsBefore !== output.tensorsAfter) {
    check.problems.push(`memory: tf.memory().numTensors was ${output.tensorsBefore} before the scenario and ${output.tensorsAfter} after it (a tensor leaked or was freed twice)`);
  }
  check.list('outputs', (i) => `outputs: h_θ(x^{(${i + 1})}) (eq. 2.12, row ${i + 1} of A[r])`, answer.outputs, output.outputs, bounds.outputs);
  check.entry('loss', 'loss: J(θ) (eq. 1.2) before training', answer.loss, output.loss, bounds.loss);
  check.params('gradient', 'gradient ∇J(θ)', answer.gradient, output.gradient, bounds.gradient);
  check.list('losses', (t) => `losses[${t}]: J(θ) after iteration ${t + 1} (eq. 1.5 on batch ${t + 1})`, answer.losses, output.losses, bounds.losses);
  check.params('trained', 'trained θ', answer.trained, output.trained, bounds.trained);
  return check.result();
}

/**
 * Checks one mean gradient ∇J(θ) over the whole data set (e.g. Trainer#gradient, or the autograd
 * variant) against reference/rowMajor.ts#backpropBatchRows. `extraResidualRoundings` widens the
 * model of Δ[r] for an implementation that rounds it more often: tfjs autograd forms
 * Δ[r] = (fl(1/B)·½)·(2·fl(O − Y)), one rounding more than (O − Y)/B (×½ and ×2 are exact).
 */
export function compareGradient(
  problem: Pick<Scenario, 'params' | 'activation' | 'data'>,
  got: PlainParams,
  backend: BackendName | string,
  extraResidualRoundings = 0,
): Comparison {
  const scenario: Scenario = { ...problem, batches: [], alpha: 1 };
  validateScenario(scenario);
  const p = precisionOf(backend);
  const { bounds, answer } = expectedWithBounds(scenario, { ...p, div: p.div + extraResidualRoundings * p.op });
  const check = new Checker(backend);
  check.params('gradient', 'gradient ∇J(θ)', answer.gradient, got, bounds.gradient);
  return check.result();
}

/**
 * The step-by-step comparison: for each batch t, `step` applies ONE eq. 1.5 update starting from
 * the reference's θ_t (plain float64 numbers, uploaded by the implementation) and returns θ_{t+1};
 * each is checked against the reference's θ_{t+1} within the one-step bound, which does not grow
 * with t (unlike compareWithReference's carried bound for `trained`).
 */
export async function compareSteps(
  scenario: Scenario,
  step: (theta: PlainParams, batch: readonly number[], alpha: number) => Promise<PlainParams>,
  backend: BackendName | string,
): Promise<Comparison> {
  validateScenario(scenario);
  const { steps } = expectedWithBounds(scenario, precisionOf(backend));
  const check = new Checker(backend);
  for (const [t, s] of steps.entries()) {
    check.params('step', `step ${t + 1} (eq. 1.5 on batch [${s.batch.join(', ')}] from the reference's θ_${t})`, s.expected, await step(s.start, s.batch, scenario.alpha), s.bound);
  }
  return check.result();
}
