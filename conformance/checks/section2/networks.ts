/**
 * Checks of Section 2's networks through `forward`, each named by the statement it instantiates:
 * the single neuron (2.1, 2.2) as the network d-1-1 with W^{[2]} = [[1]], b^{[2]} = [0], ReLU on
 * given values, the housing network (2/housing-a1..a3, 2.3), the fully-connected two-layer
 * network (2.4-2.11), sigmoid and tanh (2.14, 2.15) up to |z| = 1000, and the neuron and parameter
 * counts read off the shapes the implementation returns.
 */
import fc from 'fast-check';
import { entryArb, extremeCase, fixedParams, paramsArb, problemArb, sizesArb, vectorArb } from '../../core/cases.js';
import { type Check, type CheckContext, CheckFailure } from '../../core/check.js';
import type { Activation, NetParams, Vector } from '../../core/interface.js';
import { forAll } from '../../core/property.js';
import { quoteOf } from '../../core/quote.js';
import { expectClose, expectVectorClose, type Site } from '../../oracles/compare.js';
import { type Expected, expectForward } from '../../oracles/oracle.js';
import { LAYER_SIZES } from '../section1/sampling.js';

/** The statement a forward quantity instantiates: z[k] or a[k] entry j (1-based), or h_θ(x). */
export interface Naming {
  readonly z: (k: number, j: number) => string;
  readonly a: (k: number, j: number) => string;
  readonly output: string;
}

/** Compares a vector entry by entry, each entry named by its own statement (a_1, a_2, ... may differ). */
function expectEntries(site: (j: number) => Site, expected: Expected<number[]>, got: unknown): void {
  if (!Array.isArray(got) || got.length !== expected.value.length) expectVectorClose(site(1), expected, got);
  else expected.value.forEach((v, i) => expectClose(site(i + 1), { value: v, bound: expected.bound[i]! }, got[i], [i + 1]));
}

/** Calls forward on (θ, σ, x) and compares every z^{[k]}, a^{[k]} and h_θ(x) with the oracle, named by `naming`. */
export async function checkNamedForward(ctx: CheckContext, params: NetParams, activation: Activation, x: Vector, naming: Naming): Promise<void> {
  const request = { params, activation, x };
  const reproducer = { operation: 'forward' as const, request };
  const got = await ctx.call('forward', request);
  const expected = expectForward(ctx.tolerance, params, activation, x);
  for (let k = 1; k <= params.W.length; k++) {
    for (const q of ['z', 'a'] as const) {
      const site = (j: number): Site => ({ specId: naming[q](k, j), operation: 'forward', quantity: `${q}[${k}]`, layer: k, reproducer });
      expectEntries(site, expected[q][k - 1]!, got[q]?.[k - 1]);
    }
  }
  expectClose({ specId: naming.output, operation: 'forward', quantity: 'h_θ(x)', reproducer }, expected.output, got.output);
}

/** One name for the hidden layers' z and a, another for the output layer (k = r) and h_θ(x). */
const layered = (r: number, hidden: { z: string; a: string }, output: string): Naming => ({
  z: (k) => (k < r ? hidden.z : output),
  a: (k) => (k < r ? hidden.a : output),
  output,
});

/** Eq. 2.2 as a network: d-1-1 with W^{[1]} = wᵀ, b^{[1]} = b, W^{[2]} = [[1]], b^{[2]} = [0], so h_θ(x) = 1·ReLU(wᵀx + b) + 0 exactly. */
export function singleNeuron(w: readonly number[], b: number): NetParams {
  return { W: [[[...w]], [[1]]], b: [[b], [0]] };
}

/**
 * The housing network of Figure 2 as a 4-3-1 network whose W^{[1]} has the notes' sparsity:
 * a_1 sees x_1, x_2 (θ_1, θ_2, θ_3); a_2 sees x_3 (θ_4, θ_5); a_3 sees x_3, x_4 (θ_6, θ_7, θ_8);
 * h_θ(x) = θ_9a_1 + θ_10a_2 + θ_11a_3 + θ_12 (eq. 2.3). θ[i − 1] holds θ_i.
 */
