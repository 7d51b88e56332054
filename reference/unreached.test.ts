import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES } from '../spec/activations.js';
import { backprop } from './backprop.js';
import { squaredLoss } from './loss.js';
import { columnVector, toRows } from './matrix.js';
import { initializeParams, type Params, predict } from './network.js';
import { type Matrix, math } from './numeric.js';
import { createRng } from './sampler.js';
import { sizesArb } from './testing/arbitraries.js';
import { unreachedParameters } from './unreached.js';

/** θ with W^{[k]}_{jℓ} (1-based) moved by t. */
function nudged(theta: Params, k: number, j: number, l: number, t: number): Params {
  const W = theta.W.map((M) => M.clone());
  W[k - 1]!.set([j - 1, l - 1], (W[k - 1]!.get([j - 1, l - 1]) as number) + t);
  return { W, b: theta.b };
}

/** A network of the given sizes and an input with x_ℓ = 0 wherever `zeros` says so. */
const caseArb = sizesArb({ maxLayers: 4, maxWidth: 4 }).chain((sizes) =>
  fc.record({
    sizes: fc.constant(sizes),
    seed: fc.integer(),
    x: fc.array(fc.oneof(fc.constant(0), fc.double({ min: -2, max: 2, noNaN: true })), { minLength: sizes[0]!, maxLength: sizes[0]! }),
    y: fc.double({ min: -2, max: 2, noNaN: true }),
    activation: fc.constantFrom(...ACTIVATION_NAMES),
  }),
);

describe('[3/unreached-zero-gradient] a parameter the loss does not depend on gets gradient 0 (footnote 4)', () => {
  it('marks exactly column ℓ of W^{[1]} where x_ℓ = 0, and nothing else', () => {
    const theta = initializeParams([3, 2, 1], createRng(4));
    const mask = unreachedParameters(theta, columnVector([1, 0, -2]));
    expect(mask.W[0]).toEqual([
      [false, true, false],
      [false, true, false],
    ]);
    expect(mask.W[1]).toEqual([[false, false]]);
    expect(mask.b).toEqual([[false, false], [false]]);
  });

  it('J is the same for every value of an unreached parameter, and Algorithm 5 gives it exactly 0', () => {
    // W^{[1]}_{jℓ}·x_ℓ = W^{[1]}_{jℓ}·0 is ±0 for any finite W^{[1]}_{jℓ}, and adding ±0 to a sum
    // leaves it unchanged (a sum of only zeros is ±0, which σ, σ' and every later product treat as 0),
    // so J is bit-identical after moving the parameter by ±1: its central difference is exactly 0.
    // Line 5 gives ∂J/∂W^{[1]} = δ^{[1]}xᵀ, whose column ℓ is δ^{[1]}_j·0 = ±0: again exact.
    fc.assert(
      fc.property(caseArb, ({ sizes, seed, x, y, activation }) => {
        const theta = initializeParams(sizes, createRng(seed));
        const X = columnVector(x);
        const J = (p: Params): number => squaredLoss(predict(p, X, activation), y) as number;
        const mask = unreachedParameters(theta, X);
        const gradient = toRows(backprop(theta, X, y, activation).gradient.W[0]!);
        mask.W[0]!.forEach((row, j) =>
          row.forEach((unreached, l) => {
            expect(unreached).toBe(x[l] === 0);
            if (!unreached) return;
            expect(gradient[j]![l] === 0, `∂J/∂W[1]_(${j + 1},${l + 1}) = ${gradient[j]![l]}`).toBe(true);
            expect(J(nudged(theta, 1, j + 1, l + 1, 1)) - J(nudged(theta, 1, j + 1, l + 1, -1))).toBe(0);
          }),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('the same zero of a reached parameter is a value, not footnote 4: ∂J/∂W^{[2]} is 0 where a^{[1]} = 0, yet J moves with W^{[2]} when a^{[1]} ≠ 0', () => {
    // ReLU [1, 1, 1]: W[1] = −1, b[1] = 0, x = 1 → z[1] = −1, a[1] = 0, so ∂J/∂W[2] = δ[2]a[1] = 0 here,
    // but with W[1] = 1 the same W[2] changes h: W[2] is reached, only its gradient happens to vanish.
    const theta: Params = { W: [math.matrix([[-1]]) as Matrix, math.matrix([[2]]) as Matrix], b: [columnVector([0]), columnVector([0])] };
    expect(unreachedParameters(theta, columnVector([1])).W[1]).toEqual([[false]]);
    expect(toRows(backprop(theta, columnVector([1]), 1).gradient.W[1]!)[0]![0] === 0).toBe(true); // δ[2]·a[1] = (−1)·0 = −0
    const flipped = nudged(theta, 1, 1, 1, 2);
    expect(predict(nudged(flipped, 2, 1, 1, 1), columnVector([1]))).not.toBe(predict(flipped, columnVector([1])));
  });

  it('refuses an input of the wrong size, naming the statement', () => {
    expect(() => unreachedParameters(initializeParams([2, 1], createRng(1)), columnVector([1]))).toThrow(
      '3/unreached-zero-gradient: x must be 2x1 (d x 1), got 1x1',
    );
  });
});
