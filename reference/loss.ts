/** The least-squares cost of Section 1 and Section 3.2. */
import { expectFiniteScalar, finiteResult, OVERFLOWED, SpecError } from './errors.js';
import { constant, type Scalar } from './numeric.js';
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