export function housingNetwork(t: readonly number[]): NetParams {
  const th = (i: number): number => t[i - 1]!;
  return {
    W: [
      [
        [th(1), th(2), 0, 0],
        [0, 0, th(4), 0],
        [0, 0, th(6), th(7)],
      ],
      [[th(9), th(10), th(11)]],
    ],
    b: [[th(3), th(5), th(8)], [th(12)]],
  };
}

/** The statement for each hidden unit of the housing network. */
const HOUSING_UNITS = ['2/housing-a1', '2/housing-a2', '2/housing-a3'];

/** Runs a forward check over inputs `xs` for each hand-made network; returns how many forward calls were made. */
async function forwardOnAll(
  ctx: CheckContext,
  cases: readonly { params: NetParams; xs: readonly Vector[]; activation: Activation; naming: Naming }[],
): Promise<number> {
  let calls = 0;
  for (const c of cases) {
    for (const x of c.xs) {
      await checkNamedForward(ctx, c.params, c.activation, x, c.naming);
      calls++;
    }
  }
  return calls;
}

const smoothCheck = (activation: 'sigmoid' | 'tanh', specId: string): Check => ({
  id: `section2/${activation}`,
  specIds: [specId],
  title: `${activation} networks, including pre-activations |z| = 1000 (finite, saturated)`,
  quote: quoteOf(specId),
  requires: ['forward'],
  activations: [activation],
  async run(ctx) {
    const naming = (r: number): Naming => layered(r, { z: '2.13', a: specId }, '2.12');
    const summary = await forAll(ctx, problemArb([activation]), async (p) => {
      for (const x of p.data.X) await checkNamedForward(ctx, p.params, activation, x, naming(p.params.W.length));
    });
    const extreme = extremeCase(activation);
    for (const x of extreme.data.X) await checkNamedForward(ctx, extreme.params, activation, x, naming(2));
    return { status: 'pass', message: `${summary}; z[1] = ±1000, ±500 saturate to finite values` };
  },
});

/** Σ_k m_k(m_{k−1} + 1) = (d + 1)m_1 + (m_1 + 1)m_2 + ... + (m_{r−1} + 1)m_r. */
const parameterCount = (sizes: readonly number[]): number => sizes.slice(1).reduce((s, m, k) => s + m * (sizes[k]! + 1), 0);

function countFailure(
  specId: string,
  operation: 'forward' | 'initialize',
  what: string,
  layer: number,
  expected: number,
  got: number,
  request: unknown,
): never {
  throw new CheckFailure(
    `${specId}: ${operation} ${what}: expected ${expected}, got ${got} (first wrong at layer ${layer})`,
    { specId, operation, quantity: what, layer, expected, got },
    { operation, request },
  );
}

const entryCount = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

