/**
 * The notes' Figure 1 ("Housing prices with a kink in the graph") made real: the single neuron of
 * eq. 2.1, h_θ(x) = max(wx + b, 0), fitted by the reference's gradient descent (eq. 1.3) to a
 * one-feature housing data set (size → price) generated from a fixed seed.
 */
import { squaredLoss } from '../../../reference/loss.js';
import { matrixFromRows } from '../../../reference/matrix.js';
import { layerSizes, type Params } from '../../../reference/network.js';
import { kinkModel, neuronGradient } from '../../../reference/neuron.js';
import type { Matrix } from '../../../reference/numeric.js';
import { type Example, gd, type Model } from '../../../reference/optimizers.js';
import { createRng, uniform01 } from '../../../reference/sampler.js';
import { CHART_SIZE, type Figure, plotted, type TopLevelSpec } from './render.js';

export const FIGURE1_TITLE = 'Figure 1: Housing prices with a "kink" in the graph';

/** The generator's seed, the number of houses, and the fit: θ0, α, n_iter of eq. 1.3. */
export const KINK_SETUP = { seed: 21, n: 50, theta0: { w: 100, b: 0 }, alpha: 0.2, nIter: 600 } as const;

export interface House {
  /** Size in square feet. */
  readonly size: number;
  /** Price in $1000, never negative. */
  readonly price: number;
}

/**
 * n houses of 400-4400 sq ft; price = max(0.25·(size − 700) + noise, 0) in $1000, noise uniform in
 * ±40: a line with the floor at zero that motivates eq. 2.1 (small houses sell for about nothing).
 */
export function kinkHouses(n: number, seed: number): House[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const size = 400 + 4000 * uniform01(rng);
    const noise = 80 * (uniform01(rng) - 0.5);
    return { size, price: Math.max(0.25 * (size - 700) + noise, 0) };
  });
}

const wOf = (theta: Params): number => theta.W[0]!.get([0, 0]) as number;
const bOf = (theta: Params): number => theta.b[0]!.get([0, 0]) as number;

/**
 * Eq. 2.1 as a reference Model: θ = (w, b) held as W[1] = [[w]] and b[1] = [[b]]; J^{(i)} by eq. 1.1
 * and its gradient by eq. 3.7 (the single neuron of Section 3.2 with d = 1).
 */
const KINK_MODEL: Model = {
  name: 'single ReLU neuron (eq. 2.1)',
  inputDimension: (theta) => layerSizes(theta)[0]!,
  loss: (theta, x, y) => squaredLoss(kinkModel(wOf(theta), bOf(theta), x.get([0, 0]) as number), y),
  gradient: (theta, x, y) => {
    const g = neuronGradient(theta.W[0]!, bOf(theta), x, y);
    return { W: [g.gradW], b: [matrixFromRows([[g.dJdb]])] };
  },
};

/** Sizes are fed in 1000 sq ft so that eq. 1.3 is well conditioned; w is then in $1000 per 1000 sq ft. */
const SIZE_UNIT = 1000;

export interface KinkFit {
  readonly houses: House[];
  /** h_θ(size) = max(w·size/1000 + b, 0) in $1000. */
  readonly w: number;
  readonly b: number;
  /** J(θ) of eq. 1.2 after the last iteration. */
  readonly J: number;
}

/** The data set and the reference's fit (fixed seed, θ0, α, n_iter: the same numbers every run). */
export function kinkFit(): KinkFit {
  const { seed, n, theta0, alpha, nIter } = KINK_SETUP;
  const houses = kinkHouses(n, seed);
  const data: Example[] = houses.map((h) => ({ x: matrixFromRows([[h.size / SIZE_UNIT]]) as Matrix, y: h.price }));
  const start: Params = { W: [matrixFromRows([[theta0.w]])], b: [matrixFromRows([[theta0.b]])] };
  const run = gd(start, data, { alpha, nIter, model: KINK_MODEL });
  return { houses, w: wOf(run.theta), b: bOf(run.theta), J: Number(run.losses[run.losses.length - 1]) };
}

/** Points and the fitted kinked line, drawn over 0-5000 sq ft so the floor at zero shows. */
export function figure1Spec(fit: KinkFit): TopLevelSpec {
  const kinkAt = (-fit.b / fit.w) * SIZE_UNIT;
  const line = [0, kinkAt, 5000].map((size) => ({ size: plotted(size), price: plotted(Math.max((fit.w * size) / SIZE_UNIT + fit.b, 0)) }));
  const x = { field: 'size', type: 'quantitative', title: 'square feet', scale: { domain: [0, 5000] as number[] } } as const;
  const y = { field: 'price', type: 'quantitative', title: 'price (in $1000)' } as const;
  return {
    ...CHART_SIZE,
    background: 'white',
    title: {
      text: FIGURE1_TITLE,
      anchor: 'start',
      // short lines: without a canvas vega estimates text widths generously (0.8 em per character)
      subtitle: [
        'h(x) = max(wx + b, 0) (eq. 2.1) fitted by gradient descent (eq. 1.3)',
        `w = ${plotted(fit.w / SIZE_UNIT)} $1000 per sq ft, b = ${plotted(fit.b)} $1000`,
        `kink at x = −b/w = ${Math.round(kinkAt)} sq ft`,
      ],
    },
    layer: [
      {
        data: { values: fit.houses.map((h) => ({ size: plotted(h.size), price: plotted(h.price) })) },
        mark: { type: 'point', filled: true, color: '#4c78a8', size: 30 },
        encoding: { x, y },
      },
      {
        data: { values: line },
        mark: { type: 'line', color: '#e45756', strokeWidth: 2 },
        encoding: { x, y },
      },
    ],
  };
}

export const FIGURE1: Figure = { file: 'figure1-kink.svg', title: FIGURE1_TITLE, spec: async () => figure1Spec(kinkFit()) };
