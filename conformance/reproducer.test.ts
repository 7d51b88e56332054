import { describe, expect, it } from 'vitest';
import { fixedParams } from './cases.js';
import type { OperationName } from './interface.js';
import { REPRODUCER_FORMAT, replay, type ReproducerFile } from './reproducer.js';
import { corrupted, reference } from './testing/checkTesting.js';

const params = fixedParams([3, 4, 1]);
const data = { X: [[0.5, -1, 0.25], [1, 0.75, -0.5], [-0.25, 0.5, 1]], y: [0.5, -0.25, 1] };
const problem = { params, activation: 'tanh' as const };
const REQUESTS: [OperationName, unknown][] = [
  ['forward', { ...problem, x: data.X[0] }],
  ['loss', { ...problem, data }],
  ['gradient', { ...problem, x: data.X[1], y: data.y[1] }],
  ['meanGradient', { ...problem, data, batch: [2, 0] }],
  ['gdStep', { ...problem, data, alpha: 0.1 }],
  ['sgdStep', { ...problem, data, index: 1, alpha: 0.1 }],
  ['minibatchStep', { ...problem, data, batch: [1, 2], alpha: 0.1 }],
  ['train', { ...problem, data, batches: [[0, 1], [2]], alpha: 0.1 }],
  ['forwardBatch', { ...problem, layout: 'columns', X: [[0.5, 1], [-1, 0.75], [0.25, -0.5]] }],
  ['forwardBatch', { ...problem, layout: 'rows', X: data.X }],
];
const file = (operation: OperationName, request: unknown): ReproducerFile => ({
  format: REPRODUCER_FORMAT,
  version: 1,
  implementation: 'x',
  check: 'some/check',
  specIds: ['2.12'],
  message: '',
  operation,
  request,
});

describe('replaying a reproducer', () => {
  it('[2.12, 1.1, 1.2, 1.3, 1.4, 1.5, alg2.line3, alg5.line5, 4.4] judges every operation on its own: the reference passes', async () => {
    for (const [operation, request] of REQUESTS) {
      const result = await replay(reference, file(operation, request));
      expect(result.status, `${operation}: ${result.message}`).toBe('pass');
    }
  });

  it('[1.5] fails the same request on an implementation that forgets the 1/B, naming eq. 1.5', async () => {
    const sum = corrupted('sum', {
      meanGradient: async (r) => {
        const g = await reference.operations.meanGradient!(r);
        return { W: g.W.map((M) => M.map((row) => row.map((v) => v * r.batch.length))), b: g.b.map((v) => v.map((x) => x * r.batch.length)) };
      },
    });
    const result = await replay(sum, file('meanGradient', REQUESTS[3]![1]));
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^1\.5: meanGradient /);
  });
});
