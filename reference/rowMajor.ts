/**
 * Section 4, "Complications/Subtlety in the Implementation": the row-major layout of deep learning
 * packages. Examples are the ROWS of X ∈ R^{n×d}; "all the columns become row vectors, row vectors
 * become column vectors, all the matrices are transposed, and the orders of the matrix
 * multiplications are flipped". Layer k stores W^{[k]ᵀ} (m_{k−1}×m_k) and b^{[k]ᵀ} (1×m_k).
 */
import { type ActivationName, activationByName, elementwise } from './activations.js';
import { expectFiniteMatrix, expectShape, finiteParamsResult, finiteResult, OVERFLOWED, SpecError, shapeOf } from './errors.js';
import { datasetLoss, squaredLoss } from './loss.js';
import { hadamard, matrixFromRows, vectorEntries } from './matrix.js';
import { layerSizes, type Params } from './network.js';
import { constant, type Matrix, type Scalar } from './numeric.js';
import { add, div, mul, sub, transpose } from './ops.js';

/** θ in row-major layout: W[k − 1] = W^{[k]ᵀ} (m_{k−1}×m_k), b[k − 1] = b^{[k]ᵀ} (1×m_k). */
export interface RowMajorParams {
  readonly W: readonly Matrix[];
  readonly b: readonly Matrix[];
}

const CONVERSION = '4/row-major-conversion';

/** 4/row-major-conversion: θ (column layout, eq. 2.12) → row-major, W^{[k]} ↦ W^{[k]ᵀ}, b^{[k]} ↦ b^{[k]ᵀ}. */
export function toRowMajor(theta: Params): RowMajorParams {
  layerSizes(theta);
  return { W: theta.W.map((W) => transpose(W)), b: theta.b.map((b) => transpose(b)) };
}

/** 4/row-major-conversion, backwards: row-major θ (or a row-major gradient) → the column layout. */
export function fromRowMajor(rows: RowMajorParams): Params {
  rowMajorLayerSizes(CONVERSION, rows);
  return { W: rows.W.map((W) => transpose(W)), b: rows.b.map((b) => transpose(b)) };
}

/**
 * [d, m_1, ..., m_r] of a row-major θ after checking its shapes, the transposes of eq. 2.12's:
 * W[k] is m_{k−1}×m_k, b[k] is 1×m_k, m_r = 1, all entries finite.
 */
function rowMajorLayerSizes(where: string, rows: RowMajorParams): number[] {
  if (rows === null || typeof rows !== 'object' || !Array.isArray(rows.W) || !Array.isArray(rows.b)) {
    throw new SpecError(where, 'row-major θ must be {W: [W[1]ᵀ, ...], b: [b[1]ᵀ, ...]}');
  }
  const r = rows.W.length;
  if (r === 0) throw new SpecError(where, 'the network needs at least one layer (r >= 1), got r = 0');
  if (rows.b.length !== r) throw new SpecError(where, `there are ${r} weight matrices but ${rows.b.length} biases`);
  const sizes = [shapeOf(where, 'W[1]ᵀ', rows.W[0])[0]];
  if (sizes[0] === 0) throw new SpecError(where, 'W[1]ᵀ must have d >= 1 rows (one per input coordinate), got 0');
  for (let k = 1; k <= r; k++) {
    const [one, mk] = shapeOf(where, `b[${k}]ᵀ`, rows.b[k - 1]);
    if (one !== 1) throw new SpecError(where, `b[${k}]ᵀ must be a row vector 1 x m${k}, got ${one}x${mk}`);
    if (mk === 0) throw new SpecError(where, `b[${k}]ᵀ must have m${k} >= 1 entries, got none`);
    expectFiniteMatrix(where, `b[${k}]ᵀ`, rows.b[k - 1]!);
    expectFiniteMatrix(where, `W[${k}]ᵀ`, expectShape(where, `W[${k}]ᵀ`, rows.W[k - 1], sizes[k - 1]!, mk, `m${k - 1} x m${k}`));
    sizes.push(mk);
  }
  if (sizes[r] !== 1) throw new SpecError(where, `the output layer must have m${r} = 1 (W[r]ᵀ ∈ R^{m_{r−1}×1}), got m${r} = ${sizes[r]}`);
  return sizes;
}

/** 4/row-major-conversion of eq. 4.3: the bias b (1×m) repeated as each of n rows (n×m). */
export function broadcastBiasRows(b: Matrix, n: number): Matrix {
  const [one, m] = shapeOf(CONVERSION, 'b', b);
  if (one !== 1) throw new SpecError(CONVERSION, `b must be a row vector 1 x m, got ${one}x${m}`);
  expectFiniteMatrix(CONVERSION, 'b', b);
  if (!Number.isInteger(n) || n < 1) throw new SpecError(CONVERSION, `the number of rows n must be a positive integer, got ${n}`);
  const entries = vectorEntries(b);
  return matrixFromRows(Array.from({ length: n }, () => entries.slice()));
}

/**
 * Eq. 4.4: Z^{[1]} = X W^{[1]} + b^{[1]} ∈ R^{n×m} in row-major layout: X ∈ R^{n×d} (row i is
 * x^{(i)ᵀ}), W^{[1]} here is d×m (the transpose of eq. 2.7's), b^{[1]} is 1×m, broadcast to every
 * row; row i is z^{[1](i)ᵀ}.
 */
