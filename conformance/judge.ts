/**
 * One request, judged on its own: call the operation and compare the answer with the oracle.
 * Used to replay a reproducer (`verify --replay FILE`) and by checks that need no more than
 * "this answer is right".
 */
import { CheckFailure, type CheckContext } from './check.js';
import { expectClose, expectMatrixClose, expectParamsClose, expectVectorClose, type Site } from './compare.js';
import { checkForwardOn } from './checks/forward.js';
import type { Matrix, OperationName } from './interface.js';
import { expectForwardBatch, expectLoss, expectMeanGradient, expectStep, expectTraining } from './oracle.js';

type Req<Op extends OperationName> = Parameters<NonNullable<import('./interface.js').Operations[Op]>>[0];

const transpose = (M: readonly (readonly number[])[]): number[][] => (M[0] ?? []).map((_, j) => M.map((row) => row[j]!));

/** Sites for θ-shaped answers: `b(k)` and `W(k)` name the equation per layer. */
function paramSites(operation: OperationName, specId: (which: 'W' | 'b', k: number) => string, prefix: string, request: unknown) {
  return (which: 'W' | 'b', k: number): Site => ({ specId: specId(which, k), operation, quantity: `${prefix}${which}[${k}]`, layer: k, reproducer: { operation, request } });
}

/** Algorithm 5's lines per layer: δ^{[r]} (line 2) shows in b[r], δ^{[k]} (line 4) in b[k], ∂J/∂W^{[k]} (line 5) in W[k]. */
export const backpropSpecId =
  (r: number) =>
  (which: 'W' | 'b', k: number): string =>
    which === 'W' ? 'alg5.line5' : k === r ? 'alg5.line2' : 'alg5.line4';

/** Calls `operation` with `request` and throws a CheckFailure if the answer is wrong. */
export async function judge(ctx: CheckContext, operation: OperationName, request: unknown): Promise<void> {
  const tol = ctx.tolerance;
  const reproducer = { operation, request };
  switch (operation) {
    case 'forward': {
      const q = request as Req<'forward'>;
      return checkForwardOn(ctx, q.params, q.activation, q.x);
    }
    case 'loss': {
      const q = request as Req<'loss'>;
      const got = await ctx.call('loss', q);
      const expected = expectLoss(tol, q.params, q.activation, q.data);
      expectVectorClose({ specId: '1.1', operation, quantity: 'J^{(i)}', reproducer }, { value: expected.perExample.map((e) => e.value), bound: expected.perExample.map((e) => e.bound) }, got.perExample);
      return expectClose({ specId: '1.2', operation, quantity: 'J(θ)', reproducer }, expected.mean, got.mean);
    }
    case 'gradient': {
      const q = request as Req<'gradient'>;
      const got = await ctx.call('gradient', q);
      const expected = expectMeanGradient(tol, q.params, q.activation, { X: [q.x], y: [q.y] }, [0]);
      return expectParamsClose(paramSites(operation, backpropSpecId(q.params.W.length), '∂J/∂', request), expected, got);
    }
    case 'meanGradient': {
      const q = request as Req<'meanGradient'>;
      const got = await ctx.call('meanGradient', q);
      return expectParamsClose(paramSites(operation, () => '1.5', '∂J/∂', request), expectMeanGradient(tol, q.params, q.activation, q.data, q.batch), got);
    }
    case 'gdStep': {
      const q = request as Req<'gdStep'>;
      const got = await ctx.call('gdStep', q);
      const all = q.data.y.map((_, i) => i);
      return expectParamsClose(paramSites(operation, () => '1.3', 'θ.', request), expectStep(tol, q.params, q.activation, q.data, all, q.alpha), got);
    }
    case 'sgdStep': {
      const q = request as Req<'sgdStep'>;
      const got = await ctx.call('sgdStep', q);
      return expectParamsClose(paramSites(operation, () => '1.4', 'θ.', request), expectStep(tol, q.params, q.activation, q.data, [q.index], q.alpha), got);
    }
    case 'minibatchStep': {
      const q = request as Req<'minibatchStep'>;
      const got = await ctx.call('minibatchStep', q);
      return expectParamsClose(paramSites(operation, () => '1.5', 'θ.', request), expectStep(tol, q.params, q.activation, q.data, q.batch, q.alpha), got);
    }
    case 'train': {
      const q = request as Req<'train'>;
      const got = await ctx.call('train', q);
      const expected = expectTraining(tol, q.params, q.activation, q.data, q.batches, q.alpha);
      const last = expected.params[expected.params.length - 1];
      if (last === undefined) return;
      expectParamsClose(paramSites(operation, () => 'alg2.line3', 'θ.', request), last, got.params);
      if (got.losses !== undefined) {
        expectVectorClose({ specId: '1.2', operation, quantity: 'losses', reproducer }, { value: expected.losses.map((e) => e.value), bound: expected.losses.map((e) => e.bound) }, got.losses);
      }
      return;
    }
    case 'forwardBatch': {
      const q = request as Req<'forwardBatch'>;
      const got = await ctx.call('forwardBatch', q);
      const rows = q.layout === 'rows' ? q.X : transpose(q.X);
      const expected = expectForwardBatch(tol, q.params, q.activation, rows.map((r) => [...r]));
      const orient = (M: Matrix): Matrix => (q.layout === 'rows' ? M : transpose(M));
      const specId = q.layout === 'rows' ? '4.4' : '4/multi-layer';
      expected.Z.forEach((Z, i) => {
        expectMatrixClose({ specId, operation, quantity: `Z[${i + 1}]`, layer: i + 1, reproducer }, { value: orient(Z.value), bound: orient(Z.bound) }, got.Z?.[i]);
        expectMatrixClose({ specId, operation, quantity: `A[${i + 1}]`, layer: i + 1, reproducer }, { value: orient(expected.A[i]!.value), bound: orient(expected.A[i]!.bound) }, got.A?.[i]);
      });
      return;
    }
    case 'initialize':
    case 'sampleBatch':
      throw new CheckFailure(`${operation}: its answers are random; replay the check with the recorded seed instead`);
  }
}
