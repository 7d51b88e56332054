/**
 * Rigorous running-error bounds for the float32 computation of accelerated/model.ts, evaluated in
 * float64 beside the reference's values (conformance/oracles/oracle.ts evaluates them for any dtype).
 * Every quantity Q the tfjs code computes is tracked as a pair (M, E) of nonnegative matrices:
 * M ≥ |Q| entry-wise (Q the exact real value) and E ≥ |Q̃ − Q| (Q̃ what a backend returns). The
 * rules are the standard model of floating-point arithmetic (Higham, "Accuracy and Stability of
 * Numerical Algorithms", ch. 2-3):
 *   fl(x ∘ y) = (x ∘ y)(1 + δ) + η,  |δ| ≤ ρ_∘·u,  |η| ≤ τ   (u = 2^-24, τ = 2^-126 covers
 *   gradual underflow and the flush-to-zero of GPUs), and for a product of inner dimension N in
 *   ANY summation order, with or without FMA: |fl(AB) − AB| ≤ γ_N |A||B| + N·τ, γ_N = Nρu/(1 − Nρu).
 * Input errors are carried through exactly: |ÃB̃ − AB| ≤ E_A|B| + |A|E_B + E_A E_B (entry-wise
 * products of nonnegative matrices), and |Ã| ≤ M_A + E_A in every rounding term, so the bounds
 * hold to all orders, not only to first order.
 * The constants (u, ρ, τ per backend, γ_N) are in numerics/roundoff.ts, the plain matrices and their
 * transpose in numerics/plain.ts, the activations' names in spec/activations.ts; this file imports
 * nothing else (docs/architecture.md).
 */
import type { ActivationName } from '../spec/activations.js';
import { type LayersOf, type Mat, transpose } from './plain.js';
import { gamma, type Precision } from './roundoff.js';

export type { Mat };

/** A computed quantity: M ≥ |exact value|, E ≥ |computed − exact|, entry-wise. */
export interface Bounded {
  readonly M: Mat;
  readonly E: Mat;
}

const abs = (V: Mat): Mat => V.map((row) => row.map(Math.abs));
const zip = (A: Mat, B: Mat, f: (a: number, b: number) => number): Mat => A.map((row, i) => row.map((a, j) => f(a, B[i]![j]!)));
const map = (A: Mat, f: (a: number, i: number, j: number) => number): Mat => A.map((row, i) => row.map((a, j) => f(a, i, j)));
const plus = (A: Mat, B: Mat): Mat => zip(A, B, (a, b) => a + b);
/** Nonnegative matrix product (float64). */
function product(A: Mat, B: Mat): Mat {
  const n = B[0]!.length;
  return A.map((row) => {
    const out = new Array<number>(n).fill(0);
    row.forEach((a, l) => {
      if (a !== 0) B[l]!.forEach((b, j) => (out[j]! += a * b));
    });
    return out;
  });
}
/** Row broadcast of a 1×m matrix to `rows` rows (eq. 4.4's 1_B b). */
const broadcastRows = (b: Mat, rows: number): Mat => Array.from({ length: rows }, () => b[0]!.slice());

/** A float64 input uploaded to float32 (Float32Array: round to nearest, gradual underflow). */
export function uploaded(p: Precision, V: Mat): Bounded {
  return { M: abs(V), E: map(V, (v) => p.u * Math.abs(v) + p.tiny) };
}

/** The exact magnitude of a quantity whose reference value is V (M = |V|). */
function withValue(E: Mat, V: Mat): Bounded {
  return { M: abs(V), E };
}

/** Rounding of one elementwise + − × on operands of magnitude ≤ S: ρu·S + τ. */
const rounding = (p: Precision, S: Mat): Mat => map(S, (s) => p.op * p.u * s + p.tiny);

/** x ± y (entry-wise, y already broadcast) whose exact value is V: E_x + E_y + ρu(|V| + E_x + E_y) + τ. */
function addOrSub(p: Precision, x: Bounded, y: Bounded, V: Mat): Bounded {
  const E0 = plus(x.E, y.E);
  return withValue(plus(E0, rounding(p, plus(abs(V), E0))), V);
}

/** x ⊙ y: E_x M_y + M_x E_y + E_x E_y + ρu(M_x + E_x)(M_y + E_y) + τ. */
function hadamardB(p: Precision, x: Bounded, y: Bounded, V?: Mat): Bounded {
  const E = map(x.E, (ex, i, j) => {
    const [mx, my, ey] = [x.M[i]![j]!, y.M[i]![j]!, y.E[i]![j]!];
    return ex * my + mx * ey + ex * ey + p.op * p.u * (mx + ex) * (my + ey) + p.tiny;
  });
  return { M: V === undefined ? zip(x.M, y.M, (a, b) => a * b) : abs(V), E };
}

