/**
 * Two loss curves of one training run, as loss-curves.svg and the site's playground draw them:
 * J(θ) after each iteration, the reference drawn wide and light, the accelerated path thin and
 * dashed on top of it (where they agree, everywhere to float32 accuracy, the dashes run inside
 * the wide line), on a log scale. Browser-safe.
 */
import { CHART_SIZE, plotted, type TopLevelSpec } from './render.js';

export interface Curve {
  /** The legend's name of the series. */
  readonly name: string;
  /** J(θ) after iteration i + 1. */
  readonly losses: readonly number[];
}

export interface TwoCurves {
  readonly title: string;
  readonly subtitle: readonly string[];
  readonly reference: Curve;
  readonly accelerated: Curve;
}

export function lossCurvesChart(c: TwoCurves): TopLevelSpec {
  const rows = ({ name, losses }: Curve) => losses.map((J, i) => ({ iteration: i + 1, J: plotted(J), series: name }));
  return {
    ...CHART_SIZE,
    background: 'white',
    title: { text: c.title, anchor: 'start', subtitle: [...c.subtitle] },
    encoding: {
      x: { field: 'iteration', type: 'quantitative', title: 'iteration i' },
      y: { field: 'J', type: 'quantitative', title: 'J(θ) after iteration i (eq. 1.2)', scale: { type: 'log' } },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: [c.reference.name, c.accelerated.name], range: ['#9ecae9', '#e45756'] },
        legend: { orient: 'top-right', labelLimit: 400 },
      },
    },
    layer: [
      { data: { values: rows(c.reference) }, mark: { type: 'line', strokeWidth: 6 } },
      { data: { values: rows(c.accelerated) }, mark: { type: 'line', strokeWidth: 1.5, strokeDash: [6, 3] } },
    ],
  };
}
