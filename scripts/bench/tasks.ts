/**
 * Running the bench's measurements one after another: each task's result with the load average
 * (os.loadavg: 1, 5, 15 min) just before and after it, a progress line on stderr, and a failure
 * recorded (with its message) instead of ending the run.
 */
import { loadavg } from 'node:os';
import { fmt } from './format.js';
import type { JobResult } from './jobs.js';
import type { LoadAverage } from './report.js';

/** A measurement to run, with its label for the progress line. */
export interface Task<R> {
  readonly label: string;
  readonly run: () => Promise<R>;
}

export interface TaskOutcome<R> {
  readonly results: { readonly result: R; readonly loadAverage: LoadAverage }[];
  readonly failures: string[];
}

/** One line about a result for the progress output. */
export function describeResult(r: JobResult): string {
  if (r.kind === 'matmul') {
    const layer = Object.entries(r.layerShaped).map(([n, g]) => `${n}-shaped ${fmt(g)}`);
    const device = r.start.device === undefined ? '' : ` on ${r.start.device}`;
    return `${r.square === null ? '' : `${r.square.size}^3 ${fmt(r.square.gflops)} GFLOP/s, `}${layer.join(', ')} GFLOP/s${r.start.notice === undefined ? '' : ` [${r.start.notice}]`}${device}`;
  }
  if (r.kind === 'sweep') return `${r.steps.length} sizes`;
  if (r.kind === 'profile')
    return `step ${fmt(r.profile.stepMs)} ms, of which matmul ${fmt(r.profile.groups.matmul)}, transpose ${fmt(r.profile.groups.transpose)}, entry-wise ${fmt(r.profile.groups['entry-wise'])} ms`;
  return `${Math.round(r.network.batch / (r.stepMs / 1000)).toLocaleString('en-US')} examples/s, fwd+bwd/fwd ${(r.forwardBackwardMs / r.forwardMs).toFixed(2)}`;
}

/** Runs `tasks` in order; `describe` turns a result into the text of its progress line. */
export async function runTasks<R>(tasks: readonly Task<R>[], describe: (result: R) => string): Promise<TaskOutcome<R>> {
  const results: { result: R; loadAverage: LoadAverage }[] = [];
  const failures: string[] = [];
  for (const [i, task] of tasks.entries()) {
    const t0 = performance.now();
    const before = loadavg();
    let text: string;
    try {
      const result = await task.run();
      results.push({ result, loadAverage: { before, after: loadavg() } });
      text = describe(result);
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
      text = 'FAILED';
    }
    process.stderr.write(`[bench ${i + 1}/${tasks.length}] ${task.label}: ${text} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  return { results, failures };
}

/** The load average as printed: three numbers. */
export const loadText = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(', ');
