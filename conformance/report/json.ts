/**
 * The `--json FILE` report: what ran (seed, strict, runs, the implementations with what they
 * declare) and one record per (implementation, check). No timestamp unless asked for, so two runs
 * with the same seed differ only in their durations.
 */
import { STATUSES } from '../core/check.js';
import { ACTIVATIONS, type Activation, capabilities, DTYPES, type Dtype, type Implementation, OPERATION_NAMES, type OperationName } from '../core/interface.js';
import { type CheckResult, verdictIds } from '../core/runner.js';

/** Bumped when a field changes meaning or disappears (adding a field keeps the version). */
export const REPORT_VERSION = 1;

export interface ImplementationInfo {
  readonly name: string;
  readonly dtype: Dtype;
  /** The error model it is judged by (conformance/oracles/tolerances.ts); null: its dtype's generic one. */
  readonly precision: string | null;
  readonly capabilities: readonly OperationName[];
  readonly activations: readonly Activation[];
}

export interface JsonReport {
  readonly version: number;
  /** ISO 8601, only when the caller passes a date: absent by default to keep reports reproducible. */
  readonly generatedAt?: string;
  readonly seed: number;
  readonly strict: boolean;
  /** Property-based runs per check. */
  readonly runs: number;
  /** The --only patterns, when the run was restricted. */
  readonly only?: readonly string[];
  readonly implementations: readonly ImplementationInfo[];
  readonly results: readonly CheckResult[];
}

export function implementationInfo(impl: Implementation): ImplementationInfo {
  return { name: impl.name, dtype: impl.dtype, precision: impl.precision ?? null, capabilities: capabilities(impl), activations: [...impl.activations] };
}

/** One record with the fields in a fixed order and nothing else (a result may carry more at run time). */
function record(r: CheckResult): CheckResult {
  return {
    implementation: r.implementation,
    check: r.check,
    specIds: [...r.specIds],
    status: r.status,
    message: r.message,
    durationMs: Math.round(r.durationMs * 1000) / 1000,
    verdictSpecIds: [...verdictIds(r)],
    ...(r.seeded && { seeded: r.seeded }),
    ...(r.mismatch !== undefined && { mismatch: r.mismatch }),
    ...(r.reproducer !== undefined && { reproducer: r.reproducer }),
    ...(r.replay !== undefined && { replay: r.replay }),
  };
}

export interface ReportInput {
  readonly implementations: readonly Implementation[];
  readonly results: readonly CheckResult[];
  readonly seed: number;
  readonly strict: boolean;
  readonly runs: number;
  readonly only?: readonly string[];
  readonly generatedAt?: Date;
}

export function jsonReport(input: ReportInput): JsonReport {
  return {
    version: REPORT_VERSION,
    ...(input.generatedAt !== undefined && { generatedAt: input.generatedAt.toISOString() }),
    seed: input.seed,
    strict: input.strict,
    runs: input.runs,
    ...(input.only !== undefined && input.only.length > 0 && { only: [...input.only] }),
    implementations: input.implementations.map(implementationInfo),
    results: input.results.map(record),
  };
}

/**
 * The report as text: 2-space indent, trailing newline. JSON has no NaN or ±Infinity, and
 * JSON.stringify would silently write null for them; a wrong answer is exactly where they occur
 * (a reproducer's request, a mismatch's `got`), so they are written as the strings 'NaN',
 * 'Infinity', '-Infinity' instead.
 */
export function serializeReport(report: JsonReport): string {
  return `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value), 2)}\n`;
}

const numberOrText = { type: ['number', 'string'] };
const operation = { enum: OPERATION_NAMES };

/** The report's JSON Schema (draft 2020-12), for readers in other languages and for the tests. */
export const REPORT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'cs229-dl conformance report',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'seed', 'strict', 'runs', 'implementations', 'results'],
  properties: {
    version: { const: REPORT_VERSION },
    generatedAt: { type: 'string', format: 'date-time' },
    seed: { type: 'integer' },
    strict: { type: 'boolean' },
    runs: { type: 'integer', minimum: 1 },
    only: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
    implementations: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'dtype', 'precision', 'capabilities', 'activations'],
        properties: {
          name: { type: 'string', minLength: 1 },
          dtype: { enum: DTYPES },
          precision: { type: ['string', 'null'] },
          capabilities: { type: 'array', items: operation, uniqueItems: true },
          activations: { type: 'array', items: { enum: ACTIVATIONS }, uniqueItems: true },
        },
      },
    },
    results: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['implementation', 'check', 'specIds', 'status', 'message', 'durationMs'],
        properties: {
          implementation: { type: 'string' },
          check: { type: 'string' },
          specIds: { type: 'array', items: { type: 'string' }, minItems: 1 },
          status: { enum: STATUSES },
          message: { type: 'string' },
          durationMs: { type: 'number', minimum: 0 },
          verdictSpecIds: { type: 'array', items: { type: 'string' } },
          seeded: { const: true },
          replay: {
            type: 'object',
            additionalProperties: false,
            required: ['seed', 'path', 'shrinks'],
            properties: { seed: { type: 'integer' }, path: { type: 'string' }, shrinks: { type: 'integer', minimum: 0 } },
          },
          mismatch: {
            type: 'object',
            additionalProperties: false,
            required: ['specId', 'operation', 'quantity', 'expected', 'got'],
            properties: {
              specId: { type: 'string' },
              operation,
              quantity: { type: 'string' },
              layer: { type: 'integer', minimum: 1 },
              element: { type: 'array', items: { type: 'integer', minimum: 1 }, minItems: 1, maxItems: 2 },
              expected: numberOrText,
              got: numberOrText,
              tolerance: numberOrText,
              error: numberOrText,
            },
          },
          reproducer: { type: 'object', additionalProperties: false, required: ['operation', 'request'], properties: { operation, request: {} } },
        },
      },
    },
  },
} as const;
