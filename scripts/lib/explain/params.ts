/** Steps that print a whole θ (or a gradient in the shape of θ) layer by layer, W^{[k]} then b^{[k]}. */
import type { Params } from '../../../reference/network.js';
import { q, type Step } from './worked.js';

/**
 * `name('W', 2)` gives the printed name of W^{[2]} (e.g. '∂J/∂W^{[2]}'); every step gets `ids`.
 */
export function paramSteps(params: Params, name: (which: 'W' | 'b', k: number) => string, ids?: readonly string[]): Step[] {
  return params.W.flatMap((W, i) => [
    q(name('W', i + 1), W, ids === undefined ? {} : { ids }),
    q(name('b', i + 1), params.b[i]!, ids === undefined ? {} : { ids }),
  ]);
}

/** W^{[k]}, b^{[k]} with an optional prefix/suffix: θ itself, or '∂J/∂' + θ. */
export const layerName =
  (prefix = '', suffix = '') =>
  (which: 'W' | 'b', k: number): string =>
    `${prefix}${which}^{[${k}]}${suffix}`;
