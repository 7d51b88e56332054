/**
 * What a bench measurement returns, wherever it ran (a Node child, jobs.ts; the Chromium page,
 * browser.ts; the numpy child, numpy_step.py prints the same fields): plain data, no tfjs.
 */
import type { BackendKey } from './backendKeys.js';
import type { NetworkSpec } from './data.js';
import type { StepTimings } from './tfjsStep.js';

export type NodeImplementation = 'accelerated' | 'autograd' | 'tfjs-layers' | 'reference';
export type Implementation = NodeImplementation | 'numpy';

/** How a backend started: its threads, a notice when it fell back, what runs it (a browser's renderer or adapter). */
export interface BackendStart {
  readonly threads: number;
  readonly notice?: string;
  /** webgl: the WebGL renderer (UNMASKED_RENDERER_WEBGL); webgpu: the adapter (GPUAdapterInfo); with Chromium's and tfjs's versions. */
  readonly device?: string;
  /** webgl, webgpu: everything the page reported when it started the backend (conformance/adapters/pageEntry.ts#BackendInfo). */
  readonly info?: unknown;
}

export interface StepResult {
  readonly kind: 'step';
  readonly implementation: Implementation;
  readonly backend: BackendKey;
  readonly start: BackendStart;
  readonly network: NetworkSpec;
  /** Median ms of one SGD step (forward, backward, update). */
  readonly stepMs: number;
  /** The fastest sample of the step, ms. */
  readonly bestStepMs: number;
  /** Median ms of the forward pass alone. */
  readonly forwardMs: number;
  /** Median ms of forward + backward (the gradient), without the update unless `notes` says so. */
  readonly forwardBackwardMs: number;
  /** Every timing with its spread (median, quartiles, min, max, samples): the noise of the numbers above. */
  readonly timings: StepTimings;
  /** tf.memory().numTensors after the job minus before it (0: everything disposed). */
  readonly tensorsLeaked: number;
  /** Resident memory when the measurement started (null: not measured, e.g. in Chromium). */
  readonly rssAtStartMB: number | null;
  readonly notes?: string;
}

export interface MatmulResult {
  readonly kind: 'matmul';
  readonly backend: BackendKey;
  readonly start: BackendStart;
  readonly square: { readonly size: number; readonly gflops: number } | null;
  /** GFLOP/s of the step's own matrix products (flops.ts#matmulShapes), per network name. */
  readonly layerShaped: Record<string, number>;
}

/** The line a child prints its result on (scripts/bench/child.ts). */
export const RESULT_PREFIX = 'BENCH_RESULT ';

/** A StepResult from its timings (the medians and the fastest step copied to the top-level fields). */
export function stepResult(
  what: Pick<StepResult, 'implementation' | 'backend' | 'start' | 'network' | 'tensorsLeaked' | 'rssAtStartMB' | 'notes'>,
  timings: StepTimings,
): StepResult {
  const { notes, ...rest } = what;
  return {
    kind: 'step',
    ...rest,
    stepMs: timings.step.medianMs,
    bestStepMs: timings.step.minMs,
    forwardMs: timings.forward.medianMs,
    forwardBackwardMs: timings.forwardBackward.medianMs,
    timings,
    ...(notes === undefined ? {} : { notes }),
  };
}
