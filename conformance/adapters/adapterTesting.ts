/**
 * What the adapter tests (accelerated.test.ts, browser.test.ts) share: the whole suite run on one
 * implementation with readable failures, requests built from a seed for the determinism tests, a
 * hand-made case whose every answer is exact in float32, and a 1,000-step training request.
 */
import { expect } from 'vitest';
import { createRng, sampleWithoutReplacement, uniform01 } from '../../reference/sampler.js';
import { CHECKS } from '../checks/index.js';
import {
  capabilities,
  type ForwardBatchResult,
  type GradientRequest,
  type Implementation,
  type LossResult,
  type NetParams,
  OPERATION_NAMES,
  type TrainRequest,
  type TrainResult,
} from '../core/interface.js';
import { type CheckResult, failed, type RunOptions, runChecks } from '../core/runner.js';

export interface SuiteRun {
  readonly results: CheckResult[];
  readonly wallMs: number;
}

/** Every check in CHECKS (whatever it holds at run time) on `impl`, with the runner's defaults unless `options` say otherwise. */
export async function runAllChecks(impl: Implementation, options: RunOptions = {}): Promise<SuiteRun> {
  const started = performance.now();
  const results = await runChecks(impl, CHECKS, options);
  return { results, wallMs: performance.now() - started };
}

/** The whole suite ran and every check passed or was not-implemented (a failure is listed with where and what to replay). */
export function expectSuitePassed(results: readonly CheckResult[]): void {
  expect(results.length).toBeGreaterThan(0);
  expect(describeFailures(results).join('\n')).toBe('');
  expect(
    results.every((r) => r.status === 'pass' || r.status === 'not-implemented'),
    results.map((r) => `${r.check}: ${r.status}`).join(', '),
  ).toBe(true);
}

/** One line per result that fails the run: check, spec ids, message, where (mismatch) and what to replay. */
export function describeFailures(results: readonly CheckResult[]): string[] {
  return results.filter(failed).map((r) => {
    const m = r.mismatch;
    const where =
      m === undefined
        ? ''
        : `\n    at ${m.specId} ${m.operation} ${m.quantity}${m.layer === undefined ? '' : ` layer ${m.layer}`}${m.element === undefined ? '' : ` element (${m.element.join(',')})`}: expected ${m.expected}, got ${m.got}${m.tolerance === undefined ? '' : `, tolerance ${m.tolerance}`}`;
    const replay = r.reproducer === undefined ? '' : `\n    reproducer: ${r.reproducer.operation} ${JSON.stringify(r.reproducer.request).slice(0, 600)}`;
    return `${r.check} [${r.specIds.join(', ')}] ${r.status}: ${r.message}${where}${replay}`;
  });
}

