/**
 * Section 4, "Vectorization over training examples", in the notes' column layout: the n examples
 * of a batch are the columns of X ∈ R^{d×n}, and every layer's Z^{[k]}, A^{[k]} ∈ R^{m_k×n} holds
 * the per-example z^{[k](i)}, a^{[k](i)} as its column i.
 */
import { type ActivationName, activationByName, elementwise } from './activations.js';
import { expectFiniteMatrix, expectShape, finiteParamsResult, finiteResult, OVERFLOWED, SpecError, shapeOf } from './errors.js';
import { datasetLoss, squaredLoss } from './loss.js';
import { hadamard, matrixFromRows, vectorEntries } from './matrix.js';
import { bias, layerSizes, type Params, weight } from './network.js';
import { constant, type Matrix, type Scalar } from './numeric.js';
import { add, div, mul, sub, transpose } from './ops.js';

/** Eq. 4.1: X = [x^{(1)} x^{(2)} ... x^{(n)}] ∈ R^{d×n}, column i is x^{(i)} (d×1). */
export function stackColumns(xs: readonly Matrix[]): Matrix {
  const where = 'eq. 4.1';
  if (!Array.isArray(xs) || xs.length === 0) throw new SpecError(where, 'X needs at least one example (n >= 1), got none');
  const [d] = shapeOf(where, 'x^{(1)}', xs[0]);
  const columns = xs.map((x, i) =>
    vectorEntries(expectFiniteMatrix(where, `x^{(${i + 1})}`, expectShape(where, `x^{(${i + 1})}`, x, d, 1, 'd x 1, the size of x^{(1)}'))),
  );
  return matrixFromRows(Array.from({ length: d }, (_, l) => columns.map((column) => column[l]!)));
}

/** Requires b to be an m×1 column (finite); returns m. */
function expectBias(where: string, name: string, b: unknown): number {
  const [m, cols] = shapeOf(where, name, b);
  if (cols !== 1) throw new SpecError(where, `${name} must be a column vector m x 1, got ${m}x${cols}`);
  expectFiniteMatrix(where, name, b as Matrix);
  return m;
}

/** Eq. 4.3: b̃ = [b b ... b] ∈ R^{m×n}, the bias b (m×1) repeated as each of n columns. */
export function broadcastBias(b: Matrix, n: number): Matrix {
  const where = 'eq. 4.3';
  const m = expectBias(where, 'b', b);
  if (!Number.isInteger(n) || n < 1) throw new SpecError(where, `the number of columns n must be a positive integer, got ${n}`);
  const entries = vectorEntries(b);
  return matrixFromRows(Array.from({ length: m }, (_, j) => Array.from({ length: n }, () => entries[j]!)));
}

/** 4/per-example-z: z^{[1](i)} = W^{[1]} x^{(i)} + b^{[1]}  (W^{[1]} m×d, x^{(i)} d×1, b^{[1]} m×1; z m×1). */
export function firstLayerPerExample(W1: Matrix, b1: Matrix, x: Matrix): Matrix {
  const where = '4/per-example-z';
  const m = expectBias(where, 'b[1]', b1);
  const [, d] = shapeOf(where, 'W[1]', W1);
  expectFiniteMatrix(where, 'W[1]', expectShape(where, 'W[1]', W1, m, d, 'm x d'));
  expectFiniteMatrix(where, 'x', expectShape(where, 'x', x, d, 1, 'd x 1'));
  return add(mul(W1, x), b1);
}

/**
 * Eq. 4.2 with 4/broadcast-sum: Z^{[1]} = W^{[1]} X + b̃^{[1]} ∈ R^{m×n} (W^{[1]} m×d, X d×n,
 * b^{[1]} m×1 broadcast to b̃^{[1]} m×n by eq. 4.3); column i is z^{[1](i)}.
 */
export function firstLayerBatch(W1: Matrix, b1: Matrix, X: Matrix): Matrix {
  const where = 'eq. 4.2';
  const m = expectBias(where, 'b[1]', b1);
  const [, d] = shapeOf(where, 'W[1]', W1);
  expectFiniteMatrix(where, 'W[1]', expectShape(where, 'W[1]', W1, m, d, 'm x d'));
  const [, n] = shapeOf(where, 'X', X);
  expectFiniteMatrix(where, 'X', expectShape(where, 'X', X, d, n, 'd x n'));
  return add(mul(W1, X), broadcastBias(b1, n));
}

/** The batched forward pass: A[0] = X, and Z[k], A[k] (m_k×n) for k = 1..r; A[r] = Z[r] (1×n). */
export interface BatchForward {
  readonly Z: readonly Matrix[];
  readonly A: readonly Matrix[];
  /** [h_θ(x^{(1)}), ..., h_θ(x^{(n)})] = A^{[r]} (1×n). */
  readonly O: Matrix;
}

/**
 * 4/multi-layer: eq. 2.12 on all n columns at once. A^{[0]} = X (d×n);
 * Z^{[k]} = W^{[k]} A^{[k−1]} + b̃^{[k]} (m_k×n, eq. 4.2-4.3 for layer k); A^{[k]} = σ(Z^{[k]})
 * entry-wise for k < r and A^{[r]} = Z^{[r]} (1×n, the linear last layer).
 */
