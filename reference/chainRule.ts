/**
 * The chain rule of Section 3.1 (eq. 3.1-3.3) and its vectorized special cases of Section 3.4:
 * through an affine map (eq. 3.11-3.14) and through an element-wise activation (eq. 3.15).
 * ∂J/∂B has the shape of B (footnote 6): ∂J/∂z is m×1, ∂J/∂u d×1, ∂J/∂W m×d, ∂J/∂b m×1.
 */
import { elementwise } from './activations.js';
import { expectFiniteMatrix, expectFiniteScalar, expectShape, SpecError, shapeOf } from './errors.js';
import { hadamard } from './matrix.js';
import type { Matrix, Scalar } from './numeric.js';
import { add, mul, transpose } from './ops.js';

/**
 * Eq. 3.3 for J = J(g_1, ..., g_k) (eq. 3.2) with g_j = g_j(θ_1, ..., θ_p) (eq. 3.1):
 * ∂J/∂θ_i = Σ_{j=1}^{k} ∂J/∂g_j · ∂g_j/∂θ_i for i = 1..p.
 * dJdg[j − 1] = ∂J/∂g_j (k entries); dgdtheta[j − 1][i − 1] = ∂g_j/∂θ_i (k rows of p entries).
 * Returns ∂J/∂θ_i at index i − 1.
 */
export function chainRule(dJdg: readonly Scalar[], dgdtheta: readonly (readonly Scalar[])[]): Scalar[] {
  const where = 'eq. 3.3';
  if (!Array.isArray(dJdg) || dJdg.length === 0) throw new SpecError(where, 'there must be k >= 1 intermediate variables g_j (∂J/∂g_j list is empty)');
  const k = dJdg.length;
  if (!Array.isArray(dgdtheta) || dgdtheta.length !== k) {
    throw new SpecError(where, `∂g_j/∂θ_i must have k = ${k} rows (one per g_j), got ${Array.isArray(dgdtheta) ? dgdtheta.length : 'no list'}`);
  }
  const first: unknown = dgdtheta[0];
  const p = Array.isArray(first) ? first.length : 0;
  if (p === 0) throw new SpecError(where, 'there must be p >= 1 input variables θ_i (row 1 of ∂g_j/∂θ_i is empty)');
  dgdtheta.forEach((row, j) => {
    if (!Array.isArray(row) || row.length !== p) {
      throw new SpecError(where, `row ${j + 1} of ∂g_j/∂θ_i must have p = ${p} entries, got ${Array.isArray(row) ? row.length : 'no list'}`);
    }
    row.forEach((v, i) => expectFiniteScalar(where, `∂g_${j + 1}/∂θ_${i + 1}`, v));
  });
  dJdg.forEach((v, j) => expectFiniteScalar(where, `∂J/∂g_${j + 1}`, v));
  const result: Scalar[] = [];
  for (let i = 1; i <= p; i++) {
    let sum = mul(dJdg[0]!, dgdtheta[0]![i - 1]!);
    for (let j = 2; j <= k; j++) sum = add(sum, mul(dJdg[j - 1]!, dgdtheta[j - 1]![i - 1]!));
    result.push(sum);
  }
  return result;
}

/** A finite column vector; its length, or `rows` if given, is required. Returns its length. */
function expectColumn(where: string, name: string, v: unknown, rows: number | undefined, dims: string): number {
  const n = rows ?? shapeOf(where, name, v)[0];
  expectFiniteMatrix(where, name, expectShape(where, name, v, n, 1, dims));
  return n;
}

/** A finite matrix; returns [rows, cols]. */
function expectMatrix(where: string, name: string, M: unknown): [number, number] {
  const shape = shapeOf(where, name, M);
  expectFiniteMatrix(where, name, M as Matrix);
  return shape;
}

/** Eq. 3.11: z = Wu + b with W ∈ R^{m×d}, u ∈ R^d (d×1), b ∈ R^m (m×1); z is m×1. */
export function affine(W: Matrix, u: Matrix, b: Matrix): Matrix {
  const [m, d] = expectMatrix('eq. 3.11', 'W', W);
  expectColumn('eq. 3.11', 'u', u, d, 'd x 1, the columns of W');
  expectColumn('eq. 3.11', 'b', b, m, 'm x 1, the rows of W');
  return add(mul(W, u), b);
}

/** Eq. 3.12: ∂J/∂u = Wᵀ ∂J/∂z  (W m×d, ∂J/∂z m×1; result d×1). */
export function dJdu(W: Matrix, dJdz: Matrix): Matrix {
  const [m] = expectMatrix('eq. 3.12', 'W', W);
  expectColumn('eq. 3.12', '∂J/∂z', dJdz, m, 'm x 1, the rows of W');
  return mul(transpose(W), dJdz);
}

/** Eq. 3.13: ∂J/∂W = ∂J/∂z · uᵀ  (∂J/∂z m×1, u d×1; result m×d, the shape of W by 3.4/dA-dB-shape). */
export function dJdW(dJdz: Matrix, u: Matrix): Matrix {
  expectColumn('eq. 3.13', '∂J/∂z', dJdz, undefined, 'm x 1');
  expectColumn('eq. 3.13', 'u', u, undefined, 'd x 1');
  return mul(dJdz, transpose(u));
}

/** Eq. 3.14: ∂J/∂b = ∂J/∂z  (m×1; a copy). */
export function dJdb(dJdz: Matrix): Matrix {
  expectColumn('eq. 3.14', '∂J/∂z', dJdz, undefined, 'm x 1');
  return dJdz.clone();
}

/**
 * Eq. 3.15: for a = σ(z) element-wise and J = J(a) (3.4/activation-setup),
 * ∂J/∂z = ∂J/∂a ⊙ σ'(z)  (∂J/∂a, z, result: all d×1); sigmaPrime is σ' on one scalar.
 */
export function dJdzThroughActivation(dJda: Matrix, z: Matrix, sigmaPrime: (t: Scalar) => Scalar): Matrix {
  const d = expectColumn('eq. 3.15', '∂J/∂a', dJda, undefined, 'd x 1');
  expectColumn('eq. 3.15', 'z', z, d, 'd x 1, the size of ∂J/∂a');
  if (typeof sigmaPrime !== 'function') throw new SpecError('eq. 3.15', "σ' must be a function R → R");
  const derivative = elementwise(sigmaPrime, z);
  expectFiniteMatrix('eq. 3.15', "σ'(z)", derivative);
  return hadamard(dJda, derivative);
}
