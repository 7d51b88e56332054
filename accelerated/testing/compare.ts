/**
 * Checks a ScenarioOutput of the accelerated path (float32, any backend) against the reference
 * (float64, Node only: it imports mathjs) for the same Scenario, entry by entry, each within a
 * bound derived from float32 precision and the lengths of the sums (float32Bounds.ts).
 *
 * The expected values and their bounds are the conformance oracle's (conformance/oracle.ts: the
 * reference's row-major forward pass and Algorithm 5, the literal eq. 1.5 steps, the error of θ
 * carried from step to step without linearization), evaluated with the backend's arithmetic and
 * turned into a Scenario's row-major orientation.
 */
import { BOUND_SAFETY, expectForwardBatch, expectLoss, expectMeanGradient, expectStep, expectTraining, type Expected, type PlainParams as InterfaceParams } from '../../conformance/oracle.js';
import type { BackendName, Scenario, ScenarioOutput } from '../scenario.types.js';
import { validateScenario } from '../validate.js';
import { precisionOf, transposeMat, uploaded, type Precision } from './float32Bounds.js';

export { BOUND_SAFETY };

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

/** Plain row-major θ (or gradient), b[k] as a list of m_k numbers. */
export interface PlainParams {
  W: number[][][];
  b: number[][];
}

/** Row-major θ (W^{[k]ᵀ}) ↔ the conformance interface's orientation (W^{[k]}): transpose every W. */
const swapOrientation = (t: { readonly W: readonly (readonly (readonly number[])[])[]; readonly b: readonly (readonly number[])[] }): PlainParams => ({
  W: t.W.map((W) => transposeMat(W.map((row) => [...row]))),
  b: t.b.map((b) => [...b]),
});
const swapped = (e: Expected<InterfaceParams>): { value: PlainParams; bound: PlainParams } => ({ value: swapOrientation(e.value), bound: swapOrientation(e.bound) });

/** Everything compareWithReference needs: the reference's answer and the float32 bound of each entry. */
interface ExpectedAnswer {
  readonly answer: ReferenceAnswer;
  readonly bounds: {
    readonly outputs: number[];
    readonly loss: number;
    readonly gradient: PlainParams;
    readonly trained: PlainParams;
    readonly losses: number[];
  };
  readonly steps: readonly OneStep[];
}

/** One step of eq. 1.5 restarted from the reference's θ_t: what compareSteps checks. */
interface OneStep {
  readonly start: PlainParams;
  readonly batch: readonly number[];
  readonly expected: PlainParams;
  /** The bound for one step from θ_t uploaded to float32 (row-major). */
  readonly bound: PlainParams;
}

/**
 * The reference's answer with the bound of every entry, for `p`'s backend: the conformance
 * oracle (conformance/oracle.ts) on the same problem, in the row-major orientation of a Scenario.
 */
function expectedWithBounds(scenario: Scenario, p: Precision): ExpectedAnswer {
  const { activation, data, batches, alpha } = scenario;
  const arithmetic = { precision: p };
  const params = swapOrientation(scenario.params);
  const r = params.W.length;
  const all = data.y.map((_, i) => i);
  const outputs = expectForwardBatch(arithmetic, params, activation, data.X.map((row) => [...row])).Z[r - 1]!;
  const loss = expectLoss(arithmetic, params, activation, data).mean;
  const gradient = swapped(expectMeanGradient(arithmetic, params, activation, data, all));
  const training = expectTraining(arithmetic, params, activation, data, batches, alpha);
  const starts = [params, ...training.params.map((t) => t.value)];
  const steps = batches.map((batch, t): OneStep => {
    const restarted = swapped(expectStep(arithmetic, starts[t]!, activation, data, batch, alpha));
    return { start: swapOrientation(starts[t]!), batch, expected: restarted.value, bound: restarted.bound };
  });
  const last = training.params[training.params.length - 1];
  // no batch: θ is only uploaded, with its rounding as the bound
  const uploadError = { W: scenario.params.W.map((W) => uploaded(p, W.map((row) => [...row])).E), b: scenario.params.b.map((b) => uploaded(p, [[...b]]).E[0]!) };
  const trained = last === undefined ? { value: swapOrientation(params), bound: uploadError } : swapped(last);
  return {
    answer: {
      outputs: outputs.value.map((row) => row[0]!),
      loss: loss.value,
      gradient: gradient.value,
      trained: trained.value,
      losses: training.losses.map((l) => l.value),
    },
    bounds: {
      outputs: outputs.bound.map((row) => row[0]!),
      loss: loss.bound,
      gradient: gradient.bound,
      trained: trained.bound,
      losses: training.losses.map((l) => l.bound),
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
  params(group: string, label: string, expected: PlainParams, got: unknown, bound: PlainParams): void {
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
    expected.b.forEach((b, k) => this.list(group, (j) => `${label} b[${k + 1}] entry ${j + 1}`, b, g.b![k], bound.b[k]!));
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
