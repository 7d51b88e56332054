/** Identities of Section 1 on the implementation's own answers: the dataset gradient is the mean, GD and SGD are mini-batch steps, a run is its steps (checks/identityHelpers.ts says how they are judged). */
import fc from 'fast-check';
import { exact, plus, ZERO } from '../../../numerics/binary64.js';
import { alphaArb, batchesArb, type Problem, problemArb } from '../../core/cases.js';
import { type Check, type CheckContext, supported } from '../../core/check.js';
import type { Activation, NetParams, OperationName } from '../../core/interface.js';
import { forAll } from '../../core/property.js';
import { quoteOf } from '../../core/quote.js';
import { expectParamsClose } from '../../oracles/compare.js';
import { type Expected, expectGradient, expectMeanGradient, expectStep, expectTraining } from '../../oracles/oracle.js';
import { betweenAnswers } from '../../oracles/tolerances.js';
import { allIndices, checkValue, expectShapedParams, perEntry, plain, sumBounds } from '../identityHelpers.js';
import { paramSites } from '../section1/optimizers.js';

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

export const section1Identities: Check[] = [
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
];
