/**
 * Checks of the forward pass (eq. 2.12-2.13) through the `forward` operation: every z^{[k]} and
 * a^{[k]} and h_θ(x) against the reference within the implementation's bounds.
 */

import { problemArb } from '../../core/cases.js';
import type { Check, CheckContext } from '../../core/check.js';
import { supported } from '../../core/check.js';
import type { Activation, NetParams, Vector } from '../../core/interface.js';
import { forAll, forNamedCases } from '../../core/property.js';
import { quoteOf } from '../../core/quote.js';
import { expectClose, expectVectorClose } from '../../oracles/compare.js';
import { expectForward } from '../../oracles/oracle.js';

/** Calls forward on (θ, σ, x) and compares z^{[k]}, a^{[k]} (k = 1..r) and h_θ(x), layer by layer upwards. */
export async function checkForwardOn(ctx: CheckContext, params: NetParams, activation: Activation, x: Vector, specId = '2.12'): Promise<void> {
  const request = { params, activation, x };
  const reproducer = { operation: 'forward' as const, request };
  const got = await ctx.call('forward', request);
  const expected = expectForward(ctx.tolerance, params, activation, x);
  const r = params.W.length;
  const at = (quantity: string, k: number) => ({ specId: k < r ? '2.13' : specId, operation: 'forward' as const, quantity, layer: k, reproducer });
  for (let k = 1; k <= r; k++) {
    expectVectorClose(at(`z[${k}]`, k), expected.z[k - 1]!, got.z?.[k - 1]);
    expectVectorClose(at(`a[${k}]`, k), expected.a[k - 1]!, got.a?.[k - 1]);
  }
  expectClose({ specId, operation: 'forward', quantity: 'h_θ(x)', reproducer }, expected.output, got.output);
}

export const forwardChecks: Check[] = [
  {
    id: 'forward/random',
    specIds: ['2.12', '2.13', '2/a0-ar', '2/layer-shapes', 'alg5.line1', '3.5/forward'],
    title: 'forward pass on random networks: every z[k], a[k] and h_θ(x)',
    // Hand-written: eq. 2.13 with the σ of every activation the check runs, where the inventory writes the notes' ReLU.
    quote: 'a^{[k]} = σ(W^{[k]} a^{[k−1]} + b^{[k]}) (k = 1..r−1), h_θ(x) = a^{[r]} = W^{[r]} a^{[r−1]} + b^{[r]}',
    requires: ['forward'],
    async run(ctx) {
      const summary = await forAll(ctx, problemArb(supported(ctx)), async (p) => {
        for (const x of p.data.X) await checkForwardOn(ctx, p.params, p.activation, x);
      });
      return { status: 'pass', message: summary };
    },
  },
  {
    id: 'forward/named-cases',
    specIds: ['2.12', '2.13', '2/layer-shapes'],
    title: 'forward pass on non-square, width-1, depth-1 and depth-5 networks',
    quote: quoteOf('2/layer-shapes'),
    requires: ['forward'],
    async run(ctx) {
      const named = await forNamedCases(ctx, async (c) => {
        for (const x of c.data.X) await checkForwardOn(ctx, c.params, c.activation, x);
      });
      return { status: 'pass', message: named };
    },
  },
];
