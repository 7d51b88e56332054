/** The optimizers' contract on their inputs: θ0 reproducible and never written in place, a new θ from
 * every step, and bad input refused with the equation named (reference/optimizerInputs.ts). */
import { describe, expect, it } from 'vitest';
import { backprop } from './backprop.js';
import { columnVector, matrixFromRows, toRows } from './matrix.js';
import { initializeParams, type Params } from './network.js';
import type { Scalar } from './numeric.js';
import { datasetCost, type Example, gd, gdStep, meanGradient, minibatchSgd, minibatchStep, sgd, sgdStep, trainOnBatches } from './optimizers.js';
import { createRng } from './sampler.js';

/** θ as nested rows, for exact (bit-for-bit, +0 ≠ −0) comparison with toEqual. */
const rowsOf = (theta: Params): { W: Scalar[][][]; b: Scalar[][][] } => ({ W: theta.W.map(toRows), b: theta.b.map(toRows) });

/** The 1-1 network h = w·x + b (r = 1, sizes [1, 1]) with w = 1, b = 0, and two examples. */
const oneOne: Params = { W: [matrixFromRows([[1]])], b: [columnVector([0])] };
const twoExamples: Example[] = [
  { x: columnVector([1]), y: 2 },
  { x: columnVector([2]), y: 1 },
];

describe('[alg1.line2, alg2.line2] θ is initialized randomly, reproducibly, and never overwritten in place', () => {
  it('gives the same θ0 for the same seed, and the trainers leave θ0 and the data untouched', () => {
    const theta0 = initializeParams([2, 3, 1], createRng(11));
    expect(rowsOf(initializeParams([2, 3, 1], createRng(11)))).toEqual(rowsOf(theta0));
    const before = rowsOf(theta0);
    const data = [
      { x: columnVector([1, 2]), y: 3 },
      { x: columnVector([-1, 0.5]), y: 0 },
    ];
    const dataBefore = data.map((e) => toRows(e.x));
    sgd(theta0, data, { alpha: 0.1, nIter: 3, seed: 1 });
    minibatchSgd(theta0, data, { alpha: 0.1, nIter: 3, seed: 1, B: 2 });
    gd(theta0, data, { alpha: 0.1, nIter: 3 });
    expect(rowsOf(theta0)).toEqual(before);
    expect(data.map((e) => toRows(e.x))).toEqual(dataBefore);
  });
});

describe('[1.3, 1.4, 1.5] the steps return a new θ', () => {
  it('never write into θ or the gradient (":=" is the program\'s assignment, footnote 2)', () => {
    const g = backprop(oneOne, twoExamples[0]!.x, twoExamples[0]!.y).gradient;
    for (const next of [gdStep(oneOne, g, 0.5), sgdStep(oneOne, g, 0.5), minibatchStep(oneOne, [g, g], 0.5)]) {
      expect(next.W[0]).not.toBe(oneOne.W[0]);
      expect(rowsOf(oneOne)).toEqual({ W: [[[1]]], b: [[[0]]] });
      expect(rowsOf(g)).toEqual({ W: [[[-1]]], b: [[[-1]]] });
    }
  });
});

