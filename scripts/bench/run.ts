/** The job behind `npm run bench` (scripts/bench.ts, which parses its command line): see there. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKEND_LABEL, type BackendKey, isBrowserBackend, isTfjsBackend } from './backendKeys.js';
import { browserTasks } from './browser.js';
import { inChild, numpyChild } from './children.js';
import { BENCH_SEED, makeBenchData, type NetworkSpec } from './data.js';
import { writeBenchData } from './dataFiles.js';
import type { Job, JobResult } from './jobs.js';
import type { BenchOptions } from './options.js';
import { formatProfile, type ProfileResult } from './profile.js';
import { buildRecords, type MeasuredStep, report, sortRecords } from './report.js';
import type { MatmulResult } from './results.js';
import { describeResult, loadText, runTasks, type Task } from './tasks.js';
import { FULL_TIMING, QUICK_TIMING, type TimingOptions } from './timing.js';

const FULL_NETWORKS: readonly NetworkSpec[] = [
  { name: 'small', sizes: [4, 3, 1], batch: 512 },
  { name: 'large', sizes: [256, 512, 512, 1], batch: 512 },
];
const QUICK_NETWORKS: readonly NetworkSpec[] = [
  { name: 'small', sizes: [4, 3, 1], batch: 32 },
  { name: 'large', sizes: [16, 32, 32, 1], batch: 64 },
];

/** In-process order matters: the stock 'wasm-single' must run before 'wasm-threaded' replaces it. */
const BACKEND_RUN_ORDER: readonly BackendKey[] = ['mathjs', 'cpu', 'wasm-single', 'wasm-threaded'];

type Measured = JobResult | MeasuredStep;

/** The backends whose accelerated step is profiled kernel by kernel (profile.ts): the wasm builds the targets are about. */
const PROFILED: readonly BackendKey[] = ['wasm-single', 'wasm-threaded'];

/** The Node jobs: per backend its matmul rates, then each implementation on each network. */
function nodeJobs(networks: readonly NetworkSpec[], dirs: Map<string, string>, timing: TimingOptions, squareSize: number, backends: readonly BackendKey[]) {
  const small = networks.find((n) => n.name === 'small');
  const planned: { job: Job; label: string }[] = [];
  for (const backend of BACKEND_RUN_ORDER.filter((b) => backends.includes(b))) {
    if (backend === 'mathjs' && small === undefined) continue;
    const isTfjs = isTfjsBackend(backend);
    const nets = isTfjs ? networks : [small!];
    planned.push({
      job: { kind: 'matmul', backend, squareSize: isTfjs ? squareSize : 0, networks: nets, timing },
      label: `matmul rates on ${BACKEND_LABEL[backend]}`,
    });
    const implementations = isTfjs ? (['accelerated', 'autograd', 'tfjs-layers'] as const) : (['reference'] as const);
    for (const implementation of implementations) {
      for (const network of nets) {
        planned.push({
          job: { kind: 'step', implementation, backend, dataDir: dirs.get(network.name)!, timing },
          label: `${implementation} on ${BACKEND_LABEL[backend]}, ${network.name}`,
        });
      }
    }
    if (PROFILED.includes(backend)) {
      for (const network of nets) {
        planned.push({
          job: { kind: 'profile', backend, dataDir: dirs.get(network.name)! },
          label: `per-kernel profile on ${BACKEND_LABEL[backend]}, ${network.name}`,
        });
      }
    }
  }
  return planned;
}

