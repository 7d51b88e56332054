import { describe, expect, it } from 'vitest';
import { transpose } from '../../numerics/plain.js';
import type { Implementation, Operations } from '../core/interface.js';
import type { CheckResult } from '../core/runner.js';
import { corrupted, expectAllPass, reference, runCheck } from '../testing/checkTesting.js';
import { identityChecks } from './identities.js';

const ref = reference;
const run = (impl: Implementation, check: string): Promise<CheckResult> => runCheck(identityChecks, impl, check, 15);
const ops = ref.operations as Operations;

function expectMismatch(result: CheckResult, fields: Record<string, unknown>): void {
  expect(result.status, result.message).toBe('fail');
  expect(result.mismatch).toMatchObject(fields);
  expect(result.message).toContain(String(result.mismatch?.specId));
}

describe('identity checks', () => {
  it('[2.16, 2.17, 2.18, 2.19, 2.20, 2/collapse-affine, 2.21, 1/dataset-gradient, 1/hypothesis, 1/linear-in-theta, 4/per-example-z, 4/row-major-conversion] pass on the reference', async () => {
    await expectAllPass(ref, identityChecks);
  });

  it('[2.17, 2.19] rejects an identity activation computed as ReLU (a[1] ≠ z[1], the network no longer collapses)', async () => {
    const bad = corrupted('identity as relu', { forward: (r) => ops.forward({ ...r, activation: r.activation === 'identity' ? 'relu' : r.activation }) });
    const result = await run(bad, 'identities/identity-collapse');
    expectMismatch(result, { operation: 'forward', specId: expect.stringMatching(/^2\.1[79]$/) });
  });

  it('[2/collapse-affine] rejects hidden biases left out: invisible with b = 0 (2.16-2.19), caught by W̃x + b̃ at depth r', async () => {
    const bad = corrupted('no hidden bias', {
      forward: (r) => ops.forward({ ...r, params: { W: r.params.W, b: r.params.b.map((b, k) => (k < r.params.b.length - 1 ? b.map(() => 0) : b)) } }),
    });
    expectMismatch(await run(bad, 'identities/identity-collapse'), {
      specId: '2/collapse-affine',
      operation: 'forward',
      quantity: 'h_θ(x) vs W̃x + b̃ (W̃ = W[r]···W[1])',
    });
  });

  it('[2.17] rejects a forward whose a[1] is not σ(z[1]) = z[1] for the identity activation', async () => {
    const bad = corrupted('a off', {
      forward: async (r) => {
        const got = await ops.forward(r);
        return { ...got, a: got.a.map((a, k) => (k === 0 ? a.map((v) => v + 1) : a)) };
      },
    });
    expectMismatch(await run(bad, 'identities/identity-collapse'), { specId: '2.17', quantity: 'a[1] vs σ(z[1]) = z[1]', layer: 1, element: [1] });
  });

  it('[2.21] rejects a forward that reports z[r−1] as a[r−1] (the features are not what the head sees)', async () => {
    const bad = corrupted('z as a', {
      forward: async (r) => {
        const got = await ops.forward(r);
        const k = got.a.length - 2;
        return k < 0 ? got : { ...got, a: got.a.map((a, i) => (i === k ? got.z[k]! : a)) };
      },
    });
    expectMismatch(await run(bad, 'identities/feature-map'), { specId: '2.21', operation: 'forward' });
  });

  it('[2/a0-ar] rejects a[r] that differs from h_θ(x) (a ReLU on the reported last layer)', async () => {
    const bad = corrupted('a[r] relu', {
      forward: async (r) => {
        const got = await ops.forward(r);
        return { ...got, a: got.a.map((a, i) => (i === got.a.length - 1 ? a.map((v) => Math.max(v, 0)) : a)) };
      },
    });
    expectMismatch(await run(bad, 'identities/feature-map'), { specId: '2/a0-ar', quantity: expect.stringMatching(/^a\[\d\] vs h_θ\(x\)$/), element: [1] });
  });

  it('[1/linear-in-theta] rejects a ReLU on the output (h = ReLU(W[r]a[r−1] + b[r]) is not linear in the last layer)', async () => {
    const bad = corrupted('output relu', {
      forward: async (r) => {
        const got = await ops.forward(r);
        return { ...got, output: Math.max(got.output, 0) };
      },
    });
    expectMismatch(await run(bad, 'identities/linear-in-last-layer'), { specId: '1/linear-in-theta', operation: 'forward' });
  });

  it('[1/hypothesis] rejects an output that is not one real number', async () => {
    const bad = corrupted('output as list', {
      forward: async (r) => {
        const got = await ops.forward(r);
        return { ...got, output: [got.output] as unknown as number };
      },
    });
    expectMismatch(await run(bad, 'identities/linear-in-last-layer'), { specId: '1/hypothesis', operation: 'forward' });
  });

  it('[1/dataset-gradient] rejects a mean gradient that sums without dividing by n', async () => {
    const bad = corrupted('no 1/n', {
      meanGradient: async (r) => {
        const g = await ops.meanGradient(r);
        const n = r.batch.length;
        return { W: g.W.map((W) => W.map((row) => row.map((v) => v * n))), b: g.b.map((b) => b.map((v) => v * n)) };
      },
    });
    const result = await run(bad, 'identities/dataset-gradient');
    expectMismatch(result, { specId: '1/dataset-gradient', operation: 'meanGradient' });
    expect(result.mismatch?.quantity).toMatch(/^∂J\/∂[Wb]\[\d\]$/);
  });

  it('[1.3, 1.5] rejects a GD step that uses one example', async () => {
    const bad = corrupted('gd on one', { gdStep: (r) => ops.minibatchStep({ ...r, batch: [r.data.y.length - 1] }) });
    expectMismatch(await run(bad, 'identities/gd-is-minibatch'), { specId: '1.3', operation: 'gdStep', quantity: expect.stringMatching(/^[Wb]\[\d\]$/) });
  });

  it('[1.4, alg1.line4] rejects an SGD step that ignores j (always example 0)', async () => {
    const bad = corrupted('sgd on x(1)', { sgdStep: (r) => ops.sgdStep({ ...r, index: 0 }) });
    expectMismatch(await run(bad, 'identities/sgd-is-minibatch'), { specId: '1.4', operation: 'sgdStep' });
  });

  it('[alg2.line3] rejects a training run that takes every gradient at θ_0', async () => {
    const bad = corrupted('theta0', {
      train: async (r) => {
        let params = r.params;
        for (const batch of r.batches) {
          const g = await ops.meanGradient({ ...r, batch });
          params = {
            W: params.W.map((W, k) => W.map((row, i) => row.map((v, j) => v - r.alpha * g.W[k]![i]![j]!))),
            b: params.b.map((b, k) => b.map((v, i) => v - r.alpha * g.b[k]![i]!)),
          };
        }
        return { params };
      },
    });
    expectMismatch(await run(bad, 'identities/train-is-steps'), { specId: 'alg2.line3', operation: 'train' });
  });

  it('[4/row-major-conversion, 4.4] rejects a rows layout answered untransposed', async () => {
    const bad = corrupted('untransposed', {
      forwardBatch: (r) => (r.layout === 'rows' ? ops.forwardBatch({ ...r, layout: 'columns', X: transpose(r.X) }) : ops.forwardBatch(r)),
    });
    expectMismatch(await run(bad, 'identities/rows-transpose-columns'), {
      specId: '4/row-major-conversion',
      operation: 'forwardBatch',
      quantity: 'Z[1] (rows) vs Z[1]ᵀ (columns)',
      layer: 1,
    });
  });

  it('[4/per-example-z, 4.2] rejects a batch forward whose bias is broadcast along the wrong axis', async () => {
    const bad = corrupted('wrong axis', {
      forwardBatch: async (r) => {
        const got = await ops.forwardBatch(r);
        if (r.layout !== 'columns') return got;
        const b = r.params.b[0]!;
        const Z1 = got.Z[0]!.map((row, i) => row.map((v, j) => v - b[i]! + b[j % b.length]!));
        return { Z: [Z1, ...got.Z.slice(1)], A: got.A };
      },
    });
    expectMismatch(await run(bad, 'identities/batch-column-is-forward'), {
      specId: '4/per-example-z',
      operation: 'forwardBatch',
      layer: 1,
      quantity: expect.stringMatching(/^Z\[1\] column \d+ vs z\[1\] of forward/),
    });
  });
});
