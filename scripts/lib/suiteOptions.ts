/**
 * The options `npm start` and `npm run verify` share (--only, --strict, --seed, --runs, --json,
 * --junit): their parseArgs declarations, their validation and their help lines. Parsing only
 * (no mathjs, no tfjs): scripts/lib/startOptions.ts and scripts/lib/verifyOptions.ts add each
 * command's own options.
 */
import { DEFAULT_RUNS, DEFAULT_SEED } from '../../conformance/core/runner.js';
import { type CliOptions, fileName, integer, UsageError } from './cli.js';

/** The parseArgs declarations of the shared options. */
export const SUITE_OPTIONS = {
  strict: { type: 'boolean' },
  seed: { type: 'string' },
  runs: { type: 'string' },
  only: { type: 'string', multiple: true },
  json: { type: 'string' },
  junit: { type: 'string' },
} as const;

export interface SuiteCliOptions extends CliOptions {
  readonly strict: boolean;
  readonly seed: number;
  readonly runs: number;
  /** Check ids or spec ids ('*' = any characters); empty: every check. */
  readonly only: readonly string[];
  readonly json?: string;
  readonly junit?: string;
}

/** The raw values of the shared options (and --help), as parseCommandLine returns them. */
export interface SuiteValues {
  readonly help?: boolean | undefined;
  readonly strict?: boolean | undefined;
  readonly seed?: string | undefined;
  readonly runs?: string | undefined;
  readonly only?: readonly string[] | undefined;
  readonly json?: string | undefined;
  readonly junit?: string | undefined;
}

/** Validates the shared options; a UsageError names the option. */
export function suiteOptions(values: SuiteValues): SuiteCliOptions {
  const only = (values.only ?? []).flatMap((p) => p.split(',')).map((p) => p.trim());
  if (only.some((p) => p === '')) throw new UsageError(`--only needs non-empty patterns, got '${(values.only ?? []).join(',')}'`);
  const json = fileName('json', values.json);
  const junit = fileName('junit', values.junit);
  return {
    help: values.help ?? false,
    strict: values.strict ?? false,
    // fast-check takes a 32-bit integer seed
    seed: integer('seed', values.seed, DEFAULT_SEED, -(2 ** 31), 2 ** 31 - 1),
    // each run is a whole random problem; 10,000 per check would take hours
    runs: integer('runs', values.runs, DEFAULT_RUNS, 1, 10_000),
    only,
    ...(json !== undefined && { json }),
    ...(junit !== undefined && { junit }),
  };
}
