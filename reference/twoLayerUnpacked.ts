/**
 * The two-layer network in the notes' unpacked form (eq. 2.5, 2.6, 3.8) and its backpropagation
 * coordinate by coordinate (Section 3.3, Algorithm 3). Every loop runs over the notes' indices:
 * j = 1..m hidden units, i or ℓ = 1..d input coordinates.
 */
import { relu, reluPrime } from './activations.js';
import { expectFiniteMatrix, expectFiniteScalar, expectShape, SpecError, shapeOf } from './errors.js';
import { squaredLoss } from './loss.js';
import { columnVector, coord } from './matrix.js';
import { expectInput } from './network.js';
import type { Matrix, Scalar } from './numeric.js';
import { add, mul, sub } from './ops.js';

/** θ in the unpacked form of eq. 2.5 / 2.6. */
export interface UnpackedParams {
  /** w_j^{[1]} ∈ R^d (d×1) for j = 1..m; w1[j − 1] holds w_j^{[1]}. */
  readonly w1: readonly Matrix[];
  /** b_j^{[1]} ∈ R for j = 1..m; b1[j − 1] holds b_j^{[1]}. */
  readonly b1: readonly Scalar[];
  /** w^{[2]} ∈ R^m (m×1). */
  readonly w2: Matrix;
  /** b^{[2]} ∈ R. */
  readonly b2: Scalar;
}

/** Σ_{i=1}^{n} w_i v_i + c for n×1 columns w, v (inputs already checked). */
function weightedSum(w: Matrix, v: Matrix, c: Scalar): Scalar {
  const n = shapeOf('eq. 2.5', 'w', w)[0];
  let sum = mul(coord(w, 1), coord(v, 1));
  for (let i = 2; i <= n; i++) sum = add(sum, mul(coord(w, i), coord(v, i)));
  return add(sum, c);
}

/**
 * Eq. 2.5: z_j = w_j^{[1]ᵀ}x + b_j^{[1]} for one hidden unit j, written out as in the corrected
 * 2/fig3-caption: z_j = Σ_{i=1}^{d} (w_j^{[1]})_i x_i + b_j^{[1]}, so a_j = ReLU(z_j).
 * w_j^{[1]} is d×1, b_j^{[1]} a scalar, x d×1.
 */
export function hiddenPreactivation(wj: Matrix, bj: Scalar, x: Matrix): Scalar {
  const [d] = shapeOf('eq. 2.5', 'w_j[1]', wj);
  expectFiniteMatrix('eq. 2.5', 'w_j[1]', expectShape('eq. 2.5', 'w_j[1]', wj, d, 1, 'd x 1'));
  expectFiniteScalar('eq. 2.5', 'b_j[1]', bj);
  expectFiniteMatrix('eq. 2.5', 'x', expectShape('eq. 2.5', 'x', x, d, 1, 'd x 1, the size of w_j[1]'));
  return weightedSum(wj, x, bj);
}

/** Checks the shapes and finiteness of an unpacked θ; returns [d, m]. */
export function expectUnpacked(where: string, theta: UnpackedParams): [number, number] {
  if (theta === null || typeof theta !== 'object') throw new SpecError(where, 'θ must be {w1, b1, w2, b2}');
  const { w1, b1, w2, b2 } = theta;
  if (!Array.isArray(w1) || w1.length === 0) throw new SpecError(where, 'w1 must list the m >= 1 vectors w_j[1]');
  const m = w1.length;
  const [d] = shapeOf(where, 'w_1[1]', w1[0]);
  w1.forEach((wj, j) => expectFiniteMatrix(where, `w_${j + 1}[1]`, expectShape(where, `w_${j + 1}[1]`, wj, d, 1, 'd x 1')));
  if (!Array.isArray(b1) || b1.length !== m) {
    throw new SpecError(where, `b1 must list m = ${m} biases b_j[1], got ${Array.isArray(b1) ? b1.length : 'no list'}`);
  }
  b1.forEach((bj, j) => expectFiniteScalar(where, `b_${j + 1}[1]`, bj));
  expectFiniteMatrix(where, 'w[2]', expectShape(where, 'w[2]', w2, m, 1, 'm x 1'));
  expectFiniteScalar(where, 'b[2]', b2);
  return [d, m];
}

