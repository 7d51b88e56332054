/** The least-squares cost of Section 1 and Section 3.2. */
import { expectFiniteScalar, finiteResult, OVERFLOWED, SpecError } from './errors.js';
import { constant, isPositive, type Scalar } from './numeric.js';
import { add, div, mul, sub } from './ops.js';

/**
 * Eq. 1.1 / eq. 3.6: J = ½ (h_θ(x) − y)² for one example; o = h_θ(x) and y are scalars.
 * (3.6 writes ½(y − o)²: the same number.)
 */
export function squaredLoss(o: Scalar, y: Scalar): Scalar {
  expectFiniteScalar('eq. 1.1', 'h_θ(x)', o);
  expectFiniteScalar('eq. 1.1', 'y', y);
  const r = sub(o, y);
  return finiteResult('eq. 1.1', 'J = ½(h_θ(x) − y)²', mul(constant(0.5, r), mul(r, r)), OVERFLOWED);
}

/** Eq. 1.2: J(θ) = (1/n) Σ_{i=1}^{n} J^{(i)}(θ), from the n per-example losses J^{(i)}. */
export function datasetLoss(perExample: readonly Scalar[]): Scalar {
  const n = perExample.length;
  if (n === 0) throw new SpecError('eq. 1.2', 'the dataset must hold at least one example (n >= 1), got n = 0');
  let sum: Scalar = constant(0, perExample[0]!);
  for (const J of perExample) sum = add(sum, J);
  return finiteResult('eq. 1.2', 'J(θ) = (1/n) Σ J^{(i)}(θ)', div(sum, n), OVERFLOWED);
}

/**
 * 1/scale-invariance: the cost c·J(θ) for a constant c > 0. For c > 0, cJ(θ) <= cJ(θ') exactly when
 * J(θ) <= J(θ'), so cJ and J have the same local and global minimizers, and ∇(cJ) = c∇J: the 1/n of
 * eq. 1.2 changes only the scale of the gradient (GD on ΣJ^{(i)} with step α/n is GD on J with
 * step α). c <= 0 is refused: for c < 0 minima become maxima, for c = 0 every θ minimizes
 * (erratum sec1.scalar-multiple-minima).
 */
export function scaledCost(c: Scalar, J: Scalar): Scalar {
  expectFiniteScalar('1/scale-invariance', 'c', c);
  expectFiniteScalar('1/scale-invariance', 'J', J);
  if (!isPositive(c)) {
    throw new SpecError('1/scale-invariance', `c must be > 0 (c < 0 turns minima into maxima, c = 0 makes every θ a minimizer), got ${c}`);
  }
  return finiteResult('1/scale-invariance', 'cJ(θ)', mul(c, J), OVERFLOWED);
}
