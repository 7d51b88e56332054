/**
 * Algorithm 5 with one line as printed (reference/asPrinted.ts#algorithm5WithPrintedLines, the
 * errata alg5.*), behind the interface. Algorithm 5 is stated for ReLU networks, so these
 * implementations declare ReLU only. Lines 1 and 4 as printed cannot run (they read a z^{[r]} or
 * a δ^{[k−1]} that no line computed): those implementations fail by throwing.
 */

import { type Algorithm5PrintedLine, type Algorithm5Result, algorithm5WithPrintedLines } from '../../reference/asPrinted.js';
import { columnVector, toRows } from '../../reference/matrix.js';
import type { Matrix as MathMatrix } from '../../reference/numeric.js';
import { toParams } from '../adapters/reference.js';
import type { NetParams, Vector } from '../core/interface.js';
import { compose } from './compose.js';
import type { GalleryEntry } from './types.js';

const numbers = (M: MathMatrix): number[][] => toRows(M).map((row) => row.map(Number));
const column = (M: MathMatrix): number[] => numbers(M).map((row) => row[0]!);

/**
 * The printed lines' result as interface θ. A layer no line computed keeps the zeros it was
 * initialized with (the usual `grads = zeros_like(θ)`).
 */
function asParams(params: NetParams, result: Algorithm5Result): NetParams {
  return {
    W: params.W.map((W, k) => (result.W[k] === undefined ? W.map((row) => row.map(() => 0)) : numbers(result.W[k]!))),
    b: params.b.map((b, k) => (result.b[k] === undefined ? b.map(() => 0) : column(result.b[k]!))),
  };
}

function printedGradient(lines: readonly Algorithm5PrintedLine[]) {
  return (params: NetParams, _activation: unknown, x: Vector, y: number): NetParams =>
    asParams(params, algorithm5WithPrintedLines(toParams(params), columnVector(x), y, lines));
}

/**
 * Line 5 as printed, ∂J/∂W^{[k+1]} = δ^{[k+1]} z^{[k]ᵀ}, read with z^{[0]} = x (a^{[0]} = x is
 * the only layer-0 quantity; with no z^{[0]} at all it cannot run at k = 0): the printed loop
 * gives layers r..2 with z, and layer 1 is δ^{[1]}xᵀ, δ^{[1]}.
 */
function line5Gradient(params: NetParams, _activation: unknown, x: Vector, y: number): NetParams {
  const upper = algorithm5WithPrintedLines(toParams(params), columnVector(x), y, ['line3-stops-at-1', 'line5-z']);
  const delta1 = column(upper.delta[1]!);
  const g = asParams(params, upper);
  return { W: [delta1.map((d) => x.map((v) => d * v)), ...g.W.slice(1)], b: [delta1, ...g.b.slice(1)] };
}

const relu = { activations: ['relu'] as const };

export const ALG5_ENTRIES: readonly GalleryEntry[] = [
  {
    impl: compose('bad: alg5 line 1 as printed', { gradient: printedGradient(['line1-range']) }, relu),
    bug: 'Algorithm 5 line 1 as printed stores z^{[k]}, a^{[k]} for k = 1..r−1 only, so line 2 reads a z^{[r]} never stored (erratum alg5.line1-range)',
    caughtBy: ['gradient/named-cases', 'gradient/random', 'optimizers/train-multi-step'],
    specId: 'alg5.line1',
    detectedAs: 'throws',
    thrown: 'Algorithm 5 (as printed): z[',
  },
  {
    impl: compose('bad: alg5 line 2 as printed', { gradient: printedGradient(['line2-o']) }, relu),
    bug: 'Algorithm 5 line 2 as printed: δ^{[r]} = z^{[r]} − o, identically 0, so every gradient is 0 (erratum alg5.line2-o-for-y)',
    caughtBy: ['gradient/named-cases', 'gradient/high-precision', 'gradient/random', 'gradient/finite-differences', 'networks/depth', 'optimizers/sgd-step'],
    specId: 'alg5.line2',
    specIdBy: { 'optimizers/sgd-step': '1.4' },
  },
  {
    impl: compose('bad: alg5 line 3 as printed', { gradient: printedGradient(['line3-stops-at-1']) }, relu),
    bug: 'Algorithm 5 line 3 as printed: the loop stops at k = 1, so ∂J/∂W^{[1]}, ∂J/∂b^{[1]} keep their zero initialization (erratum alg5.loop-misses-layer1)',
    caughtBy: ['gradient/named-cases', 'gradient/high-precision', 'gradient/random', 'networks/two-layer-gradient', 'networks/depth'],
    specId: 'alg5.line4',
    // With r = 1 (the random cases shrink to one layer) the missing layer 1 is layer r, whose ∂J/∂b is line 2's δ^{[r]}.
    specIdBy: { 'gradient/random': 'alg5.line2', 'networks/depth': 'alg5.line2', 'networks/two-layer-gradient': 'alg4.line3' },
    layer: 1,
  },
  {
    impl: compose('bad: alg5 line 4 as printed', { gradient: printedGradient(['line4-delta-k-minus-1']) }, relu),
    bug: 'Algorithm 5 line 4 as printed: δ^{[k]} from δ^{[k−1]}, which the downward loop has not computed (erratum alg5.line4-delta-k-minus-1)',
    caughtBy: ['gradient/named-cases', 'gradient/random', 'networks/depth'],
    specId: 'alg5.line4',
    detectedAs: 'throws',
    thrown: 'Algorithm 5 (as printed): δ[',
  },
  {
    impl: compose('bad: alg5 line 5 as printed', { gradient: line5Gradient }, relu),
    bug: 'Algorithm 5 line 5 as printed: ∂J/∂W^{[k+1]} = δ^{[k+1]} z^{[k]ᵀ}, z where a belongs (erratum alg5.line5-z-for-a)',
    caughtBy: ['gradient/named-cases', 'gradient/high-precision', 'gradient/random', 'networks/matrix-chain-rule', 'networks/two-layer-gradient'],
    specId: 'alg5.line5',
    specIdBy: { 'networks/matrix-chain-rule': '3.13', 'networks/two-layer-gradient': '3.3/grad-w2' },
  },
];
