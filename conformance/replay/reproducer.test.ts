import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedParams } from '../core/cases.js';
import type { OperationName } from '../core/interface.js';
import { corrupted, reference } from '../testing/checkTesting.js';
import { InvalidReproducer, REPRODUCER_FORMAT, type ReproducerFile, readReproducer, replay, writeReproducers } from './reproducer.js';

const params = fixedParams([3, 4, 1]);
const data = {
  X: [
    [0.5, -1, 0.25],
    [1, 0.75, -0.5],
    [-0.25, 0.5, 1],
  ],
  y: [0.5, -0.25, 1],
};
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
  [
    'forwardBatch',
    {
      ...problem,
      layout: 'columns',
      X: [
        [0.5, 1],
        [-1, 0.75],
        [0.25, -0.5],
      ],
    },
  ],
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
  it('judges every operation on its own: the reference passes', async () => {
    for (const [operation, request] of REQUESTS) {
      const result = await replay(reference, file(operation, request));
      expect(result.status, `${operation}: ${result.message}`).toBe('pass');
    }
  });

  it('fails the same request on an implementation that forgets the 1/B, naming eq. 1.5', async () => {
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

describe('reading a reproducer file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reproducer-'));
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const saved = (name: string, operation: string, request: unknown): string => write(name, JSON.stringify({ ...file('forward', null), operation, request }));
  const forward = REQUESTS[0]![1] as { params: unknown; activation: string; x: number[] };

  it('reads back what writeReproducers saved', () => {
    const saved = writeReproducers(dir, [
      {
        implementation: 'x',
        check: 'some/check',
        specIds: ['2.12'],
        status: 'fail',
        message: 'm',
        durationMs: 1,
        reproducer: { operation: 'forward', request: forward },
      },
    ]);
    const [path] = [...saved.values()];
    expect(readReproducer(path!)).toMatchObject({ operation: 'forward', request: forward });
  });

  it('refuses a missing, empty, malformed or foreign file, saying why', () => {
    const cases: [string, string][] = [
      [join(dir, 'missing.json'), 'cannot be read (ENOENT'],
      [write('empty.json', '  \n'), 'is empty, not a reproducer file'],
      [write('malformed.json', '{"format": '), 'is not JSON'],
      [write('foreign.json', '{"format": "something/else", "version": 1}'), 'not a reproducer file (format cs229-dl-conformance/reproducer, version 1)'],
      [write('version.json', JSON.stringify({ ...file('forward', forward), version: 2 })), 'not a reproducer file'],
      [write('array.json', '[1, 2]'), 'not a reproducer file'],
      [write('specids.json', JSON.stringify({ ...file('forward', forward), specIds: 'x' })), 'specIds must be a list of strings'],
    ];
    for (const [path, reason] of cases) {
      expect(() => readReproducer(path), path).toThrow(InvalidReproducer);
      expect(() => readReproducer(path), path).toThrow(reason);
    }
  });

  it('refuses a hostile request: unknown or random operation, not an object, non-finite numbers, shapes or indices the reference refuses, too large', () => {
    const big = Array.from({ length: 100 }, () => Array.from({ length: 100 }, () => 0.5));
    const cases: [string, string][] = [
      [saved('op.json', 'explode', {}), 'unknown operation "explode"'],
      [saved('random.json', 'initialize', { sizes: [1e9, 1], seed: 1 }), 'initialize cannot be replayed: its answers are random'],
      [saved('notobject.json', 'forward', [1, 2]), 'request: must be an object, got [1,2]'],
      [saved('missing-field.json', 'forward', { params: forward.params, activation: 'relu' }), 'request: lacks the field x'],
      [
        write('infinite.json', JSON.stringify(file('forward', { ...forward, x: [1, 2, 3] })).replace('"x":[1,2,3]', '"x":[1,1e999,3]')),
        'request.x[1]: must be a finite number, got Infinity',
      ],
      [saved('null.json', 'forward', { ...forward, x: [1, null, 3] }), 'request.x[1]: must be a finite number, got null'],
      [saved('string.json', 'gradient', { ...forward, y: 'NaN' }), 'request.y: must be a finite number, got "NaN"'],
      [saved('activation.json', 'forward', { ...forward, activation: 'gelu' }), 'request.activation: must be one of relu, sigmoid, tanh, identity'],
      [saved('index.json', 'meanGradient', { ...(REQUESTS[3]![1] as object), batch: [0.5] }), 'request.batch[0]: must be a 0-based index'],
      [saved('shape.json', 'forward', { ...forward, x: [1, 2] }), 'the reference refuses the request: eq. 2.12: x must be 3x1'],
      [
        saved('range.json', 'meanGradient', { ...(REQUESTS[3]![1] as object), batch: [7] }),
        'the reference refuses the request: eq. 1.5: index j_1 = 7 is out of range',
      ],
      [
        saved('huge.json', 'train', {
          params: { W: [big, [big[0]!]], b: [big[0]!, [0]] },
          activation: 'relu',
          data: { X: [big[0]!], y: [1] },
          batches: Array.from({ length: 1000 }, () => [0]),
          alpha: 0.1,
        }),
        'the request is too large to replay',
      ],
    ];
    for (const [path, reason] of cases) {
      const started = performance.now();
      expect(() => readReproducer(path), path).toThrow(reason);
      expect(performance.now() - started, path).toBeLessThan(2000);
    }
  });
});
