/**
 * fast-check arbitraries for small networks and examples in the notes' column convention, composed
 * from the plain building blocks of plainArbitraries.ts (entries, matrices, layer sizes).
 */
import fc from 'fast-check';
import { columnVector, matrixFromRows } from '../matrix.js';
import type { Params } from '../network.js';
import type { Matrix } from '../numeric.js';
import { genericEntry, type ShapeOptions as LayerShape, matrixOf, sizesArb, unitEntry, vectorOf } from './plainArbitraries.js';

export { genericEntry, sizesArb };

export interface NetworkCase {
  readonly sizes: number[];
  readonly theta: Params;
  readonly x: Matrix;
  readonly y: number;
}

export interface ShapeOptions extends LayerShape {
  /** Entries bounded away from 0 (plainArbitraries.ts#genericEntry) instead of in [−1, 1]. */
  readonly generic?: boolean;
}

const mathMatrixOf = (entry: fc.Arbitrary<number>, rows: number, cols: number): fc.Arbitrary<Matrix> => matrixOf(entry, rows, cols).map(matrixFromRows);

/** A network with entries in [−1, 1], an input x ∈ [−1, 1]^d and a target y ∈ [−1, 1]. */
export function networkCaseArb(shape: ShapeOptions = {}): fc.Arbitrary<NetworkCase> {
  const entry = shape.generic === true ? genericEntry : unitEntry;
  return sizesArb(shape).chain((sizes) =>
    fc.record({
      sizes: fc.constant(sizes),
      theta: fc
        .tuple(...sizes.slice(1).map((m, k) => fc.tuple(mathMatrixOf(entry, m, sizes[k]!), mathMatrixOf(entry, m, 1))))
        .map((layers) => ({ W: layers.map(([W]) => W), b: layers.map(([, b]) => b) })),
      x: vectorOf(entry, sizes[0]!).map(columnVector),
      y: entry,
    }),
  );
}