export function firstLayerRows(W1: Matrix, b1: Matrix, X: Matrix): Matrix {
  const where = 'eq. 4.4';
  const [one, m] = shapeOf(where, 'b[1]', b1);
  if (one !== 1) throw new SpecError(where, `b[1] must be a row vector 1 x m, got ${one}x${m}`);
  const [d] = shapeOf(where, 'W[1]', W1);
  expectFiniteMatrix(where, 'W[1]', expectShape(where, 'W[1]', W1, d, m, 'd x m'));
  const [n] = shapeOf(where, 'X', X);
  expectFiniteMatrix(where, 'X', expectShape(where, 'X', X, n, d, 'n x d'));
  return add(mul(X, W1), broadcastBiasRows(b1, n));
}

/** The row-major forward pass: A[0] = X (n×d), Z[k], A[k] (n×m_k), A[r] = Z[r] (n×1). */
export interface RowMajorForward {
  readonly Z: readonly Matrix[];
  readonly A: readonly Matrix[];
  /** [h_θ(x^{(1)}), ..., h_θ(x^{(n)})]ᵀ = A^{[r]} (n×1). */
  readonly O: Matrix;
}

/**
 * 4/row-major-conversion of the multi-layer forward pass: A^{[0]} = X (n×d),
 * Z^{[k]} = A^{[k−1]} W^{[k]ᵀ} + 1_n b^{[k]ᵀ} (n×m_k), A^{[k]} = σ(Z^{[k]}) for k < r, A^{[r]} = Z^{[r]}.
 */
export function forwardBatchRows(rows: RowMajorParams, X: Matrix, activation: ActivationName = 'relu'): RowMajorForward {
  const { sigma } = activationByName(activation);
  const sizes = rowMajorLayerSizes(CONVERSION, rows);
  const r = sizes.length - 1;
  const [n] = shapeOf(CONVERSION, 'X', X);
  const A: Matrix[] = [expectFiniteMatrix(CONVERSION, 'X', expectShape(CONVERSION, 'X', X, n, sizes[0]!, 'n x d'))];
  const Z: Matrix[] = [];
  for (let k = 1; k <= r; k++) {
    Z[k] = add(mul(A[k - 1]!, rows.W[k - 1]!), broadcastBiasRows(rows.b[k - 1]!, n));
    A[k] = k < r ? elementwise(sigma, Z[k]!) : Z[k]!;
  }
  return { Z, A, O: finiteResult(CONVERSION, 'A[r] = [h_θ(x^{(1)}) ... h_θ(x^{(n)})]ᵀ', A[r]!, OVERFLOWED) };
}

export interface RowMajorBackprop {
  /** The mean gradient in row-major layout: W[k − 1] = ∂J_B/∂W^{[k]ᵀ} (m_{k−1}×m_k), b[k − 1] (1×m_k). */
  readonly gradient: RowMajorParams;
  /** Δ[k] (B×m_k): row i is δ^{[k](i)ᵀ}/B. */
  readonly Delta: readonly Matrix[];
  readonly pass: RowMajorForward;
  /** J_B = (1/B) Σ_i ½(h_θ(x^{(i)}) − y^{(i)})². */
  readonly J: Scalar;
}

/**
 * 4/row-major-conversion of reference/batched.ts#backpropBatch (every product flipped, every
 * matrix transposed), the mean gradient of eq. 1.5 over the B rows of X (B×d), Y (B×1):
 *   Δ^{[r]} = (Z^{[r]} − Y) / B                              (B×1; the only 1/B: erratum eq1.5.batch-mean)
 *   Δ^{[k]} = (Δ^{[k+1]} (W^{[k+1]ᵀ})ᵀ) ⊙ σ'(Z^{[k]})          (B×m_k)
 *   ∂J_B/∂W^{[k]ᵀ} = A^{[k−1]ᵀ} Δ^{[k]}   (m_{k−1}×m_k)
 *   ∂J_B/∂b^{[k]ᵀ} = 1_Bᵀ Δ^{[k]}         (1×m_k, the sum over the rows)
 */
export function backpropBatchRows(rows: RowMajorParams, X: Matrix, Y: Matrix, activation: ActivationName = 'relu'): RowMajorBackprop {
  const { sigmaPrime } = activationByName(activation);
  const pass = forwardBatchRows(rows, X, activation);
  const { Z, A } = pass;
  const r = rows.W.length;
  const B = A[0]!.size()[0]!;
  expectFiniteMatrix(CONVERSION, 'Y', expectShape(CONVERSION, 'Y', Y, B, 1, 'B x 1, one target per row of X'));
  const Delta: Matrix[] = [];
  const dW: Matrix[] = [];
  const db: Matrix[] = [];
  const onesT = matrixFromRows([Array.from({ length: B }, () => constant(1, Y.get([0, 0]) as Scalar))]);
  Delta[r] = div(sub(Z[r]!, Y), B);
  for (let k = r; k >= 1; k--) {
    dW[k - 1] = mul(transpose(A[k - 1]!), Delta[k]!);
    db[k - 1] = mul(onesT, Delta[k]!);
    if (k > 1) {
      Delta[k - 1] = hadamard(mul(Delta[k]!, transpose(rows.W[k - 1]!)), elementwise(sigmaPrime, Z[k - 1]!));
    }
  }
  const targets = vectorEntries(Y);
  const J = datasetLoss(vectorEntries(pass.O).map((o, i) => squaredLoss(o, targets[i]!)));
  return { gradient: finiteParamsResult(CONVERSION, '∇_θ J_B', { W: dW, b: db }, OVERFLOWED), Delta, pass, J };
}
