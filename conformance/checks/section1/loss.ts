/**
 * Checks of the cost functions of Section 1 through the `loss` operation: eq. 1.1 for every
 * example (J^{(i)} = ½(h_θ(x^{(i)}) − y^{(i)})²) and eq. 1.2, their mean (the 1/n, not a sum, not
 * 1/(2n) on top of the ½), against the reference within the implementation's bounds.
 */

import { type Problem, problemArb } from '../../core/cases.js';
import { type Check, type CheckContext, type Reproducer, supported } from '../../core/check.js';
import { forAll, forNamedCases } from '../../core/property.js';
import { quoteOf } from '../../core/quote.js';
import { expectClose, expectVectorClose } from '../../oracles/compare.js';
import { expectLoss } from '../../oracles/oracle.js';

/** Calls loss on a problem and compares J^{(i)} for every example (eq. 1.1), then J (eq. 1.2). */
export async function checkLossOn(ctx: CheckContext, p: Problem): Promise<void> {
  const request = { params: p.params, activation: p.activation, data: p.data };
  const reproducer: Reproducer = { operation: 'loss', request };
  const got = await ctx.call('loss', request);
  const expected = expectLoss(ctx.tolerance, p.params, p.activation, p.data);
  const perExample = { value: expected.perExample.map((e) => e.value), bound: expected.perExample.map((e) => e.bound) };
  expectVectorClose({ specId: '1.1', operation: 'loss', quantity: 'J^{(i)}', reproducer }, perExample, got.perExample);
  expectClose({ specId: '1.2', operation: 'loss', quantity: 'J(θ) = (1/n)Σ_i J^{(i)}', reproducer }, expected.mean, got.mean);
}

export const lossChecks: Check[] = [
  {
    id: 'loss/random',
    specIds: ['1.1', '1.2'],
    title: 'per-example losses and their mean on random networks and data sets',
    quote: quoteOf('1.1', '1.2'),
    requires: ['loss'],
    async run(ctx) {
      return { status: 'pass', message: await forAll(ctx, problemArb(supported(ctx), { maxExamples: 6 }), (p) => checkLossOn(ctx, p)) };
    },
  },
  {
    id: 'loss/named-cases',
    specIds: ['1.1', '1.2'],
    title: 'per-example losses and their mean on non-square, width-1, depth-1, depth-5 and n = 7 networks',
    quote: quoteOf('1.1', '1.2'),
    requires: ['loss'],
    async run(ctx) {
      return { status: 'pass', message: await forNamedCases(ctx, (c) => checkLossOn(ctx, c)) };
    },
  },
];
