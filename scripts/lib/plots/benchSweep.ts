/**
 * The scaling sweep's figures (`npm run bench -- --sweep` measures and draws them; `npm run plots`
 * redraws them from the committed docs/figures/bench-sweep.json):
 *   - bench-sweep-throughput.svg: examples/s of one SGD step (eq. 1.5) against batch size B, width
 *     m and depth L, per backend, the median with the interquartile range of the samples;
 *   - bench-sweep-roofline.svg: the step's achieved GFLOP/s (scripts/bench/flops.ts) as a fraction
 *     of the backend's matmul rate: of the step's own products timed alone (solid) and of the
 *     1024^3 product (dashed). Where it is low the fixed per-step overhead dominates; where it
 *     levels off the matmul rate is reached.
 * Log axes throughout; one panel per axis.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SweepAxis, SweepFile } from '../../bench/sweepData.js';
import { SWEEP_AXES, sweepNetwork, sweepRows } from '../../bench/sweepData.js';
import { PROJECT_ROOT } from '../coverage.js';
import { type Figure, plotted, type TopLevelSpec } from './render.js';

export const SWEEP_JSON = 'bench-sweep.json';
export const THROUGHPUT_TITLE = 'One SGD step of the accelerated path and numpy: examples/s against size';
export const ROOFLINE_TITLE = "The step's GFLOP/s as a fraction of the backend's matmul rate, against size";

const PANEL = { width: 250, height: 260 } as const;

function axisTitle(file: Pick<SweepFile, 'grid'>, axis: SweepAxis): string {
  const { width, batch, depth } = file.grid.fixed;
  switch (axis) {
    case 'batch':
      return `batch size B (${sweepNetwork(file.grid, 'depth', depth).sizes.join('-')})`;
    case 'width':
      return `width m (${['m', ...Array.from({ length: depth }, () => 'm'), 1].join('-')}, B = ${batch})`;
    case 'depth':
      return `hidden layers L (${width} wide, B = ${batch})`;
  }
}

type Row = Record<string, number | string>;

/** The subtitle: what was measured, on what, under which load. */
function subtitle(file: SweepFile, dash?: { solid: string; dashed: string }): string[] {
  const load = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(', ');
  return [
    `ReLU network, row-major (eq. 4.4); median of >= ${file.timing.minSamples} samples, bars: interquartile range`,
    ...(dash === undefined ? [] : [`solid: ${dash.solid}; dashed: ${dash.dashed}`]),
    `${file.machine.cpus} × ${file.machine.cpuModel}; load average before ${load(file.loadAverage.before)}, after ${load(file.loadAverage.after)}; ${file.measuredAt.slice(0, 10)}`,
  ];
}

/** One panel per axis over `rows`, each a line with points and an interquartile rule per series. */
function panels(
  file: SweepFile,
  rows: readonly Row[],
  y: { field: string; low: string; high: string; title: string },
  dash?: { field: string; solid: string; dashed: string },
): TopLevelSpec {
  const series = [...new Set(rows.map((r) => String(r.series)))];
  return {
    background: 'white',
    title: { text: y.field === 'examplesPerSecond' ? THROUGHPUT_TITLE : ROOFLINE_TITLE, anchor: 'start', subtitle: subtitle(file, dash) },
    data: { values: [...rows] },
    hconcat: SWEEP_AXES.map((axis) => {
      const values = [...file.grid[axis]];
      const x = {
        field: 'value',
        type: 'quantitative' as const,
        title: axisTitle(file, axis),
        scale: { type: 'log' as const, domain: [values[0]!, values[values.length - 1]!] },
        axis: { values, format: 'd', labelOverlap: false, labelFlush: false },
      };
      const color = {
        field: 'series',
        type: 'nominal' as const,
        title: null,
        scale: { domain: series },
        legend: { orient: 'bottom' as const, direction: 'vertical' as const, labelLimit: 400 },
      };
      return {
        ...PANEL,
        transform: [{ filter: `datum.axis === '${axis}'` }],
        layer: [
          {
            mark: { type: 'rule' as const, strokeWidth: 1.5 },
            encoding: { x, y: { field: y.low, type: 'quantitative' as const, scale: { type: 'log' as const } }, y2: { field: y.high }, color },
          },
          {
            mark: { type: 'line' as const, point: true },
            encoding: {
              x,
              y: { field: y.field, type: 'quantitative' as const, title: y.title, scale: { type: 'log' as const } },
              color,
              ...(dash === undefined
                ? {}
                : {
                    strokeDash: {
                      field: dash.field,
                      type: 'nominal' as const,
                      title: null,
                      scale: {
                        domain: [dash.solid, dash.dashed],
                        range: [
                          [1, 0],
                          [6, 3],
                        ],
                      },
                      legend: null,
                    },
                  }),
              detail: { field: 'series' },
            },
          },
        ],
      };
    }),
  };
}

