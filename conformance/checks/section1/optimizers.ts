/**
 * Checks of the optimizers of Section 1 through gdStep (eq. 1.3), sgdStep (eq. 1.4, Algorithm 1
 * line 4), minibatchStep (eq. 1.5, Algorithm 2 line 4) and train (Algorithm 2's loop, line 3, on
 * given batches): θ after each step against the oracle's eq. 1.5 within the implementation's
 * bounds, and the caller's θ left untouched (a step returns a new θ).
 */
import fc from 'fast-check';
import { alphaArb, batchArb, batchesArb, fixedParams, type Problem, problemArb } from '../../core/cases.js';
import { type Check, type CheckContext, CheckFailure, type Reproducer, supported } from '../../core/check.js';
import type { Activation, DataSet, NetParams, OperationName } from '../../core/interface.js';
import { forAll, forNamedCases } from '../../core/property.js';
import { quoteOf } from '../../core/quote.js';
import { expectParamsClose, expectVectorClose, type Site } from '../../oracles/compare.js';
import { expectStep, expectTraining } from '../../oracles/oracle.js';

type StepOperation = 'gdStep' | 'sgdStep' | 'minibatchStep';

/** The equation each operation implements. */
const EQUATION: Record<StepOperation | 'train', string> = { gdStep: '1.3', sgdStep: '1.4', minibatchStep: '1.5', train: 'alg2.line3' };

/** Names W^{[k]} or b^{[k]} of a θ-shaped answer (θ after an update; a gradient with prefix '∂J/∂'), in the equation of the operation. */
export function paramSites(specId: string, operation: OperationName, reproducer?: Reproducer, prefix = ''): (which: 'W' | 'b', k: number) => Site {
  return (which, k) => ({ specId, operation, quantity: `${prefix}${which}[${k}]`, layer: k, ...(reproducer && { reproducer }) });
}

/**
 * Eq. 1.3-1.5 define θ := θ − ..., a new value: an operation that writes into the θ of its request
 * aliases the caller's parameters (the next step, or the caller's θ_0, silently changes).
 * `before` is a copy of the request's θ taken before the call.
 */
export function expectUnchanged(specId: string, operation: OperationName, before: NetParams, after: NetParams, reproducer: Reproducer): void {
  for (let k = before.W.length; k >= 1; k--) {
    const entries: [string, readonly (readonly number[])[], readonly (readonly number[])[] | undefined][] = [
      ['b', [before.b[k - 1]!], after.b[k - 1] && [after.b[k - 1]!]],
      ['W', before.W[k - 1]!, after.W[k - 1]],
    ];
    for (const [which, was, now] of entries) {
      was.forEach((row, i) =>
        row.forEach((v, j) => {
          const got = now?.[i]?.[j];
          if (Object.is(got, v)) return;
          const element = which === 'b' ? [j + 1] : [i + 1, j + 1];
          throw new CheckFailure(
            `${specId}: ${operation} wrote into the θ of its request: ${which}[${k}] entry (${element.join(',')}) was ${v}, is now ${String(got)} (an update returns a new θ; writing in place aliases the caller's parameters)`,
            { specId, operation, quantity: `${which}[${k}] of the request`, layer: k, element, expected: v, got: typeof got === 'number' ? got : String(got) },
            reproducer,
          );
        }),
      );
    }
  }
}

/** One update of θ on `batch` (GD: all indices; SGD: one index). */
export interface StepCase extends Problem {
  readonly batch: readonly number[];
  readonly alpha: number;
}

const allIndices = (data: DataSet): number[] => data.y.map((_, i) => i);

/** Calls one step operation on a step case; returns the answer and the request (the reproducer). */
async function callStep(ctx: CheckContext, operation: StepOperation, c: StepCase): Promise<{ got: unknown; reproducer: Reproducer }> {
  const base = { params: c.params, activation: c.activation, data: c.data, alpha: c.alpha };
  switch (operation) {
    case 'gdStep':
      return { got: await ctx.call('gdStep', base), reproducer: { operation, request: base } };
    case 'sgdStep': {
      const request = { ...base, index: c.batch[0]! };
      return { got: await ctx.call('sgdStep', request), reproducer: { operation, request } };
    }
    case 'minibatchStep': {
      const request = { ...base, batch: c.batch };
      return { got: await ctx.call('minibatchStep', request), reproducer: { operation, request } };
    }
  }
}

