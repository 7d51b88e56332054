/**
 * Turns the bench's raw results into records (the --json output) and the printed report: the main
 * table, the ratio matrices, and the targets with the measured numbers (targets.ts).
 */
import { BACKEND_LABEL, type BackendKey } from './backendKeys.js';
import type { NetworkSpec } from './data.js';
import { FLOP_FORMULA, type StepFlops, stepFlops } from './flops.js';
import { fmt, markdownTable, pct } from './format.js';
import type { ProfileResult } from './profile.js';
import type { Implementation, MatmulResult, StepResult } from './results.js';
import { targets } from './targets.js';
import type { Timing } from './timing.js';

/** A step result as it comes back from a child (or in-process), with its peak RSS. */
export type MeasuredStep = StepResult & {
  readonly peakRssMB: number | null;
  /** Set by the numpy child: its own matmul rates. */
  readonly matmul?: { square: { size: number; gflops: number } | null; layerShaped: number };
  readonly blas?: unknown;
  /** os.loadavg() (1, 5, 15 min) when the measurement started and ended: above ~0.5 other processes competed for the 2 cores. */
  readonly loadAverage?: LoadAverage;
};

export interface LoadAverage {
  readonly before: readonly number[];
  readonly after: readonly number[];
}

export interface Roofline {
  readonly squareMatmul: { readonly size: number; readonly gflops: number } | null;
  readonly layerShapedMatmulGflops: number | null;
  /** gflops ÷ squareMatmul.gflops. */
  readonly fractionOfSquare: number | null;
  /** gflops ÷ layerShapedMatmulGflops: the step's FLOPs at the rate of its own products. */
  readonly fractionOfLayerShaped: number | null;
}

export interface BenchRecord {
  readonly implementation: Implementation;
  readonly backend: BackendKey;
  readonly backendLabel: string;
  readonly threads: number;
  readonly notice?: string;
  /** webgl, webgpu: what runs the backend (the WebGL renderer or WebGPU adapter, Chromium's and tfjs's versions). */
  readonly device?: string;
  readonly network: { readonly name: string; readonly sizes: readonly number[]; readonly batch: number };
  readonly examplesPerSecond: number;
  /** From the fastest sample instead of the median (the least disturbed by other processes). */
  readonly bestExamplesPerSecond: number;
  /** examples/s at the step's third and first quartile times: the interquartile range of the samples. */
  readonly examplesPerSecondIqr: readonly [number, number];
  /** The step, forward and forward + backward timings with their spread (median, quartiles, min, max, sample count). */
  readonly timings: { readonly step: Timing; readonly forward: Timing; readonly forwardBackward: Timing };
  /** Achieved GFLOP/s: flopsPerStep.total per step time (flops.ts, FLOP_FORMULA). */
  readonly gflops: number;
  readonly stepMs: number;
  readonly forwardMs: number;
  readonly forwardBackwardMs: number;
  /** Theorem 3.1 made concrete: time(forward + backward) / time(forward). */
  readonly forwardBackwardOverForward: number;
  readonly flopsPerStep: StepFlops;
  readonly roofline: Roofline;
  readonly peakRssMB: number | null;
  readonly rssAtStartMB: number | null;
  readonly peakRssScope: string;
  readonly tensorsLeaked: number;
  /** examplesPerSecond ÷ each peer's on the same network; keys 'implementation@backend'. */
  readonly ratios: Record<string, number>;
  readonly notes?: string;
  readonly blas?: unknown;
  readonly loadAverage?: LoadAverage;
}

const key = (r: { implementation: string; backend: string }): string => `${r.implementation}@${r.backend}`;