/** The bench for parsed options (scripts/bench.ts); resolves to the exit code (1 when a measurement failed). */
export async function runBench(options: BenchOptions): Promise<number> {
  if (options.sweep) return (await import('./sweep.js')).runSweep(options);
  const networks = (options.quick ? QUICK_NETWORKS : FULL_NETWORKS).filter((n) => options.networks === null || options.networks.includes(n.name));
  const timing = options.quick ? QUICK_TIMING : FULL_TIMING;
  const squareSize = options.quick ? 128 : 1024;
  const began = performance.now();
  const loadBefore = loadavg();
  const root = mkdtempSync(join(tmpdir(), 'cs229-bench-'));
  // In --quick mode the Node jobs run here; these modules load tfjs, so they are imported only then.
  const local = options.quick ? { jobs: await import('./jobs.js'), backends: await import('./backends.js') } : null;
  const browser = browserTasks(options.backends.filter(isBrowserBackend), networks, timing, squareSize, options.chromiumFlags);
  let outcome: Awaited<ReturnType<typeof runTasks<Measured & { peakRssMB?: number | null }>>>;
  try {
    const dirs = new Map(networks.map((n) => [n.name, join(root, n.name)] as const));
    for (const n of networks) writeBenchData(dirs.get(n.name)!, makeBenchData(n, BENCH_SEED));
    const tasks: Task<Measured & { peakRssMB?: number | null }>[] = [
      ...nodeJobs(networks, dirs, timing, squareSize, options.backends).map(({ job, label }) => ({
        label,
        run: async () => (local !== null ? { ...(await local.jobs.runJob(job)), peakRssMB: process.resourceUsage().maxRSS / 1024 } : await inChild(job, label)),
      })),
      ...(options.backends.includes('numpy') ? networks : []).map((n) => ({
        label: `numpy, ${n.name}`,
        run: () => numpyChild(dirs.get(n.name)!, timing, squareSize, `numpy, ${n.name}`),
      })),
      ...browser.tasks.map((t) => ({ label: t.label, run: async () => ({ ...(await t.run()), peakRssMB: null }) })),
    ];
    outcome = await runTasks(tasks, describeResult);
  } finally {
    rmSync(root, { recursive: true, force: true });
    await browser.close();
    local?.backends.tearDownBackends();
  }
  const steps: MeasuredStep[] = [];
  const matmuls: MatmulResult[] = [];
  const profiles: ProfileResult[] = [];
  for (const { result, loadAverage } of outcome.results) {
    if (result.kind === 'matmul') matmuls.push(result);
    else if (result.kind === 'profile') profiles.push(result);
    else if (result.kind === 'step') steps.push({ ...result, peakRssMB: result.peakRssMB ?? null, loadAverage });
  }
  const scope = options.quick ? 'bench process, cumulative (--quick runs in-process)' : 'child process (one per measurement)';
  const records = sortRecords(buildRecords(steps, matmuls, scope), networks);
  const threaded = matmuls.find((m) => m.backend === 'wasm-threaded');
  const numpy = steps.find((s) => s.implementation === 'numpy');
  const devices = matmuls.filter((m) => m.start.device !== undefined).map((m) => `${m.backend} device (as Chromium reports it): ${m.start.device}`);
  const highest = Math.max(...steps.map((s) => s.loadAverage?.before[0] ?? 0));
  const extra = [
    `wasm x2: ${threaded === undefined ? 'not measured' : threaded.start.notice === undefined ? `${threaded.start.threads} threads (accelerated/node/wasmThreads.ts)` : `FELL BACK: ${threaded.start.notice}`}`,
    `numpy BLAS: ${numpy === undefined ? 'not measured' : JSON.stringify(numpy.blas)}`,
    ...devices,
    `peak RSS scope: ${scope}${browser.tasks.length > 0 ? '; not measured for the Chromium rows' : ''}`,
    `load average (1, 5, 15 min) before: ${loadText(loadBefore)}; after: ${loadText(loadavg())}; highest 1-min load when a measurement started: ${highest.toFixed(2)} (this bench itself adds ~1-2; well above that, other processes shared the cores and the numbers are low; each record's JSON has its own before and after)`,
    `total bench time ${((performance.now() - began) / 1000).toFixed(1)} s${options.quick ? ' (--quick: tiny sizes, few samples; numbers are not meaningful)' : ''}`,
    ...(outcome.failures.length > 0 ? ['FAILURES:', ...outcome.failures] : []),
  ];
  console.log(report(records, networks, extra, profiles));
  for (const p of profiles) console.log(`\n${formatProfile(BACKEND_LABEL[p.backend], p.profile)}`);
  if (options.json !== null) {
    writeFileSync(options.json, `${JSON.stringify(records, null, 2)}\n`);
    console.log(`wrote ${records.length} records to ${options.json}`);
    if (profiles.length > 0) {
      const file = options.json.replace(/(\.json)?$/, '.profile.json');
      writeFileSync(file, `${JSON.stringify(profiles, null, 2)}\n`);
      console.log(`wrote ${profiles.length} per-kernel profiles to ${file}`);
    }
  }
  return outcome.failures.length > 0 ? 1 : 0;
}
