/**
 * The small fixed networks and data of the worked examples: readable numbers (quarters), chosen
 * so that some pre-activations are negative (the ReLU masks show) and none is exactly 0 (no kink),
 * except where an example is about ReLU'(0) itself.
 */
import { columnVector, matrixFromRows } from '../../../reference/matrix.js';
import type { Params } from '../../../reference/network.js';
import type { Matrix } from '../../../reference/numeric.js';
import type { Example } from '../../../reference/optimizers.js';

/** A d×1 column from its entries. */
export const col = (...values: number[]): Matrix => columnVector(values);
/** A matrix from its rows. */
export const mat = (...rows: number[][]): Matrix => matrixFromRows(rows);

/**
 * The 2-2-1 ReLU network (d = 2, m = 2): W^{[1]} (2x2), b^{[1]} (2x1), W^{[2]} (1x2), b^{[2]} (1x1).
 * On x = (1, 2): z = (1.25, −0.75), so hidden unit 2 is off.
 */
export const TWO_LAYER: Params = {
  W: [mat([0.5, 0.25], [-0.75, 0.25]), mat([1, -0.5])],
  b: [col(0.25, -0.5), mat([0.25])],
};

/**
 * The 2-3-2-1 ReLU network (r = 3): on x = (1, 2), z^{[1]} = (0.25, 1.5, −0.25) and
 * z^{[2]} = (−0.25, 0.25), so one unit of each hidden layer is off.
 */
export const THREE_LAYER: Params = {
  W: [mat([0.5, -0.25], [0.25, 0.5], [-0.5, 0.25]), mat([1, -0.5, 0.5], [0.5, 0.25, -1]), mat([0.75, -1])],
  b: [col(0.25, 0.25, -0.25), col(0.25, -0.25), mat([0.5])],
};

/** The example (x, y) every single-example worked example uses. */
export const X = col(1, 2);
export const Y = 2;

/** Three training examples (Section 4 writes three), n = 3, d = 2. */
export const DATA: readonly Example[] = [
  { x: col(1, 2), y: 2 },
  { x: col(2, -1), y: 1 },
  { x: col(-0.5, 1), y: 0.5 },
];

/** The learning rate and the sampler's seed of the training examples (seed 1: SGD draws 2, 1, 3 and the batches differ). */
export const ALPHA = 0.25;
export const SEED = 1;

/** The housing network of eq. 2.3: θ1..θ12, and x = (size, # bedrooms, zip code, wealth). */
export const HOUSING_THETA: readonly number[] = [0.5, 0.25, -1, 1, -0.25, 0.5, 1, -0.25, 2, 1, 1.5, 0.5];
export const HOUSING_X = col(2, 3, 0.5, 0.25);
export const HOUSING_Y = 3;
