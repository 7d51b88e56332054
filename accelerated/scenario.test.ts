import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_BACKENDS, useNodeBackend } from './node/backends.js';
import { runScenario } from './scenario.js';
import type { ActivationName, Scenario } from './scenario.types.js';
import { compareSteps, compareWithReference } from './testing/compare.js';
import { ACTIVATIONS, scenarioArb } from './testing/scenarioArb.js';
import { Trainer } from './trainer.js';

/** One eq. 1.5 step on a fresh trainer started at θ (what compareSteps asks for). */
function oneStep(data: Scenario['data'], activation: ActivationName) {
  return async (theta: Parameters<typeof Trainer.create>[0], batch: readonly number[], alpha: number) => {
    const trainer = Trainer.create(theta, data, activation);
    try {
      trainer.step(batch, alpha);
      return await trainer.params();
    } finally {
      trainer.dispose();
    }
  };
}

/**
 * A fixed deeper case: sizes [3, 1, 5, 2, 1] (a width-1 layer), n = 7, batches of B = 3, 5, 1, 7,
 * so n, B and every m_k differ where they can (a broadcast along the wrong axis cannot pass).
 */
function deepCase(activation: ActivationName): Scenario {
  const sizes = [3, 1, 5, 2, 1];
  const value = (i: number, j: number, k: number): number => Math.sin(1.3 * i + 0.7 * j + 2.1 * k + 0.4) * 0.9;
  return {
    params: {
      W: sizes.slice(1).map((m, k) => Array.from({ length: sizes[k]! }, (_, i) => Array.from({ length: m }, (_, j) => value(i, j, k)))),
      b: sizes.slice(1).map((m, k) => Array.from({ length: m }, (_, j) => value(9, j, k) / 2)),
    },
    activation,
    data: { X: Array.from({ length: 7 }, (_, i) => [value(i, 0, 7), value(i, 1, 8), value(i, 2, 9)]), y: Array.from({ length: 7 }, (_, i) => value(i, 3, 10)) },
    batches: [[0, 4, 2], [6, 1, 3, 5, 0], [2], [0, 1, 2, 3, 4, 5, 6]],
    alpha: 0.1,
  };
}

for (const backend of NODE_BACKENDS) {
  describe(`[4/row-major-conversion, 4.4, 4/multi-layer, 2.12] runScenario on ${backend} against the reference, within float32 bounds`, () => {
    beforeAll(async () => {
      await useNodeBackend(backend);
    });

    it('[1.1, 1.2, 1.5, alg5.line1, alg5.line2, alg5.line3, alg5.line4, alg5.line5, 3.16] random architectures (depth 1-4, widths 1-4, n != B): outputs, J, ∇J, the trained θ and the losses', async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb(), async (scenario) => {
          const output = await runScenario(scenario);
          expect(output.backend).toBe(backend);
          expect(compareWithReference(scenario, output).problems).toEqual([]);
        }),
        { numRuns: 100 },
      );
    });

    it('[1.5, alg2.line3, alg2.line4] step by step: one update from the reference θ_t stays within the one-step bound at every t', async () => {
      await fc.assert(
        fc.asyncProperty(scenarioArb({ maxBatches: 4 }), async (scenario) => {
          const result = await compareSteps(scenario, oneStep(scenario.data, scenario.activation), backend);
          expect(result.problems).toEqual([]);
        }),
        { numRuns: 30 },
      );
    });

    it.each(ACTIVATIONS)('[2.14, 2.15, 2/relu, 4/multi-layer] a deeper net with a width-1 layer, n = 7 and B = 3, 5, 1, 7: %s', async (activation) => {
      const scenario = deepCase(activation);
      const output = await runScenario(scenario);
      const comparison = compareWithReference(scenario, output);
      expect(comparison.problems).toEqual([]);
      expect(comparison.checked).toBe(7 + 1 + 2 * (3 * 1 + 1 * 5 + 5 * 2 + 2 * 1 + 1 + 5 + 2 + 1) + 4);
      expect((await compareSteps(scenario, oneStep(scenario.data, activation), backend)).problems).toEqual([]);
    });

    it('[1.2, 1.5] no batches: trained θ is θ_0 read back, and the memory is flat', async () => {
      const scenario = { ...deepCase('tanh'), batches: [] };
      const output = await runScenario(scenario);
      expect(output.losses).toEqual([]);
      expect(output.tensorsAfter).toBe(output.tensorsBefore);
      expect(output.trained.W).toEqual(scenario.params.W.map((W) => W.map((row) => row.map(Math.fround))));
    });
  });
}
