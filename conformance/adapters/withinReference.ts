/**
 * For the Node tests of the accelerated path's pieces below the interface (autograd.test.ts,
 * trainer.test.ts beside this file): row-major answers checked against the conformance oracle
 * (conformance/oracles/oracle.ts: the float64 reference with the entry-wise float32 bound of the backend's
 * error model) by the suite's own comparison (conformance/oracles/compare.ts). Each function throws the
 * suite's CheckFailure, naming the equation, quantity, layer and 1-based entry, at the first entry
 * out of bounds; `expect(() => ...).not.toThrow()` shows that message.
 *
 * The operations of the interface are checked by the whole suite (accelerated.test.ts); this is
 * for what the interface does not reach: Trainer's own outputs/loss/gradient and its gd, sgd and
 * minibatchSgd runs, and tfjs autograd.
 */
import type { ActivationName, DataSet, RowParamsData } from '../../accelerated/model.js';
import type { OperationName } from '../core/interface.js';
import { expectClose, expectMatrixClose, expectParamsClose, type Site } from '../oracles/compare.js';
import { expectForwardBatch, expectLoss, expectMeanGradient, expectTraining } from '../oracles/oracle.js';
import { toleranceProfile } from '../oracles/tolerances.js';
import { fromRowMajor } from './rowMajor.js';

/** θ, σ and the data of one problem, row-major as the accelerated path holds them. */
export interface RowProblem {
  readonly params: RowParamsData;
  readonly activation: ActivationName;
  readonly data: DataSet;
}

/**
 * The arithmetic of `backend`'s error model; `extraResidualRoundings` widens the model of
 * Δ[r] for an implementation that rounds it more often: tfjs autograd forms
 * Δ[r] = (fl(1/B)·½)·(2·fl(O − Y)), one rounding more than (O − Y)/B (×½ and ×2 are exact).
 */
function arithmeticOf(backend: string, extraResidualRoundings = 0): { precision: ReturnType<typeof toleranceProfile>['precision'] } {
  const p = toleranceProfile({ dtype: 'float32', precision: backend }).precision;
  return { precision: { ...p, div: p.div + extraResidualRoundings * p.op } };
}

const site = (specId: string, operation: OperationName, quantity: string, layer?: number): Site => ({
  specId,
  operation,
  quantity,
  ...(layer !== undefined && { layer }),
});
/** `prefix` + W[k] or b[k], e.g. '∂J/∂W[2]', 'θ after 3 steps: b[1]'. */
const paramSites = (specId: string, operation: OperationName, prefix: string) => (which: 'W' | 'b', k: number) =>
  site(specId, operation, `${prefix}${which}[${k}]`, k);
const notesOrientation = (t: RowParamsData) => fromRowMajor({ W: t.W, b: t.b });

/** ∇J(θ), the mean gradient over all n rows (1/dataset-gradient; eq. 1.5 with the batch of all indices), row-major. */
export function expectGradientWithinReference(problem: RowProblem, gradient: RowParamsData, backend: string, extraResidualRoundings = 0): void {
  const { params, activation, data } = problem;
  const all = data.y.map((_, i) => i);
  const expected = expectMeanGradient(arithmeticOf(backend, extraResidualRoundings), notesOrientation(params), activation, data, all);
  expectParamsClose(paramSites('1/dataset-gradient', 'meanGradient', '∂J/∂'), expected, notesOrientation(gradient));
}

/** h_θ(x^{(i)}) of every row (eq. 2.12) and J(θ) (eq. 1.2) on the whole data set. */
export function expectOutputsAndLossWithinReference(problem: RowProblem, got: { outputs: readonly number[]; loss: number }, backend: string): void {
  const { params, activation, data } = problem;
  const arithmetic = arithmeticOf(backend);
  const theta = notesOrientation(params);
  const Z = expectForwardBatch(
    arithmetic,
    theta,
    activation,
    data.X.map((row) => [...row]),
  ).Z;
  expectMatrixClose(
    site('2.12', 'forwardBatch', 'h_θ(x^{(i)})'),
    Z[Z.length - 1]!,
    got.outputs.map((o) => [o]),
  );
  expectClose(site('1.2', 'loss', 'J(θ)'), expectLoss(arithmetic, theta, activation, data).mean, got.loss);
}

/** θ after eq. 1.5 on each of `batches` in order, and J(θ) after each step (the bound carried from step to step). */
export function expectTrainingWithinReference(
  problem: RowProblem,
  batches: readonly (readonly number[])[],
  alpha: number,
  got: { trained: RowParamsData; losses: readonly number[] },
  backend: string,
): void {
  const { params, activation, data } = problem;
  const expected = expectTraining(arithmeticOf(backend), notesOrientation(params), activation, data, batches, alpha);
  expectParamsClose(
    paramSites('1.5', 'train', `θ after ${batches.length} steps: `),
    expected.params[expected.params.length - 1]!,
    notesOrientation(got.trained),
  );
  if (got.losses.length !== expected.losses.length) throw new Error(`expected ${expected.losses.length} losses, got ${got.losses.length}`);
  expected.losses.forEach((e, t) => expectClose(site('1.5', 'train', `J(θ) after step ${t + 1}`), e, got.losses[t]));
}
