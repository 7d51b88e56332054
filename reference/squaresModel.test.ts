import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { squaredLoss } from './loss.js';
import { columnVector, matrixFromRows, toRows, vectorEntries } from './matrix.js';
import { type Matrix, math, withPrecision } from './numeric.js';
import { datasetCost, type Example, gd, minibatchSgd, sgd } from './optimizers.js';
import { SQUARES_MODEL, squaresModel, squaresModelGradient, squaresParams } from './squaresModel.js';
import { centralDifferenceBound, EPS64, numericMatrixGradient } from './testing/finiteDifference.js';
import { gamma, UNIT_ROUNDOFF } from './testing/tolerance.js';

describe('[1/example-model] h_θ(x) = θ1²x1² + ... + θd²xd²', () => {
  it('computes by hand: θ = (1, 2), x = (3, −1) gives 1·9 + 4·1 = 13', () => {
    expect(squaresModel(columnVector([1, 2]), columnVector([3, -1]))).toBe(13);
  });
  it('runs in BigNumber: θ = (0.5, 0.1), x = (2, 3) gives 0.25·4 + 0.01·9 = 1.09 exactly in decimal', () => {
    const h = withPrecision(40, () =>
      squaresModel(columnVector([math.bignumber('0.5'), math.bignumber('0.1')]), columnVector([math.bignumber(2), math.bignumber(3)])),
    );
    expect(h.toString()).toBe('1.09');
  });
  it('refuses θ and x that are not matching finite columns', () => {
    expect(() => squaresModel(columnVector([1, 2]), columnVector([1, 2, 3]))).toThrow('1/example-model: x must be 2x1 (d x 1, the size of θ), got 3x1');
    expect(() => squaresModel(matrixFromRows([[1, 2]]), columnVector([1, 2]))).toThrow('1/example-model: θ must be a column vector d x 1, got 1x2');
    expect(() => squaresModel(columnVector([1, Number.NaN]), columnVector([1, 2]))).toThrow('1/example-model: θ must be finite, but entry (2,1) is NaN');
    expect(() => squaresModelGradient(columnVector([1]), columnVector([1]), Infinity)).toThrow('1/example-model: y must be a finite number, got Infinity');
    expect(() => SQUARES_MODEL.inputDimension({ W: [columnVector([1])], b: [columnVector([0])] })).toThrow(
      '1/example-model: θ of the squares model must be squaresParams(θ)',
    );
  });
});

