/**
 * The inputs of the optimizers of Section 1, checked before any arithmetic: the dataset of eq. 1.2,
 * a batch of indices j_1..j_B (Algorithm 2), and a gradient in the shape of θ (footnote 6). Each
 * failure is a SpecError naming the equation and the offending example, index or matrix.
 */
import { expectFiniteMatrix, expectFiniteScalar, expectParamsObject, expectShape, SpecError, shapeOf } from './errors.js';
import type { Params } from './network.js';
import type { Matrix, Scalar } from './numeric.js';

/** Checks the dataset of eq. 1.2 against θ's input dimension d: n >= 1, every x^{(i)} d×1 and finite, every y^{(i)} finite. */
export function expectDataset(where: string, d: number, data: readonly { readonly x: Matrix; readonly y: Scalar }[]): number {
  if (!Array.isArray(data) || data.length === 0) {
    throw new SpecError('eq. 1.2', 'the dataset must hold at least one example (n >= 1), got n = 0');
  }
  data.forEach((example, i) => {
    const name = `x^{(${i + 1})} (example index ${i})`;
    if (example === null || typeof example !== 'object') throw new SpecError(where, `example index ${i} must be {x, y}`);
    expectFiniteMatrix(where, name, expectShape(where, name, example.x, d, 1, 'd x 1'));
    expectFiniteScalar(where, `y^{(${i + 1})} (example index ${i})`, example.y);
  });
  return data.length;
}

/** Checks a batch j_1..j_B: B >= 1, each an integer index in 0..n−1 (the notes' {1..n}). */
export function expectBatch(where: string, batch: readonly number[], n: number, distinct: boolean): void {
  if (!Array.isArray(batch) || batch.length === 0) throw new SpecError(where, 'a batch needs at least one index (B >= 1), got none');
  batch.forEach((j, k) => {
    if (!Number.isInteger(j) || j < 0 || j >= n) {
      throw new SpecError(where, `index j_${k + 1} = ${String(j)} is out of range: examples are 0..${n - 1} (0-based, n = ${n})`);
    }
    if (distinct && batch.indexOf(j) !== k) {
      throw new SpecError('Algorithm 2 line 4', `index ${j} appears twice in the batch: j_1..j_B are sampled without replacement`);
    }
  });
}

/** Both lists W and b of `g` have the shapes of θ's (footnote 6), with finite entries. */
export function expectLike(where: string, theta: Params, g: Params, name: string): void {
  expectParamsObject(where, theta);
  expectParamsObject(where, g, name);
  for (const which of ['W', 'b'] as const) {
    if (g[which].length !== theta[which].length) {
      throw new SpecError(where, `${name} must have as many ${which} matrices as θ (${theta[which].length}), got ${g[which].length}`);
    }
    theta[which].forEach((M, k) => {
      const [rows, cols] = shapeOf(where, `θ.${which}[${k + 1}]`, M);
      expectFiniteMatrix(where, `θ.${which}[${k + 1}]`, M);
      expectFiniteMatrix(
        where,
        `${name}.${which}[${k + 1}]`,
        expectShape(where, `${name}.${which}[${k + 1}]`, g[which][k], rows, cols, `the shape of ${which}[${k + 1}]`),
      );
    });
  }
}
