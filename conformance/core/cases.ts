/**
 * The inputs the checks use: random networks and data sets (fast-check arbitraries, plain data),
 * and hand-made cases aimed at real bugs (a kink hit exactly, non-square and width-1 layers,
 * depth 1 to 5, n ≠ B ≠ m so a bias broadcast along the wrong axis cannot hide, |z| = 1000).
 */
import fc from 'fast-check';
import { type ShapeOptions as LayerShape, matrixOf, sizesArb, vectorOf } from '../../reference/testing/plainArbitraries.js';
import type { Activation, DataSet, NetParams } from './interface.js';

export interface Problem {
  readonly params: NetParams;
  readonly activation: Activation;
  readonly data: DataSet;
}

/** The layers (reference/testing/plainArbitraries.ts#ShapeOptions: r in 1..4, widths 1..4 by default) and the examples. */
export interface ShapeOptions extends LayerShape {
  /** Examples n (default 1..5). */
  readonly maxExamples?: number;
}

/** Magnitudes below this become exact zeros: see entryArb. */
export const SMALLEST_ENTRY = 2 ** -10;

/**
 * Entries: moderate doubles (|v| ≤ 2, full 53-bit mantissas, so nothing is accidentally exact)
 * with some exact zeros, which put pre-activations on ReLU's kink. Magnitudes below 2^-10 are
 * left out: fast-check shrinks a failing double towards 0 through subnormals, and a counterexample
 * made of 1e-307s is judged by the underflow term of the bounds and reads badly; this way it
 * shrinks to 0 (the other branch) or to readable values.
 */
export const entryArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 9, arbitrary: fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true }).filter((v) => Math.abs(v) >= SMALLEST_ENTRY) },
  { weight: 1, arbitrary: fc.constant(0) },
);

/** A rows×cols matrix of entryArb entries, as its rows. */
export const matrixArb = (rows: number, cols: number): fc.Arbitrary<number[][]> => matrixOf(entryArb, rows, cols);
/** n entryArb entries. */
export const vectorArb = (n: number): fc.Arbitrary<number[]> => vectorOf(entryArb, n);

/** Layer sizes [d, m_1, ..., m_{r−1}, 1]: r uniform in minLayers..maxLayers, widths in 1..maxWidth. */
export { sizesArb };

/** θ for layer sizes [d, m_1, ..., 1]: W^{[k]} m_k×m_{k−1}, b^{[k]} m_k. */
export function paramsArb(sizes: readonly number[]): fc.Arbitrary<NetParams> {
  const layers = sizes.slice(1).map((m, k) => fc.record({ W: matrixArb(m, sizes[k]!), b: vectorArb(m) }));
  return fc.tuple(...layers).map((ls) => ({ W: ls.map((l) => l.W), b: ls.map((l) => l.b) }));
}

export function dataArb(d: number, maxExamples = 5): fc.Arbitrary<DataSet> {
  return fc.integer({ min: 1, max: maxExamples }).chain((n) => fc.record({ X: matrixArb(n, d), y: vectorArb(n) }));
}

/** A random network, activation (among `activations`) and data set. */
export function problemArb(activations: readonly Activation[], options: ShapeOptions = {}): fc.Arbitrary<Problem> {
  if (activations.length === 0) throw new Error('problemArb needs at least one activation');
  return sizesArb(options).chain((sizes) =>
    fc.record({ params: paramsArb(sizes), activation: fc.constantFrom(...activations), data: dataArb(sizes[0]!, options.maxExamples) }),
  );
}

/** A problem plus a batch of distinct 0-based indices (1 ≤ B ≤ n), in random order. */
export function batchArb(n: number): fc.Arbitrary<number[]> {
  return fc.shuffledSubarray(
    Array.from({ length: n }, (_, i) => i),
    { minLength: 1 },
  );
}

