/**
 * One bench measurement in this process: an implementation of the SGD step on one backend and one
 * network (step, forward alone, forward + backward), a backend's matmul rates (the roofline), or
 * the accelerated step and the matmul rates over the sizes of the scaling sweep (sweep.ts).
 * Run by scripts/bench/child.ts in a child process (so its peak RSS is its own), or in-process
 * by `npm run bench -- --quick`.
 */
import * as tf from '@tensorflow/tfjs';
import { matrixFromRows } from '../../reference/matrix.js';
import { type Matrix, math } from '../../reference/numeric.js';
import { type BackendKey, isTfjsBackend } from './backendKeys.js';
import { setUpBackend } from './backends.js';
import { type BenchData, makeBenchData, type NetworkSpec } from './data.js';
import { readBenchData } from './dataFiles.js';
import { autogradStep, layersStep, referenceStep } from './peerSteps.js';
import { type ProfileJob, type ProfileResult, profileStep } from './profile.js';
import { type BackendStart, type MatmulResult, type NodeImplementation, type StepResult, stepResult } from './results.js';
import { acceleratedStep, matmulRates, measureTimed, type Timed, tfjsMatmulRate } from './tfjsStep.js';
import { type TimingOptions, timeIt } from './timing.js';

export interface StepJob {
  readonly kind: 'step';
  readonly implementation: NodeImplementation;
  readonly backend: BackendKey;
  readonly dataDir: string;
  readonly timing: TimingOptions;
}

export interface MatmulJob {
  readonly kind: 'matmul';
  readonly backend: BackendKey;
  /** n of the n×n by n×n product (0: skip, as for mathjs). */
  readonly squareSize: number;
  readonly networks: readonly NetworkSpec[];
  readonly timing: TimingOptions;
}

/** The sweep on one tfjs backend: per network, the accelerated step and its layer-shaped matmul rate. */
export interface SweepJob {
  readonly kind: 'sweep';
  readonly backend: BackendKey;
  readonly squareSize: number;
  /** Each network's data is data.ts#makeBenchData(network, seed), drawn in the child. */
  readonly networks: readonly NetworkSpec[];
  readonly seed: number;
  readonly timing: TimingOptions;
}

export type Job = StepJob | MatmulJob | SweepJob | ProfileJob;

export interface SweepResult {
  readonly kind: 'sweep';
  readonly steps: StepResult[];
  readonly matmul: MatmulResult;
}

export type JobResult = StepResult | MatmulResult | SweepResult | ProfileResult;

const mb = (bytes: number): number => bytes / 2 ** 20;

function timedFor(implementation: NodeImplementation, data: BenchData): Timed {
  switch (implementation) {
    case 'accelerated':
      return acceleratedStep(data);
    case 'autograd':
      return autogradStep(data);
    case 'tfjs-layers':
      return layersStep(data);
    case 'reference':
      return referenceStep(data);
  }
}

/** Times `implementation` on the active backend (`start`), counting the tensors it leaves behind. */
async function measureStep(
  implementation: NodeImplementation,
  backend: BackendKey,
  start: BackendStart,
  data: BenchData,
  timing: TimingOptions,
): Promise<StepResult> {
  const rssAtStartMB = mb(process.memoryUsage().rss);
  // tf.memory() would initialise a tfjs backend: the mathjs reference does not touch tfjs.
  const tensorCount = (): number => (isTfjsBackend(backend) ? tf.memory().numTensors : 0);
  const tensorsBefore = tensorCount();
  const timed = timedFor(implementation, data);
  let timings: Awaited<ReturnType<typeof measureTimed>>;
  try {
    timings = await measureTimed(timed, timing);
  } finally {
    timed.dispose();
  }
  const what = { implementation, backend, start, network: data.network, rssAtStartMB, notes: timed.notes };
  return stepResult({ ...what, tensorsLeaked: tensorCount() - tensorsBefore }, timings);
}

async function runStep(job: StepJob): Promise<StepResult> {
  if ((job.implementation === 'reference') !== (job.backend === 'mathjs')) throw new Error(`${job.implementation} cannot run on ${job.backend}`);
  const start = await setUpBackend(job.backend);
  return measureStep(job.implementation, job.backend, start, readBenchData(job.dataDir), job.timing);
}

/** The same as tfjsStep.ts#tfjsMatmulRate for mathjs float64 matrices (the reference's number system). */
async function mathjsMatmulRate(products: readonly [number, number, number][], timing: TimingOptions): Promise<number> {
  const random = (rows: number, cols: number): Matrix =>
    matrixFromRows(Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.random() * 2 - 1)));
  const operands = products.map(([p, q, s]) => [random(p, q), random(q, s)] as const);
  const t = await timeIt(() => {
    for (const [a, b] of operands) math.multiply(a, b);
  }, timing);
  return products.reduce((sum, [p, q, s]) => sum + 2 * p * q * s, 0) / t.medianMs / 1e6;
}

async function runMatmul(job: MatmulJob): Promise<MatmulResult> {
  const start = await setUpBackend(job.backend);
  const rates = await matmulRates(isTfjsBackend(job.backend) ? tfjsMatmulRate : mathjsMatmulRate, job.squareSize, job.networks, job.timing);
  return { kind: 'matmul', backend: job.backend, start, ...rates };
}

/** Every network of the sweep in turn (one line on stderr per network), then the matmul rates. */
async function runSweep(job: SweepJob): Promise<SweepResult> {
  if (!isTfjsBackend(job.backend)) throw new Error(`the sweep job runs tfjs backends, not ${job.backend}`);
  const start = await setUpBackend(job.backend);
  const steps: StepResult[] = [];
  for (const network of job.networks) {
    const t0 = performance.now();
    const step = await measureStep('accelerated', job.backend, start, makeBenchData(network, job.seed), job.timing);
    steps.push(step);
    process.stderr.write(
      `  ${job.backend} ${network.name}: ${Math.round(network.batch / (step.stepMs / 1000))} examples/s (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`,
    );
  }
  return {
    kind: 'sweep',
    steps,
    matmul: await runMatmul({ kind: 'matmul', backend: job.backend, squareSize: job.squareSize, networks: job.networks, timing: job.timing }),
  };
}

/** The per-kernel profile of the accelerated step (profile.ts) on the job's backend. */
async function runProfile(job: ProfileJob): Promise<ProfileResult> {
  if (!isTfjsBackend(job.backend)) throw new Error(`the profile job runs tfjs backends, not ${job.backend}`);
  const start = await setUpBackend(job.backend);
  return { kind: 'profile', backend: job.backend, start, profile: await profileStep(readBenchData(job.dataDir)) };
}

export function runJob(job: Job): Promise<JobResult> {
  switch (job.kind) {
    case 'step':
      return runStep(job);
    case 'matmul':
      return runMatmul(job);
    case 'sweep':
      return runSweep(job);
    case 'profile':
      return runProfile(job);
  }
}
