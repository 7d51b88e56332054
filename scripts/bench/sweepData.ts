/**
 * The scaling sweep's grid and its JSON file (bench-sweep.json), as plain data: which networks are
 * measured along each axis (batch size B, width m, depth L = the number of hidden layers), and
 * which records belong to which point. Pure, so the figures (scripts/lib/plots/benchSweep.ts) and
 * the tests read it without tfjs.
 */
import type { NetworkSpec } from './data.js';
import type { BenchRecord, LoadAverage } from './report.js';
import type { TimingOptions } from './timing.js';

export type SweepAxis = 'batch' | 'width' | 'depth';
export const SWEEP_AXES: readonly SweepAxis[] = ['batch', 'width', 'depth'];

/** The values along each axis, and the fixed width, batch size and depth of the other two axes. */
export interface SweepGrid {
  readonly batch: readonly number[];
  readonly width: readonly number[];
  readonly depth: readonly number[];
  readonly fixed: { readonly width: number; readonly batch: number; readonly depth: number };
}

/**
 * B = 1..4096 at 256-256-256-1; m = 16..2048 at m-m-m-1, B = 256; L = 1..8 hidden layers of 256,
 * B = 256. The three axes cross at 256-256-256-1, B = 256, measured once. About 5 minutes on the
 * 2-core machine with SWEEP_TIMING (the 2048-wide net, 13 GFLOP a step, is the longest).
 */
export const FULL_SWEEP: SweepGrid = {
  batch: [1, 4, 16, 64, 256, 1024, 4096],
  width: [16, 64, 256, 1024, 2048],
  depth: [1, 2, 3, 4, 5, 6, 7, 8],
  fixed: { width: 256, batch: 256, depth: 2 },
};

/** `--sweep --quick`: the same shape, tiny. */
export const QUICK_SWEEP: SweepGrid = { batch: [1, 8, 32], width: [4, 16], depth: [1, 2], fixed: { width: 16, batch: 32, depth: 2 } };

/** The network at `value` along `axis` (d = the width; m_r = 1), named by its sizes and batch. */
export function sweepNetwork(grid: SweepGrid, axis: SweepAxis, value: number): NetworkSpec {
  const width = axis === 'width' ? value : grid.fixed.width;
  const depth = axis === 'depth' ? value : grid.fixed.depth;
  const batch = axis === 'batch' ? value : grid.fixed.batch;
  const sizes = [width, ...Array.from({ length: depth }, () => width), 1];
  return { name: `${sizes.join('-')} B=${batch}`, sizes, batch };
}

/** A point of the sweep: its place on an axis, and the name of the network measured there. */
export interface SweepPoint {
  readonly axis: SweepAxis;
  readonly value: number;
  readonly network: string;
}

/** Every point of `grid` and the distinct networks to measure (a network on two axes is measured once). */
export function sweepPlan(grid: SweepGrid): { points: SweepPoint[]; networks: NetworkSpec[] } {
  const points: SweepPoint[] = [];
  const networks = new Map<string, NetworkSpec>();
  for (const axis of SWEEP_AXES) {
    for (const value of grid[axis]) {
      const network = sweepNetwork(grid, axis, value);
      points.push({ axis, value, network: network.name });
      if (!networks.has(network.name)) networks.set(network.name, network);
    }
  }
  return { points, networks: [...networks.values()] };
}

/** bench-sweep.json. */
export interface SweepFile {
  readonly what: string;
  readonly command: string;
  readonly measuredAt: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string; readonly platform: string };
  readonly timing: TimingOptions;
  readonly grid: SweepGrid;
  readonly points: readonly SweepPoint[];
  /** os.loadavg() (1, 5, 15 min) before the sweep and after it; each record also has its own. */
  readonly loadAverage: LoadAverage;
  readonly totalSeconds: number;
  /** One per backend and network: the bench's records (report.ts#BenchRecord), medians with their spread. */
  readonly records: readonly BenchRecord[];
  readonly failures: readonly string[];
}

/** The records at each point of `file`, with the point. */
export function sweepRows(file: Pick<SweepFile, 'points' | 'records'>): { point: SweepPoint; record: BenchRecord }[] {
  return file.points.flatMap((point) => file.records.filter((r) => r.network.name === point.network).map((record) => ({ point, record })));
}
