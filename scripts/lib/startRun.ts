/**
 * The job behind `npm start` (scripts/start.ts): the conformance suite on the reference and on the
 * accelerated path (Node's default backend: wasm where it starts, else cpu), the per-equation
 * table, the JSON and JUnit reports, the wall time. Kept apart from the command line so that
 * `--help` and a bad option answer without loading mathjs and tfjs.
 */
import { referenceImplementation } from '../../conformance/adapters/reference.js';
import type { Implementation } from '../../conformance/core/interface.js';
import type { NodeBackend, StartOptions } from './startOptions.js';
import { runAndReport, selectChecks, settingsLine } from './suiteRun.js';

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
  const checks = selectChecks(options.only);
  const impls: Implementation[] = [referenceImplementation()];
  try {
    impls.push(await accelerated(options.backend));
  } catch (error) {
    await releaseBackends();
    throw new Error(`the accelerated path did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`Conformance suite: ${checks.length} checks on ${impls.map((i) => `${i.name} (${i.dtype})`).join(' and ')}; ${settingsLine(options)}\n`);
  const { run, verdict } = await runAndReport(impls, checks, options, { release: releaseBackends });
  console.log(`\n${verdict.line}. Suite ${(run.durationMs / 1000).toFixed(1)} s; total wall time ${(performance.now() / 1000).toFixed(1)} s.`);
  return verdict.code;
}
