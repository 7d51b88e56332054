import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backprop } from './backprop.js';
import { SpecError } from './errors.js';
import { columnVector, matrixFromRows, toRows, vectorEntries } from './matrix.js';
import type { Params } from './network.js';
import { kinkModel, neuronForward, neuronGradient, singleNeuron } from './neuron.js';
import { type Matrix, math, toBig, withPrecision } from './numeric.js';
import { networkCaseArb } from './testing/arbitraries.js';
import { highPrecisionGradient } from './testing/highPrecision.js';
import { gamma, magnitudeBound, operationDepth } from './testing/tolerance.js';

/**
 * The neuron ReLU(wᵀx + b) as the network of eq. 2.12 with r = 2: W^{[1]} = wᵀ (1×d), b^{[1]} = b,
 * W^{[2]} = [1], b^{[2]} = 0, so h = 1·ReLU(z) + 0 = ReLU(z) exactly, and ∂J/∂W^{[1]} = (∇_w J)ᵀ.
 */
function asNetwork(w: Matrix, b: number): Params {
  return { W: [math.transpose(w), matrixFromRows([[1]])], b: [matrixFromRows([[b]]), matrixFromRows([[0]])] };
}

const w = columnVector([1, -2]);

describe('[2.1] the kink model h = max(wx + b, 0)', () => {
  it('is 0 left of the kink x = −b/w and wx + b right of it (by hand)', () => {
    // w = 2, b = −3, kink at x = 1.5: x = 1 → max(−1, 0) = 0; x = 1.5 → max(0, 0) = 0;
    // x = 2.5 → max(2, 0) = 2; x = 10 → 17.
    expect(kinkModel(2, -3, 1)).toBe(0);
    expect(kinkModel(2, -3, 1.5)).toBe(0);
    expect(kinkModel(2, -3, 2.5)).toBe(2);
    expect(kinkModel(2, -3, 10)).toBe(17);
  });

  it('is never negative and equals wx + b wherever that is positive', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (wv, bv, xv) => {
          const h = kinkModel(wv, bv, xv) as number;
          expect(h).toBeGreaterThanOrEqual(0);
          if (wv * xv + bv > 0) expect(h).toBe(wv * xv + bv);
        },
      ),
    );
  });

  it('rejects non-finite w, b or x naming eq. 2.1', () => {
    expect(() => kinkModel(Number.NaN, 0, 1)).toThrow(SpecError);
    expect(() => kinkModel(1, Infinity, 1)).toThrow('eq. 2.1: b must be a finite number, got Infinity');
    expect(() => kinkModel(1, 0, -Infinity)).toThrow('eq. 2.1: x must be a finite number');
  });
});

describe('[2.2] the single neuron ReLU(wᵀx + b)', () => {
  it('computes a worked example by hand', () => {
    // w = (1, −2), b = 0.5: x = (3, 1) gives 3 − 2 + 0.5 = 1.5 → 1.5; x = (1, 2) gives 1 − 4 + 0.5 = −2.5 → 0.
    expect(singleNeuron(w, 0.5, columnVector([3, 1]))).toBe(1.5);
    expect(singleNeuron(w, 0.5, columnVector([1, 2]))).toBe(0);
  });

  it('reduces to the kink model (eq. 2.1) when d = 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (wv, bv, xv) => {
          // One product and one sum in the same order: identical float64 operations, the same
          // number (max(−0, 0) may keep the sign of a zero where ReLU returns +0).
          expect(Math.abs(Number(singleNeuron(columnVector([wv]), bv, columnVector([xv]))) - Number(kinkModel(wv, bv, xv)))).toBe(0);
        },
      ),
    );
  });

  it('rejects bad shapes and values naming eq. 2.2', () => {
    expect(() => singleNeuron(w, 0.5, columnVector([1, 2, 3]))).toThrow('eq. 2.2: x must be 2x1 (d x 1, the size of w), got 3x1');
    expect(() => singleNeuron(matrixFromRows([[1, 2]]), 0.5, w)).toThrow('eq. 2.2: w must be 1x1 (d x 1), got 1x2');
    expect(() => singleNeuron(w, Number.NaN, w)).toThrow('eq. 2.2: b must be a finite number');
    expect(() => singleNeuron(columnVector([1, Infinity]), 0, w)).toThrow('eq. 2.2: w must be finite, but entry (2,1) is Infinity');
    expect(() => singleNeuron(w, 0, columnVector([Number.NaN, 1]))).toThrow('eq. 2.2: x must be finite');
    expect(() => singleNeuron([1, 2] as unknown as Matrix, 0, w)).toThrow('eq. 2.2: w must be a matrix');
  });
});

