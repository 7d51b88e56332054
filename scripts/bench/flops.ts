/**
 * The floating-point operations of ONE mini-batch SGD step (eq. 1.5) of the network of eq. 2.12 in
 * row-major layout (eq. 4.4), batch B, layer sizes m_0 = d, m_1, ..., m_r = 1, ReLU — counted from
 * the operations of accelerated/model.ts#backpropRows and #minibatchStep, with a multiply-add of a
 * matrix product counted as 2 FLOPs (the usual convention, so GFLOP/s compare with BLAS rates):
 *
 *   forward   Σ_{k=1}^{r} (2·m_{k−1} + 1)·m_k·B          Z[k] = A[k−1]·W[k] + b[k]
 *           + Σ_{k=1}^{r−1} m_k·B                       A[k] = σ(Z[k])
 *   backward  2·B                                       Δ[r] = (Z[r] − Y)/B
 *           + Σ_{k=1}^{r} (2·m_{k−1} + 1)·m_k·B          ∂W[k] = A[k−1]ᵀ·Δ[k], ∂b[k] = column sums of Δ[k]
 *           + Σ_{k=2}^{r} (2·m_k + 2)·m_{k−1}·B          Δ[k−1] = (Δ[k]·W[k]ᵀ) ⊙ σ'(Z[k−1])
 *   update    2·Σ_{k=1}^{r} (m_{k−1} + 1)·m_k             θ − α·∇J_B
 *
 * Transposes, copies and the loss value are not counted. The same count is used for every
 * implementation, so GFLOP/s is "useful work of the algorithm per second".
 */

export const FLOP_FORMULA = [
  'FLOPs of one SGD step, batch B, sizes m_0..m_r (2 per multiply-add):',
  '  forward  = Σ_{k=1..r} (2m_{k-1}+1)·m_k·B + Σ_{k=1..r-1} m_k·B',
  '  backward = 2B + Σ_{k=1..r} (2m_{k-1}+1)·m_k·B + Σ_{k=2..r} (2m_k+2)·m_{k-1}·B',
  '  update   = 2·Σ_{k=1..r} (m_{k-1}+1)·m_k',
].join('\n');

export interface StepFlops {
  readonly forward: number;
  readonly backward: number;
  readonly update: number;
  /** forward + backward + update. */
  readonly total: number;
  /** The part of `total` done by matrix products (the matmulShapes below). */
  readonly matmul: number;
}

function expectSizes(sizes: readonly number[], batch: number): void {
  if (sizes.length < 2 || sizes.some((m) => !Number.isInteger(m) || m < 1))
    throw new RangeError(`layer sizes must be [d, m_1, ..., m_r] of positive integers, got [${sizes.join(', ')}]`);
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`the batch size B must be a positive integer, got ${batch}`);
}

/** The step's FLOPs by the formula above. */
export function stepFlops(sizes: readonly number[], batch: number): StepFlops {
  expectSizes(sizes, batch);
  const m = (k: number): number => sizes[k]!;
  const r = sizes.length - 1;
  const B = batch;
  let forward = 0;
  let backward = 2 * B;
  let update = 0;
  for (let k = 1; k <= r; k++) {
    forward += (2 * m(k - 1) + 1) * m(k) * B + (k < r ? m(k) * B : 0);
    backward += (2 * m(k - 1) + 1) * m(k) * B + (k >= 2 ? (2 * m(k) + 2) * m(k - 1) * B : 0);
    update += 2 * (m(k - 1) + 1) * m(k);
  }
  const matmul = matmulShapes(sizes, batch).reduce((s, [p, q, t]) => s + 2 * p * q * t, 0);
  return { forward, backward, update, total: forward + backward + update, matmul };
}

/**
 * The matrix products of one step as [p, q, s] (a p×q by q×s product, 2·p·q·s FLOPs):
 * forward A[k−1]·W[k] (B×m_{k−1} · m_{k−1}×m_k), k = 1..r; gradient A[k−1]ᵀ·Δ[k]
 * (m_{k−1}×B · B×m_k), k = 1..r; backward Δ[k]·W[k]ᵀ (B×m_k · m_k×m_{k−1}), k = 2..r.
 * The "layer-shaped" matmul roofline times exactly these products.
 */
export function matmulShapes(sizes: readonly number[], batch: number): [number, number, number][] {
  expectSizes(sizes, batch);
  const r = sizes.length - 1;
  const shapes: [number, number, number][] = [];
  for (let k = 1; k <= r; k++) shapes.push([batch, sizes[k - 1]!, sizes[k]!]);
  for (let k = 1; k <= r; k++) shapes.push([sizes[k - 1]!, batch, sizes[k]!]);
  for (let k = 2; k <= r; k++) shapes.push([batch, sizes[k]!, sizes[k - 1]!]);
  return shapes;
}
