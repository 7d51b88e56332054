/**
 * The processes a bench measurement runs in: a Node child (child.ts, one job, its own peak RSS) and
 * the numpy child (numpy_step.py), each killed after a time limit and reported with its stderr.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Job, JobResult } from './jobs.js';
import type { MeasuredStep } from './report.js';
import { RESULT_PREFIX } from './results.js';
import type { TimingOptions } from './timing.js';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, '..', '..');
const CHILD = join(here, 'child.ts');
const NUMPY = join(here, 'numpy_step.py');
/** A child that takes longer than this (default) is killed and reported as failed. */
export const CHILD_TIMEOUT_MS = 300_000;

interface Spawned {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly timeoutMs: number;
}

interface SpawnOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  /** Called with each chunk of the child's stderr as it comes (progress). */
  readonly onStderr?: (text: string) => void;
}

function run(command: string, args: readonly string[], options: SpawnOptions): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { cwd: projectRoot, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      proc.kill('SIGKILL');
    }, options.timeoutMs);
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      options.onStderr?.(c.toString());
    });
    proc.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    proc.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, timeoutMs: options.timeoutMs });
    });
  });
}

function failure(what: string, s: Spawned): Error {
  const why = s.timedOut ? `killed after ${s.timeoutMs / 1000} s` : `exit code ${s.code}`;
  return new Error(`${what}: ${why}\n${s.stderr.split('\n').slice(-15).join('\n')}`);
}

/** `job` in a Node child (child.ts): its result with the child's peak RSS. */
export async function inChild(
  job: Job,
  label: string,
  options: { timeoutMs?: number; onStderr?: (text: string) => void } = {},
): Promise<JobResult & { peakRssMB: number }> {
  const s = await run(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(job)], {
    env: process.env,
    timeoutMs: options.timeoutMs ?? CHILD_TIMEOUT_MS,
    ...(options.onStderr === undefined ? {} : { onStderr: options.onStderr }),
  });
  const line = s.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (s.code !== 0 || line === undefined) throw failure(label, s);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as JobResult & { peakRssMB: number };
}

/**
 * Environment of the numpy child only. OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE (set on this machine)
 * pin OpenBLAS to its Haswell kernel; unset, it picks the CPU's own (SkylakeX here, ~2x faster).
 * numpy allocates a fresh ~1 MB array per operation; glibc hands such blocks back to the OS on free,
 * and on this VM the page faults of touching them again cost ~8 ms per layer (measured: forward
 * 16 ms instead of 2 ms). Raising glibc's mmap and trim thresholds keeps them in the heap.
 */
const NUMPY_ENV = {
  unset: ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'],
  set: { MALLOC_MMAP_THRESHOLD_: String(2 ** 28), MALLOC_TRIM_THRESHOLD_: String(2 ** 30), MALLOC_TOP_PAD_: String(2 ** 28) },
} as const;

/** The numpy peer on the data in `dir` (dataFiles.ts), run as `python3 numpy_step.py` with NUMPY_ENV. */
export async function numpyChild(dir: string, timing: TimingOptions, squareSize: number, label: string): Promise<MeasuredStep> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...NUMPY_ENV.set };
  for (const name of NUMPY_ENV.unset) delete env[name];
  const s = await run('python3', [NUMPY, dir, JSON.stringify(timing), String(squareSize)], { env, timeoutMs: CHILD_TIMEOUT_MS });
  const line = s.stdout.trim().split('\n').pop();
  if (s.code !== 0 || line === undefined || !line.startsWith('{')) throw failure(label, s);
  return JSON.parse(line) as MeasuredStep;
}
