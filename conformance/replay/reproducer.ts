/**
 * Minimal reproducers: the smallest failing request of a failed check (shrunk by fast-check where
 * the check is property-based), saved as JSON so that `verify --replay FILE -- <target>` asks the
 * same question again and judges the answer on its own (conformance/replay/judge.ts).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceImplementation } from '../adapters/reference.js';
import { CheckFailure } from '../core/check.js';
import { ACTIVATIONS, type Implementation, OPERATION_NAMES, type OperationName } from '../core/interface.js';
import { type CheckResult, type RunOptions, runChecks } from '../core/runner.js';
import { judge } from './judge.js';

export const REPRODUCER_FORMAT = 'cs229-dl-conformance/reproducer';

export interface ReproducerFile {
  readonly format: typeof REPRODUCER_FORMAT;
  readonly version: 1;
  readonly implementation: string;
  readonly check: string;
  readonly specIds: readonly string[];
  readonly message: string;
  readonly operation: OperationName;
  readonly request: unknown;
}

const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '_');

/** Writes one file per failed result that has a reproducer; returns the paths, keyed by implementation + NUL + check id. */
export function writeReproducers(dir: string, results: readonly CheckResult[]): Map<string, string> {
  const paths = new Map<string, string>();
  for (const r of results) {
    if (r.reproducer === undefined || (r.status !== 'fail' && r.status !== 'expected-fail')) continue;
    mkdirSync(dir, { recursive: true });
    const file: ReproducerFile = {
      format: REPRODUCER_FORMAT,
      version: 1,
      implementation: r.implementation,
      check: r.check,
      specIds: r.specIds,
      message: r.message,
      operation: r.reproducer.operation,
      request: r.reproducer.request,
    };
    const path = join(dir, `${safe(r.implementation)}--${safe(r.check)}.json`);
    writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
    paths.set(`${r.implementation}\u0000${r.check}`, path);
  }
  return paths;
}

/** A reproducer file that cannot be replayed: missing, not JSON, not a reproducer, or a request the reference refuses. */
export class InvalidReproducer extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReproducer';
  }
}

/** Largest reproducer file read (a shrunk request is a few kB). */
export const MAX_REPRODUCER_BYTES = 4 * 1024 * 1024;
/**
 * Largest replayable request, in multiply-adds of the reference (parameters × examples it passes
 * through): replay judges with the reference in mathjs, and must answer within seconds.
 */
export const MAX_REPLAY_WORK = 1_000_000;

type Shape = (value: unknown, at: string) => void;

const fail = (at: string, what: string): never => {
  throw new InvalidReproducer(`request${at}: ${what}`);
};
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const shown = (v: unknown): string => {
  const text = typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const finite: Shape = (v, at) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(at, `must be a finite number, got ${shown(v)}`);
};
const index: Shape = (v, at) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(at, `must be a 0-based index (an integer >= 0), got ${shown(v)}`);
};
const list =
  (item: Shape): Shape =>
  (v, at) => {
    if (!Array.isArray(v)) return fail(at, `must be a list, got ${shown(v)}`);
    v.forEach((x, i) => item(x, `${at}[${i}]`));
  };
const vector = list(finite);
const matrix = list(vector);
const activation: Shape = (v, at) => {
  if (!(ACTIVATIONS as readonly unknown[]).includes(v)) fail(at, `must be one of ${ACTIVATIONS.join(', ')}, got ${shown(v)}`);
};
const layout: Shape = (v, at) => {
  if (v !== 'columns' && v !== 'rows') fail(at, `must be "columns" or "rows", got ${shown(v)}`);
};
const object =
  (fields: Readonly<Record<string, Shape>>): Shape =>
  (v, at) => {
    if (!isObject(v)) return fail(at, `must be an object, got ${shown(v)}`);
    for (const [name, shape] of Object.entries(fields)) {
      if (!(name in v)) fail(at, `lacks the field ${name}`);
      shape(v[name], `${at}.${name}`);
    }
  };

const params = object({ W: list(matrix), b: list(vector) });
const data = object({ X: matrix, y: vector });
const problem = { params, activation };
/** The request of each replayable operation (conformance/core/interface.ts). */
const REQUESTS: Partial<Record<OperationName, Shape>> = {
  forward: object({ ...problem, x: vector }),
  loss: object({ ...problem, data }),
  gradient: object({ ...problem, x: vector, y: finite }),
  meanGradient: object({ ...problem, data, batch: list(index) }),
  gdStep: object({ ...problem, data, alpha: finite }),
  sgdStep: object({ ...problem, data, index, alpha: finite }),
  minibatchStep: object({ ...problem, data, batch: list(index), alpha: finite }),
  train: object({ ...problem, data, batches: list(list(index)), alpha: finite }),
  forwardBatch: object({ ...problem, layout, X: matrix }),
};

