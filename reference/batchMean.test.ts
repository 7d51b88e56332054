/**
 * One placement of eq. 1.5's 1/B across the spec (erratum eq1.5.batch-mean): inside the output
 * delta, Δ^{[r]} = (Z^{[r]} − Y)/B, and nowhere after it. The formulas of 4/multi-layer and
 * 4/row-major-conversion (restated by the errata sec4.multilayer-batched and sec4.row-major-layout),
 * composed AS WRITTEN from the reference's matrix operations, give the mean gradient
 * (1/B)Σ_t ∇J^{(j_t)}: not the sum, and not 1/B² of it. And no entry divides a product by B again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERRATA } from '../spec/errata.js';
import { INVENTORY } from '../spec/inventory/index.js';
import { activationByName, elementwise } from './activations.js';
import { columnVector, hadamard, matrixFromRows, toRows } from './matrix.js';
import { initializeParams, type Params } from './network.js';
import { type Matrix, math } from './numeric.js';
import { add, mul, sub, transpose } from './ops.js';
import { type Example, meanGradient } from './optimizers.js';
import { createRng, uniform01 } from './sampler.js';
import { sizesArb } from './testing/arbitraries.js';

const ones = (rows: number, cols: number): Matrix => math.ones(rows, cols) as Matrix;

/** 4/multi-layer as written: examples as columns, Δ^{[r]} = (1/B)(Z^{[r]} − Y), ∂J_B/∂W^{[k]} = Δ^{[k]}A^{[k−1]ᵀ}, ∂J_B/∂b^{[k]} = Δ^{[k]}1_B. */
function columnsAsWritten(theta: Params, X: Matrix, Y: Matrix, activation: 'relu' | 'tanh'): Params {
  const { sigma, sigmaPrime } = activationByName(activation);
  const r = theta.W.length;
  const B = X.size()[1]!;
  const A: Matrix[] = [X];
  const Z: Matrix[] = [];
  for (let k = 1; k <= r; k++) {
    Z[k] = add(mul(theta.W[k - 1]!, A[k - 1]!), mul(theta.b[k - 1]!, transpose(ones(B, 1))));
    A[k] = k < r ? elementwise(sigma, Z[k]!) : Z[k]!;
  }
  const Delta: Matrix[] = [];
  Delta[r] = mul(1 / B, sub(Z[r]!, Y));
  for (let k = r - 1; k >= 1; k--) Delta[k] = hadamard(mul(transpose(theta.W[k]!), Delta[k + 1]!), elementwise(sigmaPrime, Z[k]!));
  return {
    W: theta.W.map((_, i) => mul(Delta[i + 1]!, transpose(A[i]!))),
    b: theta.b.map((_, i) => mul(Delta[i + 1]!, ones(B, 1))),
  };
}

/** 4/row-major-conversion as written: Δ_row^{[r]} = (1/B)(Z_row^{[r]} − Yᵀ), ∂J_B/∂W^{[k]ᵀ} = A_row^{[k−1]ᵀ}Δ_row^{[k]}, ∂J_B/∂b^{[k]ᵀ} = 1_Bᵀ Δ_row^{[k]}. */
function rowsAsWritten(theta: Params, Xrow: Matrix, Yt: Matrix, activation: 'relu' | 'tanh'): Params {
  const { sigma, sigmaPrime } = activationByName(activation);
  const r = theta.W.length;
  const B = Xrow.size()[0]!;
  const A: Matrix[] = [Xrow];
  const Z: Matrix[] = [];
  for (let k = 1; k <= r; k++) {
    Z[k] = add(mul(A[k - 1]!, transpose(theta.W[k - 1]!)), mul(ones(B, 1), transpose(theta.b[k - 1]!)));
    A[k] = k < r ? elementwise(sigma, Z[k]!) : Z[k]!;
  }
  const Delta: Matrix[] = [];
  Delta[r] = mul(1 / B, sub(Z[r]!, Yt));
  for (let k = r - 1; k >= 1; k--) Delta[k] = hadamard(mul(Delta[k + 1]!, theta.W[k]!), elementwise(sigmaPrime, Z[k]!));
  // the gradients with respect to W^{[k]ᵀ}, b^{[k]ᵀ}, transposed back to the shapes of W^{[k]}, b^{[k]}
  return {
    W: theta.W.map((_, i) => transpose(mul(transpose(A[i]!), Delta[i + 1]!))),
    b: theta.b.map((_, i) => transpose(mul(transpose(ones(B, 1)), Delta[i + 1]!))),
  };
}

/** Exact equality entry by entry, +0 and −0 alike. */
function expectSameParams(got: Params, want: Params, scale = 1): void {
  const flat = (p: Params): number[] => [...p.W, ...p.b].flatMap((M) => toRows(M).flat() as number[]);
  const [g, w] = [flat(got), flat(want)];
  expect(g.length).toBe(w.length);
  g.forEach((v, i) => expect(v * scale === w[i], `entry ${i}: ${v}·${scale} vs ${w[i]}`).toBe(true));
}

