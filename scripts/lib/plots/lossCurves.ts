/**
 * loss-curves.svg: J(θ) of eq. 1.2 after each iteration of mini-batch SGD (Algorithm 2, eq. 1.5)
 * on the housing example, for the reference (float64) and the accelerated path on tfjs's cpu
 * backend (float32, deterministic: same bytes every run), from the same θ0 on the same batches.
 */
import { useBackend } from '../../../accelerated/backends.js';
import { HOUSING_RUN, type HousingRun, trainHousing } from '../housingRun.js';
import { lossCurvesChart } from './curves.js';
import type { Figure, TopLevelSpec } from './render.js';

export const LOSS_CURVES_TITLE = 'J(θ) of the reference and the accelerated path, same θ0, same batches';

/** n_iter of the figure: as `npm run train`'s default, long enough to show the plateau and the drop after it. */
export const LOSS_ITERATIONS = 1500;

export const LOSS_SERIES = { reference: 'reference (mathjs, float64)', accelerated: 'accelerated (tfjs cpu, float32)' } as const;

let cached: Promise<HousingRun> | undefined;

/** The two runs behind the figure (computed once per process: the test and the figure share them). */
export function lossCurvesData(): Promise<HousingRun> {
  cached ??= useBackend('cpu').then(() => trainHousing(LOSS_ITERATIONS));
  return cached;
}

export function lossCurvesSpec(run: HousingRun): TopLevelSpec {
  const { alpha, B, seed, sizes } = HOUSING_RUN;
  return lossCurvesChart({
    title: LOSS_CURVES_TITLE,
    subtitle: [
      `housing example, ${sizes.join('-')} ReLU network, mini-batch SGD (eq. 1.5)`,
      `α = ${alpha}, B = ${B}, seed ${seed}, ${run.batches.length} iterations`,
    ],
    reference: { name: LOSS_SERIES.reference, losses: run.reference },
    accelerated: { name: LOSS_SERIES.accelerated, losses: run.accelerated },
  });
}

export const LOSS_CURVES: Figure = { file: 'loss-curves.svg', title: LOSS_CURVES_TITLE, spec: async () => lossCurvesSpec(await lossCurvesData()) };
