/**
 * The pure parts of `npm run bench` (the end-to-end run is scripts/bench.test.ts): the command
 * line, the timing's spread, the records' JSON shape, issue 13's targets, the sweep's grid, and
 * the sweep's figures drawn from a small fixed file. No tfjs, no child process: a second or two.
 */
import { describe, expect, it } from 'vitest';
import { stepFlops } from './bench/flops.js';
import { ALL_BACKENDS, NODE_BACKENDS, parseBenchArgs, SWEEP_BACKENDS } from './bench/options.js';
import type { ProfileResult } from './bench/profile.js';
import { buildRecords, type MeasuredStep, report } from './bench/report.js';
import { stepResult } from './bench/results.js';
import { sweepTables } from './bench/sweep.js';
import { FULL_SWEEP, QUICK_SWEEP, type SweepFile, sweepPlan, sweepRows } from './bench/sweepData.js';
import { targets } from './bench/targets.js';
import { quantile, SWEEP_TIMING, summarize } from './bench/timing.js';
import { UsageError } from './lib/cli.js';
import { SWEEP_FIGURES, sweepFigureSpecs } from './lib/plots/benchSweep.js';
import { renderSvg } from './lib/plots/render.js';

/** A Timing whose samples are `ms` (per call). */
const timingOf = (ms: readonly number[]) => summarize(ms, 1);

/** A measured step of `ms` per step (samples around it) of `implementation` on `backend`. */
function measured(
  implementation: MeasuredStep['implementation'],
  backend: MeasuredStep['backend'],
  name: string,
  sizes: number[],
  batch: number,
  ms: number,
  forwardMs = ms / 3,
): MeasuredStep {
  const timings = { step: timingOf([ms * 0.9, ms, ms * 1.2]), forward: timingOf([forwardMs]), forwardBackward: timingOf([ms * 0.8]) };
  const what = {
    implementation,
    backend,
    start: { threads: backend === 'wasm-threaded' ? 2 : 1 },
    network: { name, sizes, batch },
    tensorsLeaked: 0,
    rssAtStartMB: 100,
  };
  return { ...stepResult(what, timings), peakRssMB: 200, loadAverage: { before: [1, 1, 1], after: [1.5, 1, 1] } };
}

const LARGE = { name: 'large', sizes: [256, 512, 512, 1], batch: 512 };
const matmul = (backend: 'wasm-threaded' | 'wasm-single', gflops: number) =>
  ({ kind: 'matmul', backend, start: { threads: 1 }, square: { size: 1024, gflops: gflops * 1.2 }, layerShaped: { large: gflops } }) as const;

describe('bench: the command line', () => {
  it('runs the Node set by default; webgl and webgpu only when named; --sweep its own three', () => {
    expect(parseBenchArgs([]).backends).toEqual(NODE_BACKENDS);
    expect(NODE_BACKENDS).not.toContain('webgl');
    expect(parseBenchArgs(['--backends', 'webgl,webgpu,wasm-single']).backends).toEqual(['webgl', 'webgpu', 'wasm-single']);
    expect(ALL_BACKENDS).toEqual(expect.arrayContaining(['webgl', 'webgpu', ...NODE_BACKENDS]));
    expect(parseBenchArgs(['--sweep']).backends).toEqual(SWEEP_BACKENDS);
    expect(parseBenchArgs(['--sweep', '--backends', 'numpy', '--out', '/tmp/x'])).toMatchObject({ sweep: true, backends: ['numpy'], out: '/tmp/x' });
    expect(parseBenchArgs(['--backends', 'webgl', '--chromium-flags', ' --a  --b ']).chromiumFlags).toEqual(['--a', '--b']);
  });

  it('rejects what does not apply, naming it', () => {
    for (const [args, message] of [
      [['--sweep', '--backends', 'cpu'], '--sweep measures'],
      [['--sweep', '--networks', 'large'], '--networks'],
      [['--sweep', '--json', 'x.json'], '--json'],
      [['--out', 'dir'], '--out applies to --sweep only'],
      [['--chromium-flags', '--x'], '--chromium-flags'],
      [['--backends', 'webgl,opengl'], 'unknown: opengl'],
    ] as const) {
      expect(() => parseBenchArgs(args), args.join(' ')).toThrow(UsageError);
      expect(() => parseBenchArgs(args), args.join(' ')).toThrow(message);
    }
  });
});