/** The batches of a training run on n examples: 2 to 5 iterations, a batchArb each. */
export const batchesArb = (n: number): fc.Arbitrary<number[][]> => fc.array(batchArb(n), { minLength: 2, maxLength: 5 });

/** α > 0 (Algorithms 1-2 line 1): from 2^-8 to 1, full mantissas so α/B is not exact. */
export const alphaArb: fc.Arbitrary<number> = fc.double({ min: 2 ** -8, max: 1, noNaN: true });

/** A hand-made case with the bug it is aimed at. */
export interface NamedCase extends Problem {
  readonly name: string;
  readonly why: string;
}

const rampData = (n: number, d: number): DataSet => ({
  X: Array.from({ length: n }, (_, i) => Array.from({ length: d }, (_, j) => ((i + 1) * (j + 2)) / 7 - 0.9 + 0.13 * j)),
  y: Array.from({ length: n }, (_, i) => 0.3 * i - 0.45),
});

const filled = (rows: number, cols: number, seed: number): number[][] =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => Math.sin(seed + 1.7 * i + 0.61 * j + 0.29 * i * j) * 0.9));
const vec = (n: number, seed: number): number[] => Array.from({ length: n }, (_, i) => Math.cos(seed + 2.3 * i) * 0.5);

/** Deterministic θ for layer sizes (no randomness: hand-made cases are the same everywhere). */
export function fixedParams(sizes: readonly number[]): NetParams {
  return { W: sizes.slice(1).map((m, k) => filled(m, sizes[k]!, k + 1)), b: sizes.slice(1).map((m, k) => vec(m, k + 3)) };
}

/**
 * The hand-made cases. Shapes are chosen so that n, every B used and every m_k differ where the
 * case is about broadcasting; data are ramps so that no two examples coincide.
 */
export function namedCases(activation: Activation): NamedCase[] {
  const make = (name: string, why: string, sizes: number[], n: number): NamedCase => ({
    name,
    why,
    params: fixedParams(sizes),
    activation,
    data: rampData(n, sizes[0]!),
  });
  return [
    make('non-square', 'W^{[k]} of shape m_k×m_{k−1} with m_k ≠ m_{k−1}: a transposed weight shows', [3, 5, 2, 1], 4),
    make('width-1', 'hidden layers of one unit: a squeezed dimension shows', [1, 1, 1, 1], 3),
    make('depth-1', 'r = 1: a linear model, no hidden layer (Algorithm 5 line 3 runs no δ^{[k]}, k ≥ 1)', [4, 1], 3),
    make('depth-5', 'r = 5: an off-by-one in the backward loop shows', [2, 3, 4, 3, 2, 1], 3),
    make('n≠B≠m', 'n = 7 examples, widths 3 and 5: a bias broadcast along the wrong axis cannot hide', [3, 5, 1], 7),
  ];
}

/**
 * θ and x with pre-activations exactly 0 in the hidden layer: z^{[1]} = W^{[1]}x + b^{[1]} with
 * x = (1, 1), W^{[1]} rows (1, −1), (0.5, −0.25) and b^{[1]} = (0, −0.25): z_1 = 0 exactly, z_2 = 0
 * exactly (every product and sum is exact in binary). ReLU'(z_1) decides ∂J/∂b^{[1]}_1.
 */
export function kinkCase(): { params: NetParams; x: number[]; y: number } {
  return {
    params: {
      W: [
        [
          [1, -1],
          [0.5, -0.25],
        ],
        [[2, -3]],
      ],
      b: [[0, -0.25], [0.5]],
    },
    x: [1, 1],
    y: -1.5,
  };
}

/** Pre-activations of magnitude 1000 for sigmoid and tanh: σ must saturate, not overflow to NaN. */
export function extremeCase(activation: Activation): Problem {
  return {
    params: { W: [[[1000], [-1000]], [[0.75, -0.5]]], b: [[0, 0], [0.25]] },
    activation,
    data: { X: [[1], [-1], [0.5]], y: [0.1, -0.2, 0.3] },
  };
}
