import { describe, expect, it } from 'vitest';
import { forwardBounds, gatherRows, type Mat, uploaded } from './bounds.js';
import { precisionOf } from './roundoff.js';

const p = precisionOf('cpu');
const f32 = (A: Mat): Mat => A.map((row) => row.map(Math.fround));

describe('running-error bounds', () => {
  it('uploads a float64 to float32 within u·|v| + τ, and gathers rows exactly', () => {
    const V = [
      [0.1, -3],
      [1e-40, 2],
    ];
    const up = uploaded(p, V);
    V.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(Math.fround(v) - v)).toBeLessThanOrEqual(up.E[i]![j]!)));
    expect(gatherRows(up, [1, 1, 0]).M).toEqual([
      [1e-40, 2],
      [1e-40, 2],
      [0.1, 3],
    ]);
  });

  it('[2.12, 4.4] bounds a float32 forward pass (one linear layer, rows = examples) by its float64 value', () => {
    const X = [
      [0.1, 0.7],
      [-1.3, 2.9],
      [1e3, 1e-3],
    ];
    const W = [[0.3], [-0.45]];
    const b = [[0.2]];
    const exactZ = X.map((x) => [x[0]! * W[0]![0]! + x[1]! * W[1]![0]! + b[0]![0]!]);
    const [x32, W32, b32] = [f32(X), f32(W), f32(b)];
    const float32Z = x32.map((x) => [Math.fround(Math.fround(Math.fround(x[0]! * W32[0]![0]!) + Math.fround(x[1]! * W32[1]![0]!)) + b32[0]![0]!)]);
    const bounds = forwardBounds(p, { W: [uploaded(p, W)], b: [uploaded(p, b)] }, uploaded(p, X), { Z: [[], exactZ], A: [X, exactZ] }, 'identity');
    exactZ.forEach((row, i) => {
      const E = bounds.Z[1]!.E[i]![0]!;
      expect(Math.abs(float32Z[i]![0]! - row[0]!)).toBeLessThanOrEqual(E);
      expect(E).toBeLessThan(1e-6 * (Math.abs(X[i]![0]! * W[0]![0]!) + Math.abs(X[i]![1]! * W[1]![0]!) + 0.2));
    });
  });
});