/** `accelerated (cpu): 2 checks in 1.3 s: pass 2` and the slowest checks. */
export function summarize(impl: string, run: SuiteRun): string {
  const counts = new Map<string, number>();
  for (const r of run.results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const slowest = [...run.results].sort((a, b) => b.durationMs - a.durationMs).slice(0, 3);
  return `${impl}: ${run.results.length} checks in ${(run.wallMs / 1000).toFixed(1)} s (${[...counts].map(([s, n]) => `${s} ${n}`).join(', ')}); slowest: ${slowest.map((r) => `${r.check} ${(r.durationMs / 1000).toFixed(1)} s`).join(', ')}`;
}

/**
 * A gradient request and a train request made from `seed` alone (θ, data and batches from the
 * shared mulberry32 sampler): sizes [3, 4, 2, 1], tanh (no kink, so equal results are about
 * arithmetic, not a branch), n = 6, three batches of B = 4.
 */
export function seededRequests(seed: number): { gradient: GradientRequest; train: TrainRequest } {
  const rng = createRng(seed);
  const draw = (): number => 2 * uniform01(rng) - 1;
  const matrix = (rows: number, cols: number): number[][] => Array.from({ length: rows }, () => Array.from({ length: cols }, draw));
  const sizes = [3, 4, 2, 1];
  const params: NetParams = { W: sizes.slice(1).map((m, k) => matrix(m, sizes[k]!)), b: sizes.slice(1).map((m) => matrix(1, m)[0]!) };
  const n = 6;
  const data = { X: matrix(n, sizes[0]!), y: matrix(1, n)[0]! };
  const batches = Array.from({ length: 3 }, () => sampleWithoutReplacement(rng, n, 4));
  return {
    gradient: { params, activation: 'tanh', x: data.X[0]!, y: data.y[0]! },
    train: { params, activation: 'tanh', data, batches, alpha: 0.1 },
  };
}

/** What every accelerated adapter declares: all operations, float32 with its backend's error model, all activations, ReLU'(0) = 1. */
export function expectAcceleratedDeclarations(impl: Implementation, backend: string): void {
  expect(capabilities(impl)).toEqual(OPERATION_NAMES);
  expect({ name: impl.name, dtype: impl.dtype, precision: impl.precision, conventions: impl.conventions }).toEqual({
    name: `accelerated (${backend})`,
    dtype: 'float32',
    precision: backend,
    conventions: { reluPrimeAtZero: 1 },
  });
  expect(impl.activations).toEqual(['relu', 'sigmoid', 'tanh', 'identity']);
}

/**
 * Hand-made, in the notes' orientation: sizes [2, 2, 1], ReLU, n = 2, α = 1/2. Every number is
 * dyadic with few bits, so float32 is exact on every backend and the expected values are exact.
 *   W^{[1]} = [[1/2, −1/4], [1/4, 3/4]], b^{[1]} = (−1/8, 1/8), W^{[2]} = [[1, −1/2]], b^{[2]} = 1/4.
 *   x1 = (1/2, 1/2): z = (1/4 − 1/8 − 1/8, 1/8 + 3/8 + 1/8) = (0, 5/8), a = (0, 5/8),
 *       o = 0·1 + (5/8)(−1/2) + 1/4 = −1/16, o − y = −1/16 − 7/16 = −1/2.
 *       z_1 = 0 EXACTLY: the notes' ReLU'(0) = 1{0 >= 0} = 1 (tfjs's own ReLU gradient gives 0).
 *       δ[2] = −1/2; δ[1] = (1·(−1/2), (−1/2)(−1/2)) ⊙ (1, 1) = (−1/2, 1/4).
 *   x2 = (1, −1): z = (1/2 + 1/4 − 1/8, 1/4 − 3/4 + 1/8) = (5/8, −3/8), a = (5/8, 0),
 *       o = 5/8 + 1/4 = 7/8, o − y = 7/8 − 3/8 = 1/2; δ[1] = (1/2, −1/4) ⊙ (1, 0) = (1/2, 0).
 *   J = (½·¼ + ½·¼)/2 = 1/8 (eq. 1.2), each example's J^{(i)} = 1/8 (eq. 1.1).
 *   Mean gradient over both (∂W^{[k]} = mean of δ^{[k]}a^{[k−1]ᵀ}, ∂b^{[k]} = mean of δ^{[k]}):
 *     ∂W^{[1]} = ((−1/2, 1/4)ᵀ(1/2, 1/2) + (1/2, 0)ᵀ(1, −1))/2 = [[1/8, −3/8], [1/16, 1/16]],
 *     ∂b^{[1]} = (0, 1/8) (with ReLU'(0) = 0 the first entries would be 1/4 and 1/4 instead of 1/8 and 0);
 *     ∂W^{[2]} = ((−1/2)(0, 5/8) + (1/2)(5/8, 0))/2 = [[5/32, −5/32]], ∂b^{[2]} = 0.
 *   Training, eq. 1.5 with B = 1 (θ := θ − α·∇J^{(j)}):
 *     batch [0]: W^{[1]} = [[5/8, −1/8], [3/16, 11/16]], b^{[1]} = (1/8, 0), W^{[2]} = [[1, −11/32]], b^{[2]} = 1/2;
 *     batch [1]: z = (5/8 + 1/8 + 1/8, 3/16 − 11/16) = (7/8, −1/2), a = (7/8, 0), o = 7/8 + 1/2 = 11/8,
 *                o − y = 1, δ[1] = (1, −11/32) ⊙ (1, 0) = (1, 0);
 *                W^{[1]} = [[1/8, 3/8], [3/16, 11/16]], b^{[1]} = (−3/8, 0), W^{[2]} = [[9/16, −11/32]], b^{[2]} = 0.
 */
export const HAND_MADE = {
  params: {
    W: [
      [
        [0.5, -0.25],
        [0.25, 0.75],
      ],
      [[1, -0.5]],
    ],
    b: [[-0.125, 0.125], [0.25]],
  },
  activation: 'relu',
  data: {
    X: [
      [0.5, 0.5],
      [1, -1],
    ],
    y: [0.4375, 0.375],
  },
} as const satisfies Pick<TrainRequest, 'params' | 'activation' | 'data'>;

/** Every answer of HAND_MADE on `impl` equals the exact value: h_θ(x) and J, the mean gradient, θ after two steps. */
export async function expectHandMadeExact(impl: Implementation): Promise<void> {
  const call = <T>(op: 'forwardBatch' | 'loss' | 'meanGradient' | 'train', request: unknown): Promise<T> =>
    (impl.operations[op] as (r: unknown) => Promise<T>)(request);
  const forward = await call<ForwardBatchResult>('forwardBatch', { ...HAND_MADE, layout: 'rows', X: HAND_MADE.data.X });
  expect(forward.Z[1], 'h_θ(x^{(i)}), one row per example').toEqual([[-1 / 16], [7 / 8]]);
  expect(forward.Z[0], 'z^{[1]} of each example (z_1 = 0 exactly for the first)').toEqual([
    [0, 5 / 8],
    [5 / 8, -3 / 8],
  ]);
  expect(await call<LossResult>('loss', HAND_MADE)).toEqual({ perExample: [1 / 8, 1 / 8], mean: 1 / 8 });
  expect(await call<NetParams>('meanGradient', { ...HAND_MADE, batch: [0, 1] }), "∇J(θ) with ReLU'(0) = 1").toEqual({
    W: [
      [
        [1 / 8, -3 / 8],
        [1 / 16, 1 / 16],
      ],
      [[5 / 32, -5 / 32]],
    ],
    b: [[0, 1 / 8], [0]],
  });
  const trained = await call<TrainResult>('train', { ...HAND_MADE, alpha: 0.5, batches: [[0], [1]] });
  expect(trained.params, 'θ after eq. 1.5 on [0] then [1]').toEqual({
    W: [
      [
        [1 / 8, 3 / 8],
        [3 / 16, 11 / 16],
      ],
      [[9 / 16, -11 / 32]],
    ],
    b: [[-3 / 8, 0], [0]],
  });
}

/** HAND_MADE trained for 1,000 steps of eq. 1.5 (B = 1, the two examples in turn), α = 1/64. */
export const LONG_TRAIN: TrainRequest = { ...HAND_MADE, alpha: 1 / 64, batches: Array.from({ length: 1000 }, (_, i) => [i % 2]) };
