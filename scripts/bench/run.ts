/** The job behind `npm run bench` (scripts/bench.ts, which parses its command line): see there. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BACKEND_LABEL, type BackendKey, TFJS_BACKENDS } from './backends.js';
import { makeBenchData, type NetworkSpec, writeBenchData } from './data.js';
import { type Job, type JobResult, type MatmulResult, RESULT_PREFIX } from './jobs.js';
import type { BenchOptions } from './options.js';
import { buildRecords, type MeasuredStep, report, sortRecords } from './report.js';
import { FULL_TIMING, QUICK_TIMING, type TimingOptions } from './timing.js';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, '..', '..');
const CHILD = join(here, 'child.ts');
const NUMPY = join(here, 'numpy_step.py');
const SEED = 229;
/** A child that takes longer than this is killed and reported as failed. */
const CHILD_TIMEOUT_MS = 300_000;

const FULL_NETWORKS: readonly NetworkSpec[] = [
  { name: 'small', sizes: [4, 3, 1], batch: 512 },
  { name: 'large', sizes: [256, 512, 512, 1], batch: 512 },
];
const QUICK_NETWORKS: readonly NetworkSpec[] = [
  { name: 'small', sizes: [4, 3, 1], batch: 32 },
  { name: 'large', sizes: [16, 32, 32, 1], batch: 64 },
];

interface Planned {
  readonly job: Job;
  readonly label: string;
}

/** In-process order matters: the stock 'wasm-single' must run before 'wasm-threaded' replaces it. */
const BACKEND_RUN_ORDER: readonly BackendKey[] = ['mathjs', 'cpu', 'wasm-single', 'wasm-threaded'];

function plan(
  networks: readonly NetworkSpec[],
  dirs: Map<string, string>,
  timing: TimingOptions,
  squareSize: number,
  backends: readonly BackendKey[],
): Planned[] {
  const small = networks.find((n) => n.name === 'small');
  const planned: Planned[] = [];
  for (const backend of BACKEND_RUN_ORDER.filter((b) => backends.includes(b))) {
    if (backend === 'mathjs' && small === undefined) continue;
    const isTfjs = (TFJS_BACKENDS as readonly BackendKey[]).includes(backend);
    planned.push({
      job: { kind: 'matmul', backend, squareSize: isTfjs ? squareSize : 0, networks: isTfjs ? networks : [small!], timing },
      label: `matmul rates on ${BACKEND_LABEL[backend]}`,
    });
    const implementations = isTfjs ? (['accelerated', 'autograd', 'tfjs-layers'] as const) : (['reference'] as const);
    for (const implementation of implementations) {
      for (const network of isTfjs ? networks : [small!]) {
        planned.push({
          job: { kind: 'step', implementation, backend, dataDir: dirs.get(network.name)!, timing },
          label: `${implementation} on ${BACKEND_LABEL[backend]}, ${network.name}`,
        });
      }
    }
  }
  return planned;
}

interface Spawned {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      proc.kill('SIGKILL');
    }, CHILD_TIMEOUT_MS);
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    proc.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

function failure(what: string, s: Spawned): Error {
  const why = s.timedOut ? `killed after ${CHILD_TIMEOUT_MS / 1000} s` : `exit code ${s.code}`;
  return new Error(`${what}: ${why}\n${s.stderr.split('\n').slice(-15).join('\n')}`);
}

async function inChild(job: Job, label: string): Promise<JobResult & { peakRssMB: number }> {
  const s = await run(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(job)], process.env);
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

/** The numpy peer, run as `python3 numpy_step.py` with NUMPY_ENV. */
async function numpyChild(dir: string, timing: TimingOptions, squareSize: number, label: string): Promise<MeasuredStep> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...NUMPY_ENV.set };
  for (const name of NUMPY_ENV.unset) delete env[name];
  const s = await run('python3', [NUMPY, dir, JSON.stringify(timing), String(squareSize)], env);
  const line = s.stdout.trim().split('\n').pop();
  if (s.code !== 0 || line === undefined || !line.startsWith('{')) throw failure(label, s);
  return JSON.parse(line) as MeasuredStep;
}

function describeResult(r: JobResult): string {
  if (r.kind === 'matmul') {
    const layer = Object.entries(r.layerShaped).map(([n, g]) => `${n}-shaped ${g.toFixed(2)}`);
    return `${r.square === null ? '' : `${r.square.size}^3 ${r.square.gflops.toFixed(2)} GFLOP/s, `}${layer.join(', ')} GFLOP/s${r.start.notice === undefined ? '' : ` [${r.start.notice}]`}`;
  }
  return `${Math.round(r.network.batch / (r.stepMs / 1000)).toLocaleString('en-US')} examples/s, fwd+bwd/fwd ${(r.forwardBackwardMs / r.forwardMs).toFixed(2)}`;
}

