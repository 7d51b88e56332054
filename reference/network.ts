/**
 * The multi-layer fully-connected network of eq. 2.12 / 2.13 in the notes' column convention.
 * Layer k (1..r) has W^{[k]} ∈ R^{m_k × m_{k−1}} and b^{[k]} ∈ R^{m_k}; m_0 = d and m_r = 1.
 */
import { type ActivationName, activationByName, elementwise } from './activations.js';
import { expectFiniteMatrix, expectParamsObject, expectPositiveInteger, expectShape, finiteResult, OVERFLOWED, SpecError, shapeOf } from './errors.js';
import { matrixFromRows, scalarOf } from './matrix.js';
import type { Matrix, Scalar } from './numeric.js';
import { add, mul } from './ops.js';
import { type Rng, uniform01 } from './sampler.js';

/** θ = (W^{[1]}, ..., W^{[r]}, b^{[1]}, ..., b^{[r]}); W[k − 1] holds W^{[k]}, b[k − 1] holds b^{[k]}. */
export interface Params {
  readonly W: readonly Matrix[];
  readonly b: readonly Matrix[];
}

/** W^{[k]} with the notes' 1-based layer index k. */
export function weight(theta: Params, k: number): Matrix {
  const Wk = theta.W[k - 1];
  if (Wk === undefined)
    throw new SpecError(
      'eq. 2.12',
      k >= 1 && k <= theta.W.length ? `W[${k}] must be a matrix, got undefined` : `there is no W[${k}]: the network has r = ${theta.W.length} layers`,
    );
  return Wk;
}

/** b^{[k]} with the notes' 1-based layer index k. */
export function bias(theta: Params, k: number): Matrix {
  const bk = theta.b[k - 1];
  if (bk === undefined)
    throw new SpecError(
      'eq. 2.12',
      k >= 1 && k <= theta.b.length ? `b[${k}] must be a matrix, got undefined` : `there is no b[${k}]: the network has r = ${theta.b.length} layers`,
    );
  return bk;
}

/**
 * 2/layer-shapes: the layer sizes [d, m_1, ..., m_r] of θ, after checking every shape eq. 2.12 requires:
 * m_k is read from b^{[k]} (m_k × 1), m_0 = d from W^{[1]}'s columns, and m_r must be 1.
 */
export function layerSizes(theta: Params): number[] {
  const r = expectParamsObject('eq. 2.12', theta).W.length;
  if (r === 0) throw new SpecError('eq. 2.12', 'the network needs at least one layer (r >= 1), got r = 0');
  if (theta.b.length !== r) throw new SpecError('eq. 2.12', `there are ${r} weight matrices but ${theta.b.length} biases`);
  const sizes = [shapeOf('eq. 2.12', 'W[1]', weight(theta, 1))[1]];
  if (sizes[0] === 0) throw new SpecError('eq. 2.12', 'W[1] must have d >= 1 columns (one per input coordinate), got 0');
  for (let k = 1; k <= r; k++) {
    const [mk, cols] = shapeOf('eq. 2.12', `b[${k}]`, bias(theta, k));
    if (cols !== 1) throw new SpecError('eq. 2.12', `b[${k}] must be a column vector m${k}x1, got ${mk}x${cols}`);
    if (mk === 0) throw new SpecError('eq. 2.12', `b[${k}] must have m${k} >= 1 entries, got none`);
    expectShape('eq. 2.12', `W[${k}]`, weight(theta, k), mk, sizes[k - 1]!, `m${k} x m${k - 1}`);
    expectFiniteMatrix('eq. 2.12', `W[${k}]`, weight(theta, k));
    expectFiniteMatrix('eq. 2.12', `b[${k}]`, bias(theta, k));
    sizes.push(mk);
  }
  if (sizes[r] !== 1) {
    throw new SpecError('eq. 2.12', `the output layer must have m${r} = 1 (W[r] ∈ R^{1×m_{r−1}}), got m${r} = ${sizes[r]}`);
  }
  return sizes;
}

/** Requires x ∈ R^{d×1} with finite entries. */
export function expectInput(where: string, x: unknown, d: number): Matrix {
  expectShape(where, 'x', x, d, 1, 'd x 1');
  return expectFiniteMatrix(where, 'x', x as Matrix);
}

