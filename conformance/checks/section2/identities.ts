/** Identities of Section 2 on the implementation's own answers: eq. 2.16-2.20's collapse for σ(z) = z (2/collapse-affine at any depth, against the reference's W̃x + b̃), eq. 2.21 on its a^{[r−1]} (checks/identityHelpers.ts says how they are judged). */
import fc from 'fast-check';
import { exact } from '../../../numerics/binary64.js';
import { dataArb, paramsArb, problemArb, sizesArb } from '../../core/cases.js';
import { type Check, type CheckContext, supported } from '../../core/check.js';
import type { Activation, NetParams, Vector } from '../../core/interface.js';
import { forAll } from '../../core/property.js';
import { quoteOf } from '../../core/quote.js';
import { expectCollapsed } from '../../oracles/collapse.js';
import { expectClose, type Site } from '../../oracles/compare.js';
import { expectForward } from '../../oracles/oracle.js';
import { betweenAnswers } from '../../oracles/tolerances.js';
import { affine, checkValue, expectShapedVector } from '../identityHelpers.js';

/** Two-layer networks d-m-1 with b^{[1]} = 0, b^{[2]} = 0 (the setting of eq. 2.16-2.19). */
const zeroBiasTwoLayerArb = sizesArb({ minLayers: 2, maxLayers: 2 }).chain((sizes) =>
  fc.record({ params: paramsArb(sizes).map((p) => ({ W: p.W, b: p.b.map((b) => b.map(() => 0)) })), data: dataArb(sizes[0]!, 3) }),
);

// ---- Eq. 2.16-2.21: the forward pass seen from its own intermediate values. ----

async function checkCollapseOn(ctx: CheckContext, params: NetParams, x: Vector, zeroBiasTwoLayer: boolean): Promise<void> {
  const request = { params, activation: 'identity' as const, x };
  const reproducer = { operation: 'forward' as const, request };
  const got = await ctx.call('forward', request);
  const e = expectForward(ctx.tolerance, params, 'identity', x);
  const site = (specId: string, quantity: string, layer?: number): Site => ({
    specId,
    operation: 'forward',
    quantity,
    ...(layer !== undefined && { layer }),
    reproducer,
  });
  // W̃x + b̃ from the reference's 2/collapse-affine in 64-digit arithmetic, rounded once (oracles/collapse.ts).
  const linear = expectCollapsed(params, x);
  expectClose(
    site(zeroBiasTwoLayer ? '2.19' : '2/collapse-affine', zeroBiasTwoLayer ? 'h_θ(x) vs W[2]W[1]x' : 'h_θ(x) vs W̃x + b̃ (W̃ = W[r]···W[1])'),
    { value: linear.value, bound: betweenAnswers(e.output.bound, linear.bound) },
    got.output,
  );
  if (!zeroBiasTwoLayer) return;
  const [z1, a1] = [e.z[0]!, e.a[0]!];
  expectShapedVector(site('2.17', 'z[1]', 1), z1.value, got.z?.[0]);
  expectShapedVector(site('2.17', 'a[1]', 1), a1.value, got.a?.[0]);
  // 2.17: a[1] = σ(z[1]) = z[1] for σ(z) = z; both answers are within their bounds of the same exact vector.
  got.a[0]!.forEach((a, j) =>
    expectClose(site('2.17', 'a[1] vs σ(z[1]) = z[1]', 1), { value: got.z[0]![j]!, bound: betweenAnswers(z1.bound[j]!, a1.bound[j]!) }, a, [j + 1]),
  );
  // 2.16 / 2.18: h = W[2]a[1] and h = W[2]z[1] on the implementation's own a[1], z[1] (b[2] = 0).
  const row = params.W[1]![0]!;
  for (const [specId, name, v, E] of [
    ['2.16', 'a[1]', got.a[0]!, a1.bound],
    ['2.18', 'z[1]', got.z[0]!, z1.bound],
  ] as const) {
    const carried = row.reduce((s, w, j) => s + Math.abs(w) * E[j]!, 0);
    expectClose(site(specId, `h_θ(x) vs W[2]${name}`), checkValue(affine(row, v.map(exact)), betweenAnswers(e.output.bound, carried)), got.output);
  }
}

