/**
 * Theorem 3.1 made concrete for the fully-connected network: the number of scalar operations that
 * reference/network.ts#forward and reference/backprop.ts#backprop perform, counted line by line
 * from their code, for layer sizes [d, m_1, ..., m_r] (m_0 = d, m_r = 1).
 *
 * Counting rules (mathjs's dense products, see its multiply.js): a p×q by q×s product does p·q·s
 * multiplications and p·(q − 1)·s additions (each sum starts from its first product, not from 0);
 * an entry-wise sum, difference or product of p entries is p operations; a transpose and a
 * copy are free; σ(t) counts as 1 activation evaluation and σ'(t) as 1 derivative evaluation,
 * whatever they cost inside (the theorem's "computed in O(1) time"). Subtractions count as additions.
 */
import { expectPositiveInteger, SpecError } from './errors.js';

export interface OperationCounts {
  readonly multiplications: number;
  readonly additions: number;
  /** Evaluations of σ. */
  readonly activations: number;
  /** Evaluations of σ'. */
  readonly derivatives: number;
}

function expectLayerSizes(sizes: readonly number[]): void {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new SpecError('Theorem 3.1', `layer sizes must be [d, m_1, ..., m_r] with r >= 1, got ${Array.isArray(sizes) ? `[${sizes.join(', ')}]` : 'no list'}`);
  }
  sizes.forEach((m, k) => expectPositiveInteger('Theorem 3.1', k === 0 ? 'd (input dimension)' : `layer size m${k}`, m));
  if (sizes[sizes.length - 1] !== 1) {
    throw new SpecError('Theorem 3.1', `the output layer must have m_r = 1 (J is real-valued), got layer sizes [${sizes.join(', ')}]`);
  }
}

/** Σ_{k=from}^{to} term(k). */
function sum(from: number, to: number, term: (k: number) => number): number {
  let s = 0;
  for (let k = from; k <= to; k++) s += term(k);
  return s;
}

/**
 * Theorem 3.1's N for the forward pass: the operations of reference/network.ts#forward. Per layer k = 1..r:
 *   z[k] = W^{[k]}a^{[k−1]} + b^{[k]}   m_k·m_{k−1} multiplications, m_k(m_{k−1} − 1) + m_k = m_k·m_{k−1} additions
 *   a[k] = σ(z[k]) for k < r            m_k activations (the last layer is linear: none)
 */
export function forwardOperationCounts(sizes: readonly number[]): OperationCounts {
  expectLayerSizes(sizes);
  const m = (k: number): number => sizes[k]!;
  const r = sizes.length - 1;
  const products = sum(1, r, (k) => m(k) * m(k - 1));
  return { multiplications: products, additions: products, activations: sum(1, r - 1, m), derivatives: 0 };
}

/**
 * Theorem 3.1's gradient circuit: the operations of reference/backprop.ts#backprop (forward pass included):
 *   line 1, forward(θ, x)                 forwardOperationCounts(sizes)
 *   J = ½(o − y)² (squaredLoss)           1 subtraction, 2 multiplications
 *   line 2, δ^{[r]} = z^{[r]} − y          m_r = 1 subtraction
 *   for k = r−1 down to 0:
 *     line 5, δ^{[k+1]}a^{[k]ᵀ}            m_{k+1}·m_k multiplications (inner dimension 1: no additions)
 *     line 5, ∂J/∂b^{[k+1]} = δ^{[k+1]}     0
 *     for k >= 1, line 4, W^{[k+1]ᵀ}δ^{[k+1]}  m_k·m_{k+1} multiplications, m_k(m_{k+1} − 1) additions
 *                         σ'(z^{[k]})           m_k derivatives
 *                         ⊙                     m_k multiplications
 */
export function backwardOperationCounts(sizes: readonly number[]): OperationCounts {
  const f = forwardOperationCounts(sizes);
  const m = (k: number): number => sizes[k]!;
  const r = sizes.length - 1;
  return {
    multiplications: f.multiplications + 2 + sum(0, r - 1, (k) => m(k + 1) * m(k)) + sum(1, r - 1, (k) => m(k) * m(k + 1) + m(k)),
    additions: f.additions + 1 + 1 + sum(1, r - 1, (k) => m(k) * (m(k + 1) - 1)),
    activations: f.activations,
    derivatives: sum(1, r - 1, m),
  };
}

function total(c: OperationCounts): number {
  return c.multiplications + c.additions + c.activations + c.derivatives;
}

/**
 * Theorem 3.1: N, the size of the circuit computing h_θ(x) by reference/network.ts#forward:
 * Σ_{k=1}^{r} 2·m_k·m_{k−1} + Σ_{k=1}^{r−1} m_k.
 */
export function forwardCost(sizes: readonly number[]): number {
  return total(forwardOperationCounts(sizes));
}

/**
 * Theorem 3.1: the size of the circuit computing J and ∇_θ J by reference/backprop.ts#backprop:
 * forwardCost + 4 + Σ_{k=1}^{r} m_k·m_{k−1} + Σ_{k=1}^{r−1} (2·m_k·m_{k+1} + m_k).
 * Writing P = Σ_{k=1}^{r} 2m_k m_{k−1} and A = Σ_{k=1}^{r−1} m_k (so forwardCost = P + A), the extra
 * is 4 + P/2 + (P − 2m_1 d) + A <= 2 + 1.5(P + A) <= 2.5·forwardCost (as m_1 d >= 1 and P >= 2),
 * hence backwardCost <= BACKWARD_TO_FORWARD_BOUND · forwardCost, with equality for sizes [1, 1].
 */
export function backwardCost(sizes: readonly number[]): number {
  return total(backwardOperationCounts(sizes));
}

/** Theorem 3.1's O(N) constant for this code: backwardCost <= 7/2 · forwardCost (derived at backwardCost). */
export const BACKWARD_TO_FORWARD_BOUND = 7 / 2;

/**
 * 3.3/naive-cost: the operations of reference/twoLayerUnpacked.ts#gradW1Entry, ONE partial
 * derivative ∂J/∂(w_j^{[1]})_ℓ computed on its own for layer sizes [d, m, 1]: its forward pass
 * (eq. 3.8: forwardOperationCounts([d, m, 1]), then J = ½(o − y)²: 1 subtraction, 2 multiplications)
 * and (o − y)·(w^{[2]})_j·1{z_j >= 0}·x_ℓ (1 subtraction, 3 multiplications, 1 derivative):
 * 2md + 3m + 8 in all, at least the notes' md ("a single gradient" there means this one entry).
 */
export function partialDerivativeOperationCounts(d: number, m: number): OperationCounts {
  const f = forwardOperationCounts([d, m, 1]); // checks d, m (as Theorem 3.1's layer sizes)
  return { multiplications: f.multiplications + 2 + 3, additions: f.additions + 1 + 1, activations: f.activations, derivatives: 1 };
}

/**
 * 3.3/naive-cost: the md first-layer partial derivatives computed one at a time, each with its own
 * forward pass: md·(2md + 3m + 8) >= 2(md)² operations (the notes: "at least (md)²"), while
 * backprop computes all p = md + 2m + 1 of them in backwardCost([d, m, 1]) = 3md + 7m + 4.
 */
export function naiveFirstLayerCost(d: number, m: number): number {
  return d * m * total(partialDerivativeOperationCounts(d, m));
}
