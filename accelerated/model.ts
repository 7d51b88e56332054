/**
 * The network of eq. 2.12 on tfjs tensors, batched over the ROWS of X (eq. 4.4, row-major):
 * A[0] = X (B×d), Z[k] = A[k−1]·W[k] + b[k] (B×m_k), A[k] = σ(Z[k]) for k < r, A[r] = Z[r] (B×1).
 * W[k] is W^{[k]ᵀ} (m_{k−1}×m_k) and b[k] is b^{[k]ᵀ} (1×m_k), as in reference/rowMajor.ts.
 * Every function here returns new tensors and disposes nothing: call it inside tf.tidy.
 * Products are written with an explicit transpose and a plain matMul (the wasm backend's
 * transposed matMul is 10-20x slower, shared/notes/platform.md); a transpose of a vector is a
 * reshape (no copy), and backpropRows orders each product so the transposes it needs are vectors
 * where it can (the per-kernel profile `npm run bench` prints shows the time of every kernel of a step).
 */
import * as tf from '@tensorflow/tfjs';

import type { ActivationName } from '../spec/activations.js';

export type { DataSet, RowParamsData } from '../numerics/plain.js';
/**
 * σ of eq. 2.14 (sigmoid), 2.15 (tanh), 2/relu, and the identity (eq. 2.16's linear model): the
 * names of spec/activations.ts. The plain data the path takes and gives back are numerics/plain.ts's
 * RowParamsData (θ row-major, what RowParams holds as tensors) and DataSet (X n×d, one example per row).
 */
export type { ActivationName };

/** θ in row-major layout: W[k − 1] is W^{[k]ᵀ} (m_{k−1}×m_k), b[k − 1] is b^{[k]ᵀ} (1×m_k). */
export interface RowParams {
  readonly W: readonly tf.Tensor2D[];
  readonly b: readonly tf.Tensor2D[];
}

/** The forward pass: A[0] = X, Z[k], A[k] (B×m_k) for k = 1..r (index 0 of Z unused), O = A[r] (B×1). */
export interface RowForward {
  readonly Z: readonly tf.Tensor2D[];
  readonly A: readonly tf.Tensor2D[];
  readonly O: tf.Tensor2D;
}

/** Eq. 2.10 with eq. 2.1, 2.14, 2.15 (identity: 2.16): σ applied entry-wise (B×m → B×m). */
export function activate(activation: ActivationName, Z: tf.Tensor2D): tf.Tensor2D {
  switch (activation) {
    case 'relu':
      return tf.relu(Z);
    case 'sigmoid':
      return tf.sigmoid(Z);
    case 'tanh':
      return tf.tanh(Z);
    case 'identity':
      return Z;
  }
}

/**
 * 3.4/sigma-prime and 3.4/relu-prime: σ'(Z) entry-wise (B×m), from Z and A = σ(Z):
 * ReLU'(z) = 1{z >= 0} (so ReLU'(0) = 1, unlike tf.step and tfjs's own ReLU gradient),
 * σ'(z) = σ(z)(1 − σ(z)), tanh'(z) = 1 − tanh(z)², identity' = 1.
 */
export function activationPrime(activation: ActivationName, Z: tf.Tensor2D, A: tf.Tensor2D): tf.Tensor2D {
  switch (activation) {
    case 'relu':
      // 1{z >= 0} = 1 − 1{−z > 0}: tf.step is 1{x > 0} (so step(Z) alone would give ReLU'(0) = 0);
      // exact, −0 included, and on wasm ~5x faster than greaterEqual + cast (0.20 vs 1.06 ms per 512×512
      // in the per-kernel profile `npm run bench` prints).
      return tf.sub(1, tf.step(tf.neg(Z)));
    case 'sigmoid':
      return tf.mul(A, tf.sub(1, A));
    case 'tanh':
      return tf.sub(1, tf.square(A));
    case 'identity':
      return tf.onesLike(Z);
  }
}

