import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { referenceImplementation } from '../adapters/reference.js';
import { capabilities, type Implementation, OPERATION_NAMES } from '../core/interface.js';
import type { CheckResult } from '../core/runner.js';
import { runSuite } from '../core/suite.js';
import { jsonReport, REPORT_SCHEMA, REPORT_VERSION, serializeReport } from './json.js';

const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, validateFormats: false }).compile(REPORT_SCHEMA);
const errorsOf = (value: unknown): string[] => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));

/** A float32 implementation that provides only `forward`, and declares no backend error model. */
const partial: Implementation = {
  ...referenceImplementation(),
  name: 'partial',
  dtype: 'float32',
  operations: { forward: referenceImplementation().operations.forward! },
};

const failing: CheckResult = {
  implementation: 'partial',
  check: 'forward/random',
  specIds: ['2.12', '2.13'],
  status: 'fail',
  message: '2.13: forward a[1] entry 2: expected 0.5, got NaN (not a finite number)',
  durationMs: 1.23456789,
  mismatch: {
    specId: '2.13',
    operation: 'forward',
    quantity: 'a[1]',
    layer: 1,
    element: [2],
    expected: 0.5,
    got: Number.NaN,
    tolerance: Number.POSITIVE_INFINITY,
  },
  reproducer: { operation: 'forward', request: { params: { W: [[[1]]], b: [[Number.NEGATIVE_INFINITY]] }, activation: 'relu', x: [1] } },
};

describe('the --json report', () => {
  it('holds one record per (implementation, check) of a real run, in the documented shape', async () => {
    const impls = [referenceImplementation(), partial];
    const run = await runSuite(impls, { only: ['forward/named-cases'], runs: 2 });
    const report = JSON.parse(
      serializeReport(jsonReport({ implementations: impls, results: run.results, seed: 229, strict: false, runs: 2, only: ['forward/named-cases'] })),
    ) as Record<string, unknown>;
    expect(errorsOf(report)).toEqual([]);
    expect(Object.keys(report)).toEqual(['version', 'seed', 'strict', 'runs', 'only', 'implementations', 'results']);
    expect(report.version).toBe(REPORT_VERSION);
    expect(report.implementations).toEqual([
      { name: 'reference', dtype: 'float64', precision: null, capabilities: OPERATION_NAMES, activations: ['relu', 'sigmoid', 'tanh', 'identity'] },
      { name: 'partial', dtype: 'float32', precision: null, capabilities: capabilities(partial), activations: ['relu', 'sigmoid', 'tanh', 'identity'] },
    ]);
    const results = report.results as Record<string, unknown>[];
    expect(results.map((r) => [r.implementation, r.check, r.status])).toEqual([
      ['reference', 'forward/named-cases', 'pass'],
      ['partial', 'forward/named-cases', 'pass'],
    ]);
    expect(Object.keys(results[0]!)).toEqual(['implementation', 'check', 'specIds', 'status', 'message', 'durationMs', 'verdictSpecIds']);
    expect(results[0]!.specIds).toEqual(['2.12', '2.13', '2/layer-shapes']);
    // a pass verifies every statement of the check (this one names no activation statement)
    expect(results[0]!.verdictSpecIds).toEqual(['2.12', '2.13', '2/layer-shapes']);
  });

  it('keeps the mismatch and reproducer, writes NaN and ±Infinity as strings, and leaves the date out unless given', () => {
    const base = { implementations: [partial], results: [failing], seed: -7, strict: true, runs: 25 };
    const text = serializeReport(jsonReport(base));
    expect(text.endsWith('}\n')).toBe(true);
    const report = JSON.parse(text) as { results: CheckResult[]; generatedAt?: string; only?: unknown };
    expect(errorsOf(report)).toEqual([]);
    expect(report.generatedAt).toBeUndefined();
    expect(report.only).toBeUndefined();
    const [record] = report.results;
    expect(record?.durationMs).toBe(1.235);
    expect(record?.mismatch).toEqual({ ...failing.mismatch, got: 'NaN', tolerance: 'Infinity' });
    expect(record?.reproducer).toEqual({ operation: 'forward', request: { params: { W: [[[1]]], b: [['-Infinity']] }, activation: 'relu', x: [1] } });
    // the same input gives the same bytes: nothing in the report depends on when it was written
    expect(serializeReport(jsonReport(base))).toBe(text);
    const dated = JSON.parse(serializeReport(jsonReport({ ...base, generatedAt: new Date(Date.UTC(2024, 0, 2)) }))) as Record<string, unknown>;
    expect(Object.keys(dated).slice(0, 2)).toEqual(['version', 'generatedAt']);
    expect(dated.generatedAt).toBe('2024-01-02T00:00:00.000Z');
    expect(errorsOf(dated)).toEqual([]);
  });

  it('the schema rejects a record with a missing field, an unknown status or an extra field', () => {
    const report = JSON.parse(serializeReport(jsonReport({ implementations: [partial], results: [failing], seed: 1, strict: false, runs: 1 }))) as {
      results: Record<string, unknown>[];
    };
    const mutate = (change: (r: Record<string, unknown>) => void): string[] => {
      const copy = structuredClone(report);
      change(copy.results[0]!);
      return errorsOf(copy);
    };
    expect(mutate((r) => delete r.message)).not.toEqual([]);
    expect(mutate((r) => (r.status = 'skipped'))).not.toEqual([]);
    expect(mutate((r) => (r.extra = 1))).not.toEqual([]);
    expect(mutate((r) => ((r.mismatch as Record<string, unknown>).element = [0]))).not.toEqual([]);
  });
});