/**
 * A·B (inner dimension N) whose exact value is V (or unknown: M = M_A M_B):
 * E = E_A M_B + M_A E_B + E_A E_B + γ_N (M_A + E_A)(M_B + E_B) + N·τ.
 */
function matmulB(p: Precision, a: Bounded, b: Bounded, V?: Mat): Bounded {
  const N = b.M.length;
  const g = gamma(p, N);
  const propagated = plus(plus(product(a.E, b.M), product(a.M, b.E)), product(a.E, b.E));
  const rounded = map(product(plus(a.M, a.E), plus(b.M, b.E)), (s) => g * s + N * p.tiny);
  return { M: V === undefined ? product(a.M, b.M) : abs(V), E: plus(propagated, rounded) };
}

const transposeB = (x: Bounded): Bounded => ({ M: transpose(x.M), E: transpose(x.E) });

/** Column sums 1_Bᵀ X (N = B rows): Σ E + γ_{N−1} Σ (M + E) + N·τ, as a 1×m matrix. */
function columnSumB(p: Precision, x: Bounded, V: Mat): Bounded {
  const N = x.M.length;
  const g = gamma(p, Math.max(N - 1, 0));
  const sum = (A: Mat): number[] => A[0]!.map((_, j) => A.reduce((s, row) => s + row[j]!, 0));
  const E = sum(x.E);
  const S = sum(plus(x.M, x.E));
  return withValue([E.map((e, j) => e + g * S[j]! + N * p.tiny)], V);
}

/** x / N for an exact positive integer N: E/N + div·u·(|V| + E/N) + τ. */
function divideB(p: Precision, x: Bounded, N: number, V: Mat): Bounded {
  return withValue(
    map(x.E, (e, i, j) => e / N + p.div * p.u * (Math.abs(V[i]![j]!) + e / N) + p.tiny),
    V,
  );
}

/** σ(Z) whose reference value is A: ReLU and identity are exact and 1-Lipschitz; sigmoid is 1/4-Lipschitz and tanh 1-Lipschitz, plus act·u. */
function activateB(p: Precision, activation: ActivationName, Z: Bounded, A: Mat): Bounded {
  const lipschitz = activation === 'sigmoid' ? 0.25 : 1;
  const own = activation === 'sigmoid' || activation === 'tanh' ? p.act * p.u : 0;
  return withValue(
    map(Z.E, (e) => lipschitz * e + own),
    A,
  );
}

/**
 * σ'(Z) as model.ts#activationPrime computes it. ReLU: 1{z̃ >= 0} is exact but may differ from
 * 1{z >= 0} (error 1) wherever [z − E_z, z + E_z] straddles the kink. sigmoid: A(1 − A);
 * tanh: 1 − A²; identity: 1 (exact).
 */
function activationPrimeB(p: Precision, activation: ActivationName, Zv: Mat, Z: Bounded, A: Bounded, Av: Mat): Bounded {
  const ones = map(Zv, () => 1);
  const exact = (V: Mat): Bounded => ({ M: abs(V), E: map(V, () => 0) });
  switch (activation) {
    case 'relu':
      return { M: map(Zv, (z) => (z >= 0 ? 1 : 0)), E: map(Zv, (z, i, j) => ((z >= 0 ? z - Z.E[i]![j]! < 0 : z + Z.E[i]![j]! >= 0) ? 1 : 0)) };
    case 'sigmoid': {
      const oneMinus = addOrSub(
        p,
        exact(ones),
        A,
        map(Av, (a) => 1 - a),
      );
      return hadamardB(p, A, oneMinus);
    }
    case 'tanh': {
      const square = hadamardB(p, A, A);
      return addOrSub(
        p,
        exact(ones),
        square,
        map(Av, (a) => 1 - a * a),
      );
    }
    case 'identity':
      return exact(ones);
  }
}

/** θ in row-major layout with bounds: W[k − 1] (m_{k−1}×m_k), b[k − 1] (1×m_k). */
export type BoundedParams = LayersOf<Bounded>;

/** The reference's values for one forward pass (row-major): Z[k], A[k] for k = 1..r, A[0] = X. */
export interface ForwardValues {
  readonly Z: readonly Mat[];
  readonly A: readonly Mat[];
}

export interface ForwardBounds {
  readonly Z: readonly Bounded[];
  readonly A: readonly Bounded[];
}

/** model.ts#forwardRows: Z[k] = A[k−1]·W[k] + b[k], A[k] = σ(Z[k]) (k < r), A[r] = Z[r]. */
export function forwardBounds(p: Precision, theta: BoundedParams, X: Bounded, ref: ForwardValues, activation: ActivationName): ForwardBounds {
  const r = theta.W.length;
  const A: Bounded[] = [X];
  const Z: Bounded[] = [];
  const rows = X.M.length;
  for (let k = 1; k <= r; k++) {
    const P = matmulB(p, A[k - 1]!, theta.W[k - 1]!);
    const bias = theta.b[k - 1]!;
    Z[k] = addOrSub(p, P, { M: broadcastRows(bias.M, rows), E: broadcastRows(bias.E, rows) }, ref.Z[k]!);
    A[k] = k < r ? activateB(p, activation, Z[k]!, ref.A[k]!) : Z[k]!;
  }
  return { Z, A };
}

