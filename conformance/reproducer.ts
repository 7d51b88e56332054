/**
 * Minimal reproducers: the smallest failing request of a failed check (shrunk by fast-check where
 * the check is property-based), saved as JSON so that `verify --replay FILE -- <target>` asks the
 * same question again and judges the answer on its own (conformance/judge.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckFailure } from './check.js';
import { OPERATION_NAMES, type Implementation, type OperationName } from './interface.js';
import { judge } from './judge.js';
import { runChecks, type CheckResult, type RunOptions } from './runner.js';

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

/** Writes one file per failed result that has a reproducer; returns the paths. */
export function writeReproducers(dir: string, results: readonly CheckResult[]): string[] {
  const paths: string[] = [];
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
    paths.push(path);
  }
  return paths;
}

export function readReproducer(path: string): ReproducerFile {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<ReproducerFile>;
  if (data.format !== REPRODUCER_FORMAT || data.version !== 1) throw new Error(`${path}: not a reproducer file (format ${REPRODUCER_FORMAT}, version 1)`);
  if (!OPERATION_NAMES.includes(data.operation as OperationName)) throw new Error(`${path}: unknown operation ${JSON.stringify(data.operation)}`);
  return data as ReproducerFile;
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
