import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng, uniform01 } from '../../reference/sampler.js';
import { registerThreadedWasm, releaseWasm, type WasmThreadsResult } from './wasmThreads.js';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, '..', '..');
const child = join(here, 'wasmThreadsChild.ts');

/** float32 unit roundoff. */
const U = 2 ** -24;
/** γ_n = n·u / (1 − n·u): the forward error factor of an n-term float dot product (Higham, Lemma 3.1). */
const gamma = (n: number): number => (n * U) / (1 - n * U);

/** Deterministic float32 entries in [−1, 1) from the project's seeded generator, so both backends see the same inputs. */
function float32Matrix(rows: number, cols: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: rows * cols }, () => 2 * uniform01(rng) - 1);
}

async function product(backend: string, a: Float32Array, b: Float32Array, n: number): Promise<Float32Array> {
  await tf.setBackend(backend);
  const A = tf.tensor2d(a, [n, n]);
  const B = tf.tensor2d(b, [n, n]);
  const C = tf.matMul(A, B);
  const values = (await C.data()) as Float32Array;
  tf.dispose([A, B, C]);
  return values;
}

interface ChildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly line: { threads: number; notice: string | null; backend: string; product: number[] } | null;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/**
 * Runs `npx tsx wasmThreadsChild.ts [fault]` in its own process group. It must print its line
 * within `startMs` and then exit by itself within `exitMs`; otherwise the group is killed.
 */
function runChild(args: string[], startMs = 60_000, exitMs = 10_000): Promise<ChildRun> {
  return new Promise((resolve) => {
    const proc = spawn('npx', ['tsx', child, ...args], { cwd: projectRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const kill = (): void => {
      timedOut = true;
      try {
        if (proc.pid !== undefined) process.kill(-proc.pid, 'SIGKILL');
      } catch {
        proc.kill('SIGKILL');
      }
    };
    let timer = setTimeout(kill, startMs);
    proc.stdout.on('data', (chunk: Buffer) => {
      const hadLine = stdout.includes('\n');
      stdout += chunk.toString();
      if (!hadLine && stdout.includes('\n')) {
        clearTimeout(timer);
        timer = setTimeout(kill, exitMs);
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    proc.on('close', (code, signal) => {
      clearTimeout(timer);
      const first = stdout.split('\n').find((l) => l.startsWith('{'));
      resolve({ code, signal, line: first === undefined ? null : (JSON.parse(first) as ChildRun['line']), stderr, timedOut });
    });
  });
}

describe('threaded wasm backend in Node (tfjs-backend-wasm 4.22 internals)', () => {
  let result: WasmThreadsResult | null = null;

  afterAll(async () => {
    releaseWasm();
    await tf.setBackend('cpu');
  });

  it('starts with 2 threads, or falls back with a notice saying why', async () => {
    result = await registerThreadedWasm(2);
    const outcome = result.threads === 2 ? 'threaded: 2 threads' : `fallback (${result.threads} thread): ${result.notice ?? 'NO NOTICE'}`;
    console.info(`[wasmThreads] ${outcome}`);
    const explained = result.threads === 2 || (typeof result.notice === 'string' && result.notice.length > 0);
    expect(explained, `neither 2 threads nor a fallback notice: ${JSON.stringify(result)}`).toBe(true);
    expect(await tf.setBackend('wasm')).toBe(true);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('[4.4] a 128x128 product XW agrees with the cpu backend within 2·γ_128·(|X||W|)_ij', async () => {
    if (result === null) result = await registerThreadedWasm(2);
    const n = 128;
    const a = float32Matrix(n, n, 1);
    const b = float32Matrix(n, n, 2);
    const onCpu = await product('cpu', a, b, n);
    const onWasm = await product('wasm', a, b, n);
    expect(tf.getBackend()).toBe('wasm');
    // Each backend's c_ij is an n-term float32 dot product of exact float32 inputs, so
    // |c̃_ij − c_ij| <= γ_n Σ_l |a_il||b_lj| for any summation order, FMA or not (Higham 3.1);
    // the cpu backend sums in float64 and rounds once, which is within the same bound. Two such
    // results differ by at most 2·γ_n Σ_l |a_il||b_lj|, with n = 128 and u = 2^-24.
    let worst = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let absSum = 0;
        for (let l = 0; l < n; l++) absSum += Math.abs(a[i * n + l]!) * Math.abs(b[l * n + j]!);
        const bound = 2 * gamma(n) * absSum;
        const diff = Math.abs(onWasm[i * n + j]! - onCpu[i * n + j]!);
        worst = Math.max(worst, diff / bound);
        if (diff > bound) expect.fail(`(${i + 1},${j + 1}): wasm ${onWasm[i * n + j]} vs cpu ${onCpu[i * n + j]}, |diff| ${diff} > bound ${bound}`);
      }
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('a process that registers it, runs a matMul and calls releaseWasm() exits by itself', async () => {
    const run = await runChild([]);
    expect(run.timedOut, `the child did not exit by itself (killed); stderr: ${run.stderr}`).toBe(false);
    expect(run.code, run.stderr).toBe(0);
    expect(run.line).not.toBeNull();
    console.info(`[wasmThreads] child: ${run.line!.threads === 2 ? 'threaded: 2 threads' : `fallback: ${run.line!.notice}`}`);
    expect(run.line!.threads === 2 || run.line!.notice !== null).toBe(true);
    expect(run.line!.backend).toBe('wasm');
    // [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]] (exact in float32).
    expect(run.line!.product).toEqual([19, 22, 43, 50]);
  }, 90_000);

  it('when the threaded build cannot start it falls back to one thread with a notice, and still exits', async () => {
    const run = await runChild(['fault']);
    expect(run.timedOut, `the child did not exit by itself (killed); stderr: ${run.stderr}`).toBe(false);
    expect(run.code, run.stderr).toBe(0);
    expect(run.line).not.toBeNull();
    expect(run.line!.threads).toBe(1);
    expect(run.line!.notice).toMatch(/did not start.*injected fault.*single-thread/);
    expect(run.line!.backend).toBe('wasm');
    expect(run.line!.product).toEqual([19, 22, 43, 50]);
  }, 90_000);
});
