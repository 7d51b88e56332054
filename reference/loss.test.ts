import { describe, expect, it } from 'vitest';
import { datasetLoss, scaledCost, squaredLoss } from './loss.js';
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

describe('[1/scale-invariance] c·J has the minimizers of J for c > 0, and ∇(cJ) = c∇J', () => {
  // J(θ) = ½(θ² − 1)² (the example model h = θ²x² at x = 1, y = 1): global minima at θ = ±1, a
  // local maximum at 0. On the grid θ = k/8, |k| <= 16, every J and every c·J below is exact (at
  // most ~30 significant bits), so minimizers are compared exactly, ties included.
  const grid = Array.from({ length: 33 }, (_, k) => (k - 16) / 8);
  const J = (t: number): number => squaredLoss(t * t, 1) as number;
  const localMinima = (f: (t: number) => number): number[] =>
    grid.filter((t, i) => (i === 0 || f(t) <= f(grid[i - 1]!)) && (i === grid.length - 1 || f(t) <= f(grid[i + 1]!)));
  const argmin = (f: (t: number) => number): number[] => grid.filter((t) => f(t) === Math.min(...grid.map(f)));

  it('keeps every local and global minimizer for c ∈ {1/4, 3, 1000} (and the 1/n of eq. 1.2: c = n)', () => {
    expect(localMinima(J)).toEqual([-1, 1]);
    for (const c of [0.25, 3, 1000]) {
      const cJ = (t: number): number => scaledCost(c, J(t)) as number;
      expect(localMinima(cJ)).toEqual(localMinima(J));
      expect(argmin(cJ)).toEqual([-1, 1]);
    }
  });

  it('scales the gradient by c: central differences of cJ are c times those of J (c = 4: exact scaling)', () => {
    const h = 2 ** -10;
    for (const t of [-1.5, -0.25, 0.5, 2]) {
      const slope = (f: (t: number) => number): number => (f(t + h) - f(t - h)) / (2 * h);
      expect(slope((s) => scaledCost(4, J(s)) as number)).toBe(4 * slope(J));
    }
  });

  it('refuses c <= 0, for which the claim is false, naming 1/scale-invariance', () => {
    // c < 0: −J has a maximum where J has its minimum (at ±1, −J = 0 > −J(0) = −½).
    expect(-J(1)).toBeGreaterThan(-J(0));
    expect(() => scaledCost(-1, 2)).toThrow('1/scale-invariance: c must be > 0 (c < 0 turns minima into maxima, c = 0 makes every θ a minimizer), got -1');
    expect(() => scaledCost(0, 2)).toThrow('1/scale-invariance: c must be > 0');
    expect(() => scaledCost(Number.NaN, 2)).toThrow('1/scale-invariance: c must be a finite number');
  });
});
