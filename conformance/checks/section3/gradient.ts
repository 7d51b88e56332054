/**
 * Checks of Algorithm 5 (one example, operation `gradient`) and of eq. 1.5's mean gradient
 * (operation `meanGradient`): against the reference oracle within the implementation's bounds,
 * against finite differences of the implementation's own loss (which does not trust the
 * reference), and against the true gradient of the float64 inputs (64-digit BigNumber).
 */
import fc from 'fast-check';
import { columnVector } from '../../../reference/matrix.js';
import { highPrecisionGradient } from '../../../reference/testing/highPrecision.js';
import { toParams } from '../../adapters/reference.js';
import { batchArb, fixedParams, namedCases, type Problem, problemArb } from '../../core/cases.js';
import { type Check, type CheckContext, type Reproducer, supported } from '../../core/check.js';
import type { Activation, DataSet, NetParams, Vector } from '../../core/interface.js';
import { forAll, forNamedCases } from '../../core/property.js';
import { quoteOf } from '../../core/quote.js';
import { expectClose, expectParamsClose, type Site } from '../../oracles/compare.js';
import { checkGradientByFiniteDifferences, type FdSummary, type GradientSites } from '../../oracles/finiteDifferences.js';
import { type Expected, expectGradient, expectMeanGradient } from '../../oracles/oracle.js';

/** Algorithm 5's lines: ∂J/∂b^{[r]} = δ^{[r]} (line 2), ∂J/∂b^{[k]} = δ^{[k]} for k < r (line 4), ∂J/∂W^{[k]} = δ^{[k]}a^{[k−1]ᵀ} (line 5, eq. 3.13). */
export function alg5Sites(r: number): GradientSites {
  return (which, k, reproducer) => ({
    specId: which === 'W' ? 'alg5.line5' : k === r ? 'alg5.line2' : 'alg5.line4',
    operation: 'gradient',
    quantity: `∂J/∂${which}[${k}]`,
    layer: k,
    ...(reproducer && { reproducer }),
  });
}

/** Calls `gradient` on (θ, σ, x, y) and compares every ∂J/∂b^{[k]}, ∂J/∂W^{[k]} (k = r..1) with the reference's, naming `sites`. */
export async function checkGradientOn(
  ctx: CheckContext,
  params: NetParams,
  activation: Activation,
  x: Vector,
  y: number,
  sites: GradientSites = alg5Sites(params.W.length),
): Promise<void> {
  const request = { params, activation, x, y };
  const reproducer: Reproducer = { operation: 'gradient', request };
  const got = await ctx.call('gradient', request);
  expectParamsClose((which, k) => sites(which, k, reproducer), expectGradient(ctx.tolerance, params, activation, x, y), got);
}

/** Every example of a problem through checkGradientOn. */
async function checkProblem(ctx: CheckContext, p: Problem, sites?: GradientSites): Promise<void> {
  for (const [i, x] of p.data.X.entries()) await checkGradientOn(ctx, p.params, p.activation, x, p.data.y[i]!, sites);
}

/** Eq. 1.5 over `batch`: (1/B) Σ_k ∇J^{(j_k)}, every entry named as eq. 1.5. */
export async function checkMeanGradientOn(
  ctx: CheckContext,
  params: NetParams,
  activation: Activation,
  data: DataSet,
  batch: readonly number[],
): Promise<void> {
  const request = { params, activation, data, batch };
  const reproducer: Reproducer = { operation: 'meanGradient', request };
  const got = await ctx.call('meanGradient', request);
  const site = (which: 'W' | 'b', k: number): Site => ({
    specId: '1.5',
    operation: 'meanGradient',
    quantity: `(1/B)Σ∂J^{(j)}/∂${which}[${k}]`,
    layer: k,
    reproducer,
  });
  expectParamsClose(site, expectMeanGradient(ctx.tolerance, params, activation, data, batch), got);
}

/**
 * 3/unreached-zero-gradient (footnote 4): where x_ℓ = 0, J does not depend on column ℓ of W^{[1]}
 * (it enters only as W^{[1]}_{jℓ}·0), so that column of ∂J/∂W^{[1]} is zero, against the oracle's
 * value 0 and bound (an exact 0 wherever the bound is 0).
 */
async function checkUnreachedOn(ctx: CheckContext, params: NetParams, activation: Activation, x: Vector, y: number): Promise<number> {
  const request = { params, activation, x, y };
  const got = await ctx.call('gradient', request);
  const e = expectGradient(ctx.tolerance, params, activation, x, y);
  const site: Site = {
    specId: '3/unreached-zero-gradient',
    operation: 'gradient',
    quantity: '∂J/∂W[1] where x_ℓ = 0',
    layer: 1,
    reproducer: { operation: 'gradient', request },
  };
  const zeros = x.flatMap((v, l) => (v === 0 ? [l] : []));
  for (const [j, row] of e.value.W[0]!.entries()) {
    for (const l of zeros) expectClose(site, { value: row[l]!, bound: e.bound.W[0]![j]![l]! }, got.W?.[0]?.[j]?.[l], [j + 1, l + 1]);
  }
  return zeros.length;
}

