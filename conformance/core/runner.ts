/**
 * Runs checks on one Implementation and collects one result per check. A check that throws a
 * CheckFailure fails with its message; any other throw (the implementation crashed, answered
 * garbage, or the check itself broke) also fails, with the reason, and the run goes on.
 */

import { toleranceProfile } from '../oracles/tolerances.js';
import {
  type Check,
  type CheckContext,
  CheckFailure,
  ImplementationFault,
  type Mismatch,
  NotSupported,
  type Replay,
  type Reproducer,
  type Status,
} from './check.js';
import { type Activation, capabilities, type Implementation, type OperationName } from './interface.js';

export interface RunOptions {
  /** Demand the notes' conventions (ReLU'(0) = 1). */
  readonly strict?: boolean;
  readonly seed?: number;
  /** Property-based runs per check (default 25). */
  readonly runs?: number;
  /** Check ids or spec ids to run; '*' matches any run of characters. Default: all. */
  readonly only?: readonly string[];
  /** Known failures: check id → reason. A failure becomes expected-fail, a pass unexpected-pass. */
  readonly expectations?: ReadonlyMap<string, string>;
  /** Per-check limit in ms for asynchronous work (default 60 s; verify's --check-timeout); a check past it fails. */
  readonly checkTimeoutMs?: number;
  /** Called after each check (progress). */
  readonly onResult?: (result: CheckResult) => void;
}

/** One record per (implementation, check): the JSON report's record. */
export interface CheckResult {
  readonly implementation: string;
  readonly check: string;
  readonly specIds: readonly string[];
  readonly status: Status;
  readonly message: string;
  readonly durationMs: number;
  /**
   * The statements the status is about: on a pass, those the check verified (the statements of an
   * activation the implementation lacks are left out; a fixture replay names its vectors' ids);
   * on a failure, those it breaks (the equation its mismatch names, else the failing case's ids);
   * none when not-implemented. Absent: all of specIds (runner.ts#verdictIds).
   */
  readonly verdictSpecIds?: readonly string[];
  readonly mismatch?: Mismatch;
  readonly reproducer?: Reproducer;
  /** The check drew random cases from --seed: another seed asks other questions (scripts/soak.ts reruns only these). */
  readonly seeded?: true;
  /** fast-check's seed, path and shrink count of a property check's counterexample. */
  readonly replay?: Replay;
}

/** The statements a result's status is about (CheckResult.verdictSpecIds, defaulting to its specIds). */
export function verdictIds(result: CheckResult): readonly string[] {
  return result.verdictSpecIds ?? (result.status === 'not-implemented' ? [] : result.specIds);
}

/** Statements about one activation: verified only on an implementation that supports one of these. */
const ACTIVATION_STATEMENTS: Readonly<Record<string, readonly Activation[]>> = {
  '2/relu': ['relu'],
  '3.4/relu-prime': ['relu'],
  '2.14': ['sigmoid'],
  '2.15': ['tanh'],
  '3.4/sigma-prime': ['sigmoid', 'tanh', 'identity'],
};

/** The spec ids among `ids` that `impl` can have verified (activation statements need the activation). */
export function verifiable(ids: readonly string[], impl: Pick<Implementation, 'activations'>): string[] {
  return ids.filter((id) => ACTIVATION_STATEMENTS[id]?.some((a) => impl.activations.includes(a)) ?? true);
}

export const DEFAULT_SEED = 229;
export const DEFAULT_RUNS = 25;

