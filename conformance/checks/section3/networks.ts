/**
 * Section 3's statements checked on the networks they talk about, through `gradient` (and
 * `forward`/`loss` for the forward halves): the one neuron of Section 3.2 (the network d-1-1 with
 * W^{[2]} = [1], b^{[2]} = 0, so h_θ(x) = ReLU(wᵀx + b) exactly), the two-layer ReLU network of
 * Section 3.3 (Algorithms 3 and 4), the matrix chain rule of Section 3.4 per activation, depth
 * 1 to 5 (Section 3.5), and pre-activations of magnitude 1000 for sigmoid and tanh. Values and
 * bounds come from the reference oracle; each failure names the statement of the section.
 * δ^{[k]} = ∂J/∂b^{[k]} for one example (eq. 3.14), so the deltas are observable.
 */
import fc from 'fast-check';
import { dataArb, entryArb, extremeCase, type Problem, problemArb, type ShapeOptions, vectorArb } from '../../core/cases.js';
import { type Check, type CheckContext, type Reproducer, supported } from '../../core/check.js';
import type { Activation } from '../../core/interface.js';
import { forAll, forNamedCases } from '../../core/property.js';
import { quoteOf } from '../../core/quote.js';
import { expectClose, expectParamsClose, expectVectorClose } from '../../oracles/compare.js';
import type { GradientSites } from '../../oracles/finiteDifferences.js';
import { expectForward, expectLoss } from '../../oracles/oracle.js';
import { checkGradientOn } from './gradient.js';

/** Sites from a table: b of the output layer, W of the output layer, b of a hidden layer, W of a hidden layer. */
function sitesOf(r: number, ids: { bOut: string; WOut: string; bHidden: string; WHidden: string }): GradientSites {
  return (which, k, reproducer) => ({
    specId: k === r ? (which === 'b' ? ids.bOut : ids.WOut) : which === 'b' ? ids.bHidden : ids.WHidden,
    operation: 'gradient',
    quantity: `∂J/∂${which}[${k}]`,
    layer: k,
    ...(reproducer && { reproducer }),
  });
}

async function gradientsOf(ctx: CheckContext, p: Problem, sites: GradientSites): Promise<void> {
  for (const [i, x] of p.data.X.entries()) await checkGradientOn(ctx, p.params, p.activation, x, p.data.y[i]!, sites);
}

/** forward's z^{[k]}, a^{[k]} and h_θ(x) and loss's J^{(i)} on every example, named by the section's statements. */
async function forwardAndLossOf(ctx: CheckContext, p: Problem, ids: { z: string; a: string; o: string; J: string }): Promise<void> {
  for (const x of p.data.X) {
    const request = { params: p.params, activation: p.activation, x };
    const reproducer: Reproducer = { operation: 'forward', request };
    const got = await ctx.call('forward', request);
    const expected = expectForward(ctx.tolerance, p.params, p.activation, x);
    const r = p.params.W.length;
    for (let k = 1; k < r; k++) {
      expectVectorClose({ specId: ids.z, operation: 'forward', quantity: `z[${k}]`, layer: k, reproducer }, expected.z[k - 1]!, got.z?.[k - 1]);
      expectVectorClose({ specId: ids.a, operation: 'forward', quantity: `a[${k}]`, layer: k, reproducer }, expected.a[k - 1]!, got.a?.[k - 1]);
    }
    expectClose({ specId: ids.o, operation: 'forward', quantity: 'h_θ(x)', reproducer }, expected.output, got.output);
  }
  const request = { params: p.params, activation: p.activation, data: p.data };
  const got = await ctx.call('loss', request);
  const expected = expectLoss(ctx.tolerance, p.params, p.activation, p.data);
  const perExample = { value: expected.perExample.map((e) => e.value), bound: expected.perExample.map((e) => e.bound) };
  expectVectorClose({ specId: ids.J, operation: 'loss', quantity: 'J^{(i)}', reproducer: { operation: 'loss', request } }, perExample, got.perExample);
}