/** A network, B = 2^k examples (1..8, so every 1/B scaling is exact) and an activation. */
const caseArb = fc.record({
  sizes: sizesArb({ maxLayers: 4, maxWidth: 4 }),
  seed: fc.integer(),
  B: fc.constantFrom(1, 2, 4, 8),
  activation: fc.constantFrom('relu' as const, 'tanh' as const),
});

/** B examples with entries uniform in [−1, 1) from the seeded sampler. */
function dataOf(d: number, seed: number, B: number): Example[] {
  const rng = createRng(seed + 1);
  const draw = (): number => 2 * uniform01(rng) - 1;
  return Array.from({ length: B }, () => ({ x: columnVector(Array.from({ length: d }, draw)), y: draw() }));
}

describe('[4/multi-layer, 4/row-major-conversion, 1.5] the 1/B of eq. 1.5 sits in Δ^{[r]} only: the documented formulas, composed as written, give the mean gradient', () => {
  // Derivation of exactness: for B a power of two, scaling by 1/B is exact and commutes with every
  // rounding (no value here comes near the subnormal range), and the reference's mean gradient sums
  // the per-example products in the same order (t = 1..B) as the matrix products do, then divides by
  // B. So the composed formulas and meanGradient agree bit for bit, and B times them is the sum.
  it('[erratum:eq1.5.batch-mean] columns (4/multi-layer) and rows (4/row-major-conversion) both equal (1/B)Σ_t ∇J^{(j_t)}, B·them the sum, and a second 1/B would be 1/B² of it', () => {
    fc.assert(
      fc.property(caseArb, ({ sizes, seed, B, activation }) => {
        const theta = initializeParams(sizes, createRng(seed));
        const data = dataOf(sizes[0]!, seed, B);
        const indices = data.map((_, t) => t);
        const X = matrixFromRows(Array.from({ length: sizes[0]! }, (_, l) => data.map((e) => e.x.get([l, 0]) as number)));
        const Y = matrixFromRows([data.map((e) => e.y)]);
        const mean = meanGradient(theta, data, indices, activation);
        const columns = columnsAsWritten(theta, X, Y, activation);
        expectSameParams(columns, mean);
        expectSameParams(rowsAsWritten(theta, transpose(X), transpose(Y), activation), mean);
        const sum: Params = { W: mean.W.map((M) => mul(B, M)), b: mean.b.map((M) => mul(B, M)) };
        expectSameParams(columns, sum, B);
        // dividing Δ^{[k]}A^{[k−1]ᵀ} by B again gives (1/B²)Σ_t: wrong by the factor B wherever the gradient is non-zero
        if (B > 1) {
          const twice = toRows(mul(1 / B, columns.b[columns.b.length - 1]!))[0]![0] as number;
          const right = toRows(mean.b[mean.b.length - 1]!)[0]![0] as number;
          if (right !== 0) expect(twice).toBe(right / B);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('[erratum:eq1.5.batch-mean] every entry that states Δ^{[r]} puts the 1/B in it, and no entry divides a product Δ^{[k]}A^{[k−1]ᵀ} by B or n again', () => {
    const texts = [
      ...INVENTORY.map((e) => ({ id: e.id, text: e.latex })),
      ...ERRATA.flatMap((e) => [
        { id: e.id, text: e.correction },
        { id: e.id, text: e.derivation },
      ]),
    ];
    const outputDelta = /(?:Δ|\\Delta)(?:_row|_\{\\mathrm\{row\}\})?\^\{\[r\]\}\s*=\s*([^,;]*)/g;
    const hasOneOverB = /\/\s*B\b|1\/B|\\t?frac\{1\}\{B\}/;
    const stated = texts.flatMap(({ id, text }) => [...text.matchAll(outputDelta)].map((m) => ({ id, rhs: m[1]! })));
    expect(new Set(stated.map((s) => s.id))).toEqual(
      new Set(['4/multi-layer', '4/row-major-conversion', 'eq1.5.batch-mean', 'sec4.multilayer-batched', 'sec4.row-major-layout']),
    );
    expect(stated.filter((s) => !hasOneOverB.test(s.rhs))).toEqual([]);
    // a 1/B (or 1/n) written in front of A or Δ, or after a product, is a second division
    const again = [
      /\(1\/[nB]\)\s*(?:A|Δ)/,
      /\\t?frac\{1\}\{[nB]\}\s*(?:A|\\Delta)/,
      /(?:Δ\^\{\[k\]\}A\^\{\[k−1\]ᵀ\}|A_row\^\{\[k−1\]ᵀ\}Δ_row\^\{\[k\]\})\s*\/\s*[nB]/,
    ];
    expect(
      again.some((re) => re.test('gradients transpose likewise (∂/∂W_row^{[k]} = (1/n)A_row^{[k−1]ᵀ}Δ_row^{[k]})')),
      'the old wording is caught',
    ).toBe(true);
    expect(texts.filter(({ text }) => again.some((re) => re.test(text))).map((t) => t.id)).toEqual([]);
  });
});