export interface UnpackedForward {
  /** z_j at index j − 1 (eq. 2.5). */
  readonly z: readonly Scalar[];
  /** a_j = ReLU(z_j) at index j − 1. */
  readonly a: readonly Scalar[];
  /** a = [a_1, ..., a_m]ᵀ ∈ R^m (m×1). */
  readonly aVector: Matrix;
  /** o = h_θ(x) = w^{[2]ᵀ}a + b^{[2]} (eq. 2.6). */
  readonly o: Scalar;
  /** J = ½(y − o)² (eq. 3.8). */
  readonly J: Scalar;
}

/**
 * Eq. 3.8, the two-layer network of eq. 2.6 unpacked, with its loss: for j = 1..m,
 * eq. 2.5 z_j = w_j^{[1]ᵀ}x + b_j^{[1]}; 2/two-layer-aj a_j = ReLU(z_j); 2/two-layer-a
 * a = [a_1, ..., a_m]ᵀ ∈ R^m; eq. 2.6 o = h_θ(x) = w^{[2]ᵀ}a + b^{[2]}; J = ½(y − o)².
 * x is d×1, w_j^{[1]} d×1, w^{[2]} m×1, biases and y scalars.
 */
export function twoLayerForwardUnpacked(theta: UnpackedParams, x: Matrix, y: Scalar): UnpackedForward {
  const [d, m] = expectUnpacked('eq. 3.8', theta);
  expectInput('eq. 3.8', x, d);
  expectFiniteScalar('eq. 3.8', 'y', y);
  const z: Scalar[] = [];
  const a: Scalar[] = [];
  for (let j = 1; j <= m; j++) {
    z.push(weightedSum(theta.w1[j - 1]!, x, theta.b1[j - 1]!));
    a.push(relu(z[j - 1]!));
  }
  const aVector = columnVector(a);
  const o = weightedSum(theta.w2, aVector, theta.b2);
  return { z, a, aVector, o, J: squaredLoss(o, y) };
}

export interface Algorithm3 {
  /** Line 1: z_j, a_j, o (and J) as in eq. 3.8. */
  readonly pass: UnpackedForward;
  /** Line 2: ∂J/∂o = o − y. */
  readonly dJdo: Scalar;
  /** 3.3/dJ-daj: ∂J/∂a_j = (o − y)·(w^{[2]})_j at index j − 1. */
  readonly dJda: readonly Scalar[];
  /** Line 3, eq. 3.9: ∂J/∂z_j at index j − 1. */
  readonly dJdz: readonly Scalar[];
  /** Line 4: ∂J/∂(w_j^{[1]})_ℓ at [j − 1][ℓ − 1]. */
  readonly dJdw1: readonly (readonly Scalar[])[];
  /** Line 4: ∂J/∂b_j^{[1]} at index j − 1. */
  readonly dJdb1: readonly Scalar[];
  /** Line 4: ∂J/∂(w^{[2]})_j at index j − 1. */
  readonly dJdw2: readonly Scalar[];
  /** Line 4: ∂J/∂b^{[2]}. */
  readonly dJdb2: Scalar;
}

