import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationName } from './activations.js';
import { backprop } from './backprop.js';
import { columnVector } from './matrix.js';
import { forward, initializeParams } from './network.js';
import { math, toBig, withPrecision } from './numeric.js';
import { createRng } from './sampler.js';
import { sizesArb } from './testing/arbitraries.js';
import {
  BACKWARD_TO_FORWARD_BOUND,
  backwardCost,
  backwardOperationCounts,
  forwardCost,
  forwardOperationCounts,
  naiveFirstLayerCost,
  type OperationCounts,
  partialDerivativeOperationCounts,
} from './theorem31.js';
import { gradW1Entry } from './twoLayerUnpacked.js';
import { unpackParams } from './twoLayerVectorized.js';

type Counts = { -readonly [K in keyof OperationCounts]: number } & { divisions: number };

/**
 * Counts the scalar operations `run` really performs. The network runs on BigNumbers, whose
 * arithmetic methods (times, plus, minus, div: what mathjs's multiplyScalar, addScalar,
 * subtractScalar and divideScalar call) are wrapped with counters on the shared Decimal prototype;
 * σ and σ' are wrapped in the ACTIVATIONS table that forward and backprop look up. Arithmetic
 * done inside a counted call (decimal.js's minus calling plus, sigmoid's own exp and divide) is
 * not counted again: each of σ, σ' is one evaluation, as Theorem 3.1's accounting has it.
 */
function countOperations(activation: ActivationName, run: () => void): Counts {
  const counts: Counts = { multiplications: 0, additions: 0, activations: 0, derivatives: 0, divisions: 0 };
  let depth = 0;
  const restores: (() => void)[] = [];
  const wrap = (owner: Record<string, unknown>, key: string, field: keyof Counts): void => {
    const original = owner[key] as (...args: unknown[]) => unknown;
    owner[key] = function counted(this: unknown, ...args: unknown[]): unknown {
      if (depth === 0) counts[field]++;
      depth++;
      try {
        return original.apply(this, args);
      } finally {
        depth--;
      }
    };
    restores.push(() => {
      owner[key] = original;
    });
  };
  const decimal = Object.getPrototypeOf(math.bignumber(1)) as Record<string, unknown>;
  const table = ACTIVATIONS[activation] as unknown as Record<string, unknown>;
  wrap(decimal, 'times', 'multiplications');
  wrap(decimal, 'plus', 'additions');
  wrap(decimal, 'minus', 'additions');
  wrap(decimal, 'div', 'divisions');
  wrap(table, 'sigma', 'activations');
  wrap(table, 'sigmaPrime', 'derivatives');
  try {
    run();
  } finally {
    restores.reverse().forEach((restore) => restore());
  }
  return counts;
}

/** A BigNumber network and example of the given sizes, from a seeded initialization. */
function bigCase(sizes: number[], seed: number) {
  const rng = createRng(seed);
  const theta = toBig(initializeParams(sizes, rng));
  const x = toBig(columnVector(Array.from({ length: sizes[0]! }, (_, i) => ((i % 3) - 1) * 0.37 + 0.11)));
  return { theta, x, y: math.bignumber(0.25) };
}

const total = (c: OperationCounts): number => c.multiplications + c.additions + c.activations + c.derivatives;