/** examples/s against size, per backend. */
export function throughputSpec(file: SweepFile): TopLevelSpec {
  const rows = sweepRows(file).map(({ point, record: r }) => ({
    axis: point.axis,
    value: point.value,
    series: r.implementation === 'numpy' ? r.backendLabel : `${r.implementation}, ${r.backendLabel}`,
    examplesPerSecond: plotted(r.examplesPerSecond),
    low: plotted(r.examplesPerSecondIqr[0]),
    high: plotted(r.examplesPerSecondIqr[1]),
  }));
  return panels(file, rows, { field: 'examplesPerSecond', low: 'low', high: 'high', title: 'examples/s (median)' });
}

/** The fraction of the matmul rate against size: of the step's own products, and of the n^3 product. */
export function rooflineSpec(file: SweepFile): TopLevelSpec {
  const own = "fraction of the rate of the step's own products timed alone";
  const square = `fraction of the ${file.records.find((r) => r.roofline.squareMatmul !== null)?.roofline.squareMatmul?.size ?? 'n'}^3 product's rate`;
  const rows = sweepRows(file).flatMap(({ point, record: r }) => {
    const series = r.implementation === 'numpy' ? r.backendLabel : `${r.implementation}, ${r.backendLabel}`;
    // The step's IQR carried to the fraction: GFLOP/s scales as 1/time.
    const scale = (f: number, t: number): number => plotted((f * r.stepMs) / t);
    const { step } = r.timings;
    const of = (measure: string, f: number | null): Row[] =>
      f === null ? [] : [{ axis: point.axis, value: point.value, series, measure, fraction: plotted(f), low: scale(f, step.q3Ms), high: scale(f, step.q1Ms) }];
    return [...of(own, r.roofline.fractionOfLayerShaped), ...of(square, r.roofline.fractionOfSquare)];
  });
  return panels(
    file,
    rows,
    { field: 'fraction', low: 'low', high: 'high', title: 'GFLOP/s ÷ matmul GFLOP/s' },
    { field: 'measure', solid: own, dashed: square },
  );
}

/** bench-sweep.json of `dir`. */
export function readSweep(dir: string): SweepFile {
  return JSON.parse(readFileSync(join(dir, SWEEP_JSON), 'utf8')) as SweepFile;
}

const committed = (): SweepFile => readSweep(join(PROJECT_ROOT, 'docs', 'figures'));

export const SWEEP_FIGURES: readonly Figure[] = [
  { file: 'bench-sweep-throughput.svg', title: THROUGHPUT_TITLE, spec: async () => throughputSpec(committed()) },
  { file: 'bench-sweep-roofline.svg', title: ROOFLINE_TITLE, spec: async () => rooflineSpec(committed()) },
];

/** The sweep's figures of `file`, by file name. */
export function sweepFigureSpecs(file: SweepFile): { file: string; spec: TopLevelSpec }[] {
  return [
    { file: SWEEP_FIGURES[0]!.file, spec: throughputSpec(file) },
    { file: SWEEP_FIGURES[1]!.file, spec: rooflineSpec(file) },
  ];
}
