/**
 * `npm run bench -- --sweep`: the scaling sweep. The accelerated step (tfjsStep.ts#acceleratedStep)
 * on wasm x1 and wasm x2 (one child process per backend, every size in turn) and the numpy step
 * (one numpy_step.py per size) over the grid of sweepData.ts (batch size, width, depth), each with
 * its matmul rates, timed with SWEEP_TIMING (median of >= 5 samples, with their spread). Writes
 * bench-sweep.json and the two figures (scripts/lib/plots/benchSweep.ts) into --out, and prints one
 * table per axis.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../lib/coverage.js';
import { BACKEND_LABEL, type BackendKey } from './backendKeys.js';
import { inChild, numpyChild } from './children.js';
import { BENCH_SEED, makeBenchData } from './data.js';
import { writeBenchData } from './dataFiles.js';
import { fmt, markdownTable, pct } from './format.js';
import type { JobResult, SweepJob } from './jobs.js';
import type { BenchOptions } from './options.js';
import { type BenchRecord, buildRecords, type MeasuredStep, spread } from './report.js';
import type { MatmulResult } from './results.js';
import { FULL_SWEEP, QUICK_SWEEP, SWEEP_AXES, type SweepFile, type SweepGrid, sweepPlan, sweepRows } from './sweepData.js';
import { describeResult, loadText, runTasks, type Task } from './tasks.js';
import { QUICK_TIMING, SWEEP_TIMING } from './timing.js';

/** A wasm child runs every size of the sweep: more than the default child limit. */
const SWEEP_CHILD_TIMEOUT_MS = 900_000;
/** In one process the stock wasm-single must start before wasm-threaded replaces it. */
const ORDER: readonly BackendKey[] = ['wasm-single', 'wasm-threaded', 'numpy'];

type Measured = JobResult | MeasuredStep;

/** One table per axis: examples/s (spread) and % of the step's own matmul rate, per backend. */
export function sweepTables(file: Pick<SweepFile, 'grid' | 'points' | 'records'>): string {
  const rows = sweepRows(file);
  const backends = [...new Set(file.records.map((r) => r.backend))];
  const cell = (r: BenchRecord | undefined): string =>
    r === undefined ? '-' : `${fmt(r.examplesPerSecond)} ${spread(r.timings.step)}, ${pct(r.roofline.fractionOfLayerShaped)}`;
  return SWEEP_AXES.map((axis) => {
    const table = file.grid[axis].map((value) => [
      String(value),
      rows.find((x) => x.point.axis === axis && x.point.value === value)?.record.network.name ?? '',
      ...backends.map((b) => cell(rows.find((x) => x.point.axis === axis && x.point.value === value && x.record.backend === b)?.record)),
    ]);
    return `${axis}: examples/s ±spread, % of the step's own matmul rate\n${markdownTable([axis, 'network', ...backends.map((b) => BACKEND_LABEL[b])], table)}`;
  }).join('\n\n');
}

/** The sweep for parsed options (run.ts when --sweep); resolves to the exit code. */
export async function runSweep(options: BenchOptions): Promise<number> {
  const grid: SweepGrid = options.quick ? QUICK_SWEEP : FULL_SWEEP;
  const timing = options.quick ? QUICK_TIMING : SWEEP_TIMING;
  const squareSize = options.quick ? 128 : 1024;
  const out = options.out ?? join(PROJECT_ROOT, 'docs', 'figures');
  const { points, networks } = sweepPlan(grid);
  const began = performance.now();
  const loadBefore = loadavg();
  const root = mkdtempSync(join(tmpdir(), 'cs229-sweep-'));
  // In --quick mode the wasm jobs run here; these modules load tfjs, so they are imported only then.
  const local = options.quick ? { jobs: await import('./jobs.js'), backends: await import('./backends.js') } : null;
  const tasks: Task<Measured>[] = ORDER.filter((b) => options.backends.includes(b)).flatMap((backend): Task<Measured>[] => {
    if (backend !== 'numpy') {
      const job: SweepJob = { kind: 'sweep', backend, squareSize, networks, seed: BENCH_SEED, timing };
      const label = `sweep on ${BACKEND_LABEL[backend]} (${networks.length} sizes)`;
      return [
        {
          label,
          run: () =>
            local !== null ? local.jobs.runJob(job) : inChild(job, label, { timeoutMs: SWEEP_CHILD_TIMEOUT_MS, onStderr: (t) => process.stderr.write(t) }),
        },
      ];
    }
    return networks.map((network) => ({
      label: `sweep on numpy, ${network.name}`,
      run: async () => {
        const dir = join(root, 'numpy');
        writeBenchData(dir, makeBenchData(network, BENCH_SEED));
        try {
          return await numpyChild(dir, timing, squareSize, `numpy, ${network.name}`);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    }));
  });
  let outcome: Awaited<ReturnType<typeof runTasks<Measured>>>;
  try {
    outcome = await runTasks(tasks, describeResult);
  } finally {
    rmSync(root, { recursive: true, force: true });
    local?.backends.tearDownBackends();
  }
  const steps: MeasuredStep[] = [];
  const matmuls: MatmulResult[] = [];
  for (const { result, loadAverage } of outcome.results) {
    if (result.kind === 'sweep') {
      matmuls.push(result.matmul);
      // One child measured every size: the load average of the whole child.
      for (const s of result.steps) steps.push({ ...s, peakRssMB: null, loadAverage });
    } else if (result.kind === 'step') steps.push({ ...result, peakRssMB: null, loadAverage });
  }
  const file: SweepFile = {
    what: 'npm run bench -- --sweep: one SGD step (eq. 1.5, ReLU) of the accelerated path (Trainer.step on all B rows) and numpy, over batch size, width and depth',
    command: `npm run bench -- --sweep${options.quick ? ' --quick' : ''}`,
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}` },
    timing,
    grid,
    points,
    loadAverage: { before: loadBefore, after: loadavg() },
    totalSeconds: Number(((performance.now() - began) / 1000).toFixed(1)),
    records: buildRecords(steps, matmuls, 'not measured in the sweep'),
    failures: outcome.failures,
  };
  console.log(sweepTables(file));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench-sweep.json'), `${JSON.stringify(file, null, 2)}\n`);
  const { sweepFigureSpecs } = await import('../lib/plots/benchSweep.js');
  const { renderSvg } = await import('../lib/plots/render.js');
  const written = [join(out, 'bench-sweep.json')];
  for (const figure of sweepFigureSpecs(file)) {
    writeFileSync(join(out, figure.file), await renderSvg(figure.spec));
    written.push(join(out, figure.file));
  }
  console.log(
    [
      '',
      `load average (1, 5, 15 min) before: ${loadText(file.loadAverage.before)}; after: ${loadText(file.loadAverage.after)}`,
      `wrote ${written.map((f) => (relative(PROJECT_ROOT, f).startsWith('..') ? f : relative(PROJECT_ROOT, f))).join(', ')}`,
      `total sweep time ${file.totalSeconds} s`,
      ...(outcome.failures.length > 0 ? ['FAILURES:', ...outcome.failures] : []),
    ].join('\n'),
  );
  return outcome.failures.length > 0 ? 1 : 0;
}
