/**
 * Timing: warm up, calibrate how many calls make one sample, take samples until both a minimum
 * count and a time budget are reached, report the median time per call and the spread of the
 * samples (quartiles, min, max: the bench states its own noise). scripts/bench/numpy_step.py
 * follows the same procedure. Browser-safe (performance.now only): the bench page runs it too.
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
/** The sweep's shorter timing (`--sweep`, many sizes): still five samples at least, for a median and quartiles. */
export const SWEEP_TIMING: TimingOptions = { warmupMs: 100, targetSampleMs: 40, minSamples: 5, maxSamples: 9, budgetMs: 350 };

export interface Timing {
  /** Median over samples of the time per call, ms. */
  readonly medianMs: number;
  /** The fastest sample's time per call, ms (least disturbed by other processes). */
  readonly minMs: number;
  /** First and third quartile of the samples' time per call, ms (linear interpolation, as numpy's default). */
  readonly q1Ms: number;
  readonly q3Ms: number;
  /** The slowest sample's time per call, ms. */
  readonly maxMs: number;
  readonly samples: number;
  readonly callsPerSample: number;
}

/** The q-quantile (0 ≤ q ≤ 1) of `values`, linear between the closest ranks (numpy.quantile's default). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('quantile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const at = q * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (at - low) * (sorted[high]! - sorted[low]!);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The Timing of per-call sample times `samples` (ms). */
export function summarize(samples: readonly number[], callsPerSample: number): Timing {
  return {
    medianMs: median(samples),
    minMs: Math.min(...samples),
    q1Ms: quantile(samples, 0.25),
    q3Ms: quantile(samples, 0.75),
    maxMs: Math.max(...samples),
    samples: samples.length,
    callsPerSample,
  };
}

/**
 * Times `fn`. Synchronous tfjs backends (cpu, wasm) run every kernel inside the op call, so the
 * time of the call is the time of the work; `fn` may also return a promise (trainOnBatch, and on
 * webgl/webgpu a read-back that waits for the GPU queue: scripts/bench/tfjsStep.ts#settle).
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
  return summarize(samples, callsPerSample);
}
