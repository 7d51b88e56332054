/** Numeric checks of the errata of Section 2 added after reference/errata.test.ts: tests named `[erratum:<id>]`. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetLoss, squaredLoss } from './loss.js';
import { kinkModel } from './neuron.js';

describe('Section 2 as printed', () => {
  it('[erratum:eq2.1-map-notation] h_θ is a map R → R whose value predicts y: no θ of eq. 2.1 maps the sizes (1, 2, 3) to the prices (1, 0, 1)', () => {
    const sizes = [1, 2, 3];
    const prices = [1, 0, 1];
    const grid = Array.from({ length: 41 }, (_, i) => -5 + i / 4);
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), (w, b) => {
        const h = (x: number): number => kinkModel(w, b, x) as number;
        // max(wx + b, 0) is monotone in x: non-decreasing for w >= 0, non-increasing for w <= 0 (rounding
        // of wx + b is monotone in x too, so the computed values keep the order)
        const values = grid.map(h);
        const step = w >= 0 ? 1 : -1;
        values.slice(1).forEach((v, i) => expect(step * (v - values[i]!)).toBeGreaterThanOrEqual(0));
        // so its cost on the three examples is at least 1/12 (the best monotone fit of (1, 0, 1) has squared
        // error ½, and J = (1/3)·½·Σ(h − y)²); the float evaluation errs by far less than the 1e-12 allowed
        const J = datasetLoss(sizes.map((x, i) => squaredLoss(h(x), prices[i]!)));
        expect(J as number).toBeGreaterThanOrEqual(1 / 12 - 1e-12);
      }),
      { numRuns: 500 },
    );
    // by hand: w = 0, b = ½ predicts (½, ½, ½) for every size, J = (1/3)·½·(¼ + ¼ + ¼) = 1/8 >= 1/12
    expect(datasetLoss(sizes.map((x, i) => squaredLoss(kinkModel(0, 0.5, x), prices[i]!)))).toBe(1 / 8);
  });
});
