/**
 * fast-check arbitraries of Scenarios (scenario.types.ts) for the accelerated path: random small
 * architectures [d, m_1, ..., m_{r−1}, 1] with depth 1..4 and widths from 1, data sets whose n
 * differs from the batch sizes and the widths in general, batches of distinct indices.
 */
import fc from 'fast-check';
import type { ActivationName, Scenario } from '../scenario.types.js';

export const ACTIVATIONS: readonly ActivationName[] = ['relu', 'sigmoid', 'tanh', 'identity'];

/** Entries in [−1, 1]; `generic` keeps 1/16 <= |v| <= 1 (no exact zeros, so no pre-activation lands on a kink by construction). */
export function entryArb(generic = false): fc.Arbitrary<number> {
  if (!generic) return fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true });
  return fc.tuple(fc.boolean(), fc.double({ min: 1 / 16, max: 1, noNaN: true })).map(([negative, v]) => (negative ? -v : v));
}

const matrixArb = (rows: number, cols: number, entry: fc.Arbitrary<number>): fc.Arbitrary<number[][]> =>
  fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

export interface ScenarioShapeOptions {
  readonly maxLayers?: number;
  readonly maxWidth?: number;
  readonly maxExamples?: number;
  readonly maxBatches?: number;
  readonly generic?: boolean;
  readonly activations?: readonly ActivationName[];
}

/** A random Scenario: r ∈ 1..maxLayers, d and m_k ∈ 1..maxWidth, m_r = 1, n ∈ 1..maxExamples, 0..maxBatches batches. */
export function scenarioArb(options: ScenarioShapeOptions = {}): fc.Arbitrary<Scenario> {
  const { maxLayers = 4, maxWidth = 4, maxExamples = 7, maxBatches = 3, generic = false, activations = ACTIVATIONS } = options;
  const entry = entryArb(generic);
  const shape = fc.record({
    widths: fc.array(fc.integer({ min: 1, max: maxWidth }), { minLength: 1, maxLength: maxLayers }),
    n: fc.integer({ min: 1, max: maxExamples }),
  });
  return shape.chain(({ widths, n }) => {
    const sizes = [...widths, 1];
    const all = Array.from({ length: n }, (_, i) => i);
    return fc.record({
      params: fc.record({
        W: fc.tuple(...sizes.slice(1).map((m, k) => matrixArb(sizes[k]!, m, entry))),
        b: fc.tuple(...sizes.slice(1).map((m) => fc.array(entry, { minLength: m, maxLength: m }))),
      }),
      activation: fc.constantFrom(...activations),
      data: fc.record({ X: matrixArb(n, sizes[0]!, entry), y: fc.array(entry, { minLength: n, maxLength: n }) }),
      batches: fc.array(fc.shuffledSubarray(all, { minLength: 1 }), { maxLength: maxBatches }),
      alpha: fc.constantFrom(0.01, 0.1, 0.3),
    });
  });
}
