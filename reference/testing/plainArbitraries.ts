/**
 * The building blocks of every fast-check arbitrary of the project: entries, lists and matrices of
 * plain numbers (numerics/plain.ts), and layer sizes. reference/testing/arbitraries.ts composes
 * them into mathjs networks for the reference's tests, conformance/core/cases.ts into the
 * interface's problems for the suite's property checks, and tests elsewhere use them directly.
 * Only fast-check: no mathjs, so anything may import it.
 */
import fc from 'fast-check';

/** A list of exactly n entries. */
export const vectorOf = (entry: fc.Arbitrary<number>, n: number): fc.Arbitrary<number[]> => fc.array(entry, { minLength: n, maxLength: n });

/** A rows×cols matrix given as its rows. */
export const matrixOf = (entry: fc.Arbitrary<number>, rows: number, cols: number): fc.Arbitrary<number[][]> =>
  fc.array(vectorOf(entry, cols), { minLength: rows, maxLength: rows });

/** Entries in [−1, 1]; fast-check favours 0 and ±1, which put ReLU pre-activations exactly on the kink. */
export const unitEntry: fc.Arbitrary<number> = fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true });

/**
 * Entries with 1/16 <= |v| <= 1: no exact zeros, far from underflow; for checks that need to stay
 * off ReLU's kink (gradients, finite differences).
 */
export const genericEntry: fc.Arbitrary<number> = fc
  .tuple(fc.boolean(), fc.double({ min: 1 / 16, max: 1, noNaN: true }))
  .map(([negative, v]) => (negative ? -v : v));

export interface ShapeOptions {
  /** Number of layers r (default 1..4). */
  readonly minLayers?: number;
  readonly maxLayers?: number;
  /** Width of the input and of the hidden layers (default 1..4). */
  readonly maxWidth?: number;
}

/** Layer sizes [d, m_1, ..., m_{r−1}, 1]: r uniform in minLayers..maxLayers, then d and every m_k in 1..maxWidth. */
export function sizesArb({ minLayers = 1, maxLayers = 4, maxWidth = 4 }: ShapeOptions = {}): fc.Arbitrary<number[]> {
  return fc
    .integer({ min: minLayers, max: maxLayers })
    .chain((r) => vectorOf(fc.integer({ min: 1, max: maxWidth }), r))
    .map((widths) => [...widths, 1]);
}
