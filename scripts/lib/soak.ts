/**
 * The soak behind `npm run soak` (scripts/soak.ts): the whole suite over many seeds on
 * implementations known to be correct, to prove that a correct implementation never fails a
 * check whatever the seed. The first seed runs every check; later seeds rerun only the checks
 * whose cases depend on the seed (CheckResult.seeded): the others ask the same questions again.
 */
import { fileURLToPath } from 'node:url';
import { CHECKS } from '../../conformance/checks/index.js';
import type { Check } from '../../conformance/core/check.js';
import type { Implementation } from '../../conformance/core/interface.js';
import { type CheckResult, runChecks } from '../../conformance/core/runner.js';
import { SOAK_TARGETS, type SoakTarget } from './soakTargets.js';

/** The implementations a soak can run: the reference, the accelerated path, the example programs (numpy, Python's standard library, plain JavaScript). */
export { SOAK_TARGETS, type SoakTarget };

const example = (relative: string): string => fileURLToPath(new URL(`../../examples/${relative}`, import.meta.url));

/** Opens one target as an Implementation (tfjs and the programs only when asked for). */
export async function openTarget(target: SoakTarget): Promise<Implementation> {
  switch (target) {
    case 'reference': {
      const { referenceImplementation } = await import('../../conformance/adapters/reference.js');
      return referenceImplementation();
    }
    case 'cpu':
    case 'wasm': {
      const { acceleratedImplementation } = await import('../../conformance/adapters/accelerated.js');
      return acceleratedImplementation(target);
    }
    case 'python':
    case 'stdlib':
    case 'js': {
      const { stdioImplementation } = await import('../../conformance/adapters/stdio.js');
      process.env.PYTHONDONTWRITEBYTECODE = '1';
      const programs = {
        python: ['python3', example('python/mlp_numpy.py')],
        stdlib: ['python3', example('python/mlp_stdlib.py')],
        js: [process.execPath, example('js/mlp.mjs')],
      };
      const [command, path] = programs[target];
      return stdioImplementation(command!, [path!]);
    }
  }
}

export interface SoakOptions {
  readonly targets: readonly SoakTarget[];
  /** Seeds first, first + 1, ..., first + seeds − 1. */
  readonly first: number;
  readonly seeds: number;
  readonly runs: number;
  readonly checks?: readonly Check[];
  /** Called after each (target, seed) with its results. */
  readonly onSeed?: (target: SoakTarget, seed: number, results: readonly CheckResult[]) => void;
}

export interface SoakFailure {
  readonly target: SoakTarget;
  readonly seed: number;
  readonly check: string;
  readonly status: CheckResult['status'];
  readonly message: string;
}

export interface SoakTargetSummary {
  readonly target: SoakTarget;
  readonly implementation: string;
  /** Check runs in all (every check at the first seed, the seeded ones at each later seed). */
  readonly checkRuns: number;
  /** The checks rerun at every seed. */
  readonly seededChecks: readonly string[];
  readonly passed: number;
  readonly notImplemented: number;
  /** Random cases discarded outside the domain, summed over the seeds (from the checks' messages). */
  readonly discarded: number;
  readonly durationMs: number;
}

export interface SoakResult {
  readonly targets: readonly SoakTargetSummary[];
  readonly failures: readonly SoakFailure[];
}

/** "N more drawn and discarded" in a property check's summary (property.ts#forAll). */
const discardedIn = (message: string): number => Number(/(\d+) more drawn and discarded/.exec(message)?.[1] ?? 0);

/** Runs the soak; resolves to every failure (a correct target has none) and a summary per target. */
export async function soak(options: SoakOptions): Promise<SoakResult> {
  const all = options.checks ?? CHECKS;
  const failures: SoakFailure[] = [];
  const targets: SoakTargetSummary[] = [];
  for (const target of options.targets) {
    const started = performance.now();
    const impl = await openTarget(target);
    let seeded: readonly Check[] = all;
    let checkRuns = 0;
    let passed = 0;
    let notImplemented = 0;
    let discarded = 0;
    try {
      for (let i = 0; i < options.seeds; i++) {
        const seed = options.first + i;
        const results = await runChecks(impl, i === 0 ? all : seeded, { seed, runs: options.runs });
        if (i === 0) seeded = all.filter((c) => results.some((r) => r.check === c.id && r.seeded));
        checkRuns += results.length;
        for (const r of results) {
          if (r.status === 'pass' || r.status === 'convention') passed++;
          else if (r.status === 'not-implemented') notImplemented++;
          else failures.push({ target, seed, check: r.check, status: r.status, message: r.message });
          discarded += discardedIn(r.message);
        }
        options.onSeed?.(target, seed, results);
      }
    } finally {
      await impl.close?.();
    }
    targets.push({
      target,
      implementation: impl.name,
      checkRuns,
      seededChecks: seeded.map((c) => c.id),
      passed,
      notImplemented,
      discarded,
      durationMs: performance.now() - started,
    });
  }
  return { targets, failures };
}