/** model.ts#lossRows: J = (Σ_i ½(o_i − y_i)²) / B, a 1×1 bound; `J` is the reference's value. */
export function lossBounds(p: Precision, O: Bounded, Y: Bounded, Ov: Mat, Yv: Mat, J: number): Bounded {
  const diffV = zip(Ov, Yv, (o, y) => o - y);
  const diff = addOrSub(p, O, Y, diffV);
  const square = hadamardB(
    p,
    diff,
    diff,
    map(diffV, (d) => d * d),
  );
  const half: Bounded = { M: map(square.M, (m) => m / 2), E: map(square.E, (e) => e / 2 + p.tiny) };
  const sum = columnSumB(p, half, [[J * O.M.length]]);
  return divideB(p, sum, O.M.length, [[J]]);
}

/** The reference's values for one mean-gradient computation on a batch (row-major). */
export interface BackpropValues extends ForwardValues {
  /** Δ[k] (B×m_k), k = 1..r. */
  readonly Delta: readonly Mat[];
  readonly gradient: LayersOf<Mat>;
}

/**
 * model.ts#backpropRows: Δ[r] = (Z[r] − Y)/B; for k = r..1: ∂W[k] = A[k−1]ᵀΔ[k] (N = B),
 * ∂b[k] = 1_BᵀΔ[k] (N = B), Δ[k−1] = (Δ[k]·W[k]ᵀ) ⊙ σ'(Z[k−1]) (N = m_k).
 */
export function gradientBounds(
  p: Precision,
  theta: BoundedParams,
  X: Bounded,
  Y: Bounded,
  ref: BackpropValues,
  activation: ActivationName,
  Yv: Mat,
): { gradient: BoundedParams; pass: ForwardBounds } {
  const r = theta.W.length;
  const B = X.M.length;
  const pass = forwardBounds(p, theta, X, ref, activation);
  const { Z, A } = pass;
  const residual = addOrSub(
    p,
    Z[r]!,
    Y,
    zip(ref.Z[r]!, Yv, (z, y) => z - y),
  );
  const Delta: Bounded[] = [];
  Delta[r] = divideB(p, residual, B, ref.Delta[r]!);
  const W: Bounded[] = [];
  const b: Bounded[] = [];
  for (let k = r; k >= 1; k--) {
    W[k - 1] = matmulB(p, transposeB(A[k - 1]!), Delta[k]!, ref.gradient.W[k - 1]!);
    b[k - 1] = columnSumB(p, Delta[k]!, ref.gradient.b[k - 1]!);
    if (k > 1) {
      const back = matmulB(p, Delta[k]!, transposeB(theta.W[k - 1]!));
      const prime = activationPrimeB(p, activation, ref.Z[k - 1]!, Z[k - 1]!, A[k - 1]!, ref.A[k - 1]!);
      Delta[k - 1] = hadamardB(p, back, prime, ref.Delta[k - 1]!);
    }
  }
  return { gradient: { W, b }, pass };
}

/**
 * model.ts#minusScaled (eq. 1.3/1.4/1.5): θ' = θ − fl32(α)·g, where `next` holds the reference's θ'.
 * α is uploaded (E_α = u·α), the product and the difference round once each.
 */
export function updateBounds(
  p: Precision,
  theta: BoundedParams,
  gradient: BoundedParams,
  gradientValues: BackpropValues['gradient'],
  alpha: number,
  next: { W: readonly Mat[]; b: readonly Mat[] },
): BoundedParams {
  const alphaB = (V: Mat): Bounded => ({ M: map(V, () => alpha), E: map(V, () => p.u * alpha + p.tiny) });
  const step = (t: Bounded, g: Bounded, gV: Mat, V: Mat): Bounded => {
    const scaled = hadamardB(
      p,
      alphaB(gV),
      g,
      map(gV, (x) => alpha * x),
    );
    return addOrSub(p, t, scaled, V);
  };
  return {
    W: theta.W.map((t, k) => step(t, gradient.W[k]!, gradientValues.W[k]!, next.W[k]!)),
    b: theta.b.map((t, k) => step(t, gradient.b[k]!, gradientValues.b[k]!, next.b[k]!)),
  };
}

/** Gathered rows of a bounded matrix (tf.gather is exact). */
export function gatherRows(x: Bounded, rows: readonly number[]): Bounded {
  return { M: rows.map((i) => x.M[i]!.slice()), E: rows.map((i) => x.E[i]!.slice()) };
}
