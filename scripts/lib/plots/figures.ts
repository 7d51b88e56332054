/** The figures of docs/figures/ (`npm run plots`), in the order the README shows them. */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../coverage.js';
import { SWEEP_FIGURES } from './benchSweep.js';
import { FD_STEP_FIGURE } from './fdStep.js';
import { FIGURE1 } from './figure1Kink.js';
import { LOSS_CURVES } from './lossCurves.js';
import type { Figure } from './render.js';

/** The bench sweep's figures are drawn from the measured docs/figures/bench-sweep.json (`npm run bench -- --sweep` writes both). */
export const FIGURES: readonly Figure[] = [FIGURE1, LOSS_CURVES, FD_STEP_FIGURE, ...SWEEP_FIGURES];

export const FIGURE_DIR = join(PROJECT_ROOT, 'docs', 'figures');
