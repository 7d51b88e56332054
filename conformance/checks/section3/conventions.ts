/**
 * The conventions the notes fix and implementations may choose differently (spec/errata.ts,
 * kind 'convention'). ReLU'(0): the notes use 1{z ≥ 0} (ReLU'(0) = 1); any c ∈ [0, 1] is a
 * subgradient of ReLU at 0 and conforms, reported as status 'convention' unless --strict.
 */
import { gamma, UNIT_ROUNDOFF_64 } from '../../../numerics/roundoff.js';
import { kinkCase } from '../../core/cases.js';
import { type Check, type CheckContext, CheckFailure, type Reproducer, type Verdict } from '../../core/check.js';
import { quoteOf } from '../../core/quote.js';
import { expectVectorClose } from '../../oracles/compare.js';
import { expectGradient } from '../../oracles/oracle.js';

/**
 * The probe (cases.ts#kinkCase): z^{[1]} = (0, 0) exactly, so a^{[1]} = 0, o = b^{[2]} = 0.5 and
 * δ^{[2]} = o − y = 2; Algorithm 5 line 4 gives ∂J/∂b^{[1]}_i = δ^{[1]}_i = W^{[2]}_i δ^{[2]} c with
 * c = ReLU'(0), so c = (∂J/∂b^{[1]}_i) / (W^{[2]}_i δ^{[2]}), δ^{[2]} being the implementation's own
 * ∂J/∂b^{[2]} (eq. 3.14). Tolerance: the implementation's δ^{[1]}_i is two products of binary
 * numbers (W^{[2]}_i δ^{[2]}, inner dimension m_2 = 1, then ⊙ c): relative error ≤ γ_2 of its
 * precision; our divisor W^{[2]}_i δ^{[2]} is exact (2·2, −3·2) and our quotient rounds once (2^-53).
 */
export async function observeReluPrimeAtZero(ctx: CheckContext): Promise<{ c: number; tolerance: number }> {
  const { params, x, y } = kinkCase();
  const request = { params, activation: 'relu' as const, x, y };
  const reproducer: Reproducer = { operation: 'gradient', request };
  const got = await ctx.call('gradient', request);
  const expected = expectGradient(ctx.tolerance, params, 'relu', x, y);
  // δ^{[2]} = o − y needs a^{[1]} = ReLU(0) = 0 (2/relu); no ReLU' enters it.
  expectVectorClose(
    { specId: 'alg5.line2', operation: 'gradient', quantity: '∂J/∂b[2] = δ[2] = o − y', layer: 2, reproducer },
    { value: expected.value.b[1]!, bound: expected.bound.b[1]! },
    got.b?.[1],
  );
  expectVectorClose(
    { specId: '3.4/relu-prime', operation: 'gradient', quantity: '∂J/∂b[1]', layer: 1, reproducer },
    { value: [0, 0], bound: [Infinity, Infinity] },
    got.b?.[0],
  );
  const delta2 = got.b[1]![0]!;
  const W2 = params.W[1]![0]!;
  const observed = W2.map((w, i) => got.b[0]![i]! / (w * delta2));
  const tolerance = (gamma(ctx.tolerance.precision, 2) + UNIT_ROUNDOFF_64) * Math.max(1, ...observed.map(Math.abs));
  const [c1, c2] = observed as [number, number];
  if (!(Math.abs(c1 - c2) <= tolerance)) {
    throw new CheckFailure(
      `3.4/relu-prime: gradient ∂J/∂b[1] entry 2: ReLU'(0) must be one number, but ∂J/∂b[1] gives ${c1} for unit 1 and ${c2} for unit 2 (both have z = 0 exactly)`,
      {
        specId: '3.4/relu-prime',
        operation: 'gradient',
        quantity: "ReLU'(0)",
        layer: 1,
        element: [2],
        expected: c1,
        got: c2,
        tolerance,
        error: Math.abs(c1 - c2),
      },
      reproducer,
    );
  }
  return { c: c1, tolerance };
}

/** Judges an observed ReLU'(0) = c: a subgradient (c ∈ [0, 1]), the declared value if any, the notes' 1 under --strict. */
export function judgeReluPrimeAtZero(ctx: CheckContext, c: number, tolerance: number): Verdict {
  const fail = (why: string, expected: number | string) =>
    new CheckFailure(
      `3.4/relu-prime: gradient ∂J/∂b[1] entry 1: ${why}`,
      { specId: '3.4/relu-prime', operation: 'gradient', quantity: "ReLU'(0)", layer: 1, element: [1], expected, got: c, tolerance },
      { operation: 'gradient', request: { ...kinkCase(), activation: 'relu' } },
    );
  if (!(c >= -tolerance && c <= 1 + tolerance))
    throw fail(`ReLU'(0) = ${c} is not a subgradient of ReLU at 0 (any value in [0, 1] is; the notes use 1)`, '[0, 1]');
  const declared = ctx.impl.conventions?.reluPrimeAtZero;
  if (declared !== undefined && !(Math.abs(declared - c) <= tolerance))
    throw fail(`the implementation declares ReLU'(0) = ${declared} but its gradient uses ${c}`, declared);
  if (Math.abs(c - 1) <= tolerance) return { status: 'pass', message: "ReLU'(0) = 1 as in the notes (1{z ≥ 0})" };
  if (ctx.strict) throw fail(`ReLU'(0) = ${c}, but --strict demands the notes' 1{z ≥ 0}, i.e. 1`, 1);
  return { status: 'convention', message: `ReLU'(0) = ${c} (notes: 1)` };
}

export const conventionChecks: Check[] = [
  {
    id: 'conventions/relu-prime-at-zero',
    specIds: ['3.4/relu-prime', '2/relu'],
    title: "ReLU'(0), observed through ∂J/∂b[1] at pre-activations exactly 0: a subgradient in [0, 1] (the notes: 1)",
    quote: quoteOf('3.4/relu-prime', '2/relu'),
    requires: ['gradient'],
    activations: ['relu'],
    async run(ctx) {
      const { c, tolerance } = await observeReluPrimeAtZero(ctx);
      return judgeReluPrimeAtZero(ctx, c, tolerance);
    },
  },
];