/** Calls one step operation and compares θ after it with eq. 1.5 on the same batch, layer by layer from r down. */
export async function checkStepOn(ctx: CheckContext, operation: StepOperation, c: StepCase): Promise<void> {
  const batch = operation === 'gdStep' ? allIndices(c.data) : operation === 'sgdStep' ? c.batch.slice(0, 1) : c.batch;
  const expected = expectStep(ctx.tolerance, c.params, c.activation, c.data, batch, c.alpha);
  const before = structuredClone(c.params) as NetParams;
  const { got, reproducer } = await callStep(ctx, operation, c);
  expectUnchanged(EQUATION[operation], operation, before, c.params, reproducer);
  expectParamsClose(paramSites(EQUATION[operation], operation, reproducer), expected, got);
}

/** A training run on given batches: Algorithm 2's loop (Algorithm 1's when every batch has one index). */
export interface TrainCase extends Problem {
  readonly batches: readonly (readonly number[])[];
  readonly alpha: number;
}

/**
 * Calls train and compares θ after the last iteration with the oracle's steps of eq. 1.5 (errors
 * carried from step to step), and J(θ) after each iteration when the implementation reports it.
 */
export async function checkTrainOn(ctx: CheckContext, c: TrainCase): Promise<void> {
  const expected = expectTraining(ctx.tolerance, c.params, c.activation, c.data, c.batches, c.alpha);
  const before = structuredClone(c.params) as NetParams;
  const request = { params: c.params, activation: c.activation, data: c.data, alpha: c.alpha, batches: c.batches };
  const reproducer: Reproducer = { operation: 'train', request };
  const got = await ctx.call('train', request);
  expectUnchanged(EQUATION.train, 'train', before, c.params, reproducer);
  expectParamsClose(paramSites(EQUATION.train, 'train', reproducer), expected.params[expected.params.length - 1]!, got.params);
  if (got.losses !== undefined) {
    const losses = { value: expected.losses.map((l) => l.value), bound: expected.losses.map((l) => l.bound) };
    expectVectorClose({ specId: EQUATION.train, operation: 'train', quantity: 'J(θ) (eq. 1.2) after each iteration', reproducer }, losses, got.losses);
  }
}

const stepArb = (activations: readonly Activation[], kind: 'one' | 'batch'): fc.Arbitrary<StepCase> =>
  problemArb(activations).chain((p) =>
    fc.record({
      params: fc.constant(p.params),
      activation: fc.constant(p.activation),
      data: fc.constant(p.data),
      batch: kind === 'one' ? fc.integer({ min: 0, max: p.data.y.length - 1 }).map((j) => [j]) : batchArb(p.data.y.length),
      alpha: alphaArb,
    }),
  );

const trainArb = (activations: readonly Activation[]): fc.Arbitrary<TrainCase> =>
  problemArb(activations, { maxLayers: 3 }).chain((p) =>
    fc.record({
      params: fc.constant(p.params),
      activation: fc.constant(p.activation),
      data: fc.constant(p.data),
      batches: batchesArb(p.data.y.length),
      alpha: alphaArb,
    }),
  );

/**
 * The hand-made batches on n examples: B = 1 (the last index), B = n in reverse order, and for
 * n ≥ 3 a batch of B = max(2, n − 3) with neighbours swapped (1, 0, 3, 2, ...): on the n≠B≠m
 * case (n = 7, widths 3, 5, 1) that is B = 4, out of order.
 */
function namedBatches(n: number): number[][] {
  const reversed = Array.from({ length: n }, (_, i) => n - 1 - i);
  const swapped = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? (i + 1 < n ? i + 1 : i) : i - 1));
  return [[n - 1], reversed, ...(n >= 3 ? [swapped.slice(0, Math.max(2, n - 3))] : [])];
}

/**
 * The multi-step case, built so that the classic loop bugs are far outside any tolerance:
 *  - a stale gradient (step t uses ∇J at θ_{t−1}) or a train that reuses θ_0 changes step t by
 *    α(∇J(θ_{t−1}) − ∇J(θ_t)) ≈ α²·H∇J ≠ 0: targets far from the initial outputs (|∇J| of order
 *    1), a loss curved in θ (depth 3: even with the identity activation J is a polynomial of
 *    degree 6 in θ) and α = 0.1 (small enough that J decreases). Measured after the sixth step:
 *    the stale run is off by ≥ 1.9·10^-2 in some entry for every activation, the θ_0 run by
 *    ≥ 4·10^-2, while the float32 bounds of the loosest backend (webgl) stay ≤ 3·10^-4 (float64:
 *    ≤ 10^-12);
 *  - an in-place update that aliases θ within a step (a batch's later gradients taken at a θ
 *    already moved by its earlier examples, or the layers below k taking their gradients after
 *    W^{[k]} was overwritten) needs B ≥ 2 and r ≥ 2: batches of 2, 3 and n = 6 examples on a
 *    3-4-3-1 network. optimizers.test.ts plants each of these bugs and sees it rejected;
 *  - ≥ 5 steps with B varying (n, 2, 1, 3, 1, n) and indices out of order, so an iteration
 *    skipped, repeated or run on the wrong batch also shows.
 */