export function forwardBatch(theta: Params, X: Matrix, activation: ActivationName = 'relu'): BatchForward {
  const where = '4/multi-layer';
  const { sigma } = activationByName(activation);
  const sizes = layerSizes(theta);
  const r = sizes.length - 1;
  const [, n] = shapeOf(where, 'X', X);
  const A: Matrix[] = [expectFiniteMatrix(where, 'X', expectShape(where, 'X', X, sizes[0]!, n, 'd x n'))];
  const Z: Matrix[] = [];
  for (let k = 1; k <= r; k++) {
    Z[k] = add(mul(weight(theta, k), A[k - 1]!), broadcastBias(bias(theta, k), n));
    A[k] = k < r ? elementwise(sigma, Z[k]!) : Z[k]!;
  }
  return { Z, A, O: finiteResult(where, 'A[r] = [h_θ(x^{(1)}) ... h_θ(x^{(n)})]', A[r]!, OVERFLOWED) };
}

/** ∂J_B/∂θ in the shape of θ: W[k − 1] = ∂J_B/∂W^{[k]} (m_k×m_{k−1}), b[k − 1] = ∂J_B/∂b^{[k]} (m_k×1). */
export interface BatchBackprop {
  readonly gradient: Params;
  /** Δ[k] = (1/B)[δ^{[k](1)} ... δ^{[k](B)}] (m_k×B) for k = 1..r. */
  readonly Delta: readonly Matrix[];
  readonly pass: BatchForward;
  /** J_B = (1/B) Σ_i ½(h_θ(x^{(i)}) − y^{(i)})², the mean cost of the batch (eq. 1.2 on it). */
  readonly J: Scalar;
}

/**
 * 4/multi-layer: Algorithm 5 vectorized over the B columns of X (d×B), Y = [y^{(1)} ... y^{(B)}]
 * (1×B), giving the MEAN gradient of eq. 1.5, ∇J_B = (1/B) Σ_i ∇J^{(i)}. Derivation: Algorithm 5
 * gives per column δ^{[r](i)} = z^{[r](i)} − y^{(i)}, δ^{[k](i)} = (W^{[k+1]ᵀ} δ^{[k+1](i)}) ⊙ σ'(z^{[k](i)}),
 * ∇_{W^{[k]}} J^{(i)} = δ^{[k](i)} a^{[k−1](i)ᵀ}, ∇_{b^{[k]}} J^{(i)} = δ^{[k](i)}. Every step is linear
 * in δ and acts column by column, so with Δ^{[k]} = (1/B)[δ^{[k](1)} ... δ^{[k](B)}]:
 *   Δ^{[r]} = (Z^{[r]} − Y) / B                              (1×B; the only 1/B: erratum eq1.5.batch-mean)
 *   Δ^{[k]} = (W^{[k+1]ᵀ} Δ^{[k+1]}) ⊙ σ'(Z^{[k]})           (m_k×B), k = r−1..1
 *   ∂J_B/∂W^{[k]} = Δ^{[k]} A^{[k−1]ᵀ}   (m_k×m_{k−1}: (1/B)Σ_i δ^{[k](i)}a^{[k−1](i)ᵀ}, the 1/B from Δ^{[r]}, not applied again)
 *   ∂J_B/∂b^{[k]} = Δ^{[k]} · 1_B        (m_k×1: (1/B)Σ_i δ^{[k](i)}, likewise)
 * and θ − α·∇J_B is exactly the update of eq. 1.5.
 */
export function backpropBatch(theta: Params, X: Matrix, Y: Matrix, activation: ActivationName = 'relu'): BatchBackprop {
  const where = '4/multi-layer';
  const { sigmaPrime } = activationByName(activation);
  const pass = forwardBatch(theta, X, activation);
  const { Z, A } = pass;
  const r = theta.W.length;
  const B = A[0]!.size()[1]!;
  expectFiniteMatrix(where, 'Y', expectShape(where, 'Y', Y, 1, B, '1 x B, one target per column of X'));
  const Delta: Matrix[] = [];
  const dW: Matrix[] = [];
  const db: Matrix[] = [];
  const ones = matrixFromRows(Array.from({ length: B }, () => [constant(1, Y.get([0, 0]) as Scalar)]));
  Delta[r] = div(sub(Z[r]!, Y), B);
  for (let k = r; k >= 1; k--) {
    dW[k - 1] = mul(Delta[k]!, transpose(A[k - 1]!));
    db[k - 1] = mul(Delta[k]!, ones);
    if (k > 1) {
      Delta[k - 1] = hadamard(mul(transpose(weight(theta, k)), Delta[k]!), elementwise(sigmaPrime, Z[k - 1]!));
    }
  }
  const targets = vectorEntries(Y);
  const J = datasetLoss(vectorEntries(pass.O).map((o, i) => squaredLoss(o, targets[i]!)));
  return { gradient: finiteParamsResult(where, '∇_θ J_B', { W: dW, b: db }, OVERFLOWED), Delta, pass, J };
}
