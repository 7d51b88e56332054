/**
 * Library inputs (issue 10, item 6): every public function of the reference refuses an ill-formed θ
 * with a SpecError naming the equation and the layer, and never returns (or trains on) a NaN or
 * an infinity: a result that is not finite is a NonFiniteError naming the equation and the entry.
 */
import { describe, expect, it } from 'vitest';
import { backprop } from './backprop.js';
import { backpropBatch, forwardBatch } from './batched.js';
import { NonFiniteError, SpecError } from './errors.js';
import { featureMap } from './featureMap.js';
import { datasetLoss, squaredLoss } from './loss.js';
import { columnVector, matrixFromRows } from './matrix.js';
import { forward, layerSizes, type Params } from './network.js';
import { type Matrix, math } from './numeric.js';
import { datasetCost, type Example, gd, gdStep, meanGradient, minibatchSgd, minibatchStep, sgd, sgdStep, trainOnBatches } from './optimizers.js';
import { backpropBatchRows, forwardBatchRows, toRowMajor } from './rowMajor.js';

const m = (rows: number[][]): Matrix => matrixFromRows(rows);
/** A valid 2-3-1 network. */
const GOOD: Params = {
  W: [
    m([
      [1, 2],
      [3, 4],
      [5, 6],
    ]),
    m([[1, 1, 1]]),
  ],
  b: [columnVector([0, 0, 0]), columnVector([0])],
};
const X = columnVector([1, 2]);
const DATA: Example[] = [
  { x: columnVector([1, 2]), y: 1 },
  { x: columnVector([-1, 0.5]), y: -2 },
  { x: columnVector([3, 1]), y: 0 },
];
/** 1-1-1 with weights 1e200: h_θ(1) = 1e400 overflows float64. */
const HUGE: Params = { W: [m([[1e200]]), m([[1e200]])], b: [columnVector([0]), columnVector([0])] };
/** A linear 1-1 network h = 1e-300·x: with x = 1e300, h = 1 but ∂J/∂W = (h − y)·x overflows for |y| large. */
const TINY: Params = { W: [m([[1e-300]])], b: [columnVector([0])] };

/** Expects `f` to throw an instance of `type` whose message is exactly `message`. */
function expectError(f: () => unknown, type: typeof SpecError, message: string): void {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(type);
  expect((caught as Error).message).toBe(message);
}

