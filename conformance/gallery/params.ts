/** Plain θ-shaped arithmetic (footnote 6: a gradient has the shape of θ), entry by entry. */
import type { NetParams } from '../core/interface.js';

/** f applied to every entry of W and b (with the entries of `others` at the same place). */
export function mapParams(p: NetParams, f: (v: number, which: 'W' | 'b', ...rest: number[]) => number, ...others: NetParams[]): NetParams {
  return {
    W: p.W.map((W, k) => W.map((row, i) => row.map((v, j) => f(v, 'W', ...others.map((o) => o.W[k]![i]![j]!))))),
    b: p.b.map((b, k) => b.map((v, i) => f(v, 'b', ...others.map((o) => o.b[k]![i]!)))),
  };
}

/** g_1 + ... + g_B, summed in the order given. */
export function sumParams(gradients: readonly NetParams[]): NetParams {
  const [first, ...rest] = gradients;
  if (first === undefined) throw new RangeError('eq. 1.5: a batch needs at least one gradient (B >= 1)');
  return rest.reduce((s, g) => mapParams(s, (v, _, w) => v + w!, g), first);
}

/** Zeros in the shape of θ. */
export const zerosLike = (p: NetParams): NetParams => mapParams(p, () => 0);
