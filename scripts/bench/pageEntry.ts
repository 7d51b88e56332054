/**
 * The page side of the bench's browser backends (browser.ts opens it through
 * accelerated/browser/session.ts#openPage): the same accelerated step and matmul rates as a Node
 * child (tfjsStep.ts, with each timed call waiting for the GPU), on data drawn from the same seed
 * (data.ts#makeBenchData), timed by the same procedure (timing.ts). It starts a backend as the
 * conformance page does (conformance/adapters/pageEntry.ts#conformanceStart: webgl and webgpu
 * registered, the WebGL renderer or WebGPU adapter reported) and puts on globalThis:
 *   - benchStart(backend): starts webgl or webgpu, resolves to what runs it (BackendInfo);
 *   - benchStep(network, seed, timing): the accelerated step's timings on the current backend;
 *   - benchMatmul(squareSize, networks, timing): its matmul rates (n^3 and each network's products);
 *   - benchReady = true once this module has run.
 */
import * as tf from '@tensorflow/tfjs';
import { type BackendInfo, conformanceStart } from '../../conformance/adapters/pageEntry.js';
import type { BrowserBackend } from './backendKeys.js';
import { makeBenchData, type NetworkSpec } from './data.js';
import { acceleratedStep, matmulRates, measureTimed, type StepTimings, tfjsMatmulRate } from './tfjsStep.js';
import type { TimingOptions } from './timing.js';

export async function benchStart(backend: BrowserBackend): Promise<BackendInfo> {
  return conformanceStart(backend);
}

/** What the page measured of the accelerated step (browser.ts makes a StepResult of it). */
export interface PageStep {
  readonly timings: StepTimings;
  /** tf.memory().numTensors after minus before (0: everything disposed). */
  readonly tensorsLeaked: number;
  readonly notes?: string;
}

export async function benchStep(network: NetworkSpec, seed: number, timing: TimingOptions): Promise<PageStep> {
  const before = tf.memory().numTensors;
  const timed = acceleratedStep(makeBenchData(network, seed), true);
  let timings: StepTimings;
  try {
    timings = await measureTimed(timed, timing);
  } finally {
    timed.dispose();
  }
  return { timings, tensorsLeaked: tf.memory().numTensors - before, ...(timed.notes === undefined ? {} : { notes: timed.notes }) };
}

export function benchMatmul(squareSize: number, networks: readonly NetworkSpec[], timing: TimingOptions): ReturnType<typeof matmulRates> {
  return matmulRates((products, t) => tfjsMatmulRate(products, t, true), squareSize, networks, timing);
}

/** What browser.ts finds on the page's globalThis. */
export interface BenchGlobals {
  benchStart: typeof benchStart;
  benchStep: typeof benchStep;
  benchMatmul: typeof benchMatmul;
  benchReady: boolean;
}

Object.assign(globalThis, { benchStart, benchStep, benchMatmul, benchReady: true } satisfies BenchGlobals);
