/** The small problem the trainer's tests share: a 4-3-1 ReLU net and n = 6 examples (n ≠ B = 4 ≠ m_1 = 3), generic values. */
import type { DataSet, RowParamsData } from '../model.js';

/** θ in the row-major layout of eq. 4.4: W[1] 4×3, b[1] 1×3, W[2] 3×1, b[2] 1×1. */
export const THETA_4_3_1: RowParamsData = {
  W: [
    [
      [0.5, -0.25, 0.75],
      [-0.6, 0.3, 0.2],
      [0.1, 0.9, -0.4],
      [0.35, -0.8, 0.15],
    ],
    [[0.7], [-0.45], [0.6]],
  ],
  b: [[0.1, -0.2, 0.05], [0.3]],
};

/** Six examples of d = 4 (one per row) and their targets. */
export const DATA_6: DataSet = {
  X: [
    [0.2, -0.4, 0.6, 0.1],
    [-0.7, 0.3, 0.5, -0.2],
    [0.9, 0.1, -0.3, 0.4],
    [-0.1, -0.8, 0.2, 0.6],
    [0.4, 0.5, -0.9, -0.3],
    [0.05, 0.7, 0.3, -0.6],
  ],
  y: [0.5, -0.3, 0.8, 0.1, -0.6, 0.2],
};