/** Section 3.2's neuron z = wᵀx + b, o = ReLU(z), as the network d-1-1 with W^{[2]} = [1], b^{[2]} = [0]. */
const oneNeuronArb: fc.Arbitrary<Problem> = fc
  .integer({ min: 1, max: 4 })
  .chain((d) => fc.record({ w: vectorArb(d), b: entryArb, data: dataArb(d, 3) }))
  .map(({ w, b, data }) => ({ params: { W: [[w], [[1]]], b: [[b], [0]] }, activation: 'relu' as const, data }));

const twoLayerArb = problemArb(['relu'], { minLayers: 2, maxLayers: 2 });

/** A check running `body` on `ctx.runs` random problems of `arb`. */
function propertyCheck(
  meta: Omit<Check, 'run'>,
  arb: (ctx: CheckContext) => fc.Arbitrary<Problem>,
  body: (ctx: CheckContext, p: Problem) => Promise<void>,
): Check {
  return { ...meta, run: async (ctx) => ({ status: 'pass', message: await forAll(ctx, arb(ctx), (p) => body(ctx, p)) }) };
}

const matrixChainSites = (p: Problem) =>
  sitesOf(p.params.W.length, { bOut: '3.14', WOut: '3.13', bHidden: p.activation === 'identity' ? '3.12' : '3.15', WHidden: '3.13' });

/** σ' of eq. 3.15 for one smooth activation: the hidden deltas (∂J/∂b^{[k]}, k < r) name 3.4/sigma-prime (identity: eq. 3.12, δ^{[k]} = W^{[k+1]ᵀ}δ^{[k+1]}). */
function sigmaPrimeCheck(activation: Exclude<Activation, 'relu'>): Check {
  const formula = { sigmoid: "σ'(z) = σ(z)(1 − σ(z))", tanh: "tanh'(z) = 1 − tanh²(z)", identity: "id'(z) = 1, so ∂J/∂u = Wᵀ ∂J/∂z" }[activation];
  const hidden = activation === 'identity' ? '3.12' : '3.4/sigma-prime';
  return propertyCheck(
    {
      id: `networks/sigma-prime/${activation}`,
      specIds: activation === 'identity' ? ['3.4/sigma-prime', '3.12', '3.15'] : ['3.4/sigma-prime', '3.15'],
      title: `${activation} networks of depth 2-3: the hidden deltas use ${formula}`,
      quote: activation === 'identity' ? quoteOf('3.15', '3.4/sigma-prime', '3.12') : quoteOf('3.15', '3.4/sigma-prime'),
      requires: ['gradient'],
      activations: [activation],
    },
    () => problemArb([activation], { minLayers: 2, maxLayers: 3 }),
    (ctx, p) => gradientsOf(ctx, p, sitesOf(p.params.W.length, { bOut: '3.14', WOut: '3.13', bHidden: hidden, WHidden: '3.13' })),
  );
}

/** Eq. 2.14-2.15 at |z| = 1000 (cases.ts#extremeCase): σ saturates to finite values, σ' to 0, no NaN from e^{1000}. */
function extremeChecks(activation: 'sigmoid' | 'tanh'): Check[] {
  const eq = activation === 'sigmoid' ? '2.14' : '2.15';
  // The inventory's σ, plus where this check evaluates it (the inventory does not say it).
  const meta = { specIds: [eq, '3.4/sigma-prime'], quote: `${quoteOf(eq)} at z = ±1000`, activations: [activation] };
  return [
    {
      ...meta,
      id: `networks/extreme-forward/${activation}`,
      title: `${activation} at pre-activations ±1000: finite, saturated activations and outputs`,
      requires: ['forward', 'loss'],
      run: async (ctx) => {
        await forwardAndLossOf(ctx, extremeCase(activation), { z: eq, a: eq, o: eq, J: eq });
        return { status: 'pass', message: '3 examples with |z| = 1000' };
      },
    },
    {
      ...meta,
      id: `networks/extreme-gradient/${activation}`,
      title: `${activation} at pre-activations ±1000: finite gradients, σ' saturated to 0`,
      requires: ['gradient'],
      run: async (ctx) => {
        await gradientsOf(ctx, extremeCase(activation), sitesOf(2, { bOut: eq, WOut: eq, bHidden: '3.4/sigma-prime', WHidden: '3.4/sigma-prime' }));
        return { status: 'pass', message: '3 examples with |z| = 1000' };
      },
    },
  ];
}

