/** Numeric checks of the errata of Section 3 added after reference/errata.test.ts: tests named `[erratum:<id>]`. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reluPrime } from './activations.js';
import { dJdb, dJdu, dJdW, dJdzThroughActivation } from './chainRule.js';
import { columnVector, matrixFromRows, scalarOf, toRows } from './matrix.js';
import { forward, initializeParams, parameterCount } from './network.js';
import { createRng } from './sampler.js';
import { backwardCost, forwardCost, naiveFirstLayerCost } from './theorem31.js';
import { algorithm4 } from './twoLayerVectorized.js';

describe('Section 3 as printed', () => {
  it('[erratum:sec3.3-parameter-count] p = md + 2m + 1 >= md, and the forward pass takes 2md + 3m >= p operations', () => {
    for (let d = 1; d <= 30; d++) {
      for (let m = 1; m <= 30; m++) {
        const p = parameterCount([d, m, 1]);
        expect(p).toBe(d * m + 2 * m + 1);
        expect(p - d * m).toBe(2 * m + 1);
        expect(forwardCost([d, m, 1])).toBe(2 * d * m + 3 * m);
        expect(forwardCost([d, m, 1])).toBeGreaterThanOrEqual(p);
      }
    }
  });

  it('[erratum:sec3.3-naive-cost] (md)² bounds the one-entry-at-a-time route, not the gradient: backprop computes all p entries in 3md + 7m + 4', () => {
    expect(naiveFirstLayerCost(100, 50)).toBe(50_790_000);
    expect(naiveFirstLayerCost(100, 50)).toBeGreaterThanOrEqual((100 * 50) ** 2);
    expect(backwardCost([100, 50, 1])).toBe(15_354);
    expect(backwardCost([100, 50, 1])).toBeLessThan((100 * 50) ** 2);
    // from md >= 12 on (3md + 7m + 4 <= 14md < (md)² once md > 14; 12..14 by the test), the whole gradient costs
    // less than the printed "(md)²"; the naive route never does
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), (d, m) => {
        expect(naiveFirstLayerCost(d, m)).toBeGreaterThanOrEqual((d * m) ** 2);
        if (d * m >= 12) expect(backwardCost([d, m, 1])).toBeLessThan((d * m) ** 2);
      }),
      { numRuns: 200 },
    );
  });

  it('[erratum:sec3.4-verification-equations] eq. 3.12-3.15 with ∂J/∂o = o − y give every line of Algorithm 4; only eq. 3.14 gives the biases', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer(), (d, m, seed) => {
        const theta = initializeParams([d, m, 1], createRng(seed));
        const x = columnVector(Array.from({ length: d }, (_, i) => 0.75 - 0.5 * i));
        const y = 0.25;
        const alg4 = algorithm4(theta, x, y);
        const { pass } = alg4;
        const delta2 = matrixFromRows([[(pass.o as number) - y]]); // line 2: ∂J/∂o = o − y
        const delta1 = dJdzThroughActivation(dJdu(theta.W[1]!, delta2), pass.z, reluPrime); // line 3: 3.12 then 3.15
        // the same products and sums in the same order as Algorithm 4: equal bit for bit
        expect(toRows(delta1)).toEqual(toRows(alg4.delta1));
        expect(toRows(dJdW(delta2, pass.a))).toEqual(toRows(alg4.dW2)); // line 4, eq. 3.13
        expect(toRows(dJdW(delta1, x))).toEqual(toRows(alg4.dW1)); // line 4, eq. 3.13
        expect(scalarOf(dJdb(delta2))).toBe(alg4.db2); // line 4, eq. 3.14
        expect(toRows(dJdb(delta1))).toEqual(toRows(alg4.db1)); // line 4, eq. 3.14
      }),
      { numRuns: 40 },
    );
  });

  it('[erratum:thm3.1-memory-and-scalar-output] the forward pass stores 2(m_1 + ... + m_r) values for the backward pass, growing with depth', () => {
    for (let depth = 1; depth <= 6; depth++) {
      const sizes = [3, ...Array.from({ length: depth }, () => 4), 1];
      const pass = forward(initializeParams(sizes, createRng(depth)), columnVector([1, -1, 0.5]));
      const stored = [...pass.z, ...pass.a.slice(1)].reduce((s, v) => s + (v === undefined ? 0 : v.size()[0]!), 0);
      expect(stored).toBe(2 * (4 * depth + 1));
      // evaluating h alone keeps two layers at a time: at most max_k (m_{k−1} + m_k) = 8 values
      expect(Math.max(...sizes.slice(1).map((m, k) => sizes[k]! + m))).toBeLessThanOrEqual(8);
    }
    // dense output: f_i(x) = c_i(x_1 + ... + x_ℓ), N = ℓ − 1 additions + q multiplications, qℓ Jacobian entries
    const [l, q] = [1000, 1000];
    expect([l - 1 + q, q * l]).toEqual([1999, 1_000_000]);
  });

  it('[erratum:notation.symbol-overloading] eq. 3.11-3.13 on layer 2 of a [3, 4, 2, 1] network: their d is m_1 = 4, not the network’s d = 3', () => {
    const theta = initializeParams([3, 4, 2, 1], createRng(7));
    const pass = forward(theta, columnVector([1, 0.5, -1]));
    const dJdz2 = columnVector([0.25, -0.5]);
    expect(dJdW(dJdz2, pass.a[1]!).size()).toEqual([2, 4]); // the shape of W^{[2]}
    expect(theta.W[1]!.size()).toEqual([2, 4]);
    expect(dJdu(theta.W[1]!, dJdz2).size()).toEqual([4, 1]); // u = a^{[1]} ∈ R^{m_1}
  });
});