/** The bench for parsed options (scripts/bench.ts); resolves to the exit code (1 when a measurement failed). */
export async function runBench(options: BenchOptions): Promise<number> {
  const networks = (options.quick ? QUICK_NETWORKS : FULL_NETWORKS).filter((n) => options.networks === null || options.networks.includes(n.name));
  const timing = options.quick ? QUICK_TIMING : FULL_TIMING;
  const squareSize = options.quick ? 128 : 1024;
  const began = performance.now();
  const loadBefore = loadavg();
  const root = mkdtempSync(join(tmpdir(), 'cs229-bench-'));
  const steps: MeasuredStep[] = [];
  const matmuls: MatmulResult[] = [];
  const failures: string[] = [];
  // In --quick mode the jobs run here; these modules load tfjs, so they are imported only then.
  const local = options.quick ? { jobs: await import('./jobs.js'), backends: await import('./backends.js') } : null;
  try {
    const dirs = new Map(networks.map((n) => [n.name, join(root, n.name)] as const));
    for (const n of networks) writeBenchData(dirs.get(n.name)!, makeBenchData(n, SEED));
    const planned = plan(networks, dirs, timing, squareSize, options.backends);
    const numpyNetworks = options.backends.includes('numpy') ? networks : [];
    const total = planned.length + numpyNetworks.length;
    let done = 0;
    const progress = (label: string, text: string, t0: number): void => {
      done++;
      process.stderr.write(`[bench ${done}/${total}] ${label}: ${text} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
    };
    for (const { job, label } of planned) {
      const t0 = performance.now();
      const loadAverage1m = loadavg()[0]!;
      try {
        const result = local !== null ? { ...(await local.jobs.runJob(job)), peakRssMB: process.resourceUsage().maxRSS / 1024 } : await inChild(job, label);
        if (result.kind === 'matmul') matmuls.push(result);
        else steps.push({ ...result, loadAverage1m });
        progress(label, describeResult(result), t0);
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
        progress(label, 'FAILED', t0);
      }
    }
    for (const n of numpyNetworks) {
      const t0 = performance.now();
      const label = `numpy, ${n.name}`;
      const loadAverage1m = loadavg()[0]!;
      try {
        const result = await numpyChild(dirs.get(n.name)!, timing, squareSize, label);
        steps.push({ ...result, loadAverage1m });
        progress(label, describeResult(result), t0);
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
        progress(label, 'FAILED', t0);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
    local?.backends.tearDownBackends();
  }
  const scope = options.quick ? 'bench process, cumulative (--quick runs in-process)' : 'child process (one per measurement)';
  const records = sortRecords(buildRecords(steps, matmuls, scope), networks);
  const threaded = matmuls.find((m) => m.backend === 'wasm-threaded');
  const numpy = steps.find((s) => s.implementation === 'numpy');
  const extra = [
    `wasm x2: ${threaded === undefined ? 'not measured' : threaded.start.notice === undefined ? `${threaded.start.threads} threads (accelerated/node/wasmThreads.ts)` : `FELL BACK: ${threaded.start.notice}`}`,
    `numpy BLAS: ${numpy === undefined ? 'not measured' : JSON.stringify(numpy.blas)}`,
    `peak RSS scope: ${scope}`,
    `load average (1, 5, 15 min) before: ${loadBefore.map((l) => l.toFixed(2)).join(', ')}; after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(
        ', ',
      )}; highest 1-min load when a measurement started: ${Math.max(...steps.map((s) => s.loadAverage1m ?? 0)).toFixed(2)} (this bench itself adds ~1-2; well above that, other processes shared the cores and the numbers are low)`,
    `total bench time ${((performance.now() - began) / 1000).toFixed(1)} s${options.quick ? ' (--quick: tiny sizes, few samples; numbers are not meaningful)' : ''}`,
    ...(failures.length > 0 ? ['FAILURES:', ...failures] : []),
  ];
  console.log(report(records, networks, extra));
  if (options.json !== null) {
    writeFileSync(options.json, `${JSON.stringify(records, null, 2)}\n`);
    console.log(`wrote ${records.length} records to ${options.json}`);
  }
  return failures.length > 0 ? 1 : 0;
}
