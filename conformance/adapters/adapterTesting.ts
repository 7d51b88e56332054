/**
 * What the adapter tests (accelerated.test.ts, browser.test.ts) share: the whole suite run on one
 * implementation with readable failures, and requests built from a seed for the determinism tests.
 */
import { expect } from 'vitest';
import { CHECKS } from '../checks/index.js';
import { capabilities, OPERATION_NAMES, type GradientRequest, type Implementation, type NetParams, type TrainRequest } from '../interface.js';
import { failed, runChecks, type CheckResult, type RunOptions } from '../runner.js';
import { createRng, sampleWithoutReplacement, uniform01 } from '../../reference/sampler.js';

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

/** One line per result that fails the run: check, spec ids, message, where (mismatch) and what to replay. */
export function describeFailures(results: readonly CheckResult[]): string[] {
  return results.filter(failed).map((r) => {
    const m = r.mismatch;
    const where = m === undefined ? '' : `\n    at ${m.specId} ${m.operation} ${m.quantity}${m.layer === undefined ? '' : ` layer ${m.layer}`}${m.element === undefined ? '' : ` element (${m.element.join(',')})`}: expected ${m.expected}, got ${m.got}${m.tolerance === undefined ? '' : `, tolerance ${m.tolerance}`}`;
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