describe('bench: the spread of the samples', () => {
  it('quartiles interpolate linearly between ranks (numpy.quantile, which numpy_step.py uses)', () => {
    expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(quantile([4, 1, 3, 2], 0.75)).toBe(3.25);
    expect(summarize([5, 1, 3], 2)).toEqual({ medianMs: 3, minMs: 1, q1Ms: 2, q3Ms: 4, maxMs: 5, samples: 3, callsPerSample: 2 });
    expect(SWEEP_TIMING.minSamples).toBeGreaterThanOrEqual(5);
  });

  it('every record carries its timings with spread, the examples/s interquartile range and the load average', () => {
    const [r] = buildRecords([measured('accelerated', 'webgl', 'large', LARGE.sizes, 512, 10)], [], 'test');
    expect(r!.timings.step).toMatchObject({ medianMs: 10, minMs: 9, maxMs: 12 });
    expect(r!.examplesPerSecondIqr[0]).toBeLessThan(r!.examplesPerSecond);
    expect(r!.examplesPerSecondIqr[1]).toBeGreaterThan(r!.examplesPerSecond);
    expect(r!.loadAverage).toEqual({ before: [1, 1, 1], after: [1.5, 1, 1] });
    expect(report([r!], [LARGE], [])).toContain('spread');
  });
});

