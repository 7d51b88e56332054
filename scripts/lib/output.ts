/** What `npm start` and `npm run verify` share on output: the progress line and the report files. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { serializeReport, type JsonReport } from '../../conformance/report/json.js';
import { junitReport } from '../../conformance/report/junit.js';
import type { CheckResult } from '../../conformance/runner.js';

/**
 * `reference: 12/40 forward/random` on a terminal's stderr, overwritten in place; silent when
 * stderr is not a terminal or CI is set, so logs and CI output stay clean.
 */
export function progress(total: number, stream: NodeJS.WriteStream = process.stderr): (result: CheckResult) => void {
  if (stream.isTTY !== true || process.env.CI !== undefined) return () => {};
  const done = new Map<string, number>();
  return (r) => {
    const n = (done.get(r.implementation) ?? 0) + 1;
    done.set(r.implementation, n);
    stream.write(`\r\u001b[K${r.implementation}: ${n}/${total} ${r.check}${n === total ? '\r\u001b[K' : ''}`);
  };
}

export function writeFileEnsuringDir(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Writes the JSON and JUnit reports asked for; returns the files written. */
export function writeReports(report: JsonReport, files: { readonly json?: string; readonly junit?: string }): string[] {
  if (files.json !== undefined) writeFileEnsuringDir(files.json, serializeReport(report));
  if (files.junit !== undefined) writeFileEnsuringDir(files.junit, junitReport(report));
  return [files.json, files.junit].filter((f): f is string => f !== undefined);
}
