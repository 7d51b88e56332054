/**
 * One playground run on tfjs's current backend: mini-batch SGD (Algorithm 2) by the accelerated
 * trainer (accelerated/trainer.ts, float32) on the problem's batches, a chunk at a time so a page
 * can draw the curve as it goes; then the reference's curve over the first iterations and the
 * verdict (compare.ts); then the throughput of the step alone. Browser-safe; also runs in Node.
 */
import * as tf from '@tensorflow/tfjs';
import { createTrainer, type Trainer } from '../../../../accelerated/trainer.js';
import type { Expected } from '../../../../conformance/oracles/oracle.js';
import { NonFiniteError } from '../../../../spec/specError.js';
import { type Agreement, agreement, type ReferenceCurve, referenceCurve } from './compare.js';
import { type PlaygroundOptions, type PlaygroundProblem, playgroundProblem } from './problem.js';

/** Iterations per chunk of the accelerated run (each chunk reads its losses back once). */
export const CHUNK = 10;

/**
 * examples/s: after WARM_UP steps (they compile the backend's kernels), steps are timed TIMED_CHUNK at
 * a time, each chunk ended by reading θ back (the device has finished then), until MIN_SECONDS or
 * MAX_TIMED_STEPS: a fast backend is timed over many steps, a slow one (WebGPU on a software
 * renderer: ~80 ms per step) does not keep the reader waiting.
 */
const WARM_UP = 5;
const TIMED_CHUNK = 10;
const MIN_SECONDS = 1;
const MAX_TIMED_STEPS = 1000;

export interface PlaygroundRun {
  readonly backend: string;
  readonly sizes: readonly number[];
  /** J(θ) after each iteration of the accelerated run. */
  readonly accelerated: readonly number[];
  readonly reference: ReferenceCurve;
  readonly agreement: Agreement;
  /** B × steps / seconds of mini-batch steps alone (one read-back at the end), on this backend. */
  readonly examplesPerSecond: number;
  /** Wall time of each phase: the accelerated run (J(θ) read back after every iteration), the reference's replay, the timing of examples/s. */
  readonly seconds: { readonly accelerated: number; readonly reference: number; readonly throughput: number };
  /** tf.memory().numTensors before the run, after each chunk, and after the run. */
  readonly tensors: { readonly before: number; readonly chunks: readonly number[]; readonly after: number };
}

/** What a page shows while a run goes on. */
export interface Progress {
  readonly accelerated: readonly number[];
  readonly reference: readonly Expected<number>[];
  readonly phase: 'accelerated' | 'reference' | 'throughput';
}

/** Seconds since the last call (or since it was made). */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const seconds = (now - last) / 1000;
    last = now;
    return seconds;
  };
}

const rowsOf = (p: PlaygroundProblem) => ({ W: p.rows.W.map((W) => W.map((r) => [...r])), b: p.rows.b.map((b) => [...b]) });

function trainerFor(p: PlaygroundProblem, o: PlaygroundOptions): Trainer {
  return createTrainer(rowsOf(p), { X: p.data.X.map((x) => [...x]), y: [...p.data.y] }, o.activation);
}

/** Examples per second of eq. 1.5 steps alone on a fresh trainer from θ0, timed to the read-back of θ. */
export function examplesPerSecond(o: PlaygroundOptions): Promise<number> {
  return throughput(playgroundProblem(o), o);
}

async function throughput(p: PlaygroundProblem, o: PlaygroundOptions): Promise<number> {
  const trainer = trainerFor(p, o);
  try {
    let step = 0;
    const steps = async (count: number): Promise<void> => {
      for (let i = 0; i < count; i++, step++) trainer.step(p.batches[step % p.batches.length]!, o.alpha);
      await trainer.params();
    };
    await steps(WARM_UP);
    const started = performance.now();
    let timed = 0;
    while (timed < MAX_TIMED_STEPS && (timed === 0 || performance.now() - started < MIN_SECONDS * 1000)) {
      await steps(TIMED_CHUNK);
      timed += TIMED_CHUNK;
    }
    return (timed * o.B) / ((performance.now() - started) / 1000);
  } finally {
    trainer.dispose();
  }
}

/** Trains, replays the reference, judges, and times; `onProgress` is awaited after each chunk. */
export async function runPlayground(o: PlaygroundOptions, onProgress: (p: Progress) => Promise<void> = async () => undefined): Promise<PlaygroundRun> {
  const problem = playgroundProblem(o);
  const backend = tf.getBackend();
  const before = tf.memory().numTensors;
  const accelerated: number[] = [];
  const chunks: number[] = [];
  const clock = stopwatch();
  const trainer = trainerFor(problem, o);
  try {
    for (let start = 0; start < problem.batches.length; start += CHUNK) {
      const run = await trainer.trainOnBatches(problem.batches.slice(start, start + CHUNK), o.alpha).catch((error: unknown) => {
        if (!(error instanceof NonFiniteError)) throw error;
        const end = Math.min(start + CHUNK, problem.batches.length);
        throw new NonFiniteError(error.where, `in the chunk of iterations ${start + 1} to ${end} of ${problem.batches.length}: ${error.detail}`);
      });
      accelerated.push(...run.losses);
      chunks.push(tf.memory().numTensors);
      await onProgress({ accelerated, reference: [], phase: 'accelerated' });
    }
  } finally {
    trainer.dispose();
  }
  const after = tf.memory().numTensors;
  const acceleratedSeconds = clock();
  const reference = await referenceCurve(problem, o.activation, o.alpha, o.compared, backend, (losses) =>
    onProgress({ accelerated, reference: losses, phase: 'reference' }),
  );
  const referenceSeconds = clock();
  await onProgress({ accelerated, reference: reference.losses, phase: 'throughput' });
  const examplesPerSecond = await throughput(problem, o);
  return {
    backend,
    sizes: problem.sizes,
    accelerated,
    reference,
    agreement: agreement(reference, accelerated),
    examplesPerSecond,
    seconds: { accelerated: acceleratedSeconds, reference: referenceSeconds, throughput: clock() },
    tensors: { before, chunks, after },
  };
}