/** Eq. 2.21 (and 2/a0-ar): h_θ(x) = W^{[r]}a^{[r−1]} + b^{[r]} on the implementation's own a^{[r−1]} (a^{[0]} = x), and a^{[r]} = h_θ(x). */
async function checkFeatureMapOn(ctx: CheckContext, params: NetParams, activation: Activation, x: Vector): Promise<void> {
  const request = { params, activation, x };
  const reproducer = { operation: 'forward' as const, request };
  const got = await ctx.call('forward', request);
  const e = expectForward(ctx.tolerance, params, activation, x);
  const r = params.W.length;
  const site = (specId: string, quantity: string, layer?: number): Site => ({
    specId,
    operation: 'forward',
    quantity,
    ...(layer !== undefined && { layer }),
    reproducer,
  });
  let phi: readonly number[] = x;
  let phiBound: readonly number[] = x.map(() => 0);
  if (r > 1) {
    expectShapedVector(site('2.21', `a[${r - 1}] = φ_β(x)`, r - 1), e.a[r - 2]!.value, got.a?.[r - 2]);
    phi = got.a[r - 2]!;
    phiBound = e.a[r - 2]!.bound;
  }
  const row = params.W[r - 1]![0]!;
  const carried = row.reduce((s, w, j) => s + Math.abs(w) * phiBound[j]!, 0);
  const head = affine(row, phi.map(exact), exact(params.b[r - 1]![0]!));
  expectClose(site('2.21', `h_θ(x) vs W[${r}]φ_β(x) + b[${r}]`), checkValue(head, betweenAnswers(e.output.bound, carried)), got.output);
  expectShapedVector(site('2/a0-ar', `a[${r}]`, r), e.a[r - 1]!.value, got.a?.[r - 1]);
  expectClose(
    site('2/a0-ar', `a[${r}] vs h_θ(x)`, r),
    { value: got.output, bound: betweenAnswers(e.output.bound, e.a[r - 1]!.bound[0]!) },
    got.a[r - 1]![0],
    [1],
  );
}

export const section2Identities: Check[] = [
  {
    id: 'identities/identity-collapse',
    specIds: ['2.16', '2.17', '2.18', '2.19', '2.20', '2/collapse-affine'],
    title: 'with σ(z) = z the network is one affine map: h_θ(x) = W̃x + b̃, W̃ = W[r]···W[1]',
    quote: quoteOf('2.16', '2.17', '2.18', '2.19', '2.20', '2/collapse-affine'),
    requires: ['forward'],
    activations: ['identity'],
    async run(ctx) {
      const twoLayer = await forAll(ctx, zeroBiasTwoLayerArb, async (c) => {
        for (const x of c.data.X) await checkCollapseOn(ctx, c.params, x, true);
      });
      const deep = await forAll(ctx, problemArb(['identity'], { maxLayers: 5 }), async (p) => {
        for (const x of p.data.X) await checkCollapseOn(ctx, p.params, x, false);
      });
      return { status: 'pass', message: `zero-bias two-layer (2.16-2.19): ${twoLayer}; depth 1-5 with biases (2/collapse-affine): ${deep}` };
    },
  },
  {
    id: 'identities/feature-map',
    specIds: ['2.21', '2/a0-ar'],
    title: 'h_θ(x) = W[r]a[r−1] + b[r] on the implementation’s own a[r−1] (a[0] = x), and a[r] = h_θ(x)',
    quote: quoteOf('2.21', '2/a0-ar'),
    requires: ['forward'],
    async run(ctx) {
      const summary = await forAll(ctx, problemArb(supported(ctx)), async (p) => {
        for (const x of p.data.X) await checkFeatureMapOn(ctx, p.params, p.activation, x);
      });
      return { status: 'pass', message: summary };
    },
  },
];