describe('[thm3.1] the operation counts of forward and backprop', () => {
  it('counts the smallest networks by hand', () => {
    // [1, 1]: z = W x + b: 1 multiplication, 1 addition; no hidden layer, so forward = 2.
    // backprop: forward 2, J = ½(o − y)²: 1 subtraction + 2 multiplications, δ[1] = z[1] − y: 1,
    // ∂J/∂W[1] = δ[1]xᵀ: 1 multiplication: 2 + 3 + 1 + 1 = 7.
    expect(forwardCost([1, 1])).toBe(2);
    expect(backwardCost([1, 1])).toBe(7);
    // [2, 3, 1]: layer 1 3·2 multiplications + 3·2 additions, 3 activations; layer 2 3 + 3: forward 21.
    // backprop adds the loss 3, δ[2] 1, ∂J/∂W[2] = δ[2]a[1]ᵀ 3, ∂J/∂W[1] = δ[1]xᵀ 6,
    // W[2]ᵀδ[2] 3 multiplications (inner dimension 1: no additions), σ'(z[1]) 3, ⊙ 3: 21 + 22 = 43.
    expect(forwardCost([2, 3, 1])).toBe(21);
    expect(backwardOperationCounts([2, 3, 1])).toEqual({ multiplications: 26, additions: 11, activations: 3, derivatives: 3 });
    expect(backwardCost([2, 3, 1])).toBe(43);
  });

  for (const activation of ['relu', 'tanh'] as const) {
    it(`match the operations reference/network.ts#forward and reference/backprop.ts#backprop really perform (σ = ${activation})`, () => {
      fc.assert(
        fc.property(sizesArb({ minLayers: 1, maxLayers: 4, maxWidth: 3 }), fc.integer(), (sizes, seed) => {
          withPrecision(20, () => {
            const { theta, x, y } = bigCase(sizes, seed);
            const f = countOperations(activation, () => forward(theta, x, activation));
            expect(f).toEqual({ ...forwardOperationCounts(sizes), divisions: 0 });
            const b = countOperations(activation, () => backprop(theta, x, y, activation));
            expect(b).toEqual({ ...backwardOperationCounts(sizes), divisions: 0 });
          });
        }),
        { numRuns: 15 },
      );
    });
  }

  it('the instrumentation sees a miscount: one layer more or less changes the measured count', () => {
    // Guard against a counter that counts nothing: the measured counts of [2, 3, 1] and
    // [2, 3, 3, 1] differ, and each matches only its own formula.
    withPrecision(20, () => {
      const small = bigCase([2, 3, 1], 1);
      const large = bigCase([2, 3, 3, 1], 1);
      const a = countOperations('relu', () => backprop(small.theta, small.x, small.y));
      const b = countOperations('relu', () => backprop(large.theta, large.x, large.y));
      expect(total(a)).toBe(43);
      expect(total(b)).toBe(backwardCost([2, 3, 3, 1]));
      expect(total(b)).not.toBe(total(a));
    });
  });
});

