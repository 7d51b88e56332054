/**
 * loss-curves.svg: J(θ) of eq. 1.2 after each iteration of mini-batch SGD (Algorithm 2, eq. 1.5)
 * on the housing example, for the reference (float64) and the accelerated path on tfjs's cpu
 * backend (float32, deterministic: same bytes every run), from the same θ0 on the same batches.
 */
import { useBackend } from '../../../accelerated/backends.js';
import { HOUSING_RUN, type HousingRun, trainHousing } from '../housingRun.js';
import { CHART_SIZE, type Figure, plotted, type TopLevelSpec } from './render.js';

export const LOSS_CURVES_TITLE = 'J(θ) of the reference and the accelerated path, same θ0, same batches';

/** n_iter of the figure: as `npm run train`'s default, long enough to show the plateau and the drop after it. */
export const LOSS_ITERATIONS = 1500;

export const LOSS_SERIES = { reference: 'reference (mathjs, float64)', accelerated: 'accelerated (tfjs cpu, float32)' } as const;

const SERIES = [LOSS_SERIES.reference, LOSS_SERIES.accelerated];

let cached: Promise<HousingRun> | undefined;

/** The two runs behind the figure (computed once per process: the test and the figure share them). */
export function lossCurvesData(): Promise<HousingRun> {
  cached ??= useBackend('cpu').then(() => trainHousing(LOSS_ITERATIONS));
  return cached;
}

/**
 * The reference drawn wide and light, the accelerated path thin and dashed on top of it: where
 * they agree (everywhere, to float32 accuracy) the dashes run inside the wide line.
 */
export function lossCurvesSpec(run: HousingRun): TopLevelSpec {
  const rows = (series: string, losses: readonly number[]) => losses.map((J, i) => ({ iteration: i + 1, J: plotted(J), series }));
  const { alpha, B, seed, sizes } = HOUSING_RUN;
  return {
    ...CHART_SIZE,
    background: 'white',
    title: {
      text: LOSS_CURVES_TITLE,
      anchor: 'start',
      subtitle: [
        `housing example, ${sizes.join('-')} ReLU network, mini-batch SGD (eq. 1.5)`,
        `α = ${alpha}, B = ${B}, seed ${seed}, ${run.batches.length} iterations`,
      ],
    },
    encoding: {
      x: { field: 'iteration', type: 'quantitative', title: 'iteration i' },
      y: { field: 'J', type: 'quantitative', title: 'J(θ) after iteration i (eq. 1.2)', scale: { type: 'log' } },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: SERIES, range: ['#9ecae9', '#e45756'] },
        legend: { orient: 'top-right', labelLimit: 400 },
      },
    },
    layer: [
      { data: { values: rows(LOSS_SERIES.reference, run.reference) }, mark: { type: 'line', strokeWidth: 6 } },
      { data: { values: rows(LOSS_SERIES.accelerated, run.accelerated) }, mark: { type: 'line', strokeWidth: 1.5, strokeDash: [6, 3] } },
    ],
  };
}

export const LOSS_CURVES: Figure = { file: 'loss-curves.svg', title: LOSS_CURVES_TITLE, spec: async () => lossCurvesSpec(await lossCurvesData()) };