/** The stored forward pass: a[0] = x, and z[k], a[k] for k = 1..r (a[r] = z[r] = h_θ(x)). */
export interface ForwardPass {
  readonly z: readonly Matrix[];
  readonly a: readonly Matrix[];
  /** o = h_θ(x) = a^{[r]}, a scalar. */
  readonly o: Scalar;
}

/**
 * Eq. 2.12 with the recursion 2.13 (2/a0-ar: a^{[0]} = x, a^{[r]} = h_θ(x)): a^{[k]} = σ(W^{[k]} a^{[k−1]} + b^{[k]}) for k = 1..r−1 and
 * the linear last layer h_θ(x) = W^{[r]} a^{[r−1]} + b^{[r]}. x is d×1; every z^{[k]}, a^{[k]} is m_k×1.
 */
export function forward(theta: Params, x: Matrix, activation: ActivationName = 'relu'): ForwardPass {
  const { sigma } = activationByName(activation);
  const sizes = layerSizes(theta);
  const r = sizes.length - 1;
  const a: Matrix[] = [expectInput('eq. 2.12', x, sizes[0]!)];
  const z: Matrix[] = [];
  for (let k = 1; k <= r; k++) {
    z[k] = add(mul(weight(theta, k), a[k - 1]!), bias(theta, k));
    a[k] = k < r ? elementwise(sigma, z[k]!) : z[k]!;
  }
  return { z, a, o: finiteResult('eq. 2.12', 'h_θ(x)', scalarOf(a[r]!), OVERFLOWED) };
}

/** 1/hypothesis: h_θ(x) ∈ R, one real prediction for an input x ∈ R^{d×1}; here the network of eq. 2.12 (m_r = 1). */
export function predict(theta: Params, x: Matrix, activation: ActivationName = 'relu'): Scalar {
  return forward(theta, x, activation).o;
}

/** 2/neuron-count: the network has m_1 + ... + m_r neurons (layer sizes [d, m_1, ..., m_r]). */
export function neuronCount(sizes: readonly number[]): number {
  checkSizes(sizes);
  return sizes.slice(1).reduce((sum, m) => sum + m, 0);
}

/**
 * 2/param-count (Section 2, after eq. 2.12): the number of parameters (d+1)m_1 + (m_1+1)m_2 + ... + (m_{r−1}+1)m_r
 * of a network with layer sizes [d, m_1, ..., m_r]. 3.3/param-count is its two-layer case [d, m, 1]:
 * p = (d + 1)m + (m + 1) = md + 2m + 1 >= md.
 */
export function parameterCount(sizes: readonly number[]): number {
  checkSizes(sizes);
  let count = 0;
  for (let k = 1; k < sizes.length; k++) count += (sizes[k - 1]! + 1) * sizes[k]!;
  return count;
}

/**
 * Algorithm 1 line 2 and Algorithm 2 line 2, "Initialize θ randomly": every entry of W^{[k]} (m_k×m_{k−1}) and b^{[k]}
 * (m_k×1) uniform in [−1/√m_{k−1}, 1/√m_{k−1}) from the seeded generator, W^{[1]} first, each
 * matrix row by row, then its bias (spec/ conventions: 'initialization').
 */
export function initializeParams(sizes: readonly number[], rng: Rng): Params {
  checkSizes(sizes);
  if (sizes[sizes.length - 1] !== 1) {
    throw new SpecError('eq. 2.12', `the output layer must have m_r = 1, got layer sizes [${sizes.join(', ')}]`);
  }
  const W: Matrix[] = [];
  const b: Matrix[] = [];
  for (let k = 1; k < sizes.length; k++) {
    const fanIn = sizes[k - 1]!;
    const draw = (): number => (2 * uniform01(rng) - 1) / Math.sqrt(fanIn);
    W.push(matrixFromRows(Array.from({ length: sizes[k]! }, () => Array.from({ length: fanIn }, draw))));
    b.push(matrixFromRows(Array.from({ length: sizes[k]! }, () => [draw()])));
  }
  return { W, b };
}

function checkSizes(sizes: readonly number[]): void {
  if (sizes.length < 2) {
    throw new SpecError('eq. 2.12', `layer sizes must be [d, m_1, ..., m_r] with r >= 1, got [${sizes.join(', ')}]`);
  }
  sizes.forEach((m, k) => expectPositiveInteger('eq. 2.12', k === 0 ? 'd (input dimension)' : `layer size m${k}`, m));
}
