/**
 * Section 1's first paragraph on the implementation's own answers: h_θ(x) is one real number
 * (1/hypothesis), and a model θᵀφ(x) is linear in θ (1/linear-in-theta). A network is such a model
 * in its last layer: with β (the layers below) fixed, h_θ(x) = W^{[r]}φ_β(x) + b^{[r]} = Uᵀ[φ_β(x); 1]
 * for the head U = (W^{[r]}, b^{[r]}) (eq. 2.21; for r = 1 it is all of θ and φ = x). So for every U,
 * with U = U₁ + U₂ split into disjoint supports (exact in float64) and −U (exact):
 *   h(β, U) = h(β, U₁) + h(β, U₂)   and   h(β, −U) = −h(β, U).
 * Each answer is within its oracle bound E of the exact value and the exact values satisfy both
 * identities, so |h(U) − h(U₁) − h(U₂)| <= E_U + E_U₁ + E_U₂ (+ the rounding of the check's own sum,
 * evaluated exactly and rounded once) and |h(−U) + h(U)| <= E_−U + E_U (identityHelpers.ts).
 */
import { exact, plus } from '../../../numerics/binary64.js';
import { problemArb } from '../../core/cases.js';
import { type Check, type CheckContext, supported } from '../../core/check.js';
import type { Activation, NetParams, Vector } from '../../core/interface.js';
import { forAll } from '../../core/property.js';
import { quoteOf } from '../../core/quote.js';
import { expectClose, type Site } from '../../oracles/compare.js';
import { expectForward } from '../../oracles/oracle.js';
import { betweenAnswers } from '../../oracles/tolerances.js';
import { checkValue } from '../identityHelpers.js';

/** θ with the head (W^{[r]} = [w], b^{[r]} = [c]) replaced. */
const withHead = (params: NetParams, w: readonly number[], c: number): NetParams => ({
  W: [...params.W.slice(0, -1), [[...w]]],
  b: [...params.b.slice(0, -1), [c]],
});

async function checkLinearHeadOn(ctx: CheckContext, params: NetParams, activation: Activation, x: Vector): Promise<void> {
  const r = params.W.length;
  const w = params.W[r - 1]![0]!;
  const c = params.b[r - 1]![0]!;
  const heads = {
    U: withHead(params, w, c),
    U1: withHead(
      params,
      w.map((v, j) => (j % 2 === 0 ? v : 0)),
      c,
    ),
    U2: withHead(
      params,
      w.map((v, j) => (j % 2 === 1 ? v : 0)),
      0,
    ),
    minusU: withHead(
      params,
      w.map((v) => -v),
      -c,
    ),
  };
  const answers: Partial<Record<keyof typeof heads, { h: number; E: number; site: (quantity: string) => Site }>> = {};
  for (const [name, p] of Object.entries(heads) as [keyof typeof heads, NetParams][]) {
    const request = { params: p, activation, x };
    const got = await ctx.call('forward', request);
    const expected = expectForward(ctx.tolerance, p, activation, x).output;
    const site = (quantity: string, specId = '1/linear-in-theta'): Site => ({
      specId,
      operation: 'forward',
      quantity,
      reproducer: { operation: 'forward', request },
    });
    // 1/hypothesis: the answer is one finite real number (its value is judged by the forward checks).
    expectClose(site('h_θ(x), one real number', '1/hypothesis'), { value: expected.value, bound: Infinity }, got.output);
    answers[name] = { h: got.output, E: expected.bound, site };
  }
  const { U, U1, U2, minusU } = answers as Required<typeof answers>;
  expectClose(
    U.site(`h(β, U) vs h(β, U₁) + h(β, U₂) (head W[${r}], b[${r}] split)`),
    checkValue(plus(exact(U1.h), exact(U2.h)), betweenAnswers(U.E, U1.E, U2.E)),
    U.h,
  );
  expectClose(minusU.site(`h(β, −U) vs −h(β, U) (head W[${r}], b[${r}] negated)`), { value: -U.h, bound: betweenAnswers(U.E, minusU.E) }, minusU.h);
}

export const linearityChecks: Check[] = [
  {
    id: 'identities/linear-in-last-layer',
    specIds: ['1/hypothesis', '1/linear-in-theta'],
    title: 'h_θ(x) is one real number, linear in the last layer (W[r], b[r]) = θᵀ[φ_β(x); 1]: additive and odd',
    quote: quoteOf('1/linear-in-theta'),
    requires: ['forward'],
    async run(ctx) {
      const summary = await forAll(ctx, problemArb(supported(ctx)), async (p) => {
        for (const x of p.data.X) await checkLinearHeadOn(ctx, p.params, p.activation, x);
      });
      return { status: 'pass', message: summary };
    },
  },
];
