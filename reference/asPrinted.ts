/**
 * Formulas transcribed EXACTLY AS PRINTED in the notes where the print is wrong. Every function in
 * this file is DELIBERATELY WRONG and cites the erratum of spec/errata.ts it demonstrates. They
 * exist so that reference/errata*.test.ts can show numerically that the printed form fails and the
 * correction holds, and so that a conformance suite has known-bad implementations to reject.
 * Nothing in the reference may call them.
 */
import { elementwise, relu, reluPrime } from './activations.js';
import { SpecError } from './errors.js';
import { at, coord, hadamard, scalarOf } from './matrix.js';
import { forward, type Params, weight } from './network.js';
import { type Matrix, math, type Scalar } from './numeric.js';
import { add, mul, sub, transpose } from './ops.js';

/** The lines of Algorithm 5 whose printed text is wrong (see the erratum named by each). */
export type Algorithm5PrintedLine =
  /** erratum alg5.line1-range: the forward pass stores z^{[k]}, a^{[k]} only for k = 1..r−1. */
  | 'line1-range'
  /** erratum alg5.line2-o-for-y: δ^{[r]} = z^{[r]} − o. */
  | 'line2-o'
  /** erratum alg5.loop-misses-layer1: the loop runs k = r−1 down to 1 (not 0). */
  | 'line3-stops-at-1'
  /** erratum alg5.line4-delta-k-minus-1: δ^{[k]} = (W^{[k+1]ᵀ} δ^{[k−1]}) ⊙ ReLU'(z^{[k]}). */
  | 'line4-delta-k-minus-1'
  /** erratum alg5.line5-z-for-a: ∂J/∂W^{[k+1]} = δ^{[k+1]} z^{[k]ᵀ}. */
  | 'line5-z';

export const ALGORITHM5_PRINTED_LINES: readonly Algorithm5PrintedLine[] = ['line1-range', 'line2-o', 'line3-stops-at-1', 'line4-delta-k-minus-1', 'line5-z'];

/** What a variant of Algorithm 5 produced; an entry is undefined where the algorithm never computes it. */
export interface Algorithm5Result {
  /** W[k − 1] = ∂J/∂W^{[k]} (m_k×m_{k−1}). */
  readonly W: readonly (Matrix | undefined)[];
  /** b[k − 1] = ∂J/∂b^{[k]} (m_k×1). */
  readonly b: readonly (Matrix | undefined)[];
  /** delta[k] = δ^{[k]} for k = 1..r. */
  readonly delta: readonly (Matrix | undefined)[];
}

/** A stored quantity of Algorithm 5; reading one that no line computed is an error, as it is on paper. */
function stored(list: readonly (Matrix | undefined)[], name: string, k: number): Matrix {
  const v = list[k];
  if (v === undefined) throw new SpecError('Algorithm 5 (as printed)', `${name}[${k}] is used but no line computed it`);
  return v;
}

/**
 * Algorithm 5 lines 1-5 (Section 3.5, ReLU network of eq. 2.12) with the lines in `printed`
 * transcribed as printed and every other line as corrected. DELIBERATELY WRONG whenever `printed`
 * is not empty (errata alg5.line1-range, alg5.line2-o-for-y, alg5.loop-misses-layer1,
 * alg5.line4-delta-k-minus-1, alg5.line5-z-for-a); with `printed` empty it computes what
 * reference/backprop.ts#backprop computes, which shows that each disagreement is the printed line's.
 */
export function algorithm5WithPrintedLines(theta: Params, x: Matrix, y: Scalar, printed: readonly Algorithm5PrintedLine[]): Algorithm5Result {
  const isPrinted = (line: Algorithm5PrintedLine): boolean => printed.includes(line);
  const pass = forward(theta, x, 'relu');
  const r = theta.W.length;
  // Line 1: store a^{[k]}, z^{[k]} for k = 1..r (corrected) or k = 1..r−1 (printed); a^{[0]} = x.
  const lastStored = isPrinted('line1-range') ? r - 1 : r;
  const z: (Matrix | undefined)[] = [];
  const a: (Matrix | undefined)[] = [pass.a[0]];
  for (let k = 1; k <= lastStored; k++) {
    z[k] = pass.z[k];
    a[k] = pass.a[k];
  }
  const delta: (Matrix | undefined)[] = [];
  const dW: (Matrix | undefined)[] = [];
  const db: (Matrix | undefined)[] = [];
  // Line 2: δ^{[r]} = z^{[r]} − y (corrected) or z^{[r]} − o (printed), where o = h_θ(x) = z^{[r]}.
  delta[r] = sub(stored(z, 'z', r), isPrinted('line2-o') ? pass.o : y);
  // Line 3: for k = r−1 down to 0 (corrected) or down to 1 (printed).
  const lastK = isPrinted('line3-stops-at-1') ? 1 : 0;
  for (let k = r - 1; k >= lastK; k--) {
    // Line 4 (k >= 1): δ^{[k]} = (W^{[k+1]ᵀ} δ^{[k+1]}) ⊙ ReLU'(z^{[k]}); printed: δ^{[k−1]}.
    if (k >= 1) {
      const incoming = stored(delta, 'δ', isPrinted('line4-delta-k-minus-1') ? k - 1 : k + 1);
      delta[k] = hadamard(mul(transpose(weight(theta, k + 1)), incoming), elementwise(reluPrime, stored(z, 'z', k)));
    }
    // Line 5: ∂J/∂W^{[k+1]} = δ^{[k+1]} a^{[k]ᵀ} (printed: z^{[k]ᵀ}), ∂J/∂b^{[k+1]} = δ^{[k+1]}.
    const input = isPrinted('line5-z') ? stored(z, 'z', k) : stored(a, 'a', k);
    dW[k] = mul(stored(delta, 'δ', k + 1), transpose(input));
    db[k] = stored(delta, 'δ', k + 1);
  }
  return { W: Array.from({ length: r }, (_, k) => dW[k]), b: Array.from({ length: r }, (_, k) => db[k]), delta };
}

