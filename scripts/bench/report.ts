/**
 * Turns the bench's raw results into records (the --json output) and the printed report: the main
 * table, the ratio matrices, and the issue's targets with the measured numbers.
 */
import { BACKWARD_TO_FORWARD_BOUND } from '../../reference/theorem31.js';
import { BACKEND_LABEL, type BackendKey } from './backends.js';
import type { NetworkSpec } from './data.js';
import { FLOP_FORMULA, type StepFlops, stepFlops } from './flops.js';
import type { Implementation, MatmulResult, StepResult } from './jobs.js';

/** A step result as it comes back from a child (or in-process), with its peak RSS. */
export type MeasuredStep = StepResult & {
  readonly peakRssMB: number | null;
  /** Set by the numpy child: its own matmul rates. */
  readonly matmul?: { square: { size: number; gflops: number } | null; layerShaped: number };
  readonly blas?: unknown;
  /** os.loadavg()[0] when the measurement started: above ~0.5 other processes competed for the 2 cores. */
  readonly loadAverage1m?: number;
};

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
  readonly network: { readonly name: string; readonly sizes: readonly number[]; readonly batch: number };
  readonly examplesPerSecond: number;
  /** From the fastest sample instead of the median (the least disturbed by other processes). */
  readonly bestExamplesPerSecond: number;
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
  readonly loadAverage1m?: number;
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
      network: { name: s.network.name, sizes: s.network.sizes, batch: s.network.batch },
      examplesPerSecond: s.network.batch / (s.stepMs / 1000),
      bestExamplesPerSecond: s.network.batch / (s.bestStepMs / 1000),
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
      ...(s.loadAverage1m === undefined ? {} : { loadAverage1m: s.loadAverage1m }),
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
const BACKEND_ORDER: readonly BackendKey[] = ['wasm-threaded', 'wasm-single', 'cpu', 'mathjs', 'numpy'];

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

function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '-';
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  return x.toPrecision(digits);
}

const pct = (x: number | null): string => (x === null ? '-' : `${(100 * x).toFixed(x < 0.01 ? 2 : 0)}%`);

function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const netLabel = (r: BenchRecord): string => `${r.network.name} ${r.network.sizes.join('-')} B=${r.network.batch}`;

function peer(records: readonly BenchRecord[], r: BenchRecord, implementation: Implementation, sameBackend: boolean): string {
  const p = records.find(
    (q) => q !== r && q.implementation === implementation && q.network.name === r.network.name && (!sameBackend || q.backend === r.backend),
  );
  return p === undefined ? '-' : `${fmt(r.examplesPerSecond / p.examplesPerSecond)}x`;
}

export function mainTable(records: readonly BenchRecord[]): string {
  const headers = [
    'implementation',
    'backend',
    'network',
    'examples/s',
    'best ex/s',
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
const SHORT_BACKEND: Record<BackendKey, string> = { cpu: 'cpu', 'wasm-threaded': 'wasm2', 'wasm-single': 'wasm1', mathjs: 'mathjs', numpy: 'np' };

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

export interface TargetCheck {
  readonly text: string;
  readonly met: boolean | null;
}

/** The issue's targets, with the measured numbers. */
export function targets(records: readonly BenchRecord[], largeName: string): TargetCheck[] {
  const find = (implementation: Implementation, backend: BackendKey): BenchRecord | undefined =>
    records.find((r) => r.network.name === largeName && r.implementation === implementation && r.backend === backend);
  const checks: TargetCheck[] = [];
  for (const backend of ['wasm-threaded', 'wasm-single'] as const) {
    const acc = find('accelerated', backend);
    const layers = find('tfjs-layers', backend);
    if (acc !== undefined && layers !== undefined) {
      const ratio = acc.examplesPerSecond / layers.examplesPerSecond;
      checks.push({
        met: ratio >= 10,
        text: `large net on ${BACKEND_LABEL[backend]}: accelerated / tfjs-layers trainOnBatch = ${fmt(acc.examplesPerSecond)} / ${fmt(layers.examplesPerSecond)} examples/s = ${fmt(ratio)}x (target >= 10x)`,
      });
    }
    if (acc !== undefined) {
      const { fractionOfLayerShaped: f, fractionOfSquare: s, layerShapedMatmulGflops: l, squareMatmul: q } = acc.roofline;
      checks.push({
        met: f === null ? null : f >= 0.8,
        text: `large net on ${BACKEND_LABEL[backend]}: ${fmt(acc.gflops)} GFLOP/s = ${pct(f)} of the step's own matmuls (${fmt(l)} GFLOP/s), ${pct(s)} of the ${q?.size ?? '?'}^3 matmul (${fmt(q?.gflops)} GFLOP/s) (target >= 80%)`,
      });
    }
  }
  const worst = records.reduce<BenchRecord | null>((w, r) => (w === null || r.forwardBackwardOverForward > w.forwardBackwardOverForward ? r : w), null);
  const over = records.filter((r) => r.forwardBackwardOverForward > BACKWARD_TO_FORWARD_BOUND);
  checks.push({
    met: over.length === 0,
    text:
      `Theorem 3.1: time(fwd+bwd)/time(fwd) <= ${BACKWARD_TO_FORWARD_BOUND} on every implementation, backend and size: worst ${fmt(worst?.forwardBackwardOverForward)} (${worst === null ? '-' : `${worst.implementation} on ${worst.backendLabel}, ${worst.network.name}`})` +
      (over.length === 0
        ? ''
        : `; over: ${over.map((r) => `${r.implementation}/${SHORT_BACKEND[r.backend]}/${r.network.name} ${fmt(r.forwardBackwardOverForward)}`).join(', ')}`),
  });
  return checks;
}

export function report(records: readonly BenchRecord[], networks: readonly NetworkSpec[], extra: readonly string[]): string {
  const flops = networks.map((n) => {
    const f = stepFlops(n.sizes, n.batch);
    return `  ${n.name} ${n.sizes.join('-')} B=${n.batch}: ${fmt(f.total / 1e6, 4)} MFLOP per step (forward ${fmt(f.forward / 1e6, 4)}, backward ${fmt(f.backward / 1e6, 4)}, update ${fmt(f.update / 1e6, 4)}; matmuls ${fmt(f.matmul / 1e6, 4)})`;
  });
  const large = networks[networks.length - 1]!.name;
  const checks = targets(records, large).map((c) => `  [${c.met === null ? '?' : c.met ? 'MET' : 'MISSED'}] ${c.text}`);
  return [
    mainTable(records),
    '',
    "% matmul n^3: achieved GFLOP/s / the backend's n x n x n matmul rate; % matmul layer: / the rate of the step's own products timed alone (the roofline).",
    'fwd+bwd/fwd: Theorem 3.1 made concrete (time of the gradient incl. its forward pass / time of the forward pass).',
    'examples/s from the median sample; best ex/s from the fastest sample (a hint of how much other processes slowed the median).',
    "x peer: examples/s of this row / the peer's (layers and autograd on the same backend; numpy and reference on the same network).",
    '',
    FLOP_FORMULA,
    ...flops,
    '',
    ratioMatrices(records, networks),
    '',
    'Targets (issue 3):',
    ...checks,
    ...(extra.length > 0 ? ['', ...extra] : []),
  ].join('\n');
}
