/**
 * The two-layer network vectorized (eq. 2.7-2.11) and its backpropagation in matrix form
 * (Section 3.4, Algorithm 4). θ is a two-layer Params of reference/network.ts:
 * W = [W^{[1]} (m×d), W^{[2]} (1×m)], b = [b^{[1]} (m×1), b^{[2]} (1×1)].
 */
import { elementwise, relu, reluPrime } from './activations.js';
import { dJdb, dJdu, dJdW, dJdzThroughActivation } from './chainRule.js';
import { expectFiniteMatrix, expectFiniteScalar, expectShape, SpecError, shapeOf } from './errors.js';
import { squaredLoss } from './loss.js';
import { at, columnVector, hadamard, matrixFromRows, scalarOf, toRows, vectorEntries } from './matrix.js';
import { expectInput, type Params } from './network.js';
import type { Matrix, Scalar } from './numeric.js';
import { add, mul, sub, transpose } from './ops.js';
import { expectUnpacked, type UnpackedParams } from './twoLayerUnpacked.js';

/**
 * Eq. 2.7: W^{[1]} = [— w_1^{[1]ᵀ} —; ...; — w_m^{[1]ᵀ} —] ∈ R^{m×d}, row j is w_j^{[1]ᵀ}, from the
 * m columns w_j^{[1]} (d×1). Also 2/W2-def: W^{[2]} = [w^{[2]ᵀ}] ∈ R^{1×m} is stackRows([w^{[2]}]).
 */
export function stackRows(vectors: readonly Matrix[]): Matrix {
  const where = 'eq. 2.7';
  if (!Array.isArray(vectors) || vectors.length === 0) throw new SpecError(where, 'there must be at least one vector to stack (m >= 1)');
  const [d] = shapeOf(where, 'w_1', vectors[0]);
  vectors.forEach((v, j) => expectFiniteMatrix(where, `w_${j + 1}`, expectShape(where, `w_${j + 1}`, v, d, 1, 'd x 1, the size of w_1')));
  return matrixFromRows(vectors.map(vectorEntries));
}

/**
 * The unpacked θ (eq. 2.5 / 2.6) as the vectorized θ of eq. 2.11: W^{[1]} by eq. 2.7, W^{[2]} by
 * 2/W2-def, b^{[1]} = [b_1^{[1]}, ..., b_m^{[1]}]ᵀ (m×1) as in eq. 2.8, b^{[2]} as a 1×1 matrix.
 */
export function vectorizeParams(theta: UnpackedParams): Params {
  expectUnpacked('eq. 2.7', theta);
  const W1 = stackRows(theta.w1);
  return { W: [W1, stackRows([theta.w2])], b: [columnVector(theta.b1), matrixFromRows([[theta.b2]])] };
}

/**
 * Eq. 2.7 read backwards: w_j^{[1]} is row j of W^{[1]}, transposed (d×1); b_j^{[1]} is entry j of
 * b^{[1]}; w^{[2]} = W^{[2]ᵀ} (m×1) (2/W2-def); b^{[2]} is the 1×1 b^{[2]}'s entry.
 */
export function unpackParams(theta: Params): UnpackedParams {
  const [, m] = expectTwoLayer('eq. 2.7', theta);
  const [W1, W2] = theta.W as [Matrix, Matrix];
  const [b1, b2] = theta.b as [Matrix, Matrix];
  const rows = toRows(W1);
  return {
    w1: rows.map((row) => columnVector(row)),
    b1: Array.from({ length: m }, (_, j) => at(b1, j + 1, 1)),
    w2: transpose(W2),
    b2: scalarOf(b2),
  };
}

/** Checks a two-layer θ (eq. 2.11 shapes); returns [d, m]. */
function expectTwoLayer(where: string, theta: Params): [number, number] {
  if (theta === null || typeof theta !== 'object' || !Array.isArray(theta.W) || !Array.isArray(theta.b)) {
    throw new SpecError(where, 'θ must be {W: [W[1], W[2]], b: [b[1], b[2]]}');
  }
  if (theta.W.length !== 2 || theta.b.length !== 2) {
    throw new SpecError(where, `a two-layer network has exactly W[1], W[2], b[1], b[2]; got ${theta.W.length} weight matrices and ${theta.b.length} biases`);
  }
  const [W1, W2] = theta.W as [Matrix, Matrix];
  const [b1, b2] = theta.b as [Matrix, Matrix];
  const [m, d] = shapeOf(where, 'W[1]', W1);
  expectFiniteMatrix(where, 'W[1]', W1);
  expectFiniteMatrix(where, 'b[1]', expectShape(where, 'b[1]', b1, m, 1, 'm x 1'));
  expectFiniteMatrix(where, 'W[2]', expectShape(where, 'W[2]', W2, 1, m, '1 x m'));
  expectFiniteMatrix(where, 'b[2]', expectShape(where, 'b[2]', b2, 1, 1, '1 x 1'));
  return [d, m];
}

export interface TwoLayerForward {
  /** Eq. 2.8 / 2.9: z = W^{[1]}x + b^{[1]} (m×1). */
  readonly z: Matrix;
  /** Eq. 2.10: a = ReLU(z) (m×1). */
  readonly a: Matrix;
  /** Eq. 2.11: o = h_θ(x) = W^{[2]}a + b^{[2]}. */
  readonly o: Scalar;
}

