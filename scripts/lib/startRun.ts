/**
 * The job behind `npm start` (scripts/start.ts): the conformance suite on the reference and on the
 * accelerated path (Node's default backend: wasm where it starts, else cpu), the per-equation
 * table, the JSON and JUnit reports, the wall time. Kept apart from the command line so that
 * `--help` and a bad option answer without loading mathjs and tfjs.
 */
import { CHECKS } from '../../conformance/checks/index.js';
import { referenceImplementation } from '../../conformance/adapters/reference.js';
import { specCoverage } from '../../conformance/coverage.js';
import type { Implementation } from '../../conformance/interface.js';
import { jsonReport } from '../../conformance/report/json.js';
import { formatTable, useColour } from '../../conformance/report/table.js';
import { runVerdict, selected } from '../../conformance/runner.js';
import { runSuite } from '../../conformance/suite.js';
import { progress, writeReports } from './output.js';
import { UsageError, type NodeBackend, type StartOptions } from './startOptions.js';

/** The accelerated path on `backend`; with none asked, wasm where it starts, else cpu (as accelerated/node/backends.ts). */
async function accelerated(backend: NodeBackend | undefined): Promise<Implementation> {
  const { acceleratedImplementation } = await import('../../conformance/adapters/accelerated.js');
  if (backend !== undefined) return acceleratedImplementation(backend);
  try {
    return await acceleratedImplementation('wasm');
  } catch (error) {
    console.warn(`wasm backend did not start (${error instanceof Error ? error.message : String(error)}); using cpu`);
    return acceleratedImplementation('cpu');
  }
}

/** Lets the process exit by itself: ends wasm's worker threads if the adapter's close() left them (a no-op otherwise). */
async function releaseBackends(): Promise<void> {
  const { releaseWasm } = await import('../../accelerated/node/backends.js');
  releaseWasm();
}

/** The job of `npm start` for parsed options: runs, prints, writes the reports; resolves to the exit code (runner.ts#EXIT_CODES). */
export async function runStart(options: StartOptions): Promise<number> {
  const checks = CHECKS.filter((c) => selected(c, options.only));
  if (checks.length === 0) throw new UsageError(`--only ${options.only.join(',')} matches no check id or spec id`);
  const impls: Implementation[] = [referenceImplementation()];
  try {
    impls.push(await accelerated(options.backend));
  } catch (error) {
    await releaseBackends();
    throw new Error(`the accelerated path did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  const runOptions = { strict: options.strict, seed: options.seed, runs: options.runs, only: options.only };
  console.log(`Conformance suite: ${checks.length} checks on ${impls.map((i) => `${i.name} (${i.dtype})`).join(' and ')}; seed ${options.seed}, ${options.runs} runs per property${options.strict ? ', strict' : ''}\n`);
  let run;
  try {
    run = await runSuite(impls, { ...runOptions, checks, onResult: progress(checks.length) });
  } finally {
    await releaseBackends();
  }
  console.log(formatTable({ implementations: impls.map((i) => i.name), results: run.results, coverage: specCoverage(), colour: useColour(process.stdout), restricted: options.only.length > 0 }));
  const report = jsonReport({ implementations: impls, results: run.results, ...runOptions });
  for (const file of writeReports(report, options)) console.log(`wrote ${file}`);
  const verdict = runVerdict(run.results);
  console.log(`\n${verdict.line}. Suite ${(run.durationMs / 1000).toFixed(1)} s; total wall time ${(performance.now() / 1000).toFixed(1)} s.`);
  return verdict.code;
}
