/**
 * Identities the notes state or imply, checked on the implementation's OWN answers: two answers
 * that are the same exact quantity must agree (GD = mini-batch on all indices, a training run =
 * its steps, 'rows' = 'columns'ᵀ, ...), and formulas applied by the check to the implementation's
 * answers (eq. 2.21 on its a^{[r−1]}, the mean of its per-example gradients) must reproduce its
 * other answers. No reference value is used: tolerances are sums of the oracle's BOUNDS
 * (tolerances.ts#betweenAnswers) plus the check's own exact-then-rounded evaluation
 * (tolerances.ts#roundedOnceBound).
 */
import fc from 'fast-check';
import { type Exact, exact, plus, rounded, times, ZERO } from '../../numerics/binary64.js';
import { transpose } from '../../numerics/plain.js';
import { alphaArb, batchesArb, dataArb, type Problem, paramsArb, problemArb, sizesArb } from '../core/cases.js';
import { type Check, type CheckContext, supported } from '../core/check.js';
import type { Activation, DataSet, Matrix, NetParams, OperationName, Vector } from '../core/interface.js';
import { forAll, forNamedCases } from '../core/property.js';
import { quoteOf } from '../core/quote.js';
import { expectClose, expectMatrixClose, expectParamsClose, expectVectorClose, type Site } from '../oracles/compare.js';
import { type Expected, expectForward, expectForwardBatch, expectGradient, expectMeanGradient, expectStep, expectTraining } from '../oracles/oracle.js';
import { betweenAnswers, roundedOnceBound } from '../oracles/tolerances.js';
import { paramSites } from './section1/optimizers.js';

// ---- Exact arithmetic on binary64 values (numerics/binary64.ts): n·2^-s, rounded once by `rounded`. ----

/** Σ_j row_j·v_j + c, exactly. */
const affine = (row: Vector, v: readonly Exact[], c: Exact = ZERO): Exact => row.reduce((s, w, j) => plus(s, times(exact(w), v[j]!)), c);

/** The check's exact value rounded once, with its rounding bound added to `bound`. */
const checkValue = (a: Exact, bound: number, divisor = 1): Expected<number> => {
  const value = rounded(a, divisor);
  return { value, bound: bound + roundedOnceBound(value) };
};

// ---- Validating answers that become one side of an identity. ----

/**
 * An answer that the check computes with (or compares against) must have the expected shape and
 * finite entries; its VALUE is judged by the direct checks. Infinite bounds make compare.ts
 * check exactly that: shape and finiteness, entry by entry, with the site named.
 */
const unbounded = <T>(value: T): T => JSON.parse(JSON.stringify(value), (_, v: unknown) => (typeof v === 'number' ? Infinity : v)) as T;

function expectShapedVector(site: Site, like: readonly number[], got: unknown): asserts got is number[] {
  expectVectorClose(site, { value: [...like], bound: unbounded([...like]) }, got);
}
function expectShapedMatrix(site: Site, like: Matrix, got: unknown): asserts got is number[][] {
  const value = like.map((row) => [...row]);
  expectMatrixClose(site, { value, bound: unbounded(value) }, got);
}
function expectShapedParams(sites: (which: 'W' | 'b', k: number) => Site, like: NetParams, got: unknown): asserts got is NetParams {
  expectParamsClose(sites, { value: like, bound: unbounded(like) }, got);
}

/** A θ-shaped structure built entry by entry; `pick` reads the same entry of any θ-shaped value. */
function perEntry<T>(like: NetParams, f: (pick: (p: NetParams) => number) => T): { W: T[][][]; b: T[][] } {
  return {
    W: like.W.map((W, k) => W.map((row, i) => row.map((_, j) => f((p) => p.W[k]![i]![j]!)))),
    b: like.b.map((v, k) => v.map((_, i) => f((p) => p.b[k]![i]!))),
  };
}
const sumBounds = (a: NetParams, b: NetParams): NetParams => perEntry(a, (pick) => betweenAnswers(pick(a), pick(b)));
const plain = (p: NetParams): NetParams => ({ W: p.W.map((W) => W.map((row) => [...row])), b: p.b.map((b) => [...b]) });
const allIndices = (data: DataSet): number[] => data.y.map((_, i) => i);

