/**
 * The suite as scripts run it: every check of the registry (or a given list) on each
 * implementation in turn, one implementation at a time (tfjs backends share global state), each
 * closed at the end whatever happened.
 */

import { CHECKS } from '../checks/index.js';
import type { Check } from './check.js';
import type { Implementation } from './interface.js';
import { type CheckResult, type RunOptions, runChecks } from './runner.js';

export interface SuiteOptions extends RunOptions {
  /** The checks to run (default: CHECKS). */
  readonly checks?: readonly Check[];
  /** Called when an implementation's checks are done, with its results and their wall time. */
  readonly onImplementation?: (impl: Implementation, results: readonly CheckResult[], durationMs: number) => void;
}

export interface SuiteRun {
  /** Every (implementation, check) result, implementations in the order given. */
  readonly results: CheckResult[];
  /** Wall time of the whole run, closing included. */
  readonly durationMs: number;
}

/**
 * Runs the selected checks on every implementation in order and closes each one (also when a
 * run or another close throws). A close that throws is reported after every close was attempted.
 */
export async function runSuite(impls: readonly Implementation[], options: SuiteOptions = {}): Promise<SuiteRun> {
  const started = performance.now();
  const results: CheckResult[] = [];
  let stopped: { error: unknown } | undefined;
  try {
    for (const impl of impls) {
      const begun = performance.now();
      const mine = await runChecks(impl, options.checks ?? CHECKS, options);
      results.push(...mine);
      options.onImplementation?.(impl, mine, performance.now() - begun);
    }
  } catch (error) {
    stopped = { error };
  }
  const closeErrors = await closeAll(impls);
  if (stopped !== undefined) throw stopped.error;
  if (closeErrors.length > 0) throw new Error(`closing the implementations failed: ${closeErrors.join('; ')}`);
  return { results, durationMs: performance.now() - started };
}

/** Closes every implementation, in order, and returns the messages of those that threw. */
async function closeAll(impls: readonly Implementation[]): Promise<string[]> {
  const errors: string[] = [];
  for (const impl of impls) {
    try {
      await impl.close?.();
    } catch (error) {
      errors.push(`${impl.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return errors;
}