export function buildRecords(steps: readonly MeasuredStep[], matmuls: readonly MatmulResult[], rssScope: string): BenchRecord[] {
  const base = steps.map((s) => {
    const flops = stepFlops(s.network.sizes, s.network.batch);
    const gflops = flops.total / s.stepMs / 1e6;
    const mm = matmuls.find((m) => m.backend === s.backend);
    const square = s.matmul !== undefined ? s.matmul.square : (mm?.square ?? null);
    const layerShaped = s.matmul !== undefined ? s.matmul.layerShaped : (mm?.layerShaped[s.network.name] ?? null);
    return {
      implementation: s.implementation,
      backend: s.backend,
      backendLabel: BACKEND_LABEL[s.backend],
      threads: s.start.threads,
      ...(s.start.notice === undefined ? {} : { notice: s.start.notice }),
      ...(s.start.device === undefined ? {} : { device: s.start.device }),
      network: { name: s.network.name, sizes: s.network.sizes, batch: s.network.batch },
      examplesPerSecond: s.network.batch / (s.stepMs / 1000),
      bestExamplesPerSecond: s.network.batch / (s.bestStepMs / 1000),
      examplesPerSecondIqr: [s.network.batch / (s.timings.step.q3Ms / 1000), s.network.batch / (s.timings.step.q1Ms / 1000)] as const,
      timings: s.timings,
      gflops,
      stepMs: s.stepMs,
      forwardMs: s.forwardMs,
      forwardBackwardMs: s.forwardBackwardMs,
      forwardBackwardOverForward: s.forwardBackwardMs / s.forwardMs,
      flopsPerStep: flops,
      roofline: {
        squareMatmul: square,
        layerShapedMatmulGflops: layerShaped,
        fractionOfSquare: square === null ? null : gflops / square.gflops,
        fractionOfLayerShaped: layerShaped === null ? null : gflops / layerShaped,
      },
      peakRssMB: s.peakRssMB,
      rssAtStartMB: s.rssAtStartMB,
      peakRssScope: s.implementation === 'numpy' ? 'python child process' : rssScope,
      tensorsLeaked: s.tensorsLeaked,
      ...(s.notes === undefined ? {} : { notes: s.notes }),
      ...(s.blas === undefined ? {} : { blas: s.blas }),
      ...(s.loadAverage === undefined ? {} : { loadAverage: s.loadAverage }),
    };
  });
  return base.map((r) => ({
    ...r,
    ratios: Object.fromEntries(
      base.filter((p) => p !== r && p.network.name === r.network.name).map((p) => [key(p), r.examplesPerSecond / p.examplesPerSecond]),
    ),
  }));
}

const IMPLEMENTATION_ORDER: readonly Implementation[] = ['accelerated', 'autograd', 'tfjs-layers', 'reference', 'numpy'];
const BACKEND_ORDER: readonly BackendKey[] = ['wasm-threaded', 'wasm-single', 'cpu', 'webgl', 'webgpu', 'mathjs', 'numpy'];

export function sortRecords(records: readonly BenchRecord[], networks: readonly NetworkSpec[]): BenchRecord[] {
  const rank = (r: BenchRecord): number[] => [
    networks.findIndex((n) => n.name === r.network.name),
    IMPLEMENTATION_ORDER.indexOf(r.implementation),
    BACKEND_ORDER.indexOf(r.backend),
  ];
  return [...records].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return 0;
  });
}

const netLabel = (r: BenchRecord): string => `${r.network.name} ${r.network.sizes.join('-')} B=${r.network.batch}`;

function peer(records: readonly BenchRecord[], r: BenchRecord, implementation: Implementation, sameBackend: boolean): string {
  const p = records.find(
    (q) => q !== r && q.implementation === implementation && q.network.name === r.network.name && (!sameBackend || q.backend === r.backend),
  );
  return p === undefined ? '-' : `${fmt(r.examplesPerSecond / p.examplesPerSecond)}x`;
}

/** Half the interquartile range of the samples relative to their median, as ±%. */
export function spread(t: Timing): string {
  return `±${((100 * (t.q3Ms - t.q1Ms)) / (2 * t.medianMs)).toFixed(1)}%`;
}

