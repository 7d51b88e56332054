/**
 * Runs checks on one Implementation and collects one result per check. A check that throws a
 * CheckFailure fails with its message; any other throw (the implementation crashed, answered
 * garbage, or the check itself broke) also fails, with the reason, and the run goes on.
 */
import { CheckFailure, ImplementationFault, NotSupported, type Check, type CheckContext, type Mismatch, type Reproducer, type Status } from './check.js';
import { capabilities, type Implementation, type OperationName } from './interface.js';
import { toleranceProfile } from './tolerances.js';

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
  /** Per-check limit in ms for asynchronous work (default 60 s); a check past it fails. */
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
  readonly mismatch?: Mismatch;
  readonly reproducer?: Reproducer;
}

export const DEFAULT_SEED = 229;
export const DEFAULT_RUNS = 25;

const pattern = (p: string): RegExp => new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

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
function contextFor(impl: Implementation, options: RunOptions, state: { stopped: boolean }): CheckContext {
  return {
    impl,
    tolerance: toleranceProfile(impl),
    strict: options.strict ?? false,
    seed: options.seed ?? DEFAULT_SEED,
    runs: options.runs ?? DEFAULT_RUNS,
    async call(operation, request) {
      const fn = impl.operations[operation] as ((r: unknown) => unknown) | undefined;
      if (fn === undefined) throw new CheckFailure(`${operation}: not provided by ${impl.name}`);
      if (state.stopped) throw new CheckFailure(`${operation}: not called, the check ran past its time limit`, undefined, undefined, true);
      let answer: unknown;
      try {
        answer = await fn.call(impl.operations, request);
      } catch (error) {
        throw new CheckFailure(`${operation} failed: ${describe(error)}`, undefined, { operation, request }, error instanceof ImplementationFault, error instanceof NotSupported);
      }
      if (answer === undefined || answer === null) {
        throw new CheckFailure(`${operation} returned ${String(answer)} instead of an answer`, undefined, { operation, request });
      }
      return answer as never;
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckFailure(`${what}: no result within ${ms} ms`)), ms);
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
    return { ...base, status: 'not-implemented', message: `needs ${what.join(', ')}`, durationMs: 0 };
  }
  const started = performance.now();
  let status: Status;
  let message: string;
  let mismatch: Mismatch | undefined;
  let reproducer: Reproducer | undefined;
  const state = { stopped: false };
  try {
    const verdict = await withTimeout(check.run(contextFor(impl, options, state)), options.checkTimeoutMs ?? 60_000, check.id);
    status = verdict?.status ?? 'pass';
    message = verdict?.message ?? '';
  } catch (error) {
    state.stopped = true;
    status = error instanceof CheckFailure && error.unsupported ? 'not-implemented' : 'fail';
    message = error instanceof CheckFailure ? error.message : `check stopped by an unexpected error: ${describe(error)}`;
    if (error instanceof CheckFailure && status === 'fail') ({ mismatch, reproducer } = error);
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
  return { ...base, status, message, durationMs, ...(mismatch && { mismatch }), ...(reproducer && { reproducer }) };
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