describe('[1/example-model, 1.1] ∇_θ J = (h − y)·2θ ⊙ x ⊙ x by the chain rule', () => {
  it('computes by hand: θ = (1, 2), x = (3, −1), y = 10', () => {
    // h = 13, ∂J/∂h = h − y = 3; ∂h/∂θ = (2·1·9, 2·2·1) = (18, 4); ∇J = 3·(18, 4) = (54, 12).
    expect(toRows(squaresModelGradient(columnVector([1, 2]), columnVector([3, -1]), 10))).toEqual([[54], [12]]);
  });

  it('matches central differences of J = ½(h_θ(x) − y)² within the derived bound', () => {
    // Step h = 2^-17 and θ_ℓ multiples of 2^-17 in [−1, 1], so θ_ℓ ± h is exact. With |x_ℓ|, |y| <= 1
    // and t = θ_ℓ: J(t) = ½(g + s t²)², s = x_ℓ² <= 1, |g| <= d, so J''' = 12 s² t and
    // |J'''| <= 12(1 + h) < 13 = F3. Evaluating J rounds: h_θ(x) has d products of 3 roundings and
    // d − 1 additions (error <= γ_{d+2}·d), r = h − y adds one (<= γ_{d+3}(d + 1)), ½r² two more:
    // |fl(J) − J| <= γ_{d+5}(d + 1)², which is the ε·F of centralDifferenceBound with
    // F = γ_{d+5}(d + 1)²/ε. The analytic gradient (h − y)·2θ_ℓx_ℓ² (|2θ_ℓx_ℓ²| <= 2) is within
    // 2(d + 1)γ_{d+7}, and the difference quotient's own subtraction adds u·|J'| <= u·2(d + 1)·2.
    const STEP = 2 ** -17;
    const grid = fc.integer({ min: -(2 ** 17), max: 2 ** 17 }).map((k) => k * STEP);
    const unit = fc.double({ min: -1, max: 1, noNaN: true });
    const caseArb = fc
      .integer({ min: 1, max: 4 })
      .chain((d) => fc.record({ theta: fc.array(grid, { minLength: d, maxLength: d }), x: fc.array(unit, { minLength: d, maxLength: d }), y: unit }));
    fc.assert(
      fc.property(caseArb, ({ theta, x, y }) => {
        const d = theta.length;
        const xv = columnVector(x);
        const J = (t: Matrix): number => squaredLoss(squaresModel(t, xv), y) as number;
        const numeric = numericMatrixGradient(J, columnVector(theta), STEP).map(([v]) => v!);
        const analytic = vectorEntries(squaresModelGradient(columnVector(theta), xv, y)) as number[];
        const F = (gamma(d + 5) * (d + 1) ** 2) / EPS64;
        const tol = centralDifferenceBound(F, 13, STEP) + 2 * (d + 1) * gamma(d + 7) + UNIT_ROUNDOFF * 4 * (d + 1);
        analytic.forEach((g, l) => expect(Math.abs(g - numeric[l]!)).toBeLessThanOrEqual(tol));
      }),
      { numRuns: 200 },
    );
  });
});

/** Data from θ* = (1, −0.5): y = x1² + 0.25·x2² on a 5×5 grid of [−1, 1]². */
const data: Example[] = [-1, -0.5, 0, 0.5, 1].flatMap((x1) => [-1, -0.5, 0, 0.5, 1].map((x2) => ({ x: columnVector([x1, x2]), y: x1 * x1 + 0.25 * x2 * x2 })));
const theta0 = squaresParams(columnVector([0.3, 0.9]));

describe('[1/example-model, 1.2, 1.3] training the squares model', () => {
  it('decreases J(θ) at every GD step (descent lemma)', () => {
    // Hessian of J^{(i)}: 4θ_aθ_b x_a²x_b² + 2(h − y)x_a²·1{a = b}. While |θ_a| <= 2 (checked below),
    // with |x_a| <= 1 and |y| <= 1.25: the rank-one part has norm |2θ ⊙ x²|² <= 4·8 = 32 and
    // |h − y| <= 8 + 1.25, so L <= 32 + 18.5 = 50.5. For α = 1/64 <= 1/L the descent lemma gives
    // J(θ − α∇J) <= J(θ) − (α/2)|∇J|² < J(θ) whenever ∇J ≠ 0.
    const run = gd(theta0, data, { alpha: 1 / 64, nIter: 40, model: SQUARES_MODEL });
    let previous = datasetCost(theta0, data, SQUARES_MODEL) as number;
    for (const J of run.losses as number[]) {
      expect(J).toBeLessThan(previous);
      previous = J;
    }
    for (const v of vectorEntries(run.theta.W[0]!)) expect(Math.abs(v as number)).toBeLessThanOrEqual(2);
  });

  it('is trained by SGD and mini-batch SGD too (fixed seeds): the final J is below the initial J', () => {
    const J0 = datasetCost(theta0, data, SQUARES_MODEL) as number;
    const bySgd = sgd(theta0, data, { alpha: 1 / 16, nIter: 200, seed: 1, model: SQUARES_MODEL });
    const byMinibatch = minibatchSgd(theta0, data, { alpha: 1 / 16, nIter: 60, seed: 1, B: 5, model: SQUARES_MODEL });
    expect(bySgd.losses.at(-1)! as number).toBeLessThan(J0 / 2);
    expect(byMinibatch.losses.at(-1)! as number).toBeLessThan(J0 / 2);
  });
});