describe('[2.12, 2/layer-shapes] an ill-formed θ is refused at the door, naming eq. 2.12 and the layer', () => {
  const BAD: readonly [string, unknown, string][] = [
    ['θ = null', null, 'eq. 2.12: θ must be {W: [W[1], ..., W[r]], b: [b[1], ..., b[r]]}, got null'],
    ['θ = undefined', undefined, 'eq. 2.12: θ must be {W: [W[1], ..., W[r]], b: [b[1], ..., b[r]]}, got undefined'],
    ['θ without W', { b: GOOD.b }, 'eq. 2.12: θ.W must be a list of matrices [W[1], ..., W[r]], got undefined'],
    ['θ without b', { W: GOOD.W }, 'eq. 2.12: θ.b must be a list of matrices [b[1], ..., b[r]], got undefined'],
    ['W not a list', { W: 'W', b: GOOD.b }, "eq. 2.12: θ.W must be a list of matrices [W[1], ..., W[r]], got 'W'"],
    ['no layers', { W: [], b: [] }, 'eq. 2.12: the network needs at least one layer (r >= 1), got r = 0'],
    ['a missing bias', { W: GOOD.W, b: [GOOD.b[0]] }, 'eq. 2.12: there are 2 weight matrices but 1 biases'],
    ['W[1] a plain array, not a matrix', { W: [[[1, 2]]], b: [columnVector([0])] }, 'eq. 2.12: W[1] must be a matrix, got an array of length 1'],
    ['W[2] a hole', { W: [GOOD.W[0], undefined], b: GOOD.b }, 'eq. 2.12: W[2] must be a matrix, got undefined'],
    ['b[1] of the wrong length', { W: GOOD.W, b: [columnVector([0, 0]), columnVector([0])] }, 'eq. 2.12: W[1] must be 2x2 (m1 x m0), got 3x2'],
    ['b[1] a row', { W: GOOD.W, b: [m([[0, 0, 0]]), columnVector([0])] }, 'eq. 2.12: b[1] must be a column vector m1x1, got 1x3'],
    [
      'a string entry',
      { W: [GOOD.W[0], math.matrix([['a', 1, 1]] as unknown as number[][])], b: GOOD.b },
      "eq. 2.12: W[2] must be finite, but entry (1,1) is 'a'",
    ],
    [
      'a layer of no units',
      { W: [math.zeros(0, 2), math.zeros(1, 0)], b: [math.zeros(0, 1), columnVector([0])] },
      'eq. 2.12: b[1] must have m1 >= 1 entries, got none',
    ],
    ['d = 0', { W: [math.zeros(1, 0)], b: [columnVector([0])] }, 'eq. 2.12: W[1] must have d >= 1 columns (one per input coordinate), got 0'],
  ];

  it.each(BAD)('[2.12] forward, backprop, layerSizes, forwardBatch, toRowMajor and datasetCost refuse %s', (_, theta, message) => {
    const t = theta as Params;
    for (const f of [
      () => forward(t, X),
      () => backprop(t, X, 1),
      () => layerSizes(t),
      () => forwardBatch(t, m([[1], [2]])),
      () => toRowMajor(t),
      () => datasetCost(t, DATA),
    ]) {
      expectError(f, SpecError, message);
      expect(() => f()).not.toThrow(NonFiniteError);
    }
  });

  it('[2.12] a NaN or infinite entry of θ is a NonFiniteError (a SpecError) naming the layer and entry', () => {
    expectError(
      () =>
        forward(
          {
            W: [
              m([
                [1, NaN],
                [3, 4],
                [5, 6],
              ]),
              GOOD.W[1]!,
            ],
            b: GOOD.b,
          },
          X,
        ),
      NonFiniteError,
      'eq. 2.12: W[1] must be finite, but entry (1,2) is NaN',
    );
    expectError(
      () => backprop({ W: GOOD.W, b: [GOOD.b[0]!, columnVector([-Infinity])] }, X, 1),
      NonFiniteError,
      'eq. 2.12: b[2] must be finite, but entry (1,1) is -Infinity',
    );
    expect(new NonFiniteError('eq. 1.5', 'x')).toBeInstanceOf(SpecError);
  });

  it('[1.3, 1.4, 1.5] the steps refuse an ill-formed θ or gradient naming their equation', () => {
    expectError(() => gdStep(null as unknown as Params, GOOD, 0.1), SpecError, 'eq. 1.3: θ must be {W: [W[1], ..., W[r]], b: [b[1], ..., b[r]]}, got null');
    expectError(
      () => sgdStep(GOOD, { W: GOOD.W } as Params, 0.1),
      SpecError,
      'eq. 1.4: ∇J^{(j)}(θ).b must be a list of matrices [b[1], ..., b[r]], got undefined',
    );
    expectError(
      () => minibatchStep(GOOD, [GOOD, { W: [GOOD.W[1]!, GOOD.W[1]!], b: GOOD.b }], 0.1),
      SpecError,
      'eq. 1.5: ∇J^{(j_2)}(θ).W[1] must be 3x2 (the shape of W[1]), got 1x3',
    );
    expectError(
      () =>
        gdStep(
          GOOD,
          {
            W: [
              m([
                [NaN, 0],
                [0, 0],
                [0, 0],
              ]),
              GOOD.W[1]!,
            ],
            b: GOOD.b,
          },
          0.1,
        ),
      NonFiniteError,
      'eq. 1.3: ∇J(θ).W[1] must be finite, but entry (1,1) is NaN',
    );
  });
});