describe('[3.4, 3.5, 3.6] the one-neuron forward pass z, o, J', () => {
  it('computes the worked example by hand', () => {
    // w = (1, −2), b = 0.5, x = (3, 1), y = 2.5: z = 1.5, o = ReLU(1.5) = 1.5, J = ½(2.5 − 1.5)² = 0.5.
    expect(neuronForward(w, 0.5, columnVector([3, 1]), 2.5)).toEqual({ z: 1.5, o: 1.5, J: 0.5 });
    // x = (1, 2), y = 1: z = −2.5, o = 0, J = ½(1 − 0)² = 0.5.
    expect(neuronForward(w, 0.5, columnVector([1, 2]), 1)).toEqual({ z: -2.5, o: 0, J: 0.5 });
  });

  it('agrees with singleNeuron (eq. 2.2) for o', () => {
    fc.assert(
      fc.property(networkCaseArb({ minLayers: 1, maxLayers: 1, maxWidth: 5 }), (c) => {
        const wv = math.transpose(c.theta.W[0]!);
        const bv = Number(c.theta.b[0]!.get([0, 0]));
        expect(neuronForward(wv, bv, c.x, c.y).o).toBe(singleNeuron(wv, bv, c.x));
      }),
      { numRuns: 40 },
    );
  });

  it('rejects bad input naming eq. 3.4 / eq. 3.6', () => {
    expect(() => neuronForward(w, 0.5, columnVector([1]), 0)).toThrow('eq. 3.4: x must be 2x1');
    expect(() => neuronForward(w, 0.5, w, Number.NaN)).toThrow('eq. 3.6: y must be a finite number');
  });
});