const pattern = (p: string): RegExp =>
  new RegExp(
    `^${p
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

/** Whether `check` is selected by `only` (its id or any of its spec ids matches a pattern). */
export function selected(check: Check, only: readonly string[] | undefined): boolean {
  if (only === undefined || only.length === 0) return true;
  const res = only.map(pattern);
  return res.some((re) => re.test(check.id) || check.specIds.some((id) => re.test(id)));
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * A context for one check whose `call` turns every way an operation can misbehave into a
 * CheckFailure. Once `state.stopped` is set (the check ran past its limit) every call fails at
 * once, so an abandoned check cannot keep talking to the implementation.
 */
interface RunState {
  /** The check ran past its limit: further calls fail at once. */
  stopped: boolean;
  /** The check read ctx.seed. */
  seeded: boolean;
  /** The latest failure a property check found (shrinking goes from larger to smaller ones). */
  found?: CheckFailure;
}

function contextFor(impl: Implementation, options: RunOptions, state: RunState): CheckContext {
  const seed = options.seed ?? DEFAULT_SEED;
  return {
    found(failure) {
      state.found = failure;
    },
    impl,
    tolerance: toleranceProfile(impl),
    strict: options.strict ?? false,
    get seed() {
      state.seeded = true;
      return seed;
    },
    runs: options.runs ?? DEFAULT_RUNS,
    async call(operation, request) {
      const fn = impl.operations[operation] as ((r: unknown) => unknown) | undefined;
      if (fn === undefined) throw new CheckFailure(`${operation}: not provided by ${impl.name}`);
      if (state.stopped) throw new CheckFailure(`${operation}: not called, the check ran past its time limit`, undefined, undefined, true);
      let answer: unknown;
      try {
        answer = await fn.call(impl.operations, request);
      } catch (error) {
        throw new CheckFailure(
          `${operation} failed: ${describe(error)}`,
          undefined,
          { operation, request },
          error instanceof ImplementationFault,
          error instanceof NotSupported,
        );
      }
      if (answer === undefined || answer === null) {
        throw new CheckFailure(`${operation} returned ${String(answer)} instead of an answer`, undefined, { operation, request });
      }
      return answer as never;
    },
  };
}

/** The per-check limit ran out; `found` is the failure the check had found by then (while shrinking it), if any. */
function timedOut(what: string, ms: number, found: CheckFailure | undefined): CheckFailure {
  const limit = `no result within ${ms} ms (the per-check limit: checkTimeoutMs, --check-timeout in verify)`;
  if (found === undefined) return new CheckFailure(`${what}: ${limit}`);
  return new CheckFailure(`${found.message} [shrinking stopped: ${limit}]`, found.mismatch, found.reproducer, false, false, found.replay, found.specIds);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string, found: () => CheckFailure | undefined): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut(what, ms, found())), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

async function runOne(check: Check, impl: Implementation, options: RunOptions): Promise<CheckResult> {
  const base = { implementation: impl.name, check: check.id, specIds: check.specIds };
  const have = capabilities(impl);
  const missing = check.requires.filter((op: OperationName) => !have.includes(op));
  const missingActivations = (check.activations ?? []).filter((a) => !impl.activations.includes(a));
  if (missing.length > 0 || missingActivations.length > 0) {
    const what = [...missing.map((op) => `operation ${op}`), ...missingActivations.map((a) => `activation ${a}`)];
    return { ...base, status: 'not-implemented', message: `needs ${what.join(', ')}`, durationMs: 0, verdictSpecIds: [] };
  }
  const started = performance.now();
  let status: Status;
  let message: string;
  let mismatch: Mismatch | undefined;
  let reproducer: Reproducer | undefined;
  let replay: Replay | undefined;
  let verdictSpecIds: readonly string[];
  const state: RunState = { stopped: false, seeded: false };
  try {
    const verdict = await withTimeout(check.run(contextFor(impl, options, state)), options.checkTimeoutMs ?? 60_000, check.id, () => state.found);
    status = verdict?.status ?? 'pass';
    message = verdict?.message ?? '';
    verdictSpecIds = verifiable(verdict?.specIds ?? check.specIds, impl);
  } catch (error) {
    state.stopped = true;
    status = error instanceof CheckFailure && error.unsupported ? 'not-implemented' : 'fail';
    message = error instanceof CheckFailure ? error.message : `check stopped by an unexpected error: ${describe(error)}`;
    verdictSpecIds = [];
    if (error instanceof CheckFailure && status === 'fail') {
      ({ mismatch, reproducer, replay } = error);
      verdictSpecIds = mismatch !== undefined ? [mismatch.specId] : (error.specIds ?? check.specIds);
    } else if (status === 'fail') verdictSpecIds = check.specIds;
  }
  const reason = options.expectations?.get(check.id);
  if (reason !== undefined) {
    if (status === 'fail') status = 'expected-fail';
    else if (status === 'pass') {
      status = 'unexpected-pass';
      message = `listed as a known failure (${reason}) but passed${message ? `: ${message}` : ''}`;
    }
  }
  const durationMs = performance.now() - started;
  return {
    ...base,
    status,
    message,
    durationMs,
    verdictSpecIds,
    ...(state.seeded && { seeded: true as const }),
    ...(mismatch && { mismatch }),
    ...(reproducer && { reproducer }),
    ...(replay && { replay }),
  };
}

/** Runs the selected checks on `impl`, in order, one at a time. Does not close `impl`. */
export async function runChecks(impl: Implementation, checks: readonly Check[], options: RunOptions = {}): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks.filter((c) => selected(c, options.only))) {
    const result = await runOne(check, impl, options);
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}

/** Statuses that fail a run: a check that should pass did not, or a known failure was fixed. */
export function failed(result: CheckResult): boolean {
  return result.status === 'fail' || result.status === 'unexpected-pass';
}

/** The exit codes of `npm start` and `verify` (their --help and the README list them). */
export const EXIT_CODES = {
  /** Every selected check passed (or is a declared convention, or a listed known failure), and on each implementation at least one check ran. */
  conform: 0,
  /** A check failed, or a listed known failure passed. */
  failed: 1,
  /** A bad command line, an implementation that would not start, an unusable --replay file. */
  usage: 2,
  /** Nothing was verified on some implementation: every selected check was not-implemented. */
  nothingVerified: 3,
} as const;

/**
 * The verdict of a whole run: its exit code and one line saying why. A run that verified nothing on
 * an implementation (an empty program, one that answers `unsupported` to everything) is not a
 * pass unless `allowNothingVerified`: a CI must not show green for an empty implementation.
 */
export function runVerdict(results: readonly CheckResult[], options: { readonly allowNothingVerified?: boolean } = {}): { code: number; line: string } {
  const failures = results.filter(failed).length;
  if (failures > 0) return { code: EXIT_CODES.failed, line: `${failures} result(s) failed the run (fail or unexpected-pass)` };
  const names = [...new Set(results.map((r) => r.implementation))];
  const empty = names.filter((name) => results.every((r) => r.implementation !== name || r.status === 'not-implemented'));
  if (empty.length > 0 && options.allowNothingVerified !== true) {
    return {
      code: EXIT_CODES.nothingVerified,
      line: `nothing was verified on ${empty.join(', ')}: every selected check was not-implemented (exit code ${EXIT_CODES.nothingVerified}; --allow-nothing-verified accepts such a run)`,
    };
  }
  return { code: EXIT_CODES.conform, line: 'No check failed' };
}