/**
 * Mᵀ (n×m) of M (m×n); a reshape when M is a row or a column, since the entries keep their order.
 * Only for a LEFT operand of tf.matMul or a result: the wasm backend keeps XNNPACK's packed copy of
 * a right-hand operand per data buffer, and a reshape shares its input's buffer, so a product with
 * the reshaped tensor on the right reads the packed copy of the old shape (wrong numbers, measured
 * with tfjs-backend-wasm 4.22: accelerated/model.test.ts's kink case catches it).
 */
export function transposeOf(M: tf.Tensor2D): tf.Tensor2D {
  const [m, n] = M.shape;
  return m === 1 || n === 1 ? tf.reshape(M, [n, m]) : tf.transpose(M);
}

/**
 * Line 5's ∂J_B/∂W[k] = A[k−1]ᵀ · Δ[k] (m_{k−1}×m_k). When Δ[k] is a column (m_k = 1, the output
 * layer) the same dot products are taken as (Δ[k]ᵀ · A[k−1])ᵀ, whose two transposes are reshapes,
 * instead of copying the B×m_{k−1} matrix A[k−1] into its transpose.
 */
export function weightGradient(Aprev: tf.Tensor2D, Delta: tf.Tensor2D): tf.Tensor2D {
  return Delta.shape[1] === 1 ? transposeOf(tf.matMul(transposeOf(Delta), Aprev)) : tf.matMul(transposeOf(Aprev), Delta);
}

/**
 * Eq. 4.4 for layer k of the 4/row-major-conversion forward pass:
 * Z[k] = A[k−1]·W[k] + 1_B b[k]  (A[k−1] B×m_{k−1}, W[k] m_{k−1}×m_k, b[k] 1×m_k broadcast; Z B×m_k).
 */
export function affineRows(A: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return tf.add(tf.matMul(A, W), b);
}

/**
 * Eq. 2.12 batched (4/row-major-conversion, eq. 4.4 for every layer): A[0] = X (B×d),
 * Z[k] = A[k−1]·W[k] + b[k], A[k] = σ(Z[k]) (B×m_k) for k < r, A[r] = Z[r] = O (B×1).
 */
export function forwardRows(theta: RowParams, X: tf.Tensor2D, activation: ActivationName): RowForward {
  const r = theta.W.length;
  const A: tf.Tensor2D[] = [X];
  const Z: tf.Tensor2D[] = [];
  for (let k = 1; k <= r; k++) {
    Z[k] = affineRows(A[k - 1]!, theta.W[k - 1]!, theta.b[k - 1]!);
    A[k] = k < r ? activate(activation, Z[k]!) : Z[k]!;
  }
  return { Z, A, O: A[r]! };
}

/** The per-example costs and their mean on the rows of a batch. */
export interface RowLoss {
  /** J^{(i)} = ½(h_θ(x^{(i)}) − y^{(i)})² (B×1), eq. 1.1. */
  readonly perExample: tf.Tensor2D;
  /** J = (1/B) Σ_i J^{(i)} (scalar), eq. 1.2 on the batch. */
  readonly mean: tf.Scalar;
}

/**
 * Eq. 1.1 per row, J^{(i)} = ½(o_i − y_i)² (B×1), and eq. 1.2, J = (1/B) Σ_i J^{(i)} (scalar),
 * for outputs O (B×1) and targets Y (B×1). The mean is the sum divided by B.
 */
export function lossRows(O: tf.Tensor2D, Y: tf.Tensor2D): RowLoss {
  const perExample = tf.mul(tf.square(tf.sub(O, Y)), 0.5) as tf.Tensor2D;
  const mean = tf.div(tf.sum(perExample), O.shape[0]) as tf.Scalar;
  return { perExample, mean };
}

/** The mean gradient ∇J_B(θ) in the row-major shape of θ: W[k − 1] m_{k−1}×m_k, b[k − 1] 1×m_k. */
export interface RowBackprop {
  readonly gradient: RowParams;
  /** Δ[k] (B×m_k) for k = 1..r (index 0 unused): row i is δ^{[k](i)ᵀ}/B. */
  readonly Delta: readonly tf.Tensor2D[];
  readonly pass: RowForward;
}