describe('[2.12, 1.1, 1.2, alg5.line5, 1.5] a result that is not finite is a NonFiniteError naming the equation', () => {
  it('[2.12] forward refuses to return h_θ(x) = Infinity', () => {
    expectError(() => forward(HUGE, columnVector([1])), NonFiniteError, 'eq. 2.12: h_θ(x) is not finite (Infinity): the inputs or θ are too large for float64');
    expect(() => featureMap(HUGE, columnVector([1]))).toThrow(NonFiniteError);
  });

  it('[1.1] squaredLoss refuses a J that overflows, and a non-finite h_θ(x)', () => {
    expectError(() => squaredLoss(1e200, 0), NonFiniteError, 'eq. 1.1: J = ½(h_θ(x) − y)² is not finite (Infinity): the inputs or θ are too large for float64');
    expectError(() => squaredLoss(NaN, 0), NonFiniteError, 'eq. 1.1: h_θ(x) must be a finite number, got NaN');
    expectError(() => squaredLoss('1' as unknown as number, 0), SpecError, "eq. 1.1: h_θ(x) must be a finite number, got '1'");
  });

  it('[1.2] datasetLoss and datasetCost refuse a J(θ) that overflows', () => {
    expectError(
      () => datasetLoss([1e308, 1e308]),
      NonFiniteError,
      'eq. 1.2: J(θ) = (1/n) Σ J^{(i)}(θ) is not finite (Infinity): the inputs or θ are too large for float64',
    );
    expect(() => datasetCost(HUGE, [{ x: columnVector([1]), y: 0 }])).toThrow(NonFiniteError);
  });

  it('[alg5.line5] backprop refuses a gradient that overflows although h_θ(x) and J are finite', () => {
    expectError(
      () => backprop(TINY, columnVector([1e300]), -1e10),
      NonFiniteError,
      'Algorithm 5 line 5: ∇_θ J is not finite (W[1] entry (1,1) = Infinity): the inputs or θ are too large for float64',
    );
  });

  it('[1.5, 1/dataset-gradient] meanGradient refuses a sum of finite gradients that overflows', () => {
    const two = [
      { x: columnVector([1e300]), y: -1e8 },
      { x: columnVector([1e300]), y: -1e8 },
    ];
    expect(() => backprop(TINY, two[0]!.x, two[0]!.y)).not.toThrow();
    expectError(
      () => meanGradient(TINY, two, [0, 1]),
      NonFiniteError,
      'eq. 1.5: (1/B) Σ ∇_θ J^{(j)}(θ) is not finite (W[1] entry (1,1) = Infinity): the inputs or θ are too large for float64',
    );
  });

  it('[4/multi-layer, 4/row-major-conversion] the batched forward and backward passes refuse non-finite outputs and gradients', () => {
    expectError(
      () => forwardBatch(HUGE, m([[1e-200, 1]])),
      NonFiniteError,
      '4/multi-layer: A[r] = [h_θ(x^{(1)}) ... h_θ(x^{(n)})] is not finite (entry (1,2) = Infinity): the inputs or θ are too large for float64',
    );
    expectError(
      () => backpropBatch(TINY, m([[1e300, 1e300]]), m([[-1e9, -1e9]])),
      NonFiniteError,
      '4/multi-layer: ∇_θ J_B is not finite (W[1] entry (1,1) = Infinity): the inputs or θ are too large for float64',
    );
    expectError(
      () => forwardBatchRows(toRowMajor(HUGE), m([[1e-200], [1]])),
      NonFiniteError,
      '4/row-major-conversion: A[r] = [h_θ(x^{(1)}) ... h_θ(x^{(n)})]ᵀ is not finite (entry (2,1) = Infinity): the inputs or θ are too large for float64',
    );
    expect(() => backpropBatchRows(toRowMajor(TINY), m([[1e300], [1e300]]), m([[-1e9], [-1e9]]))).toThrow(NonFiniteError);
  });
});

describe('[1.3, 1.4, 1.5, alg1.line4, alg2.line4, alg2.line3] a step or a run that diverges is a NonFiniteError, never a NaN θ', () => {
  const g = { W: [m([[1e300]])], b: [columnVector([0])] };

  it('[1.3, 1.4, 1.5] gdStep, sgdStep and minibatchStep refuse a θ after the step that is not finite, naming W[k] and the entry', () => {
    const message = (eq: string): string => `${eq}: θ after the step is not finite (W[1] entry (1,1) = -Infinity): the run diverged; lower α`;
    expectError(() => gdStep(TINY, g, 1e10), NonFiniteError, message('eq. 1.3'));
    expectError(() => sgdStep(TINY, g, 1e10), NonFiniteError, message('eq. 1.4'));
    expectError(() => minibatchStep(TINY, [g, g], 1e10), NonFiniteError, message('eq. 1.5'));
  });

  it('[1.3] gd with a huge α stops at the first iteration that overflows, naming eq. 1.3 and the iteration', () => {
    expectError(
      () => gd(GOOD, DATA, { alpha: 1e300, nIter: 5 }),
      NonFiniteError,
      'eq. 1.3: the run diverged at iteration 1 of 5 (eq. 1.1: J = ½(h_θ(x) − y)² is not finite (Infinity)); lower α',
    );
    // α = 1 diverges more slowly (|θ| grows geometrically) and is caught when it overflows.
    expect(() => gd(GOOD, DATA, { alpha: 1, nIter: 200 })).toThrow(/^eq\. 1\.3: the run diverged at iteration \d+ of 200 \(.*\); lower α$/);
  });

  it('[alg1.line4, 1.4] sgd, [alg2.line4, 1.5] minibatchSgd and [alg2.line3] trainOnBatches name their update', () => {
    expect(() => sgd(GOOD, DATA, { alpha: 1e300, nIter: 5, seed: 1 })).toThrow(/^eq\. 1\.4: the run diverged at iteration 1 of 5 /);
    expect(() => minibatchSgd(GOOD, DATA, { alpha: 1e300, nIter: 5, seed: 1, B: 2 })).toThrow(/^eq\. 1\.5: the run diverged at iteration 1 of 5 /);
    expect(() => trainOnBatches(GOOD, DATA, [[0, 1], [2]], 1e300)).toThrow(NonFiniteError);
  });

  it('[1.3] a run that converges is unchanged', () => {
    const run = gd(GOOD, DATA, { alpha: 1e-3, nIter: 3 });
    expect(run.losses.every((J) => Number.isFinite(J as number))).toBe(true);
  });
});