/**
 * Algorithm 3 lines 1-4 (two-layer backpropagation, per coordinate):
 * line 1 computes z_1..z_m, a_1..a_m, o by eq. 3.8; line 2 ∂J/∂o = o − y;
 * line 3 (eq. 3.9) ∂J/∂z_j = ∂J/∂o·(w^{[2]})_j·1{z_j >= 0}, taken as 3.3/dJ-daj
 * ∂J/∂a_j = (o − y)(w^{[2]})_j times 3.3/dJ-dzj ∂a_j/∂z_j = 1{z_j >= 0};
 * line 4 3.3/grad-w1-chain ∂J/∂(w_j^{[1]})_ℓ = ∂J/∂z_j·x_ℓ (= 3.3/grad-w1
 * (o − y)(w^{[2]})_j 1{z_j >= 0} x_ℓ), ∂J/∂b_j^{[1]} = ∂J/∂z_j,
 * 3.3/grad-w2 ∂J/∂(w^{[2]})_j = ∂J/∂o·a_j = (o − y)a_j, and ∂J/∂b^{[2]} = ∂J/∂o.
 */
export function algorithm3(theta: UnpackedParams, x: Matrix, y: Scalar): Algorithm3 {
  const [d, m] = expectUnpacked('Algorithm 3 line 1', theta);
  expectInput('Algorithm 3 line 1', x, d);
  expectFiniteScalar('Algorithm 3 line 2', 'y', y);
  const pass = twoLayerForwardUnpacked(theta, x, y);
  const dJdo = sub(pass.o, y);
  const dJda: Scalar[] = [];
  const dJdz: Scalar[] = [];
  const dJdw1: Scalar[][] = [];
  const dJdw2: Scalar[] = [];
  for (let j = 1; j <= m; j++) {
    dJda.push(mul(dJdo, coord(theta.w2, j)));
    dJdz.push(mul(dJda[j - 1]!, reluPrime(pass.z[j - 1]!)));
    const row: Scalar[] = [];
    for (let l = 1; l <= d; l++) row.push(mul(dJdz[j - 1]!, coord(x, l)));
    dJdw1.push(row);
    dJdw2.push(mul(dJdo, pass.a[j - 1]!));
  }
  return { pass, dJdo, dJda, dJdz, dJdw1, dJdb1: [...dJdz], dJdw2, dJdb2: dJdo };
}

/**
 * 3.3/grad-w1: one entry ∂J/∂(w_j^{[1]})_ℓ = (o − y)·(w^{[2]})_j·1{z_j >= 0}·x_ℓ computed on its
 * own, forward pass included: 3.3/naive-cost's "first glance" route. One call is ONE partial
 * derivative, not a gradient (the notes' "a single gradient"; erratum sec3.3-naive-cost):
 * 2md + 3m + 8 operations (theorem31.ts#partialDerivativeOperationCounts), at least md as the notes
 * say; all md first-layer entries this way cost md(2md + 3m + 8) >= 2(md)², at least the notes'
 * (md)² (theorem31.ts#naiveFirstLayerCost), against 3md + 7m + 4 for all p = md + 2m + 1 partial
 * derivatives by backpropagation, which shares (o − y), (w^{[2]})_j and 1{z_j >= 0}.
 * j ∈ {1..m}, ℓ ∈ {1..d} are the notes' 1-based indices.
 */
export function gradW1Entry(theta: UnpackedParams, x: Matrix, y: Scalar, j: number, l: number): Scalar {
  const [d, m] = expectUnpacked('3.3/grad-w1', theta);
  expectInput('3.3/grad-w1', x, d);
  if (!Number.isInteger(j) || j < 1 || j > m) throw new SpecError('3.3/grad-w1', `hidden unit j must be an integer in 1..m = ${m}, got ${j}`);
  if (!Number.isInteger(l) || l < 1 || l > d) throw new SpecError('3.3/grad-w1', `coordinate ℓ must be an integer in 1..d = ${d}, got ${l}`);
  expectFiniteScalar('3.3/grad-w1', 'y', y);
  const { z, o } = twoLayerForwardUnpacked(theta, x, y);
  const oMinusY = sub(o, y);
  return mul(mul(mul(oMinusY, coord(theta.w2, j)), reluPrime(z[j - 1]!)), coord(x, l));
}