describe("bench: issue 13's targets", () => {
  const records = buildRecords(
    [
      measured('accelerated', 'wasm-single', 'large', LARGE.sizes, 512, 100, 40),
      measured('tfjs-layers', 'wasm-single', 'large', LARGE.sizes, 512, 2000),
      measured('accelerated', 'wasm-threaded', 'large', LARGE.sizes, 512, 60, 20),
      measured('tfjs-layers', 'wasm-threaded', 'large', LARGE.sizes, 512, 600),
      measured('numpy', 'numpy', 'large', LARGE.sizes, 512, 25),
    ],
    [matmul('wasm-single', 12), matmul('wasm-threaded', 30)],
    'test',
  );

  // The step's products alone with new operands take the time that makes them run at 12.5 GFLOP/s.
  const coldMs = stepFlops(LARGE.sizes, 512).matmul / 12.5e6;
  const profile = {
    kind: 'profile',
    backend: 'wasm-single',
    start: { threads: 1 },
    profile: { network: LARGE, stepMs: 100, kernels: [], groups: { matmul: 0, transpose: 0, 'entry-wise': 0, other: 0 }, productsAlone: { warmMs: 1, coldMs } },
  } as const satisfies ProfileResult;

  it('judges each target on the large net: 15x layers, 80% of its own matmuls on one thread, fwd+bwd/fwd <= 3.5, 0.5x numpy', () => {
    const checks = targets(records, 'large', [profile]);
    const line = (text: string) => checks.find((c) => c.text.includes(text));
    // wasm x2 (10x layers: missed; fwd+bwd/fwd), wasm x1 (20x layers; 86% of its cold matmuls; fwd+bwd/fwd), numpy (0.42x: missed)
    expect(checks.map((c) => c.met)).toEqual([false, true, true, true, true, false]);
    expect(line('tfjs wasm x1: accelerated / tfjs-layers')?.text).toContain('= 20.0x (target >= 15x)');
    // 1,079 MFLOP in 100 ms = 10.8 GFLOP/s: 86% of 12.5 (cold), 90% of 12.0 (the warm layer-shaped rate).
    expect(line('(one thread)')?.text).toMatch(/: 10.8 GFLOP\/s = 86% of the step's own matmuls with new operands as in a step \(12.5 GFLOP\/s/);
    expect(line('(one thread)')?.text).toContain('90% of them with operands packed before (12.0 GFLOP/s)');
    expect(line('tfjs wasm x1: accelerated time(fwd+bwd)/time(fwd)')?.text).toContain('= 2.00 (target <= 3.5)');
    expect(line('tfjs wasm x2: accelerated time(fwd+bwd)/time(fwd)')?.text).toContain('= 2.40 (target <= 3.5)');
    expect(line('numpy')?.text).toContain('tfjs wasm x2 (the faster wasm)');
    expect(line('numpy')?.text).toContain('= 0.417x (target >= 0.5x)');
    expect(report(records, [LARGE], [])).toContain('Targets (issue 13, large network):\n  [MISSED] tfjs wasm x2: accelerated / tfjs-layers');
    // Without the per-kernel profile the one-thread fraction cannot be judged.
    expect(targets(records, 'large').find((c) => c.text.includes('(one thread)'))?.met).toBeNull();
  });

  it('says so when nothing can be judged', () => {
    expect(targets([], 'large')).toEqual([{ met: null, text: expect.stringContaining('no accelerated wasm row') }]);
  });
});

describe('bench --sweep: the grid', () => {
  it('batch 1..4096 at 256-256-256-1, width 16..2048 at B = 256, depth 1..8: the axes cross at one network, measured once', () => {
    const { points, networks } = sweepPlan(FULL_SWEEP);
    expect(points).toHaveLength(7 + 5 + 8);
    expect(networks).toHaveLength(20 - 2);
    const at = (axis: string, value: number) => points.find((p) => p.axis === axis && p.value === value)?.network;
    expect([at('batch', 256), at('width', 256), at('depth', 2)]).toEqual(['256-256-256-1 B=256', '256-256-256-1 B=256', '256-256-256-1 B=256']);
    expect(at('batch', 4096)).toBe('256-256-256-1 B=4096');
    expect(at('width', 2048)).toBe('2048-2048-2048-1 B=256');
    expect(at('depth', 8)).toBe(`${'256-'.repeat(9)}1 B=256`);
    expect(new Set(networks.map((n) => n.name)).size).toBe(networks.length);
  });
});

/** A small sweep file: the quick grid, wasm x1 and numpy at made-up speeds. */
function smallSweep(): SweepFile {
  const { points, networks } = sweepPlan(QUICK_SWEEP);
  const steps = networks.flatMap((n, i) => [
    measured('accelerated', 'wasm-single', n.name, [...n.sizes], n.batch, 1 + i),
    { ...measured('numpy', 'numpy', n.name, [...n.sizes], n.batch, 0.5 + i), matmul: { square: { size: 128, gflops: 50 }, layerShaped: 20 } },
  ]);
  const mm = {
    kind: 'matmul',
    backend: 'wasm-single',
    start: { threads: 1 },
    square: { size: 128, gflops: 10 },
    layerShaped: Object.fromEntries(networks.map((n) => [n.name, 5])),
  } as const;
  return {
    what: 'test',
    command: 'test',
    measuredAt: '2026-12-08T00:00:00.000Z',
    machine: { cpus: 2, cpuModel: 'test CPU', node: 'v20', platform: 'linux x64' },
    timing: SWEEP_TIMING,
    grid: QUICK_SWEEP,
    points,
    loadAverage: { before: [0.5, 0.5, 0.5], after: [1, 1, 1] },
    totalSeconds: 1,
    records: buildRecords(steps, [mm], 'test'),
    failures: [],
  };
}

describe('bench --sweep: tables and figures from a fixed file', () => {
  const file = smallSweep();

  it('every point has one record per backend; one table per axis', () => {
    expect(sweepRows(file)).toHaveLength(file.points.length * 2);
    const tables = sweepTables(file);
    for (const axis of ['batch', 'width', 'depth']) expect(tables).toContain(`${axis}: examples/s ±spread`);
    expect(tables).toContain('| tfjs wasm x1');
  });

  it('draws both figures: SVG with the title, every series and the load average', async () => {
    const specs = sweepFigureSpecs(file);
    expect(specs.map((s) => s.file)).toEqual(SWEEP_FIGURES.map((f) => f.file));
    for (const [i, { spec }] of specs.entries()) {
      const svg = await renderSvg(spec);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).toContain(`>${SWEEP_FIGURES[i]!.title}</text>`);
      expect(svg).toContain('accelerated, tfjs wasm x1');
      expect(svg).toContain('numpy f32');
      expect(svg).toContain('load average before 0.50, 0.50, 0.50, after 1.00, 1.00, 1.00');
    }
  }, 30_000);
});
