/** fast-check arbitraries for small networks and examples in the notes' column convention. */
import fc from 'fast-check';
import { columnVector, matrixFromRows } from '../matrix.js';
import type { Params } from '../network.js';
import type { Matrix } from '../numeric.js';

export interface NetworkCase {
  readonly sizes: number[];
  readonly theta: Params;
  readonly x: Matrix;
  readonly y: number;
}

const unit = fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true });

/**
 * Entries with 1/16 <= |v| <= 1: fast-check favours 0 and ±1, which put ReLU pre-activations
 * exactly on the kink; gradient checks that need to stay off kinks use these generic values.
 */
const generic = fc.tuple(fc.boolean(), fc.double({ min: 1 / 16, max: 1, noNaN: true })).map(([negative, v]) => (negative ? -v : v));

export interface ShapeOptions {
  readonly minLayers?: number;
  readonly maxLayers?: number;
  readonly maxWidth?: number;
  /** Entries bounded away from 0 (see `generic`). */
  readonly generic?: boolean;
}

function matrixArb(rows: number, cols: number, entry: fc.Arbitrary<number>): fc.Arbitrary<Matrix> {
  return fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }).map(matrixFromRows);
}

/** Layer sizes [d, m_1, ..., m_{r−1}, 1] with minLayers <= r <= maxLayers and widths 1..maxWidth. */
export function sizesArb({ minLayers = 1, maxLayers = 4, maxWidth = 4 }: ShapeOptions = {}): fc.Arbitrary<number[]> {
  return fc
    .array(fc.integer({ min: 1, max: maxWidth }), { minLength: minLayers, maxLength: maxLayers })
    .map((widths) => [...widths, 1]);
}

/** A network with entries in [−1, 1], an input x ∈ [−1, 1]^d and a target y ∈ [−1, 1]. */
export function networkCaseArb(shape: ShapeOptions = {}): fc.Arbitrary<NetworkCase> {
  const entry = shape.generic === true ? generic : unit;
  return sizesArb(shape).chain((sizes) =>
    fc.record({
      sizes: fc.constant(sizes),
      theta: fc
        .tuple(...sizes.slice(1).map((m, k) => fc.tuple(matrixArb(m, sizes[k]!, entry), matrixArb(m, 1, entry))))
        .map((layers) => ({ W: layers.map(([W]) => W), b: layers.map(([, b]) => b) })),
      x: fc.array(entry, { minLength: sizes[0]!, maxLength: sizes[0]! }).map(columnVector),
      y: entry,
    }),
  );
}