export function multiStepCase(activation: Activation): TrainCase {
  const data: DataSet = {
    X: Array.from({ length: 6 }, (_, i) => Array.from({ length: 3 }, (_, j) => 1.5 * Math.sin(1.3 * i + 0.7 * j + 0.2))),
    y: Array.from({ length: 6 }, (_, i) => 2 * Math.cos(0.9 * i) + 0.5),
  };
  return {
    params: fixedParams([3, 4, 3, 1]),
    activation,
    data,
    batches: [[0, 1, 2, 3, 4, 5], [4, 1], [2], [5, 3, 0], [1], [3, 2, 5, 4, 0, 1]],
    alpha: 0.1,
  };
}

/** Algorithm 1's loop on the same problem: six iterations of one index each (eq. 1.4). */
export function sgdRunCase(activation: Activation): TrainCase {
  return { ...multiStepCase(activation), batches: [[3], [0], [5], [3], [1], [4]] };
}

const stepCheck = (operation: StepOperation, id: string, specIds: string[], title: string, quote: string, kind: 'one' | 'batch'): Check => ({
  id,
  specIds,
  title,
  quote,
  requires: [operation],
  async run(ctx) {
    const summary = await forAll(ctx, stepArb(supported(ctx), kind), (c) => checkStepOn(ctx, operation, c));
    const named = await forNamedCases(ctx, async (c) => {
      const n = c.data.y.length;
      // SGD: the first and the last example (an off-by-one in j shows at either end).
      const batches = operation === 'gdStep' ? [allIndices(c.data)] : operation === 'sgdStep' ? [...new Set([0, n - 1])].map((j) => [j]) : namedBatches(n);
      for (const batch of batches) await checkStepOn(ctx, operation, { ...c, batch, alpha: 0.5 });
    });
    return { status: 'pass', message: `${summary}; ${named}` };
  },
});

export const optimizerChecks: Check[] = [
  stepCheck('gdStep', 'optimizers/gd-step', ['1.3'], 'one gradient-descent step on the whole data set', quoteOf('1.3'), 'batch'),
  stepCheck('sgdStep', 'optimizers/sgd-step', ['1.4', 'alg1.line4'], 'one SGD step on example j', quoteOf('1.4'), 'one'),
  stepCheck(
    'minibatchStep',
    'optimizers/minibatch-step',
    ['1.5', 'alg2.line4'],
    'one mini-batch step: B = 1, B = n, 1 < B < n, indices out of order, n ≠ B ≠ m',
    quoteOf('1.5'),
    'batch',
  ),
  {
    id: 'optimizers/train',
    specIds: ['alg2.line3', 'alg2.line1', 'alg1.line3', 'alg1.line1', '1.5', '1.4'],
    title: 'training loops on given batches: θ after the last iteration and J(θ) after each',
    quote: quoteOf('alg2.line1', 'alg2.line3', '1.5'),
    requires: ['train'],
    async run(ctx) {
      // a diverging run (large α) leaves the domain within a few steps: discarded and counted by forAll
      const summary = await forAll(ctx, trainArb(supported(ctx)), (c) => checkTrainOn(ctx, c));
      return { status: 'pass', message: summary };
    },
  },
  {
    id: 'optimizers/train-multi-step',
    specIds: ['alg2.line3', 'alg1.line3', '1.5', '1.4'],
    title: 'six iterations where a stale gradient, a reused θ_0 or an in-place (aliased) update shows',
    // The inventory's loop and update, plus what this check is about (the inventory does not say it).
    quote: `${quoteOf('alg2.line3', '1.5')}, the gradient taken at the current θ`,
    requires: ['train'],
    async run(ctx) {
      const activations = supported(ctx);
      for (const activation of activations) {
        await checkTrainOn(ctx, multiStepCase(activation));
        await checkTrainOn(ctx, sgdRunCase(activation));
      }
      return { status: 'pass', message: `Algorithm 2 (B = 6, 2, 1, 3, 1, 6) and Algorithm 1 (6 iterations) with ${activations.join(', ')}` };
    },
  },
];