// ---- Eq. 2.16-2.21: the forward pass seen from its own intermediate values. ----

/** W̃ = W^{[r]}···W^{[1]} (1×d) and b̃ = Σ_k W^{[r]}···W^{[k+1]}b^{[k]}: h_θ(x) = W̃x + b̃ exactly, for σ(z) = z. */
function collapsed(params: NetParams): { W: Exact[]; b: Exact } {
  const r = params.W.length;
  let P: Exact[] = [{ n: 1n, s: 0 }];
  let b = exact(params.b[r - 1]![0]!);
  for (let k = r; k >= 1; k--) {
    const W = params.W[k - 1]!;
    if (k < r)
      b = plus(
        b,
        P.reduce((s, p, i) => plus(s, times(p, exact(params.b[k - 1]![i]!))), ZERO),
      );
    P = W[0]!.map((_, j) => P.reduce((s, p, i) => plus(s, times(p, exact(W[i]![j]!))), ZERO));
  }
  return { W: P, b };
}

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
  const { W, b } = collapsed(params);
  const linear = affine(x, W, b);
  expectClose(
    site(zeroBiasTwoLayer ? '2.19' : '2.20', zeroBiasTwoLayer ? 'h_θ(x) vs W[2]W[1]x' : 'h_θ(x) vs W̃x + b̃ (W̃ = W[r]···W[1])'),
    checkValue(linear, e.output.bound),
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

// ---- Section 1: gradients and steps against each other. ----

/**
 * 1/dataset-gradient: meanGradient over all n indices against (1/n) Σ_i of the implementation's own
 * per-example gradients, summed exactly and rounded once; tolerance E_mean + (1/n) Σ_i E_i + rounding.
 */
async function checkDatasetGradientOn(ctx: CheckContext, { params, activation, data }: Problem): Promise<void> {
  const n = data.y.length;
  const request = { params, activation, data, batch: allIndices(data) };
  const M = await ctx.call('meanGradient', request);
  const perExample: NetParams[] = [];
  let bound = expectMeanGradient(ctx.tolerance, params, activation, data, request.batch).bound;
  for (const [i, x] of data.X.entries()) {
    const gradientRequest = { params, activation, x, y: data.y[i]! };
    const e = expectGradient(ctx.tolerance, params, activation, x, data.y[i]!);
    const g = await ctx.call('gradient', gradientRequest);
    expectShapedParams(paramSites('1/dataset-gradient', 'gradient', { operation: 'gradient', request: gradientRequest }, '∂J/∂'), e.value, g);
    perExample.push(g);
    const total = bound;
    bound = perEntry(total, (pick) => betweenAnswers(pick(total), pick(e.bound) / n));
  }
  const means = perEntry(bound, (pick) =>
    checkValue(
      perExample.reduce((s, g) => plus(s, exact(pick(g))), ZERO),
      pick(bound),
      n,
    ),
  );
  const expected: Expected<NetParams> = {
    value: { W: means.W.map((W) => W.map((row) => row.map((m) => m.value))), b: means.b.map((v) => v.map((m) => m.value)) },
    bound: { W: means.W.map((W) => W.map((row) => row.map((m) => m.bound))), b: means.b.map((v) => v.map((m) => m.bound)) },
  };
  expectParamsClose(paramSites('1/dataset-gradient', 'meanGradient', { operation: 'meanGradient', request }, '∂J/∂'), expected, M);
}

/** Two θ-shaped answers to the same update: `other` (validated first) is the expected side, `got` is judged. */
function expectSameUpdate(
  specId: string,
  operation: OperationName,
  request: unknown,
  otherOperation: OperationName,
  otherRequest: unknown,
  bound: NetParams,
  other: unknown,
  got: unknown,
): void {
  expectShapedParams(paramSites(specId, otherOperation, { operation: otherOperation, request: otherRequest }), bound, other);
  expectParamsClose(paramSites(specId, operation, { operation, request }), { value: other, bound: sumBounds(bound, bound) }, got);
}

interface StepProblem extends Problem {
  readonly index: number;
  readonly alpha: number;
}

const stepProblemArb = (activations: readonly Activation[]): fc.Arbitrary<StepProblem> =>
  problemArb(activations).chain((p) =>
    fc.record({
      params: fc.constant(p.params),
      activation: fc.constant(p.activation),
      data: fc.constant(p.data),
      index: fc.integer({ min: 0, max: p.data.y.length - 1 }),
      alpha: alphaArb,
    }),
  );

// ---- Section 4: the batch forward against itself and against the per-example forward. ----

async function checkRowsAreColumnsOn(ctx: CheckContext, p: Problem): Promise<void> {
  const { params, activation } = p;
  const examples = p.data.X.map((x) => [...x]);
  const rowsRequest = { params, activation, layout: 'rows' as const, X: examples };
  const columnsRequest = { params, activation, layout: 'columns' as const, X: transpose(examples) };
  const rows = await ctx.call('forwardBatch', rowsRequest);
  const columns = await ctx.call('forwardBatch', columnsRequest);
  const e = expectForwardBatch(ctx.tolerance, params, activation, examples);
  for (let k = 1; k <= params.W.length; k++) {
    for (const q of ['Z', 'A'] as const) {
      const E = e[q][k - 1]!;
      const columnSite: Site = {
        specId: '4/row-major-conversion',
        operation: 'forwardBatch',
        quantity: `${q}[${k}] (columns)`,
        layer: k,
        reproducer: { operation: 'forwardBatch', request: columnsRequest },
      };
      const C = columns[q]?.[k - 1];
      expectShapedMatrix(columnSite, transpose(E.value), C);
      const site: Site = {
        specId: '4/row-major-conversion',
        operation: 'forwardBatch',
        quantity: `${q}[${k}] (rows) vs ${q}[${k}]ᵀ (columns)`,
        layer: k,
        reproducer: { operation: 'forwardBatch', request: rowsRequest },
      };
      expectMatrixClose(site, { value: transpose(C), bound: E.bound.map((row) => row.map((b) => betweenAnswers(b, b))) }, rows[q]?.[k - 1], `B x m${k}`);
    }
  }
}

async function checkColumnIsForwardOn(ctx: CheckContext, p: Problem): Promise<void> {
  const { params, activation } = p;
  const examples = p.data.X.map((x) => [...x]);
  const request = { params, activation, layout: 'columns' as const, X: transpose(examples) };
  const reproducer = { operation: 'forwardBatch' as const, request };
  const batch = await ctx.call('forwardBatch', request);
  const e = expectForwardBatch(ctx.tolerance, params, activation, examples);
  const layers = Array.from({ length: params.W.length }, (_, i) => i + 1);
  const columnSite = (Q: 'Z' | 'A', k: number): Site => ({
    specId: k === 1 && Q === 'Z' ? '4/per-example-z' : '4/multi-layer',
    operation: 'forwardBatch',
    quantity: `${Q}[${k}]`,
    layer: k,
    reproducer,
  });
  for (const k of layers) for (const Q of ['Z', 'A'] as const) expectShapedMatrix(columnSite(Q, k), transpose(e[Q][k - 1]!.value), batch[Q]?.[k - 1]);
  for (const [i, x] of examples.entries()) {
    const forwardRequest = { params, activation, x };
    const one = await ctx.call('forward', forwardRequest);
    const f = expectForward(ctx.tolerance, params, activation, x);
    for (const k of layers) {
      for (const [q, Q] of [
        ['z', 'Z'],
        ['a', 'A'],
      ] as const) {
        const single = one[q]?.[k - 1];
        expectShapedVector(
          { ...columnSite(Q, k), operation: 'forward', quantity: `${q}[${k}]`, reproducer: { operation: 'forward', request: forwardRequest } },
          f[q][k - 1]!.value,
          single,
        );
        const bound = f[q][k - 1]!.bound.map((b, j) => betweenAnswers(b, e[Q][k - 1]!.bound[i]![j]!));
        const column = batch[Q][k - 1]!.map((row) => row[i]);
        expectVectorClose(
          { ...columnSite(Q, k), quantity: `${Q}[${k}] column ${i + 1} vs ${q}[${k}] of forward(x^{(${i + 1})})` },
          { value: single, bound },
          column,
        );
      }
    }
  }
}

// ---- The checks. ----

/** Two-layer networks d-m-1 with b^{[1]} = 0, b^{[2]} = 0 (the setting of eq. 2.16-2.19). */
const zeroBiasTwoLayerArb = sizesArb({ minLayers: 2, maxLayers: 2 }).chain((sizes) =>
  fc.record({ params: paramsArb(sizes).map((p) => ({ W: p.W, b: p.b.map((b) => b.map(() => 0)) })), data: dataArb(sizes[0]!, 3) }),
);

export const identityChecks: Check[] = [
  {
    id: 'identities/identity-collapse',
    specIds: ['2.16', '2.17', '2.18', '2.19', '2.20'],
    title: 'with σ(z) = z the network is one linear map: h_θ(x) = W̃x + b̃, W̃ = W[r]···W[1]',
    quote: quoteOf('2.16', '2.17', '2.18', '2.19', '2.20'),
    requires: ['forward'],
    activations: ['identity'],
    async run(ctx) {
      const twoLayer = await forAll(ctx, zeroBiasTwoLayerArb, async (c) => {
        for (const x of c.data.X) await checkCollapseOn(ctx, c.params, x, true);
      });
      const deep = await forAll(ctx, problemArb(['identity'], { maxLayers: 5 }), async (p) => {
        for (const x of p.data.X) await checkCollapseOn(ctx, p.params, x, false);
      });
      return { status: 'pass', message: `zero-bias two-layer (2.16-2.19): ${twoLayer}; depth 1-5 with biases (2.20): ${deep}` };
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
  {
    id: 'identities/dataset-gradient',
    specIds: ['1/dataset-gradient', '1.3'],
    title: 'the mean gradient over all n examples is the mean of the per-example gradients',
    quote: quoteOf('1/dataset-gradient'),
    requires: ['meanGradient', 'gradient'],
    async run(ctx) {
      const summary = await forAll(ctx, problemArb(supported(ctx)), (p) => checkDatasetGradientOn(ctx, p));
      return { status: 'pass', message: summary };
    },
  },
  {
    id: 'identities/gd-is-minibatch',
    specIds: ['1.3', '1.5'],
    title: 'a GD step is the mini-batch step on all n indices',
    // Hand-written: the identity between eq. 1.3 and eq. 1.5 with B = n that this check tests; the inventory states each alone.
    quote: 'θ − α∇J(θ) = θ − (α/n) Σ_{i=1}^{n} ∇J^{(i)}(θ)',
    requires: ['gdStep', 'minibatchStep'],
    async run(ctx) {
      const summary = await forAll(ctx, stepProblemArb(supported(ctx)), async ({ params, activation, data, alpha }) => {
        const gdRequest = { params, activation, data, alpha };
        const mbRequest = { ...gdRequest, batch: allIndices(data) };
        const bound = expectStep(ctx.tolerance, params, activation, data, mbRequest.batch, alpha).bound;
        expectSameUpdate(
          '1.3',
          'gdStep',
          gdRequest,
          'minibatchStep',
          mbRequest,
          bound,
          await ctx.call('minibatchStep', mbRequest),
          await ctx.call('gdStep', gdRequest),
        );
      });
      return { status: 'pass', message: summary };
    },
  },
  {
    id: 'identities/sgd-is-minibatch',
    specIds: ['1.4', '1.5', 'alg1.line4'],
    title: 'an SGD step on example j is the mini-batch step on the batch [j]',
    // Hand-written: the identity between eq. 1.4 and eq. 1.5 with B = 1 that this check tests; the inventory states each alone.
    quote: 'θ − α∇J^{(j)}(θ) = θ − (α/1) Σ_{k=1}^{1} ∇J^{(j_k)}(θ), j_1 = j',
    requires: ['sgdStep', 'minibatchStep'],
    async run(ctx) {
      const summary = await forAll(ctx, stepProblemArb(supported(ctx)), async ({ params, activation, data, alpha, index }) => {
        const sgdRequest = { params, activation, data, alpha, index };
        const mbRequest = { params, activation, data, alpha, batch: [index] };
        const bound = expectStep(ctx.tolerance, params, activation, data, [index], alpha).bound;
        expectSameUpdate(
          '1.4',
          'sgdStep',
          sgdRequest,
          'minibatchStep',
          mbRequest,
          bound,
          await ctx.call('minibatchStep', mbRequest),
          await ctx.call('sgdStep', sgdRequest),
        );
      });
      return { status: 'pass', message: summary };
    },
  },
  {
    id: 'identities/train-is-steps',
    specIds: ['alg2.line3', 'alg1.line3', '1.5'],
    title: 'a training run on given batches is its mini-batch steps in sequence',
    quote: quoteOf('alg2.line3', '1.5'),
    requires: ['train', 'minibatchStep'],
    async run(ctx) {
      const arb = problemArb(supported(ctx), { maxLayers: 3 }).chain((p) =>
        fc.record({ p: fc.constant(p), batches: batchesArb(p.data.y.length), alpha: alphaArb }),
      );
      const summary = await forAll(ctx, arb, async ({ p, batches, alpha }) => {
        const { activation, data } = p;
        const trainRequest = { params: p.params, activation, data, alpha, batches };
        const expected = expectTraining(ctx.tolerance, p.params, activation, data, batches, alpha).params;
        let theta: NetParams = p.params;
        for (const [t, batch] of batches.entries()) {
          const request = { params: theta, activation, data, alpha, batch };
          const next = await ctx.call('minibatchStep', request);
          expectShapedParams(paramSites('alg2.line3', 'minibatchStep', { operation: 'minibatchStep', request }), expected[t]!.value, next);
          theta = next;
        }
        const run = await ctx.call('train', trainRequest);
        const bound = expected[expected.length - 1]!.bound;
        expectParamsClose(
          paramSites('alg2.line3', 'train', { operation: 'train', request: trainRequest }),
          { value: plain(theta), bound: sumBounds(bound, bound) },
          run.params,
        );
      });
      return { status: 'pass', message: summary };
    },
  },
  {
    id: 'identities/rows-transpose-columns',
    specIds: ['4/row-major-conversion', '4.4', '4.1'],
    title: "forwardBatch in layout 'rows' is the transpose of layout 'columns', layer by layer",
    // Hand-written: the forward half of 4/row-major-conversion with Z^{[k]ᵀ} written out, the identity this check tests (the inventory's entry also states the backward pass).
    quote: 'Z_row^{[k]} = A_row^{[k−1]}W^{[k]ᵀ} + 1_B b^{[k]ᵀ} = (W^{[k]}A^{[k−1]} + b^{[k]}1_Bᵀ)ᵀ',
    requires: ['forwardBatch'],
    async run(ctx) {
      const summary = await forAll(ctx, problemArb(supported(ctx)), (p) => checkRowsAreColumnsOn(ctx, p));
      const named = await forNamedCases(ctx, (c) => checkRowsAreColumnsOn(ctx, c));
      return { status: 'pass', message: `${summary}; ${named}` };
    },
  },
  {
    id: 'identities/batch-column-is-forward',
    specIds: ['4/per-example-z', '4.2', '4/multi-layer'],
    title: 'column i of forwardBatch (layout columns) is forward on example i, every layer',
    quote: quoteOf('4/per-example-z', '4.2'),
    requires: ['forwardBatch', 'forward'],
    async run(ctx) {
      const summary = await forAll(ctx, problemArb(supported(ctx)), (p) => checkColumnIsForwardOn(ctx, p));
      return { status: 'pass', message: summary };
    },
  },
];
