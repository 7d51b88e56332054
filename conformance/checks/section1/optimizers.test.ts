import { describe, expect, it } from 'vitest';
import type { Implementation, NetParams, Operations, TrainRequest } from '../../core/interface.js';
import type { CheckResult } from '../../core/runner.js';
import { corrupted, expectAllPass, reference, runCheck } from '../../testing/checkTesting.js';
import { optimizerChecks } from './optimizers.js';

const ref = reference;
const run = (impl: Implementation, check: string): Promise<CheckResult> => runCheck(optimizerChecks, impl, check, 10);
const op = <K extends keyof Operations>(name: K): Operations[K] => ref.operations[name] as Operations[K];

/** The reference with some operations replaced by wrong ones. */

/** θ − c·g entry by entry (plain data). */
const minus = (theta: NetParams, c: number, g: NetParams): NetParams => ({
  W: theta.W.map((W, k) => W.map((row, i) => row.map((v, j) => v - c * g.W[k]![i]![j]!))),
  b: theta.b.map((b, k) => b.map((v, i) => v - c * g.b[k]![i]!)),
});

/** A train that takes the gradient of step t at gradientAt(t, θ_{t−1}, θ_t's predecessors). */
function trainWith(pick: (history: NetParams[]) => NetParams) {
  return async (r: TrainRequest) => {
    const history = [r.params];
    for (const batch of r.batches) {
      const at = pick(history);
      const g = await op('meanGradient')({ params: at, activation: r.activation, data: r.data, batch });
      history.push(minus(history[history.length - 1]!, r.alpha, g));
    }
    return { params: history[history.length - 1]! };
  };
}

function expectMismatch(result: CheckResult, specId: string, operation: string): void {
  expect(result.status, result.message).toBe('fail');
  expect(result.mismatch?.specId).toBe(specId);
  expect(result.mismatch?.operation).toBe(operation);
  expect(result.mismatch?.layer).toBeGreaterThanOrEqual(1);
  expect(result.mismatch?.element?.length).toBeGreaterThanOrEqual(1);
  expect(result.message).toContain(specId);
}

describe('optimizer checks', () => {
  it('[1.3, 1.4, 1.5, alg1.line4, alg2.line4, alg2.line3, alg1.line3] pass on the reference (runs = 25)', async () => {
    await expectAllPass(ref, optimizerChecks);
  });

  it('[1.3] rejects a GD step on one example instead of the whole data set', async () => {
    const bad = corrupted('gd on x(1)', { gdStep: (r) => op('minibatchStep')({ ...r, batch: [0] }) });
    expectMismatch(await run(bad, 'optimizers/gd-step'), '1.3', 'gdStep');
  });

  it('[1.4, alg1.line4] rejects an SGD step on the example before j (1-based index confusion)', async () => {
    const bad = corrupted('sgd off by one', { sgdStep: (r) => op('sgdStep')({ ...r, index: Math.max(r.index - 1, 0) }) });
    expectMismatch(await run(bad, 'optimizers/sgd-step'), '1.4', 'sgdStep');
  });

  it('[1.5] rejects a mini-batch step that forgets the 1/B', async () => {
    const bad = corrupted('no 1/B', { minibatchStep: (r) => op('minibatchStep')({ ...r, alpha: r.alpha * r.batch.length }) });
    expectMismatch(await run(bad, 'optimizers/minibatch-step'), '1.5', 'minibatchStep');
  });

  it('[1.5, alg2.line4] rejects a mini-batch step that updates θ in place example by example', async () => {
    const bad = corrupted('sequential batch', {
      minibatchStep: async (r) => {
        let theta = r.params;
        for (const j of r.batch)
          theta = minus(theta, r.alpha / r.batch.length, await op('gradient')({ ...r, params: theta, x: r.data.X[j]!, y: r.data.y[j]! }));
        return theta;
      },
    });
    expectMismatch(await run(bad, 'optimizers/minibatch-step'), '1.5', 'minibatchStep');
  });

  it('[1.3] rejects a step that writes into the θ of its request, even with the right answer', async () => {
    const bad = corrupted('in place', {
      gdStep: async (r) => {
        const next = await op('gdStep')(r);
        const target = r.params as { W: number[][][]; b: number[][] };
        next.W.forEach((W, k) => W.forEach((row, i) => row.forEach((v, j) => (target.W[k]![i]![j] = v))));
        next.b.forEach((b, k) => b.forEach((v, i) => (target.b[k]![i] = v)));
        return r.params;
      },
    });
    const result = await run(bad, 'optimizers/gd-step');
    expectMismatch(result, '1.3', 'gdStep');
    expect(result.message).toContain('wrote into the θ of its request');
  });

  it('[alg2.line3, alg1.line3] rejects a training loop whose gradients are stale (taken at θ_{t−1})', async () => {
    const bad = corrupted('stale', { train: trainWith((h) => h[Math.max(h.length - 2, 0)]!) });
    expectMismatch(await run(bad, 'optimizers/train-multi-step'), 'alg2.line3', 'train');
    expectMismatch(await run(bad, 'optimizers/train'), 'alg2.line3', 'train');
  });

  it('[alg2.line3] rejects a training loop that reuses θ_0 for every gradient', async () => {
    const bad = corrupted('theta0', { train: trainWith((h) => h[0]!) });
    expectMismatch(await run(bad, 'optimizers/train-multi-step'), 'alg2.line3', 'train');
  });

  it('[alg2.line3, 1.5] rejects a training loop that updates θ in place within each batch (aliasing)', async () => {
    const bad = corrupted('aliased', {
      train: async (r) => {
        let theta = r.params;
        for (const batch of r.batches) {
          for (const j of batch) theta = minus(theta, r.alpha / batch.length, await op('gradient')({ ...r, params: theta, x: r.data.X[j]!, y: r.data.y[j]! }));
        }
        return { params: theta };
      },
    });
    expectMismatch(await run(bad, 'optimizers/train-multi-step'), 'alg2.line3', 'train');
  });

  it('[alg2.line3, alg1.line3] rejects a training loop that updates W[k] in place before the layers below take their gradients', async () => {
    const bad = corrupted('layer aliasing', {
      train: async (r) => {
        let theta = r.params;
        for (const batch of r.batches) {
          for (let k = theta.W.length; k >= 1; k--) {
            const g = await op('meanGradient')({ params: theta, activation: r.activation, data: r.data, batch });
            const step = minus(theta, r.alpha, g);
            theta = { W: theta.W.map((W, i) => (i === k - 1 ? step.W[i]! : W)), b: theta.b.map((b, i) => (i === k - 1 ? step.b[i]! : b)) };
          }
        }
        return { params: theta };
      },
    });
    expectMismatch(await run(bad, 'optimizers/train-multi-step'), 'alg2.line3', 'train');
  });

  it('[alg2.line3, 1.2] rejects losses recorded before each update instead of after', async () => {
    const bad = corrupted('losses before', {
      train: async (r) => {
        const result = await op('train')(r);
        const first = (await op('loss')(r)).mean;
        return { params: result.params, losses: [first, ...(result.losses ?? []).slice(0, -1)] };
      },
    });
    const result = await run(bad, 'optimizers/train-multi-step');
    expect(result.status).toBe('fail');
    expect(result.mismatch).toMatchObject({ specId: 'alg2.line3', operation: 'train', quantity: 'J(θ) (eq. 1.2) after each iteration', element: [1] });
  });
});
