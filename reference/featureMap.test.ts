import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationName } from './activations.js';
import { featureMap, linearHead } from './featureMap.js';
import { columnVector, matrixFromRows, toRows } from './matrix.js';
import { type Params, predict } from './network.js';
import { type Matrix, math } from './numeric.js';
import { networkCaseArb } from './testing/arbitraries.js';
import { gamma } from './testing/tolerance.js';

/** The two-layer worked example (twoLayerUnpacked.test.ts): a[1] = (2, 0) at x = (1, 1), h = 4.5. */
const THETA: Params = {
  W: [
    matrixFromRows([
      [1, 2],
      [-1, 1],
    ]),
    matrixFromRows([[2, -1]]),
  ],
  b: [columnVector([-1, 0]), columnVector([0.5])],
};
const X = columnVector([1, 1]);
const ALL = Object.keys(ACTIVATIONS) as ActivationName[];

describe('[2.21] h = W[r]φ_β(x) + b[r] with φ_β(x) = a[r−1]', () => {
  it('computes the worked example by hand', () => {
    // φ(x) = a[1] = ReLU((1 + 2 − 1, −1 + 1 + 0)) = (2, 0); W[2]φ + b[2] = 2·2 − 1·0 + 0.5 = 4.5.
    const phi = featureMap(THETA, X);
    expect(toRows(phi)).toEqual([[2], [0]]);
    expect(linearHead(THETA, phi)).toBe(4.5);
  });

  it('is φ_β(x) = x for r = 1 (a linear model on the raw input)', () => {
    const theta: Params = { W: [matrixFromRows([[3, -1]])], b: [columnVector([1])] };
    expect(toRows(featureMap(theta, X))).toEqual([[1], [1]]);
    expect(linearHead(theta, featureMap(theta, X))).toBe(3);
  });

  for (const activation of ALL) {
    it(`gives linearHead(featureMap(x)) = predict(x) (σ = ${activation})`, () => {
      fc.assert(
        fc.property(networkCaseArb({ maxLayers: 4 }), (c) => {
          const phi = featureMap(c.theta, c.x, activation);
          const r = c.sizes.length - 1;
          expect(phi.size()).toEqual([c.sizes[r - 1], 1]);
          // φ is the same forward pass in both; only the last layer's m_{r−1} + 1 term sum
          // differs in evaluation, each within γ_{m+1}·(|W[r]||φ| + |b[r]|) of exact.
          const Wr = c.theta.W[r - 1]!;
          const br = c.theta.b[r - 1]!;
          const mag = Number((math.add(math.multiply(math.abs(Wr), math.abs(phi)), math.abs(br)) as Matrix).get([0, 0]));
          const tol = 2 * gamma(c.sizes[r - 1]! + 1) * mag;
          expect(Math.abs(Number(linearHead(c.theta, phi)) - Number(predict(c.theta, c.x, activation)))).toBeLessThanOrEqual(tol);
        }),
        { numRuns: 25 },
      );
    });
  }

  it('depends only on β: changing W[r], b[r] leaves φ_β(x) unchanged', () => {
    fc.assert(
      fc.property(networkCaseArb({ minLayers: 2, maxLayers: 3 }), fc.double({ min: -1, max: 1, noNaN: true }), (c, v) => {
        const r = c.theta.W.length;
        const changed: Params = {
          W: [...c.theta.W.slice(0, r - 1), math.map(c.theta.W[r - 1]!, () => v)],
          b: [...c.theta.b.slice(0, r - 1), columnVector([v])],
        };
        expect(toRows(featureMap(changed, c.x))).toEqual(toRows(featureMap(c.theta, c.x)));
      }),
      { numRuns: 20 },
    );
  });

  it('rejects a bad θ, x or φ naming eq. 2.21', () => {
    expect(() => featureMap(THETA, columnVector([1, 2, 3]))).toThrow('eq. 2.21: eq. 2.12: x must be 2x1');
    expect(() => featureMap({ W: [THETA.W[0]!], b: [THETA.b[0]!] }, X)).toThrow('eq. 2.21: eq. 2.12: the output layer must have m1 = 1');
    expect(() => linearHead(THETA, columnVector([1, 2, 3]))).toThrow('eq. 2.21: φ_β(x) must be 2x1 (m1 x 1), got 3x1');
    expect(() => linearHead(THETA, columnVector([1, Infinity]))).toThrow('eq. 2.21: φ_β(x) must be finite');
    expect(() => linearHead({ W: THETA.W, b: [THETA.b[0]!] }, X)).toThrow('eq. 2.21: eq. 2.12: there are 2 weight matrices but 1 biases');
  });
});