/** Multiply-adds the reference spends on `request` (shapes already checked), roughly. */
function work(operation: OperationName, request: Record<string, unknown>): number {
  const theta = request.params as { W: number[][][]; b: number[][] };
  const size = theta.W.reduce((n, W) => n + W.reduce((m, row) => m + row.length + 1, 0), 0) + theta.b.reduce((n, b) => n + b.length, 0) + 1;
  const n = (request.data as { y?: unknown[] } | undefined)?.y?.length ?? 1;
  switch (operation) {
    case 'loss':
    case 'gdStep':
      return size * n;
    case 'meanGradient':
    case 'minibatchStep':
      return size * (request.batch as unknown[]).length;
    case 'sgdStep':
      return size * n; // the data set is converted whole
    case 'train': {
      const batches = request.batches as unknown[][];
      // each iteration: its batch, then J(θ) on the whole data set
      return size * (batches.reduce((m, b) => m + b.length, 0) + batches.length * n);
    }
    case 'forwardBatch': {
      const X = request.X as unknown[][];
      return size * Math.max(1, request.layout === 'rows' ? X.length : (X[0]?.length ?? 1));
    }
    default:
      return size;
  }
}

/**
 * Reads and validates a reproducer file completely, before anything is started: the format and
 * version, the metadata, the operation (replayable: not a random one), the request's shape (every
 * number finite), its size, and finally that the reference itself accepts the request (a request
 * it refuses, e.g. inconsistent shapes, judges nothing). Throws InvalidReproducer saying why.
 */
export function readReproducer(path: string): ReproducerFile {
  const bad = (what: string): never => {
    throw new InvalidReproducer(`${path}: ${what}`);
  };
  let text: string;
  try {
    const { size } = statSync(path);
    if (size > MAX_REPRODUCER_BYTES) bad(`${size} bytes, more than a reproducer holds (at most ${MAX_REPRODUCER_BYTES})`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof InvalidReproducer) throw error;
    return bad(`cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (text.trim() === '') bad('is empty, not a reproducer file');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return bad(`is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(data) || data.format !== REPRODUCER_FORMAT || data.version !== 1) bad(`not a reproducer file (format ${REPRODUCER_FORMAT}, version 1)`);
  const file = data as Record<string, unknown>;
  for (const field of ['implementation', 'check', 'message'] as const) {
    if (typeof file[field] !== 'string') bad(`${field} must be a string, got ${shown(file[field])}`);
  }
  if (!Array.isArray(file.specIds) || file.specIds.some((id) => typeof id !== 'string')) bad(`specIds must be a list of strings, got ${shown(file.specIds)}`);
  const operation = file.operation as OperationName;
  if (!OPERATION_NAMES.includes(operation)) bad(`unknown operation ${shown(file.operation)}; known are ${OPERATION_NAMES.join(', ')}`);
  const shape = REQUESTS[operation];
  if (shape === undefined) bad(`${operation} cannot be replayed: its answers are random; rerun the check with the recorded seed instead`);
  try {
    shape!(file.request, '');
    const request = file.request as Record<string, unknown>;
    const cost = work(operation, request);
    if (cost > MAX_REPLAY_WORK)
      bad(`the request is too large to replay (about ${cost.toExponential(1)} multiply-adds, at most ${MAX_REPLAY_WORK.toExponential(1)})`);
    // the reference's own validation: what it refuses, the oracle cannot judge
    const reference = referenceImplementation().operations[operation] as (r: unknown) => unknown;
    reference(request);
  } catch (error) {
    if (error instanceof InvalidReproducer) throw error.message.startsWith(path) ? error : new InvalidReproducer(`${path}: ${error.message}`);
    bad(`the reference refuses the request: ${error instanceof Error ? error.message : String(error)}`);
  }
  return file as unknown as ReproducerFile;
}

/** Replays the reproducer's request on `impl` and judges the answer: one CheckResult. */
export async function replay(impl: Implementation, file: ReproducerFile, options: RunOptions = {}): Promise<CheckResult> {
  const check = {
    id: `replay/${file.check}`,
    specIds: file.specIds,
    title: `replay of ${file.check}: ${file.operation} on the saved request`,
    quote: file.message,
    requires: [file.operation],
    async run(ctx: Parameters<typeof judge>[0]) {
      await judge(ctx, file.operation, file.request);
      return { status: 'pass' as const, message: `${file.operation} on the saved request is now within tolerance` };
    },
  };
  const [result] = await runChecks(impl, [check], { ...options, only: undefined });
  if (result === undefined) throw new CheckFailure('replay: nothing ran');
  return result;
}
