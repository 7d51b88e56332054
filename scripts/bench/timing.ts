/**
 * Timing: warm up, calibrate how many calls make one sample, take samples until both a minimum
 * count and a time budget are reached, report the median time per call. scripts/bench/numpy_step.py
 * follows the same procedure.
 */

export interface TimingOptions {
  /** Warm up for at least this long (and at least one call). */
  readonly warmupMs: number;
  /** Calls per sample are chosen so a sample lasts about this long. */
  readonly targetSampleMs: number;
  readonly minSamples: number;
  readonly maxSamples: number;
  /** Keep sampling (past minSamples) until this much time was spent sampling. */
  readonly budgetMs: number;
}

export const FULL_TIMING: TimingOptions = { warmupMs: 300, targetSampleMs: 100, minSamples: 3, maxSamples: 15, budgetMs: 1500 };
export const QUICK_TIMING: TimingOptions = { warmupMs: 0, targetSampleMs: 5, minSamples: 2, maxSamples: 3, budgetMs: 10 };

export interface Timing {
  /** Median over samples of the time per call, ms. */
  readonly medianMs: number;
  /** The fastest sample's time per call, ms (least disturbed by other processes). */
  readonly minMs: number;
  readonly samples: number;
  readonly callsPerSample: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Times `fn`. Synchronous tfjs backends (cpu, wasm) run every kernel inside the op call, so the
 * time of the call is the time of the work; `fn` may also return a promise (trainOnBatch).
 */
export async function timeIt(fn: () => unknown, options: TimingOptions): Promise<Timing> {
  const start = performance.now();
  let last = 0;
  do {
    const t0 = performance.now();
    await fn();
    last = performance.now() - t0;
  } while (performance.now() - start < options.warmupMs);
  const callsPerSample = Math.max(1, Math.round(options.targetSampleMs / Math.max(last, 1e-3)));
  const samples: number[] = [];
  const sampling = performance.now();
  while (samples.length < options.maxSamples && (samples.length < options.minSamples || performance.now() - sampling < options.budgetMs)) {
    const t0 = performance.now();
    for (let i = 0; i < callsPerSample; i++) await fn();
    samples.push((performance.now() - t0) / callsPerSample);
  }
  return { medianMs: median(samples), minMs: Math.min(...samples), samples: samples.length, callsPerSample };
}