export const section2Checks: Check[] = [
  {
    id: 'section2/single-neuron',
    specIds: ['2.1', '2.2', '2/relu'],
    title: 'the single neuron ReLU(wᵀx + b) as the network d-1-1 with W[2] = [[1]], b[2] = [0]: kink, negative and positive side',
    quote: quoteOf('2.1', '2.2'),
    requires: ['forward'],
    activations: ['relu'],
    async run(ctx) {
      const kink = { z: () => '2.1', a: () => '2.1', output: '2.1' };
      // w = 2, b = −3: wx + b = −5, −3, −1, 0 (exactly, at x = 1.5), 1, 17.
      const calls = await forwardOnAll(ctx, [
        { params: singleNeuron([2], -3), xs: [[-1], [0], [1], [1.5], [2], [10]], activation: 'relu', naming: kink },
        { params: singleNeuron([-0.75], 0.5), xs: [[-2], [0], [2 / 3], [4]], activation: 'relu', naming: kink },
      ]);
      const neuron = { z: () => '2.2', a: () => '2.2', output: '2.2' };
      const arb = fc.integer({ min: 1, max: 5 }).chain((d) => fc.tuple(vectorArb(d), entryArb, fc.array(vectorArb(d), { minLength: 1, maxLength: 3 })));
      const summary = await forAll(ctx, arb, async ([w, b, xs]) => {
        for (const x of xs) await checkNamedForward(ctx, singleNeuron(w, b), 'relu', x, neuron);
      });
      return { status: 'pass', message: `eq. 2.1 on ${calls} inputs; eq. 2.2: ${summary}` };
    },
  },
  {
    id: 'section2/relu',
    specIds: ['2/relu', '2.10'],
    title: 'ReLU(t) = max{t, 0} entry-wise on negatives, ±0, tiny and large values',
    quote: quoteOf('2/relu', '2.10'),
    requires: ['forward'],
    activations: ['relu'],
    async run(ctx) {
      // x = [0] and W[1] = a column of ones make z[1] = b[1] exactly: the ReLU sees the chosen t's.
      const t = [-1000, -2.5, -1, -(2 ** -30), -0, 0, 2 ** -30, 0.75, 1, 3.25, 1000];
      const params: NetParams = { W: [t.map(() => [1]), [t.map((_, i) => (i % 2 === 0 ? 0.5 : -0.25))]], b: [t, [0.125]] };
      await checkNamedForward(ctx, params, 'relu', [0], { z: () => '2.9', a: () => '2/relu', output: '2.11' });
      return { status: 'pass', message: `t = ${t.map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(', ')}` };
    },
  },
  {
    id: 'section2/housing',
    specIds: ['2/housing-a1', '2/housing-a2', '2/housing-a3', '2.3'],
    title: 'the housing network of Figure 2: a 4-3-1 network whose W[1] has the sparsity of a_1, a_2, a_3',
    quote: quoteOf('2/housing-a1', '2/housing-a2', '2/housing-a3', '2.3'),
    requires: ['forward'],
    activations: ['relu'],
    async run(ctx) {
      const naming: Naming = { z: (k, j) => (k === 1 ? HOUSING_UNITS[j - 1]! : '2.3'), a: (k, j) => (k === 1 ? HOUSING_UNITS[j - 1]! : '2.3'), output: '2.3' };
      const arb = fc.tuple(vectorArb(12), fc.array(vectorArb(4), { minLength: 1, maxLength: 3 }));
      const summary = await forAll(ctx, arb, async ([theta, xs]) => {
        for (const x of xs) await checkNamedForward(ctx, housingNetwork(theta), 'relu', x, naming);
      });
      return { status: 'pass', message: summary };
    },
  },
  {
    id: 'section2/two-layer',
    specIds: ['2.4', '2.5', '2/two-layer-aj', '2/two-layer-a', '2.6', '2/fig3-caption', '2.7', '2.8', '2.9', '2.10', '2/W2-def', '2.11'],
    title: 'fully-connected two-layer ReLU networks d-m-1, and the 4-3-1 network of eq. 2.4',
    quote: quoteOf('2.5', '2/two-layer-aj', '2.6', '2.11'),
    requires: ['forward'],
    activations: ['relu'],
    async run(ctx) {
      const naming: Naming = { z: (k) => (k === 1 ? '2.5' : '2.6'), a: (k) => (k === 1 ? '2/two-layer-aj' : '2.6'), output: '2.11' };
      const fullyConnected: Naming = { z: (k) => (k === 1 ? '2.4' : '2.6'), a: (k) => (k === 1 ? '2.4' : '2.6'), output: '2.6' };
      const xs = [
        [1.25, -0.5, 2, 0.75],
        [-1, 3, 0.25, -2],
      ];
      await forwardOnAll(ctx, [{ params: fixedParams([4, 3, 1]), xs, activation: 'relu', naming: fullyConnected }]);
      const arb = sizesArb({ minLayers: 2, maxLayers: 2, maxWidth: 5 }).chain((sizes) =>
        fc.tuple(paramsArb(sizes), fc.array(vectorArb(sizes[0]!), { minLength: 1, maxLength: 3 })),
      );
      const summary = await forAll(ctx, arb, async ([params, inputs]) => {
        for (const x of inputs) await checkNamedForward(ctx, params, 'relu', x, naming);
      });
      return { status: 'pass', message: `eq. 2.4 (4-3-1) on ${xs.length} inputs; d-m-1: ${summary}` };
    },
  },
  smoothCheck('sigmoid', '2.14'),
  smoothCheck('tanh', '2.15'),
  {
    id: 'section2/neuron-count',
    specIds: ['2/neuron-count', '2/layer-shapes'],
    title: 'forward returns m_k entries in z[k]: m_1 + ... + m_r neurons in all',
    quote: quoteOf('2/neuron-count'),
    requires: ['forward'],
    async run(ctx) {
      const activation = ctx.impl.activations[0]!;
      for (const sizes of LAYER_SIZES) {
        const request = { params: fixedParams(sizes), activation, x: Array.from({ length: sizes[0]! }, (_, i) => 0.5 - i / 4) };
        const got = await ctx.call('forward', request);
        const counts = sizes.slice(1).map((_, k) => entryCount(got.z?.[k]));
        const layer = counts.findIndex((c, k) => c !== sizes[k + 1]) + 1;
        const expected = sizes.slice(1).reduce((s, m) => s + m, 0);
        const total = counts.reduce((s, c) => s + c, 0);
        if (layer > 0 || entryCount(got.z) !== sizes.length - 1) {
          countFailure(
            '2/neuron-count',
            'forward',
            `neurons m_1 + ... + m_r (entries of z) for sizes ${sizes.join('-')}`,
            Math.max(layer, 1),
            expected,
            total,
            request,
          );
        }
      }
      return { status: 'pass', message: `sizes ${LAYER_SIZES.map((s) => s.join('-')).join(', ')}` };
    },
  },
  {
    id: 'section2/param-count',
    specIds: ['2/param-count', '2/layer-shapes', '3.3/param-count'],
    title: 'initialize returns (d + 1)m_1 + (m_1 + 1)m_2 + ... + (m_{r−1} + 1)m_r parameters (md + 2m + 1 for two layers)',
    quote: quoteOf('2/param-count', '3.3/param-count'),
    requires: ['initialize'],
    async run(ctx) {
      for (const sizes of LAYER_SIZES) {
        const request = { sizes, seed: ctx.seed };
        const theta = await ctx.call('initialize', request);
        const perLayer = sizes.slice(1).map((_, k) => {
          const W = theta.W?.[k];
          return (Array.isArray(W) ? W.reduce((s, row) => s + entryCount(row), 0) : 0) + entryCount(theta.b?.[k]);
        });
        const layer = perLayer.findIndex((c, k) => c !== sizes[k + 1]! * (sizes[k]! + 1)) + 1;
        if (layer > 0 || entryCount(theta.W) !== sizes.length - 1 || entryCount(theta.b) !== sizes.length - 1) {
          countFailure(
            sizes.length === 3 ? '3.3/param-count' : '2/param-count', // [d, m, 1]: Section 3.3's p = md + 2m + 1
            'initialize',
            `parameters (entries of W and b) for sizes ${sizes.join('-')}`,
            Math.max(layer, 1),
            parameterCount(sizes),
            perLayer.reduce((s, c) => s + c, 0),
            request,
          );
        }
      }
      return { status: 'pass', message: `sizes ${LAYER_SIZES.map((s) => `${s.join('-')} (${parameterCount(s)})`).join(', ')}` };
    },
  },
];