describe('[thm3.1] backprop costs O(forward): backwardCost <= 7/2 · forwardCost', () => {
  it('holds for random architectures, with equality only at sizes [1, 1]', () => {
    fc.assert(
      fc.property(sizesArb({ minLayers: 1, maxLayers: 12, maxWidth: 200 }), (sizes) => {
        const ratio = backwardCost(sizes) / forwardCost(sizes);
        expect(ratio).toBeLessThanOrEqual(BACKWARD_TO_FORWARD_BOUND);
        if (sizes.length > 2 || sizes[0] !== 1) expect(ratio).toBeLessThan(BACKWARD_TO_FORWARD_BOUND);
      }),
      { numRuns: 500 },
    );
    expect(backwardCost([1, 1]) / forwardCost([1, 1])).toBe(7 / 2);
  });

  it('backwardCost − forwardCost = 4 + P/2 + (P − 2m_1 d) + A with P, A as in the doc comment', () => {
    fc.assert(
      fc.property(sizesArb({ minLayers: 1, maxLayers: 8, maxWidth: 50 }), (sizes) => {
        const r = sizes.length - 1;
        let P = 0;
        for (let k = 1; k <= r; k++) P += 2 * sizes[k]! * sizes[k - 1]!;
        const A = sizes.slice(1, r).reduce((s, m) => s + m, 0);
        expect(forwardCost(sizes)).toBe(P + A);
        expect(backwardCost(sizes) - forwardCost(sizes)).toBe(4 + P / 2 + (P - 2 * sizes[1]! * sizes[0]!) + A);
        expect(total(forwardOperationCounts(sizes))).toBe(forwardCost(sizes));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects layer sizes that are not [d, m_1, ..., m_r = 1] naming Theorem 3.1', () => {
    expect(() => forwardCost([3])).toThrow('Theorem 3.1: layer sizes must be [d, m_1, ..., m_r] with r >= 1, got [3]');
    expect(() => backwardCost([3, 2])).toThrow('Theorem 3.1: the output layer must have m_r = 1 (J is real-valued), got layer sizes [3, 2]');
    expect(() => forwardCost([0, 1])).toThrow('Theorem 3.1: d (input dimension) must be a positive integer, got 0');
    expect(() => backwardCost([2, 1.5, 1])).toThrow('Theorem 3.1: layer size m1 must be a positive integer, got 1.5');
    expect(() => forwardOperationCounts('2,1' as unknown as number[])).toThrow('Theorem 3.1: layer sizes must be [d, m_1, ..., m_r] with r >= 1, got no list');
  });
});

describe('[3.3/naive-cost] one partial derivative on its own costs a forward pass; all md first-layer ones cost >= (md)²', () => {
  it('counts gradW1Entry by hand for d = 2, m = 3 and measures it', () => {
    // forward (eq. 3.8): z_j = Σ_ℓ w_jℓ x_ℓ + b_j: 2 multiplications, 2 additions per unit (6 + 6),
    // 3 ReLUs, o = Σ_j w2_j a_j + b2: 3 + 3; J = ½(o − y)²: 1 subtraction, 2 multiplications;
    // then (o − y)·(w2)_j·1{z_j >= 0}·x_ℓ: 1 subtraction, 3 multiplications, 1 derivative: 14 multiplications, 11 additions, 3 + 1 = 29 = 2md + 3m + 8.
    expect(partialDerivativeOperationCounts(2, 3)).toEqual({ multiplications: 14, additions: 11, activations: 3, derivatives: 1 });
    withPrecision(20, () => {
      const { theta, x, y } = bigCase([2, 3, 1], 5);
      const unpacked = unpackParams(theta);
      // ReLU and 1{z >= 0} are comparisons that gradW1Entry calls directly (not through the ACTIVATIONS
      // table): the instrumentation sees the multiplications and additions, the code shows m ReLUs and 1 derivative.
      const measured = countOperations('relu', () => gradW1Entry(unpacked, x, y, 2, 1));
      expect({ multiplications: measured.multiplications, additions: measured.additions, divisions: measured.divisions }).toEqual({
        multiplications: 14,
        additions: 11,
        divisions: 0,
      });
    });
  });

  it("matches the measured arithmetic of gradW1Entry for random d, m, and the notes' bounds hold: >= md each, >= (md)² in all", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer(), (d, m, seed) => {
        const counts = partialDerivativeOperationCounts(d, m);
        withPrecision(20, () => {
          const { theta, x, y } = bigCase([d, m, 1], seed);
          const measured = countOperations('relu', () => gradW1Entry(unpackParams(theta), x, y, m, d));
          expect([measured.multiplications, measured.additions]).toEqual([counts.multiplications, counts.additions]);
        });
        const one = total(counts);
        expect(one).toBe(2 * d * m + 3 * m + 8);
        expect(one).toBeGreaterThanOrEqual(d * m);
        expect(naiveFirstLayerCost(d, m)).toBe(d * m * one);
        expect(naiveFirstLayerCost(d, m)).toBeGreaterThanOrEqual(2 * (d * m) ** 2);
      }),
      { numRuns: 15 },
    );
  });

  it('against backpropagation: all p = md + 2m + 1 partial derivatives in 3md + 7m + 4, so the naive route is ~(2/3)md times slower', () => {
    for (const [d, m] of [
      [1, 1],
      [4, 3],
      [100, 50],
    ] as const) {
      expect(backwardCost([d, m, 1])).toBe(3 * d * m + 7 * m + 4);
    }
    expect(naiveFirstLayerCost(100, 50) / backwardCost([100, 50, 1])).toBeGreaterThan(3000);
  });
});
