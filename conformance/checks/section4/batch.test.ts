import { describe, expect, it } from 'vitest';
import { transpose } from '../../../numerics/plain.js';
import type { Activation, ForwardBatchRequest, ForwardBatchResult, Implementation, Operations } from '../../core/interface.js';
import type { CheckResult } from '../../core/runner.js';
import { corrupted, expectAllPass, reference, runCheck } from '../../testing/checkTesting.js';
import { batchChecks } from './batch.js';

const ref = reference;
const run = (impl: Implementation, check: string): Promise<CheckResult> => runCheck(batchChecks, impl, check, 10);

const SIGMA: Record<Activation, (z: number) => number> = {
  relu: (z) => Math.max(z, 0),
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: Math.tanh,
  identity: (z) => z,
};

/**
 * Eq. 4.2 / 4/multi-layer in the columns layout with the bias added by `bias(b, i, j)` at entry
 * (i, j) of Z^{[k]} (m_k×B); the right broadcast is b_i, the wrong axis b_{j mod m}.
 */
function columnsForward(bias: (b: readonly number[], i: number, j: number) => number) {
  return ({ params, activation, X }: ForwardBatchRequest): ForwardBatchResult => {
    const Z: number[][][] = [];
    const A: number[][][] = [];
    let prev: readonly (readonly number[])[] = X;
    params.W.forEach((W, k) => {
      const B = prev[0]!.length;
      const Zk = W.map((row, i) => Array.from({ length: B }, (_, j) => row.reduce((s, w, l) => s + w * prev[l]![j]!, 0) + bias(params.b[k]!, i, j)));
      const Ak = k === params.W.length - 1 ? Zk : Zk.map((r) => r.map(SIGMA[activation]));
      Z.push(Zk);
      A.push(Ak);
      prev = Ak;
    });
    return { Z, A };
  };
}

/** The reference for 'rows'; `columns` for 'columns'. */
const withColumns =
  (columns: Operations['forwardBatch']): Operations['forwardBatch'] =>
  (r) =>
    r.layout === 'columns' ? columns(r) : ref.operations.forwardBatch!(r);

describe('section 4 checks', () => {
  it('[4.1, 4.2, 4.3, 4/broadcast-sum, 4.4, 4/multi-layer, 4/row-major-conversion] pass on the reference', async () => {
    await expectAllPass(ref, batchChecks);
  });

  it('[4.2, 4/multi-layer] the plain columns forward used to plant bugs passes', async () => {
    const plain = corrupted('plain', { forwardBatch: withColumns(columnsForward((b, i) => b[i]!)) });
    for (const check of ['batch/columns', 'batch/broadcast']) expect((await run(plain, check)).status).toBe('pass');
  });

  it('[4.3, 4.2, 4/broadcast-sum] rejects a bias broadcast along the wrong axis (b_j added to column j)', async () => {
    const bad = corrupted('wrong axis', { forwardBatch: withColumns(columnsForward((b, _i, j) => b[j % b.length]!)) });
    expect((await run(bad, 'batch/broadcast')).mismatch).toMatchObject({
      specId: '4.3',
      operation: 'forwardBatch',
      quantity: 'Z[1]',
      layer: 1,
      element: [1, 2],
    });
    const result = await run(bad, 'batch/columns');
    expect(result.mismatch).toMatchObject({ specId: '4.2', quantity: 'Z[1]', layer: 1 });
    expect(result.mismatch?.element).toHaveLength(2);
  });

  it('[4.4, 4/row-major-conversion] rejects a rows layout answered in the columns layout (not transposed)', async () => {
    const bad = corrupted('untransposed', {
      forwardBatch: async (r) =>
        r.layout === 'rows' ? ref.operations.forwardBatch!({ ...r, layout: 'columns', X: transpose(r.X) }) : ref.operations.forwardBatch!(r),
    });
    const result = await run(bad, 'batch/rows');
    expect(result.mismatch).toMatchObject({ specId: '4.4', operation: 'forwardBatch', quantity: 'Z[1]', layer: 1 });
    expect(result.message).toContain('B x m1');
  });
});