/**
 * Eq. 2.11, with eq. 2.8 / 2.9 z = W^{[1]}x + b^{[1]} ∈ R^{m×1} and eq. 2.10 a = ReLU(z):
 * a = ReLU(W^{[1]}x + b^{[1]}), h_θ(x) = W^{[2]}a + b^{[2]}  (W^{[1]} m×d, x d×1, W^{[2]} 1×m).
 */
export function twoLayerForward(theta: Params, x: Matrix): TwoLayerForward {
  expectInput('eq. 2.11', x, expectTwoLayer('eq. 2.11', theta)[0]);
  const [W1, W2] = theta.W as [Matrix, Matrix];
  const [b1, b2] = theta.b as [Matrix, Matrix];
  const z = add(mul(W1, x), b1);
  const a = elementwise(relu, z);
  return { z, a, o: scalarOf(add(mul(W2, a), b2)) };
}

export interface Algorithm4 {
  /** Line 1: z, a, o. */
  readonly pass: TwoLayerForward;
  /** J = ½(y − o)². */
  readonly J: Scalar;
  /** Line 2, eq. 3.10: δ^{[2]} = ∂J/∂o = o − y ∈ R. */
  readonly delta2: Scalar;
  /** Line 3, eq. 3.10: δ^{[1]} = ∂J/∂z ∈ R^{m×1}. */
  readonly delta1: Matrix;
  /** Line 4: ∂J/∂W^{[2]} = δ^{[2]}aᵀ ∈ R^{1×m}. */
  readonly dW2: Matrix;
  /** Line 4: ∂J/∂b^{[2]} = δ^{[2]} ∈ R. */
  readonly db2: Scalar;
  /** Line 4: ∂J/∂W^{[1]} = δ^{[1]}xᵀ ∈ R^{m×d}. */
  readonly dW1: Matrix;
  /** Line 4: ∂J/∂b^{[1]} = δ^{[1]} ∈ R^{m×1}. */
  readonly db1: Matrix;
}

/**
 * Algorithm 4 lines 1-4 with eq. 3.10 (δ^{[2]} = ∂J/∂o ∈ R, δ^{[1]} = ∂J/∂z ∈ R^m):
 * line 1 z, a, o by eq. 2.11; line 2 δ^{[2]} = o − y; line 3 δ^{[1]} = (o − y)·W^{[2]ᵀ} ⊙ 1{z >= 0}
 * (m×1; 3.4/verify-delta1 shows it is ∂J/∂z); line 4 ∂J/∂W^{[2]} = δ^{[2]}aᵀ (1×m),
 * ∂J/∂b^{[2]} = δ^{[2]}, ∂J/∂W^{[1]} = δ^{[1]}xᵀ (m×d; 3.4/verify-dW1), ∂J/∂b^{[1]} = δ^{[1]} (m×1):
 * each gradient has the shape of its parameter (3.4/dA-dB-shape).
 */
export function algorithm4(theta: Params, x: Matrix, y: Scalar): Algorithm4 {
  expectInput('Algorithm 4 line 1', x, expectTwoLayer('Algorithm 4 line 1', theta)[0]);
  expectFiniteScalar('Algorithm 4 line 2', 'y', y);
  const W2 = theta.W[1]!;
  const pass = twoLayerForward(theta, x);
  const delta2 = sub(pass.o, y);
  const delta1 = hadamard(mul(delta2, transpose(W2)), elementwise(reluPrime, pass.z));
  return {
    pass,
    J: squaredLoss(pass.o, y),
    delta2,
    delta1,
    dW2: mul(delta2, transpose(pass.a)),
    db2: delta2,
    dW1: mul(delta1, transpose(x)),
    db1: delta1,
  };
}

/**
 * 3.4/verify-delta1 and 3.4/verify-dW1: Algorithm 4's outputs re-derived with the matrix chain
 * rules. ∂J/∂a = W^{[2]ᵀ}·∂J/∂o (eq. 3.12 with z ← o, W ← W^{[2]}, u ← a), so
 * ∂J/∂z = ∂J/∂a ⊙ ReLU'(z) = (o − y)W^{[2]ᵀ} ⊙ ReLU'(z) (eq. 3.15); ∂J/∂W^{[1]} = ∂J/∂z·xᵀ =
 * δ^{[1]}xᵀ (eq. 3.13 with W ← W^{[1]}, u ← x); ∂J/∂b^{[1]} by eq. 3.14; ∂J/∂W^{[2]} = ∂J/∂o·aᵀ by
 * eq. 3.13. Shapes as in algorithm4.
 */
export function algorithm4ViaChainRule(theta: Params, x: Matrix, y: Scalar): Algorithm4 {
  expectInput('3.4/verify-delta1', x, expectTwoLayer('3.4/verify-delta1', theta)[0]);
  expectFiniteScalar('3.4/verify-delta1', 'y', y);
  const W2 = theta.W[1]!;
  const pass = twoLayerForward(theta, x);
  const dJdo = sub(pass.o, y);
  const dJdoColumn = matrixFromRows([[dJdo]]);
  const dJdz = dJdzThroughActivation(dJdu(W2, dJdoColumn), pass.z, reluPrime);
  return {
    pass,
    J: squaredLoss(pass.o, y),
    delta2: dJdo,
    delta1: dJdz,
    dW2: dJdW(dJdoColumn, pass.a),
    db2: scalarOf(dJdb(dJdoColumn)),
    dW1: dJdW(dJdz, x),
    db1: dJdb(dJdz),
  };
}
