/**
 * The command line of `npm start` (scripts/start.ts): the conformance suite on the reference and
 * on the accelerated path. Parsing only; a bad command line is a UsageError (exit code 2).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_RUNS, DEFAULT_SEED } from '../../conformance/runner.js';

export const NODE_BACKENDS = ['cpu', 'wasm'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

export interface StartOptions {
  readonly help: boolean;
  readonly strict: boolean;
  readonly seed: number;
  readonly runs: number;
  /** Check ids or spec ids ('*' = any characters); empty: every check. */
  readonly only: readonly string[];
  /** The accelerated path's backend; undefined: wasm if it starts, else cpu. */
  readonly backend?: NodeBackend;
  readonly json?: string;
  readonly junit?: string;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
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

/** An integer in [min, max], or a UsageError naming the option. */
export function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer in ${min}..${max}, got '${text}'`);
  }
  return value;
}

/** Parses `npm start`'s arguments (process.argv.slice(2)). Throws UsageError for anything it does not know. */
export function parseStartArgs(args: readonly string[]): StartOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        strict: { type: 'boolean' },
        seed: { type: 'string' },
        runs: { type: 'string' },
        only: { type: 'string', multiple: true },
        backend: { type: 'string' },
        json: { type: 'string' },
        junit: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  const backend = values.backend;
  if (backend !== undefined && !(NODE_BACKENDS as readonly string[]).includes(backend)) {
    throw new UsageError(`--backend must be one of ${NODE_BACKENDS.join(', ')} (webgl and webgpu run in a browser page), got '${backend}'`);
  }
  const only = (values.only ?? []).flatMap((p) => p.split(',')).map((p) => p.trim());
  if (only.some((p) => p === '')) throw new UsageError(`--only needs non-empty patterns, got '${(values.only ?? []).join(',')}'`);
  for (const name of ['json', 'junit'] as const) {
    if (values[name] === '') throw new UsageError(`--${name} needs a file name`);
  }
  // fast-check takes a 32-bit integer seed
  const seed = integer('seed', values.seed, DEFAULT_SEED, -(2 ** 31), 2 ** 31 - 1);
  // each run is a whole random problem; 10,000 per check would take hours
  const runs = integer('runs', values.runs, DEFAULT_RUNS, 1, 10_000);
  return {
    help: values.help ?? false,
    strict: values.strict ?? false,
    seed,
    runs,
    only,
    ...(backend !== undefined && { backend: backend as NodeBackend }),
    ...(values.json !== undefined && { json: values.json }),
    ...(values.junit !== undefined && { junit: values.junit }),
  };
}