const DEPTHS: ShapeOptions = { minLayers: 1, maxLayers: 5, maxWidth: 3, maxExamples: 2 };

export const networkChecks: Check[] = [
  propertyCheck(
    {
      id: 'networks/one-neuron-forward',
      specIds: ['3.4', '3.5', '3.6'],
      title: 'one neuron (Section 3.2): z = wᵀx + b, o = ReLU(z), J = ½(y − o)²',
      quote: quoteOf('3.4', '3.5', '3.6'),
      requires: ['forward', 'loss'],
      activations: ['relu'],
    },
    () => oneNeuronArb,
    (ctx, p) => forwardAndLossOf(ctx, p, { z: '3.4', a: '3.5', o: '3.5', J: '3.6' }),
  ),
  propertyCheck(
    {
      id: 'networks/one-neuron-gradient',
      specIds: ['3.7', '3.2/do-dwi', '3.2/local-derivs', '3.2/grad-wi', '3.2/grad-w', '3.2/grad-b', '3.1', '3.2', '3.3'],
      title: 'one neuron (Section 3.2): ∇_w J = (o − y)·1{z ≥ 0}·x, ∂J/∂b = (o − y)·1{z ≥ 0}',
      quote: quoteOf('3.2/grad-w', '3.2/grad-b'),
      requires: ['gradient'],
      activations: ['relu'],
    },
    () => oneNeuronArb,
    // ∂J/∂b^{[2]} = ∂J/∂o = o − y (a local derivative); ∂J/∂W^{[2]} = (o − y)·a, the embedding's extra weight (Algorithm 5 line 5).
    (ctx, p) => gradientsOf(ctx, p, sitesOf(2, { bOut: '3.2/local-derivs', WOut: 'alg5.line5', bHidden: '3.2/grad-b', WHidden: '3.2/grad-w' })),
  ),
  propertyCheck(
    {
      id: 'networks/two-layer-forward',
      specIds: ['3.8', 'alg3.line1', 'alg4.line1'],
      title: 'two-layer ReLU network (Section 3.3): z_j, a_j, o and J',
      quote: quoteOf('3.8'),
      requires: ['forward', 'loss'],
      activations: ['relu'],
    },
    () => twoLayerArb,
    (ctx, p) => forwardAndLossOf(ctx, p, { z: '3.8', a: '3.8', o: '3.8', J: '3.8' }),
  ),
  propertyCheck(
    {
      id: 'networks/two-layer-gradient',
      specIds: [
        '3.3/grad-w2',
        '3.3/grad-w1-chain',
        '3.3/dJ-dzj',
        '3.3/dJ-daj',
        '3.3/grad-w1',
        'alg3.line2',
        'alg3.line3',
        'alg3.line4',
        '3.9',
        '3.10',
        'alg4.line2',
        'alg4.line3',
        'alg4.line4',
        '3.4/verify-delta1',
        '3.4/verify-dW1',
      ],
      title:
        'two-layer ReLU network (Algorithms 3 and 4): δ^{[2]} = o − y, ∂J/∂W^{[2]} = δ^{[2]}aᵀ, δ^{[1]} = (o − y)W^{[2]ᵀ} ⊙ 1{z ≥ 0}, ∂J/∂W^{[1]} = δ^{[1]}xᵀ',
      quote: quoteOf('alg4.line2', 'alg4.line3', 'alg4.line4'),
      requires: ['gradient'],
      activations: ['relu'],
    },
    () => twoLayerArb,
    (ctx, p) => gradientsOf(ctx, p, sitesOf(2, { bOut: 'alg4.line2', WOut: '3.3/grad-w2', bHidden: 'alg4.line3', WHidden: '3.3/grad-w1' })),
  ),
  propertyCheck(
    {
      id: 'networks/matrix-chain-rule',
      specIds: ['3.11', '3.12', '3.13', '3.14', '3.15', '3.4/activation-setup', '3.4/hadamard'],
      title: "matrix chain rule (Section 3.4) on depth 2-3 networks: ∂J/∂W = ∂J/∂z·uᵀ, ∂J/∂b = ∂J/∂z, ∂J/∂z = ∂J/∂a ⊙ σ'(z)",
      quote:
        "\\frac{\\partial J}{\\partial W} = \\frac{\\partial J}{\\partial z} u^\\top, \\quad \\frac{\\partial J}{\\partial b} = \\frac{\\partial J}{\\partial z}, \\quad \\frac{\\partial J}{\\partial u} = W^\\top \\frac{\\partial J}{\\partial z}, \\quad \\frac{\\partial J}{\\partial z} = \\frac{\\partial J}{\\partial a} \\odot \\sigma'(z)",
      requires: ['gradient'],
    },
    (ctx) => problemArb(supported(ctx), { minLayers: 2, maxLayers: 3 }),
    (ctx, p) => gradientsOf(ctx, p, matrixChainSites(p)),
  ),
  sigmaPrimeCheck('sigmoid'),
  sigmaPrimeCheck('tanh'),
  sigmaPrimeCheck('identity'),
  {
    id: 'networks/gradient-shapes',
    specIds: ['3.4/dA-dB-shape'],
    title: 'every gradient has the shape of its parameter: ∂J/∂W[k] is m_k×m_{k−1}, ∂J/∂b[k] has m_k entries',
    quote: quoteOf('3.4/dA-dB-shape'),
    requires: ['gradient'],
    async run(ctx) {
      const shapeSites = (which: 'W' | 'b', k: number, reproducer?: Reproducer) => ({
        specId: '3.4/dA-dB-shape',
        operation: 'gradient' as const,
        quantity: `∂J/∂${which}[${k}]`,
        layer: k,
        ...(reproducer && { reproducer }),
      });
      const named = await forNamedCases(ctx, async (c) => {
        const [x, y] = [c.data.X[0]!, c.data.y[0]!];
        const request = { params: c.params, activation: c.activation, x, y };
        const got = await ctx.call('gradient', request);
        // Any finite number is within an infinite bound: only shapes (and finiteness) are judged here.
        const infinite = { W: c.params.W.map((M) => M.map((row) => row.map(() => Infinity))), b: c.params.b.map((v) => v.map(() => Infinity)) };
        const zeros = { W: c.params.W.map((M) => M.map((row) => row.map(() => 0))), b: c.params.b.map((v) => v.map(() => 0)) };
        expectParamsClose((which, k) => shapeSites(which, k, { operation: 'gradient', request }), { value: zeros, bound: infinite }, got);
      });
      return { status: 'pass', message: `${named} (non-square, width-1, depth-1, depth-5)` };
    },
  },
  {
    id: 'networks/depth',
    specIds: ['3.16', '3.5/backward-order', 'alg5.line3'],
    title: 'depth 1 to 5 (Section 3.5): δ^{[r]} → … → δ^{[1]}, ∂J/∂W^{[k]} = δ^{[k]}a^{[k−1]ᵀ} for every k',
    quote: quoteOf('3.16', 'alg5.line3'),
    requires: ['gradient'],
    async run(ctx) {
      const sites = (p: Problem) =>
        sitesOf(p.params.W.length, { bOut: 'alg5.line2', WOut: '3.5/backward-order', bHidden: '3.16', WHidden: '3.5/backward-order' });
      const summary = await forAll(ctx, problemArb(supported(ctx), DEPTHS), (p) => gradientsOf(ctx, p, sites(p)));
      await forNamedCases(
        ctx,
        (c) => gradientsOf(ctx, c, sites(c)),
        (c) => c.name.startsWith('depth'),
      );
      return { status: 'pass', message: `${summary}; the depth-1 and depth-5 cases` };
    },
  },
  ...extremeChecks('sigmoid'),
  ...extremeChecks('tanh'),
];