describe('[1.2, 1.3, 1.4, 1.5, alg1.line1, alg2.line1, alg2.line3, alg2.line4] bad input', () => {
  const g = backprop(oneOne, twoExamples[0]!.x, twoExamples[0]!.y).gradient;
  it('refuses a learning rate that is not finite and > 0, naming the update', () => {
    for (const alpha of [0, -0.1, Number.NaN, Infinity]) {
      expect(() => gdStep(oneOne, g, alpha)).toThrow(`eq. 1.3: learning rate α must be finite and > 0, got ${alpha}`);
      expect(() => sgdStep(oneOne, g, alpha)).toThrow('eq. 1.4: learning rate α');
      expect(() => minibatchStep(oneOne, [g], alpha)).toThrow('eq. 1.5: learning rate α');
      expect(() => gd(oneOne, twoExamples, { alpha, nIter: 1 })).toThrow('eq. 1.3: learning rate α');
      expect(() => sgd(oneOne, twoExamples, { alpha, nIter: 1, seed: 1 })).toThrow('eq. 1.4: learning rate α');
      expect(() => minibatchSgd(oneOne, twoExamples, { alpha, nIter: 1, seed: 1, B: 1 })).toThrow('eq. 1.5: learning rate α');
      expect(() => trainOnBatches(oneOne, twoExamples, [[0]], alpha)).toThrow('eq. 1.5: learning rate α');
    }
  });
  it('refuses n_iter that is not a positive integer', () => {
    for (const nIter of [0, -1, 1.5, Number.NaN]) {
      expect(() => sgd(oneOne, twoExamples, { alpha: 0.1, nIter, seed: 1 })).toThrow(
        `Algorithm 1 line 1: n_iter (number of iterations) must be a positive integer, got ${nIter}`,
      );
      expect(() => minibatchSgd(oneOne, twoExamples, { alpha: 0.1, nIter, seed: 1, B: 1 })).toThrow('Algorithm 2 line 1: n_iter');
      expect(() => gd(oneOne, twoExamples, { alpha: 0.1, nIter })).toThrow('eq. 1.3: n_iter');
    }
    expect(() => trainOnBatches(oneOne, twoExamples, [], 0.1)).toThrow('Algorithm 2 line 3: for i = 1 to n_iter needs at least one batch');
  });
  it('refuses a batch size outside 1..n, or none', () => {
    for (const B of [0, 3, 1.5]) {
      expect(() => minibatchSgd(oneOne, twoExamples, { alpha: 0.1, nIter: 1, seed: 1, B })).toThrow(
        `Algorithm 2 line 4: batch size B must be an integer in 1..n (n = 2) when sampling without replacement, got ${B}`,
      );
    }
    expect(() => minibatchSgd(oneOne, twoExamples, { alpha: 0.1, nIter: 1, seed: 1 })).toThrow(
      'Algorithm 2 line 1: the batch size B is a required hyperparameter',
    );
    expect(() => minibatchStep(oneOne, [], 0.1)).toThrow('eq. 1.5: the mini-batch needs B >= 1 gradients, got none');
    expect(() => meanGradient(oneOne, twoExamples, [])).toThrow('eq. 1.5: a batch needs at least one index (B >= 1), got none');
  });
  it('refuses an empty dataset, naming eq. 1.2', () => {
    const empty = 'eq. 1.2: the dataset must hold at least one example (n >= 1), got n = 0';
    expect(() => gd(oneOne, [], { alpha: 0.1, nIter: 1 })).toThrow(empty);
    expect(() => sgd(oneOne, [], { alpha: 0.1, nIter: 1, seed: 1 })).toThrow(empty);
    expect(() => minibatchSgd(oneOne, [], { alpha: 0.1, nIter: 1, seed: 1, B: 1 })).toThrow(empty);
    expect(() => meanGradient(oneOne, [], [0])).toThrow(empty);
    expect(() => datasetCost(oneOne, [])).toThrow(empty);
    expect(() => trainOnBatches(oneOne, [], [[0]], 0.1)).toThrow(empty);
  });
  it('refuses indices out of range or repeated within a batch', () => {
    for (const j of [-1, 2, 0.5]) {
      expect(() => meanGradient(oneOne, twoExamples, [0, j])).toThrow(`eq. 1.5: index j_2 = ${j} is out of range: examples are 0..1 (0-based, n = 2)`);
      expect(() => trainOnBatches(oneOne, twoExamples, [[0], [j]], 0.1)).toThrow('eq. 1.5: index j_1');
    }
    expect(() => trainOnBatches(oneOne, twoExamples, [[1, 1]], 0.1)).toThrow('Algorithm 2 line 4: index 1 appears twice in the batch');
  });
  it('names the example whose x has the wrong shape or whose x, y is not finite', () => {
    const bad: Example[] = [twoExamples[0]!, { x: columnVector([1, 2]), y: 0 }];
    expect(() => gd(oneOne, bad, { alpha: 0.1, nIter: 1 })).toThrow('eq. 1.2: x^{(2)} (example index 1) must be 1x1 (d x 1), got 2x1');
    expect(() => meanGradient(oneOne, bad, [0])).toThrow('eq. 1.5: x^{(2)} (example index 1) must be 1x1');
    const nanY: Example[] = [twoExamples[0]!, { x: columnVector([1]), y: Number.NaN }];
    expect(() => sgd(oneOne, nanY, { alpha: 0.1, nIter: 1, seed: 1 })).toThrow('eq. 1.2: y^{(2)} (example index 1) must be a finite number, got NaN');
    const infX: Example[] = [{ x: columnVector([Infinity]), y: 0 }];
    expect(() => datasetCost(oneOne, infX)).toThrow('eq. 1.2: x^{(1)} (example index 0) must be finite, but entry (1,1) is Infinity');
  });
  it('refuses a gradient that does not have the shape of θ (footnote 6)', () => {
    const wrong: Params = { W: [matrixFromRows([[1, 2]])], b: [columnVector([0])] };
    expect(() => gdStep(oneOne, wrong, 0.1)).toThrow('eq. 1.3: ∇J(θ).W[1] must be 1x1 (the shape of W[1]), got 1x2');
    expect(() => sgdStep(oneOne, { W: [], b: [] }, 0.1)).toThrow('eq. 1.4: ∇J^{(j)}(θ) must have as many W matrices as θ (1), got 0');
    expect(() => minibatchStep(oneOne, [g, wrong], 0.1)).toThrow('eq. 1.5: ∇J^{(j_2)}(θ).W[1] must be 1x1');
  });
  it('refuses a missing seed, and an activation given together with a model', () => {
    expect(() => sgd(oneOne, twoExamples, { alpha: 0.1, nIter: 1 })).toThrow("Algorithm 1 line 4: the sampler's seed must be an integer, got undefined");
    expect(() => minibatchSgd(oneOne, twoExamples, { alpha: 0.1, nIter: 1, B: 1, seed: 0.5 })).toThrow(
      "Algorithm 2 line 4: the sampler's seed must be an integer",
    );
    expect(() =>
      gd(oneOne, twoExamples, { alpha: 0.1, nIter: 1, activation: 'relu', model: { name: 'm', inputDimension: () => 1, loss: () => 0, gradient: (t) => t } }),
    ).toThrow('eq. 1.3: give either an activation (the network of eq. 2.12) or a model, not both');
  });
  it('refuses a θ of the wrong shapes, naming eq. 2.12', () => {
    const badTheta: Params = { W: [matrixFromRows([[1, 2]])], b: [columnVector([0, 0])] };
    expect(() => gd(badTheta, twoExamples, { alpha: 0.1, nIter: 1 })).toThrow('eq. 2.12');
  });
});