/**
 * Algorithm 5 (alg5.line1 .. alg5.line5, corrected) vectorized over the B rows of X (B×d),
 * Y (B×1), in row-major layout (4/row-major-conversion), giving the MEAN gradient of eq. 1.5:
 *   line 1: the forward pass (forwardRows);
 *   line 2: Δ[r] = (Z[r] − Y) / B                                  (B×1)
 *   line 4: Δ[k] = (Δ[k+1] · W[k+1]ᵀ) ⊙ σ'(Z[k])                    (B×m_k), k = r−1..1
 *   line 5: ∂J_B/∂W[k] = A[k−1]ᵀ · Δ[k] (m_{k−1}×m_k), ∂J_B/∂b[k] = 1_Bᵀ · Δ[k] (1×m_k, column sums).
 * δ^{[k]} = ∂J/∂z^{[k]} (3.16 as corrected) is row i of B·Δ[k].
 */
export function backpropRows(theta: RowParams, X: tf.Tensor2D, Y: tf.Tensor2D, activation: ActivationName): RowBackprop {
  const pass = forwardRows(theta, X, activation);
  const { Z, A } = pass;
  const r = theta.W.length;
  const B = X.shape[0];
  const Delta: tf.Tensor2D[] = [];
  const W: tf.Tensor2D[] = [];
  const b: tf.Tensor2D[] = [];
  Delta[r] = tf.div(tf.sub(Z[r]!, Y), B);
  // 1_Bᵀ·Δ as a (1×B)·(B×m_k) product: the same column sums, but on wasm a matMul is ~10x faster
  // than tf.sum over axis 0 (measured by npm run bench).
  const onesRow = tf.ones([1, B]) as tf.Tensor2D;
  for (let k = r; k >= 1; k--) {
    W[k - 1] = weightGradient(A[k - 1]!, Delta[k]!);
    b[k - 1] = tf.matMul(onesRow, Delta[k]!);
    if (k > 1) {
      Delta[k - 1] = tf.mul(tf.matMul(Delta[k]!, tf.transpose(theta.W[k - 1]!)), activationPrime(activation, Z[k - 1]!, A[k - 1]!));
    }
  }
  return { gradient: { W, b }, Delta, pass };
}

/** θ − α·g for every W[k] and b[k] (the one update all three optimizers share). */
function minusScaled(theta: RowParams, gradient: RowParams, alpha: number): RowParams {
  const a = tf.scalar(alpha, 'float32');
  const step = (list: readonly tf.Tensor2D[], g: readonly tf.Tensor2D[]): tf.Tensor2D[] => list.map((M, k) => tf.sub(M, tf.mul(a, g[k]!)));
  return { W: step(theta.W, gradient.W), b: step(theta.b, gradient.b) };
}

/** Eq. 1.3: θ := θ − α ∇J(θ), with ∇J(θ) the mean gradient over all n rows (backpropRows on X). */
export function gdStep(theta: RowParams, gradient: RowParams, alpha: number): RowParams {
  return minusScaled(theta, gradient, alpha);
}

/** Eq. 1.4: θ := θ − α ∇J^{(j)}(θ), the gradient of one example (backpropRows on a batch of one row). */
export function sgdStep(theta: RowParams, exampleGradient: RowParams, alpha: number): RowParams {
  return minusScaled(theta, exampleGradient, alpha);
}

/**
 * Eq. 1.5: θ := θ − (α/B) Σ_k ∇J^{(j_k)}(θ) = θ − α·∇J_B(θ), where `meanGradient` is backpropRows's
 * gradient on the B gathered rows (the 1/B is folded into Δ[r]).
 */
export function minibatchStep(theta: RowParams, meanGradient: RowParams, alpha: number): RowParams {
  return minusScaled(theta, meanGradient, alpha);
}
