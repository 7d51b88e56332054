/**
 * The run path `npm start` (scripts/lib/startRun.ts) and `npm run verify` (scripts/lib/verifyRun.ts)
 * share: the checks --only selects, the settings line, the run with its progress bars, the
 * per-equation table, the JSON and JUnit reports, the reproducers, and the verdict
 * (conformance/core/runner.ts#runVerdict) that gives the exit code.
 */

import { CHECKS } from '../../conformance/checks/index.js';
import type { Check } from '../../conformance/core/check.js';
import type { Implementation } from '../../conformance/core/interface.js';
import { type RunOptions, runVerdict, selected } from '../../conformance/core/runner.js';
import { runSuite, type SuiteRun } from '../../conformance/core/suite.js';
import { writeReproducers } from '../../conformance/replay/reproducer.js';
import { specCoverage } from '../../conformance/report/coverage.js';
import { jsonReport } from '../../conformance/report/json.js';
import { formatTable, useColour } from '../../conformance/report/table.js';
import { UsageError } from './cli.js';
import { progress, writeReports } from './output.js';
import type { SuiteCliOptions } from './suiteOptions.js';

/** The checks --only selects (every check without it); none is a UsageError, `hint` appended to its message. */
export function selectChecks(only: readonly string[], hint = ''): Check[] {
  const checks = CHECKS.filter((c) => selected(c, only));
  if (checks.length === 0) throw new UsageError(`--only ${only.join(',')} matches no check id or spec id${hint}`);
  return checks;
}

/** `seed S, R runs per property[, strict]`: the settings both commands print before running. */
export function settingsLine(options: SuiteCliOptions): string {
  return `seed ${options.seed}, ${options.runs} runs per property${options.strict ? ', strict' : ''}`;
}

export interface ReportedRun {
  readonly run: SuiteRun;
  /** The exit code (runner.ts#EXIT_CODES) and the line that explains it. */
  readonly verdict: { readonly code: number; readonly line: string };
}

/**
 * Runs `checks` on `impls` with progress bars, then prints the per-equation table, writes the
 * reproducers (when `reproducers` names a directory: one per failed check, named under its
 * failure in the table), the --json and --junit reports, and computes the verdict.
 * `release` runs once the suite has ended, thrown or not (start ends tfjs's wasm threads there).
 */
export async function runAndReport(
  impls: readonly Implementation[],
  checks: readonly Check[],
  options: SuiteCliOptions,
  extra: {
    readonly runOptions?: RunOptions;
    readonly reproducers?: string;
    readonly allowNothingVerified?: boolean;
    readonly release?: () => Promise<void>;
  } = {},
): Promise<ReportedRun> {
  const runOptions: RunOptions = { ...extra.runOptions, strict: options.strict, seed: options.seed, runs: options.runs, only: options.only };
  let run: SuiteRun;
  try {
    run = await runSuite(impls, { ...runOptions, checks, onResult: progress(checks.length) });
  } finally {
    await extra.release?.();
  }
  const reproducers = extra.reproducers === undefined ? undefined : writeReproducers(extra.reproducers, run.results);
  console.log(
    formatTable({
      implementations: impls.map((i) => i.name),
      results: run.results,
      coverage: specCoverage(),
      colour: useColour(process.stdout),
      restricted: options.only.length > 0,
      ...(reproducers !== undefined && { reproducers }),
    }),
  );
  const report = jsonReport({
    implementations: impls,
    results: run.results,
    seed: options.seed,
    strict: options.strict,
    runs: options.runs,
    only: options.only,
  });
  for (const file of writeReports(report, options)) console.log(`wrote ${file}`);
  if (reproducers !== undefined && reproducers.size > 0)
    console.log(`saved ${reproducers.size} reproducer(s) in ${extra.reproducers}/ (rerun one with --replay FILE)`);
  return { run, verdict: runVerdict(run.results, { allowNothingVerified: extra.allowNothingVerified ?? false }) };
}