export function mainTable(records: readonly BenchRecord[]): string {
  const headers = [
    'implementation',
    'backend',
    'network',
    'examples/s',
    'best ex/s',
    'spread',
    'GFLOP/s',
    '% matmul n^3',
    '% matmul layer',
    'fwd+bwd/fwd',
    'peak RSS MB',
    'x layers',
    'x autograd',
    'x numpy',
    'x reference',
  ];
  const rows = records.map((r) => [
    r.implementation,
    r.threads > 1 && r.backend !== 'wasm-threaded' ? `${r.backendLabel} (${r.threads} thr)` : r.backendLabel,
    netLabel(r),
    fmt(r.examplesPerSecond),
    fmt(r.bestExamplesPerSecond),
    spread(r.timings.step),
    fmt(r.gflops),
    pct(r.roofline.fractionOfSquare),
    pct(r.roofline.fractionOfLayerShaped),
    fmt(r.forwardBackwardOverForward),
    fmt(r.peakRssMB),
    peer(records, r, 'tfjs-layers', true),
    peer(records, r, 'autograd', true),
    peer(records, r, 'numpy', false),
    peer(records, r, 'reference', false),
  ]);
  return markdownTable(headers, rows);
}

const SHORT: Record<string, string> = { accelerated: 'accel', autograd: 'autograd', 'tfjs-layers': 'layers', reference: 'ref', numpy: 'numpy' };
const SHORT_BACKEND: Record<BackendKey, string> = {
  cpu: 'cpu',
  'wasm-threaded': 'wasm2',
  'wasm-single': 'wasm1',
  webgl: 'webgl',
  webgpu: 'webgpu',
  mathjs: 'mathjs',
  numpy: 'np',
};

/** examples/s of row ÷ column, one matrix per network. */
export function ratioMatrices(records: readonly BenchRecord[], networks: readonly NetworkSpec[]): string {
  return networks
    .map((n) => {
      const rs = records.filter((r) => r.network.name === n.name);
      const names = rs.map((r) => `${SHORT[r.implementation]}/${SHORT_BACKEND[r.backend]}`);
      const rows = rs.map((r, i) => [names[i]!, ...rs.map((p) => (p === r ? '1' : fmt(r.examplesPerSecond / p.examplesPerSecond, 2)))]);
      return `${n.name} ${n.sizes.join('-')} B=${n.batch}: examples/s of row / column\n${markdownTable(['', ...names], rows)}`;
    })
    .join('\n\n');
}

export function report(
  records: readonly BenchRecord[],
  networks: readonly NetworkSpec[],
  extra: readonly string[],
  profiles: readonly ProfileResult[] = [],
): string {
  const flops = networks.map((n) => {
    const f = stepFlops(n.sizes, n.batch);
    return `  ${n.name} ${n.sizes.join('-')} B=${n.batch}: ${fmt(f.total / 1e6, 4)} MFLOP per step (forward ${fmt(f.forward / 1e6, 4)}, backward ${fmt(f.backward / 1e6, 4)}, update ${fmt(f.update / 1e6, 4)}; matmuls ${fmt(f.matmul / 1e6, 4)})`;
  });
  const large = networks.find((n) => n.name === 'large')?.name ?? networks[networks.length - 1]!.name;
  const checks = targets(records, large, profiles).map((c) => `  [${c.met === null ? '?' : c.met ? 'MET' : 'MISSED'}] ${c.text}`);
  return [
    mainTable(records),
    '',
    "% matmul n^3: achieved GFLOP/s / the backend's n x n x n matmul rate; % matmul layer: / the rate of the step's own products timed alone (the roofline).",
    'fwd+bwd/fwd: Theorem 3.1 made concrete (time of the gradient incl. its forward pass / time of the forward pass).',
    'examples/s from the median sample; best ex/s from the fastest sample (a hint of how much other processes slowed the median);',
    "spread: half the interquartile range of the step's samples relative to their median (the JSON has median, quartiles, min, max per timing).",
    "x peer: examples/s of this row / the peer's (layers and autograd on the same backend; numpy and reference on the same network).",
    '',
    FLOP_FORMULA,
    ...flops,
    '',
    ratioMatrices(records, networks),
    '',
    `Targets (issue 13, ${large} network):`,
    ...checks,
    ...(extra.length > 0 ? ['', ...extra] : []),
  ].join('\n');
}
