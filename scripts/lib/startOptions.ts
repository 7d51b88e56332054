/**
 * The command line of `npm start` (scripts/start.ts): the conformance suite on the reference and
 * on the accelerated path. Parsing only; a bad command line is a UsageError (exit code 2).
 */
import { DEFAULT_RUNS, DEFAULT_SEED } from '../../conformance/core/runner.js';
import { oneOf, parseCommandLine } from './cli.js';
import { SUITE_OPTIONS, type SuiteCliOptions, suiteOptions } from './suiteOptions.js';

export const NODE_BACKENDS = ['cpu', 'wasm'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

export interface StartOptions extends SuiteCliOptions {
  /** The accelerated path's backend; undefined: wasm if it starts, else cpu. */
  readonly backend?: NodeBackend;
}

export const USAGE = `Usage: npm start -- [options]

Runs the conformance suite (conformance/checks) on the reference (mathjs, float64) and on the
accelerated path (tfjs, float32), prints one row per statement of the notes with the status of the
checks covering it on each, then every failure. Exit code 0: all conform; 1: a check failed or a
known failure passed; 2: bad command line or an implementation that would not start; 3: nothing
was verified on an implementation (every selected check not-implemented).

Options:
  --strict              demand the notes' own conventions (ReLU'(0) = 1)
  --seed N              seed of every random case (default ${DEFAULT_SEED}); replays a reported failure
  --runs N              random cases per property-based check (default ${DEFAULT_RUNS})
  --only PATTERN[,...]  run only the checks whose id or spec id matches ('*' = any characters),
                        e.g. --only 2.12 or --only 'gradient/*,1.5'; may be repeated
  --backend cpu|wasm    tfjs backend of the accelerated path (default: wasm if it starts, else cpu)
  --json FILE           write one record per (implementation, check) as JSON
  --junit FILE          write a JUnit XML report
  -h, --help            print this help`;

/** Parses `npm start`'s arguments (process.argv.slice(2)). Throws UsageError for anything it does not know. */
export function parseStartArgs(args: readonly string[]): StartOptions {
  const { values } = parseCommandLine(args, { ...SUITE_OPTIONS, backend: { type: 'string' } });
  const backend = oneOf('backend', values.backend, NODE_BACKENDS, ' (webgl and webgpu run in a browser page)');
  return { ...suiteOptions(values), ...(backend !== undefined && { backend }) };
}
