/**
 * One request, judged on its own: call the operation and compare the answer with the oracle,
 * by the same comparison the checks of that operation use. Used to replay a reproducer
 * (`verify --replay FILE`).
 */

import { transpose } from '../../numerics/plain.js';
import { checkLossOn } from '../checks/section1/loss.js';
import { checkStepOn, checkTrainOn } from '../checks/section1/optimizers.js';
import { checkForwardOn } from '../checks/section2/forward.js';
import { checkGradientOn, checkMeanGradientOn } from '../checks/section3/gradient.js';
import { checkForwardBatchOn } from '../checks/section4/batch.js';
import { type CheckContext, CheckFailure } from '../core/check.js';
import type { OperationName, Operations } from '../core/interface.js';

type Req<Op extends OperationName> = Parameters<NonNullable<Operations[Op]>>[0];

/** Calls `operation` with `request` and throws a CheckFailure if the answer is wrong. */
export async function judge(ctx: CheckContext, operation: OperationName, request: unknown): Promise<void> {
  switch (operation) {
    case 'forward': {
      const q = request as Req<'forward'>;
      return checkForwardOn(ctx, q.params, q.activation, q.x);
    }
    case 'loss':
      return checkLossOn(ctx, request as Req<'loss'>);
    case 'gradient': {
      const q = request as Req<'gradient'>;
      return checkGradientOn(ctx, q.params, q.activation, q.x, q.y);
    }
    case 'meanGradient': {
      const q = request as Req<'meanGradient'>;
      return checkMeanGradientOn(ctx, q.params, q.activation, q.data, q.batch);
    }
    case 'gdStep':
      return checkStepOn(ctx, 'gdStep', { ...(request as Req<'gdStep'>), batch: [] });
    case 'sgdStep': {
      const q = request as Req<'sgdStep'>;
      return checkStepOn(ctx, 'sgdStep', { ...q, batch: [q.index] });
    }
    case 'minibatchStep':
      return checkStepOn(ctx, 'minibatchStep', request as Req<'minibatchStep'>);
    case 'train':
      return checkTrainOn(ctx, request as Req<'train'>);
    case 'forwardBatch': {
      const q = request as Req<'forwardBatch'>;
      // checkForwardBatchOn takes the examples as rows and lays them out itself
      return checkForwardBatchOn(ctx, q.params, q.activation, q.layout === 'rows' ? q.X : transpose(q.X), q.layout);
    }
    case 'initialize':
    case 'sampleBatch':
      throw new CheckFailure(`${operation}: its answers are random; replay the check with the recorded seed instead`);
  }
}
