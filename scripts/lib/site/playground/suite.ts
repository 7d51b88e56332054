/**
 * The conformance suite run on the accelerated path inside the page, on the backend the
 * playground trains on: every check of the registry (CHECKS: the fixture vectors included,
 * fetched from the site by the page), the verdict as `npm start` gives it (runVerdict), and the
 * per-equation rows of its table (conformance/report/table.ts#cellFor). Browser-safe.
 */
import type { BackendName } from '../../../../accelerated/backends.js';
import { acceleratedDeclarations } from '../../../../conformance/adapters/declarations.js';
import { tfjsOperationsOn } from '../../../../conformance/adapters/tfjsOperations.js';
import { CHECKS } from '../../../../conformance/checks/index.js';
import { type CheckResult, DEFAULT_SEED, failed, runChecks, runVerdict } from '../../../../conformance/core/runner.js';
import { specCoverage } from '../../../../conformance/report/coverage.js';
import { type Cell, cellFor } from '../../../../conformance/report/table.js';

export interface SuiteRow {
  readonly id: string;
  readonly title: string;
  readonly cell: Cell;
}

export interface PageSuiteRun {
  readonly implementation: string;
  readonly results: readonly CheckResult[];
  /** One row per statement of the notes, as the terminal table has it. */
  readonly rows: readonly SuiteRow[];
  /** runVerdict's exit code (0: every check passed and something was verified) and its line. */
  readonly verdict: { readonly code: number; readonly line: string };
  /** "check [spec ids]: message" of every failed result. */
  readonly failures: readonly string[];
  readonly seconds: number;
}

/** Runs every check on the accelerated path on `backend` with `runs` random cases per property check. */
export async function runSuiteInPage(backend: BackendName, runs: number, onResult?: (r: CheckResult) => void): Promise<PageSuiteRun> {
  const impl = { ...acceleratedDeclarations(backend), operations: tfjsOperationsOn(backend) };
  const started = performance.now();
  const results = await runChecks(impl, CHECKS, { seed: DEFAULT_SEED, runs, ...(onResult !== undefined && { onResult }) });
  const rows = specCoverage().map((row) => ({ id: row.entry.id, title: row.entry.title, cell: cellFor(row, impl.name, results) }));
  return {
    implementation: impl.name,
    results,
    rows,
    verdict: runVerdict(results),
    failures: results.filter(failed).map((r) => `${r.check} [${r.specIds.join(', ')}]: ${r.message}`),
    seconds: (performance.now() - started) / 1000,
  };
}