/** Algorithm 5 with every printed line as printed. DELIBERATELY WRONG (errata alg5.*): it cannot even run. */
export function algorithm5AsPrinted(theta: Params, x: Matrix, y: Scalar): Algorithm5Result {
  return algorithm5WithPrintedLines(theta, x, y, ALGORITHM5_PRINTED_LINES);
}

/**
 * Eq. 2.5 as printed: "∀j ∈ [1, ..., m], z_j = w_i^{[1]} x + b_i^{[1]}", i.e. the same unit i for
 * every j and no transpose: w_i^{[1]} (d×1) times x (d×1). DELIBERATELY WRONG (erratum
 * eq2.5-index-and-transpose): undefined for d >= 2, and every z_j equal for d = 1.
 * W1 is W^{[1]} (m×d, row i is w_i^{[1]ᵀ}), b1 is b^{[1]} (m×1), i is 1-based.
 */
export function eq2_5AsPrinted(W1: Matrix, b1: Matrix, x: Matrix, i: number): Matrix {
  const wi = transpose(math.row(W1, i - 1));
  const [m] = W1.size() as [number, number];
  const zi = add(mul(wi, x), coord(b1, i));
  return math.matrix(Array.from({ length: m }, () => [scalarOf(zi)]));
}

/**
 * Figure 3's caption as printed: a_j = ReLU(Σ_{i=1}^{m} (w_j^{[1]})_i x_i) for j = 1..m — the sum
 * runs to m (not d) and b_j^{[1]} is missing. DELIBERATELY WRONG (erratum fig3.caption-sum-range-and-bias).
 * W1 is W^{[1]} (m×d), x is d×1; returns a (m×1). For m > d it reads x_i that do not exist.
 */
export function fig3CaptionAsPrinted(W1: Matrix, x: Matrix): Matrix {
  const [m, d] = W1.size() as [number, number];
  const a: Scalar[][] = [];
  for (let j = 1; j <= m; j++) {
    let sum: Scalar = 0;
    for (let i = 1; i <= m; i++) {
      if (i > d) throw new SpecError('Figure 3 caption (as printed)', `x_${i} does not exist: x ∈ R^${d} but the sum runs to m = ${m}`);
      sum = add(sum, mul(at(W1, j, i), coord(x, i)));
    }
    a.push([relu(sum)]);
  }
  return math.matrix(a);
}

/**
 * Section 3.3, the combined formula as printed: ∂J/∂(w_i^{[1]})_ℓ = (o − y)·(w^{[2]})_j·1{z_j ≥ 0}·x_ℓ,
 * read with the free index j ≠ i. DELIBERATELY WRONG (erratum sec3.3-combined-w_i): it is
 * ∂J/∂(w_j^{[1]})_ℓ, not ∂J/∂(w_i^{[1]})_ℓ. theta is a two-layer network (r = 2); j, ℓ 1-based.
 */
export function sec33CombinedAsPrinted(theta: Params, x: Matrix, y: Scalar, j: number, l: number): Scalar {
  const pass = forward(theta, x, 'relu');
  const residual = sub(pass.o, y);
  const w2j = at(weight(theta, 2), 1, j);
  return mul(mul(mul(residual, w2j), reluPrime(coord(pass.z[1]!, j))), coord(x, l));
}

/**
 * Section 3.4, the verification of Algorithm 4 line 3 as printed: eq. 3.15 invoked with the
 * setting "z ← a", i.e. ∂J/∂z = ∂J/∂a ⊙ ReLU'(a). DELIBERATELY WRONG (erratum
 * sec3.4-verify-z-from-a): a = ReLU(z) >= 0, so ReLU'(a) = 1 everywhere and the mask is lost.
 * dJda and a are m×1.
 */
export function verifyDelta1AsPrinted(dJda: Matrix, a: Matrix): Matrix {
  return hadamard(dJda, elementwise(reluPrime, a));
}

/**
 * Algorithm 3 line 2 / Algorithm 4 lines 2-3 as converted: "(o y)", read as the product o·y.
 * DELIBERATELY WRONG (erratum alg3-alg4.minus-lost): ∂J/∂o = o − y.
 */
export function dJdoAsConverted(o: Scalar, y: Scalar): Scalar {
  return mul(o, y);
}

/**
 * Eq. 2.15 evaluated literally in float64: (e^z − e^{−z}) / (e^z + e^{−z}). Not wrong as
 * mathematics, DELIBERATELY NAIVE as arithmetic (erratum activations.stable-forms): Infinity/Infinity
 * = NaN for |z| > ~709.78, and cancellation in the numerator for |z| ≪ 1.
 */
export function tanhAsPrinted(z: number): number {
  return (Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z));
}

/**
 * Eq. 2.14 evaluated literally in float64: 1 / (1 + e^{−z}). Kept beside tanhAsPrinted to show
 * that, unlike tanh, the printed sigmoid is already accurate in float64 (erratum activations.stable-forms).
 */
export function sigmoidAsPrinted(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
