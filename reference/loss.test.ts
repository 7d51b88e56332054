import { describe, expect, it } from 'vitest';
import { datasetLoss, squaredLoss } from './loss.js';
import { math, withPrecision } from './numeric.js';

describe('[1.1, 3.6] J = ½(h_θ(x) − y)²', () => {
  it('computes by hand: ½(3 − 1)² = 2, and is symmetric in (o − y) vs (y − o)', () => {
    expect(squaredLoss(3, 1)).toBe(2);
    expect(squaredLoss(1, 3)).toBe(2);
    expect(squaredLoss(-0.5, -0.5)).toBe(0);
  });
  it('runs in BigNumber: ½(0.1 − 0.3)² = 0.02 exactly in decimal', () => {
    const J = withPrecision(40, () => squaredLoss(math.bignumber('0.1'), math.bignumber('0.3')));
    expect(J.toString()).toBe('0.02');
  });
  it('refuses non-finite values, naming eq. 1.1', () => {
    expect(() => squaredLoss(Number.NaN, 1)).toThrow('eq. 1.1: h_θ(x) must be a finite number, got NaN');
    expect(() => squaredLoss(1, Infinity)).toThrow('eq. 1.1: y must be a finite number, got Infinity');
  });
});

describe('[1.2] J(θ) = (1/n) Σ J^(i)(θ)', () => {
  it('is the mean of the per-example losses: (2 + 0 + 4)/3 = 2', () => {
    expect(datasetLoss([2, 0, 4])).toBe(2);
  });
  it('refuses an empty dataset, naming eq. 1.2', () => {
    expect(() => datasetLoss([])).toThrow('eq. 1.2: the dataset must hold at least one example (n >= 1), got n = 0');
  });
});