/** Small networks for finite differences: each direction costs 4 loss calls, each coordinate of the fallback 4 more. */
const FD_SHAPES = { maxLayers: 3, maxWidth: 3, maxExamples: 2 };

const describeFd = (s: { cases: number; skipped: number; directions: number; kinks: number; retried: number; fellBack: number }): string =>
  `${s.cases} examples, ${s.directions} directions (${s.kinks} across a ReLU kink, ${s.retried} at the smaller step, ${s.fellBack} fast-mode failures settled coordinate by coordinate)` +
  (s.skipped > 0 ? `; ${s.skipped} examples with two units on a kink at once left out (finite differences cannot judge there)` : '');

/**
 * The high-precision cases: tiny networks (the BigNumber differences cost 2 forward passes per
 * parameter at 64 digits) with no pre-activation near 0 (the central difference at h = 1e-25 is
 * the true derivative only away from kinks; gradient.test.ts checks |z| > 0.01).
 */
export function highPrecisionCases(activations: readonly Activation[]): { params: NetParams; activation: Activation; x: number[]; y: number }[] {
  const shapes: Record<Activation, number[]> = { relu: [2, 3, 1], sigmoid: [2, 2, 1], tanh: [1, 2, 2, 1], identity: [3, 2, 1] };
  return activations.map((activation) => {
    const sizes = shapes[activation];
    return { params: fixedParams(sizes), activation, x: Array.from({ length: sizes[0]! }, (_, i) => 0.7 - 0.45 * i), y: 0.3 };
  });
}

const trueGradients = new Map<string, NetParams>();
/** ∇J of the float64 inputs to 64 digits (reference/testing/highPrecision.ts), computed once per case. */
function trueGradient(c: ReturnType<typeof highPrecisionCases>[number]): NetParams {
  const key = JSON.stringify(c);
  let g = trueGradients.get(key);
  if (g === undefined) {
    const hp = highPrecisionGradient(toParams(c.params), columnVector(c.x), c.y, c.activation);
    g = { W: hp.W, b: hp.b.map((col) => col.map((row) => row[0]!)) };
    trueGradients.set(key, g);
  }
  return g;
}

/** max over entries of |got − true| / bound. */
function worstRatio(got: NetParams, truth: NetParams, bound: NetParams): number {
  const ratios = [
    ...truth.W.flatMap((M, k) => M.flatMap((row, i) => row.map((v, j) => Math.abs(got.W[k]![i]![j]! - v) / bound.W[k]![i]![j]!))),
    ...truth.b.flatMap((v, k) => v.map((t, i) => Math.abs(got.b[k]![i]! - t) / bound.b[k]![i]!)),
  ];
  return Math.max(0, ...ratios.filter((x) => !Number.isNaN(x)));
}

const ALG5_IDS = ['alg5.line1', 'alg5.line2', 'alg5.line3', 'alg5.line4', 'alg5.line5', '3.13', '3.14', '3.16', '3.5/backward-order'];
/** Hand-written: Algorithm 5 lines 2, 4, 5 with the σ' of eq. 3.15 for every activation the checks run, where the inventory writes the notes' ReLU'. */
const ALG5_QUOTE = "δ^{[r]} = z^{[r]} − y; δ^{[k]} = (W^{[k+1]ᵀ}δ^{[k+1]}) ⊙ σ'(z^{[k]}); ∂J/∂W^{[k+1]} = δ^{[k+1]}a^{[k]ᵀ}, ∂J/∂b^{[k+1]} = δ^{[k+1]}";