describe('[3.7, 3.2/do-dwi, 3.2/local-derivs, 3.2/grad-wi, 3.2/grad-w, 3.2/grad-b] one-neuron gradient', () => {
  it('computes the worked example by hand (active neuron)', () => {
    // w = (1, −2), b = 0.5, x = (3, 1), y = 2.5: z = 1.5, o = 1.5.
    // ∂J/∂o = o − y = −1, ∂o/∂z = 1{1.5 >= 0} = 1, ∂z/∂w = x = (3, 1), ∂z/∂b = 1;
    // ∂o/∂w_i = 1·x_i = (3, 1); ∂J/∂w_i = −1·(3, 1) = (−3, −1); ∂J/∂b = −1.
    const g = neuronGradient(w, 0.5, columnVector([3, 1]), 2.5);
    expect([g.dJdo, g.dodz, g.dzdb]).toEqual([-1, 1, 1]);
    expect(g.dzdw).toEqual([3, 1]);
    expect(g.dodw).toEqual([3, 1]);
    expect(g.dJdw).toEqual([-3, -1]);
    expect(toRows(g.gradW)).toEqual([[-3], [-1]]);
    expect(g.dJdb).toBe(-1);
  });

  it("is zero for an inactive neuron and uses ReLU'(0) = 1 at the kink (by hand)", () => {
    // x = (1, 2): z = −2.5 < 0, so ∂o/∂z = 0 and every gradient entry is 0 (o = 0, y = 1).
    const off = neuronGradient(w, 0.5, columnVector([1, 2]), 1);
    expect(off.dodz).toBe(0);
    expect(off.dJdw.map((v) => Math.abs(Number(v)))).toEqual([0, 0]);
    expect(Math.abs(off.dJdb as number)).toBe(0);
    // w = (1, 1), b = −2, x = (1, 1): z = 0 exactly, o = 0, y = 1: ∂J/∂o = −1 and 1{0 >= 0} = 1,
    // so ∂J/∂w = (−1, −1) and ∂J/∂b = −1.
    const kink = neuronGradient(columnVector([1, 1]), -2, columnVector([1, 1]), 1);
    expect(kink.z).toBe(0);
    expect(kink.dJdw).toEqual([-1, -1]);
    expect(kink.dJdb).toBe(-1);
  });

  it('gives the same numbers per coordinate (3.7 / 3.2/grad-wi) and vectorized (3.2/grad-w)', () => {
    fc.assert(
      fc.property(networkCaseArb({ minLayers: 1, maxLayers: 1, maxWidth: 6 }), (c) => {
        const g = neuronGradient(math.transpose(c.theta.W[0]!), Number(c.theta.b[0]!.get([0, 0])), c.x, c.y);
        // ∂J/∂o·(∂o/∂z·x_i) and (∂J/∂o·∂o/∂z)·x_i: ∂o/∂z ∈ {0, 1}, so both products are exact
        // reorderings of one rounding: equal numbers (up to the sign of a zero).
        vectorEntries(g.gradW).forEach((v, i) => expect(Math.abs(Number(v) - Number(g.dJdw[i]))).toBe(0));
        g.dJdw.forEach((v, i) => expect(Math.abs(Number(v) - Number(g.dJdo) * Number(g.dodz) * Number(g.dzdw[i]))).toBe(0));
      }),
      { numRuns: 40 },
    );
  });

  it('matches high-precision central differences and reference/backprop.ts on the embedded network', () => {
    fc.assert(
      fc.property(networkCaseArb({ minLayers: 1, maxLayers: 1, maxWidth: 4, generic: true }), (c) => {
        const wv = math.transpose(c.theta.W[0]!);
        const bv = Number(c.theta.b[0]!.get([0, 0]));
        const net = asNetwork(wv, bv);
        const z = Number(neuronForward(wv, bv, c.x, c.y).z);
        fc.pre(Math.abs(z) > 1e-20); // the BigNumber oracle steps by 1e-25: stay off the kink
        const g = neuronGradient(wv, bv, c.x, c.y);
        // The embedding adds ×1 and +0 (exact) to a 2-layer forward/backward of the same widths:
        // the lead's running-error bound γ_N·M for those sizes covers both results.
        const sizes = [c.sizes[0]!, 1, 1];
        const tol = gamma(operationDepth(sizes)) * magnitudeBound(net, c.x, c.y);
        const oracle = highPrecisionGradient(net, c.x, c.y, 'relu');
        const bp = backprop(net, c.x, c.y).gradient;
        vectorEntries(g.gradW).forEach((v, i) => {
          expect(Math.abs(Number(v) - oracle.W[0]![0]![i]!)).toBeLessThanOrEqual(tol);
          expect(Math.abs(Number(v) - Number(bp.W[0]!.get([0, i])))).toBeLessThanOrEqual(2 * tol);
        });
        expect(Math.abs(Number(g.dJdb) - oracle.b[0]![0]![0]!)).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 12 },
    );
  });

  it('runs unchanged on BigNumbers (worked example at 64 digits)', () => {
    withPrecision(64, () => {
      const g = neuronGradient(toBig(w), math.bignumber(0.5), toBig(columnVector([3, 1])), math.bignumber(2.5));
      expect(g.dJdw.map(String)).toEqual(['-3', '-1']);
      expect(String(g.dJdb)).toBe('-1');
      expect(String(g.J)).toBe('0.5');
    });
  });

  it('rejects bad input naming eq. 3.7', () => {
    expect(() => neuronGradient(w, 0.5, columnVector([1]), 0)).toThrow('eq. 3.7: x must be 2x1');
    expect(() => neuronGradient(w, 0.5, w, Infinity)).toThrow('eq. 3.7: y must be a finite number');
    expect(() => neuronGradient(w, Number.NaN, w, 0)).toThrow('eq. 3.7: b must be a finite number');
  });
});