export const gradientChecks: Check[] = [
  {
    id: 'gradient/random',
    specIds: ALG5_IDS,
    title: 'Algorithm 5 on random networks: every ∂J/∂W[k], ∂J/∂b[k] against the reference',
    quote: ALG5_QUOTE,
    requires: ['gradient'],
    async run(ctx) {
      return { status: 'pass', message: await forAll(ctx, problemArb(supported(ctx)), (p) => checkProblem(ctx, p)) };
    },
  },
  {
    id: 'gradient/named-cases',
    specIds: ALG5_IDS,
    title: 'Algorithm 5 on non-square, width-1, depth-1, depth-5 and n≠B≠m networks',
    quote: ALG5_QUOTE,
    requires: ['gradient'],
    async run(ctx) {
      return { status: 'pass', message: await forNamedCases(ctx, (c) => checkProblem(ctx, c)) };
    },
  },
  {
    id: 'gradient/finite-differences',
    specIds: ['3.3', '1.1', 'alg5.line2', 'alg5.line4', 'alg5.line5', '3.16'],
    title: "Algorithm 5 against central differences of the implementation's own loss (no reference values)",
    // The inventory's eq. 3.3, plus the central difference this check compares it with (not a statement of the notes).
    quote: `${quoteOf('3.3')} ≈ (J(θ + h e_i) − J(θ − h e_i)) / 2h`,
    requires: ['gradient', 'loss'],
    async run(ctx) {
      const total = { cases: 0, skipped: 0, directions: 0, kinks: 0, retried: 0, fellBack: 0 };
      const add = (s: FdSummary) => {
        if (s.skipped) return void total.skipped++;
        total.cases++;
        total.directions += s.directions;
        total.kinks += s.kinks;
        total.retried += s.retried;
        total.fellBack += s.fellBack;
      };
      const summary = await forAll(ctx, problemArb(supported(ctx), FD_SHAPES), async (p) => {
        for (const [i, x] of p.data.X.entries()) {
          add(await checkGradientByFiniteDifferences(ctx, { params: p.params, activation: p.activation, x, y: p.data.y[i]! }, alg5Sites(p.params.W.length)));
        }
      });
      return { status: 'pass', message: `${summary}: ${describeFd(total)}` };
    },
  },
  {
    id: 'gradient/high-precision',
    specIds: ['alg5.line2', 'alg5.line4', 'alg5.line5', '3.3'],
    title: 'Algorithm 5 against the true gradient (64-digit BigNumber central differences), error in units of the bound',
    // Hand-written: what the oracle of this check computes, not a statement of the notes.
    quote: '∇_θ J^{(i)}(θ) of the float64 inputs, to 64 digits',
    requires: ['gradient'],
    async run(ctx) {
      let worst = 0;
      const cases = highPrecisionCases(supported(ctx));
      for (const c of cases) {
        const request = { params: c.params, activation: c.activation, x: c.x, y: c.y };
        const got = await ctx.call('gradient', request);
        // The true value's own error (64 digits, h = 1e-25, then one rounding to binary64) is within the reference's 2^-53 share of the bound.
        const bound = expectGradient(ctx.tolerance, c.params, c.activation, c.x, c.y).bound;
        const truth: Expected<NetParams> = { value: trueGradient(c), bound };
        const sites = alg5Sites(c.params.W.length);
        expectParamsClose((which, k) => sites(which, k, { operation: 'gradient', request }), truth, got);
        worst = Math.max(worst, worstRatio(got, truth.value, bound));
      }
      return {
        status: 'pass',
        message: `${cases.length} networks (${supported(ctx).join(', ')}): max |error vs the true gradient| = ${worst.toPrecision(3)} of the bound (above 1 fails)`,
      };
    },
  },
  {
    id: 'gradient/mean',
    specIds: ['1.5', '4/multi-layer', '1/dataset-gradient'],
    title: 'mean gradient (1/B)Σ∇J^{(j_k)} on random batches, and on the whole data set',
    quote: quoteOf('1.5', '1/dataset-gradient'),
    requires: ['meanGradient'],
    async run(ctx) {
      const arb = problemArb(supported(ctx), { maxExamples: 6 }).chain((p) => fc.record({ p: fc.constant(p), batch: batchArb(p.data.y.length) }));
      const summary = await forAll(ctx, arb, ({ p, batch }) => checkMeanGradientOn(ctx, p.params, p.activation, p.data, batch));
      for (const activation of supported(ctx)) {
        const c = namedCases(activation).find((n) => n.name === 'n≠B≠m')!;
        await checkMeanGradientOn(
          ctx,
          c.params,
          activation,
          c.data,
          c.data.y.map((_, i) => i),
        );
        await checkMeanGradientOn(ctx, c.params, activation, c.data, [4, 0, 6]);
      }
      return { status: 'pass', message: `${summary}; the n≠B≠m case with B = n (eq. 1.3's gradient) and B = 3` };
    },
  },
  {
    id: 'gradient/unreached-zero',
    specIds: ['3/unreached-zero-gradient'],
    title: 'where x_ℓ = 0 the loss does not depend on column ℓ of W[1]: that column of ∂J/∂W[1] is zero (footnote 4)',
    quote: quoteOf('3/unreached-zero-gradient'),
    requires: ['gradient'],
    async run(ctx) {
      let columns = 0;
      const summary = await forAll(ctx, problemArb(supported(ctx)), async (p) => {
        for (const [i, x] of p.data.X.entries()) {
          // every example gets a zero coordinate (x_1 := 0 where it has none): the case the footnote is about
          columns += await checkUnreachedOn(ctx, p.params, p.activation, x.includes(0) ? x : [0, ...x.slice(1)], p.data.y[i]!);
        }
      });
      return { status: 'pass', message: `${summary}: ${columns} zero coordinates x_ℓ, each column of ∂J/∂W[1] zero` };
    },
  },
];
