/**
 * The command line of `npm run verify` (scripts/verify.ts): which implementation to verify and
 * how. Parsing only; a bad command line is a UsageError (exit code 2).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RUNS, DEFAULT_SEED } from '../../conformance/core/runner.js';
import { fileName, integer, parseCommandLine, UsageError } from './cli.js';
import { SUITE_OPTIONS, type SuiteCliOptions, suiteOptions } from './suiteOptions.js';

export type Target =
  | { readonly kind: 'module'; readonly path: string }
  | { readonly kind: 'command'; readonly command: string; readonly args: readonly string[] };

export interface VerifyOptions extends SuiteCliOptions {
  readonly listChecks: boolean;
  readonly target?: Target;
  readonly expectations?: string;
  readonly timeoutMs: number;
  /** The per-check limit (--check-timeout; default max(60000, 6 × timeoutMs)). */
  readonly checkTimeoutMs: number;
  readonly maxTimeS: number;
  readonly maxMessageBytes: number;
  readonly reproducers: string;
  /** --version: print the suite's version and exit. */
  readonly version: boolean;
  readonly allowNothingVerified: boolean;
  readonly replay?: string;
}

export const USAGE = `Usage:
  npm run verify -- [options] MODULE            a .ts/.js module exporting an Implementation
  npm run verify -- [options] -- COMMAND [ARGS]  a program speaking spec/protocol.md over stdio
  (installed as a package: cs229-verify [options] ...)

Runs the conformance suite on your implementation of the CS229 deep-learning notes and prints, per
equation, what conforms; every failure names the equation, the operation, the layer and the element,
with expected and got values and the tolerance.

Exit codes: 0 every selected check passed (or is a declared convention, or a listed known failure)
and at least one verified something; 1 a check failed (a crash, a hang, garbage, a process.exit
inside a module operation included) or a known failure passed; 2 bad command line, an unusable
--replay file, or an implementation that would not start; 3 nothing was verified (every check
not-implemented: the program declared nothing or answered unsupported to everything).

Options:
  --only PATTERN[,...]      checks whose id or spec id matches ('*' = any characters), e.g. 3.13 or 'gradient/*'
  --expectations FILE       your known failures: {"knownFailures": [{"check": ID, "reason": TEXT}]}
  --strict                  demand the notes' own conventions (ReLU'(0) = 1)
  --seed N                  seed of every random case (default ${DEFAULT_SEED}); failures print the seed to replay
  --runs N                  random cases per property-based check (default ${DEFAULT_RUNS})
  --timeout MS              per-request limit, for a program or a module's operation (default 10000)
  --check-timeout MS        per-check limit: a check still running after it fails (default the larger
                            of 60000 and 6 x --timeout)
  --max-time S              bound on the whole run in seconds (default 900): a request in flight waits
                            at most until it, later requests fail at once
  --max-message-bytes N     longest accepted answer line (default 8388608)
  --json FILE               one record per check as JSON (same shape as npm start's)
  --junit FILE              JUnit XML report
  --reproducers DIR         where to save the smallest failing request of each failed check (default: a
                            new directory under the system's temp directory; each file is named under its failure)
  --replay FILE             ask only the saved request of FILE again and judge the answer
  --allow-nothing-verified  exit 0, not 3, when no check verified anything
  --list-checks             list the checks with their spec ids and exit
  --version                 print the version of the suite and exit
  -h, --help                print this help`;

/** Parses verify's arguments: options, then MODULE, or `--` then a command and its arguments. */
export function parseVerifyArgs(argv: readonly string[]): VerifyOptions {
  const dash = argv.indexOf('--');
  const own = dash === -1 ? argv : argv.slice(0, dash);
  const command = dash === -1 ? [] : argv.slice(dash + 1);
  const { values, positionals } = parseCommandLine(
    own,
    {
      ...SUITE_OPTIONS,
      'list-checks': { type: 'boolean' },
      expectations: { type: 'string' },
      timeout: { type: 'string' },
      'check-timeout': { type: 'string' },
      'max-time': { type: 'string' },
      'max-message-bytes': { type: 'string' },
      reproducers: { type: 'string' },
      'allow-nothing-verified': { type: 'boolean' },
      replay: { type: 'string' },
      version: { type: 'boolean' },
    },
    true,
  );
  const help = values.help ?? false;
  const listChecks = values['list-checks'] ?? false;
  let target: Target | undefined;
  if (command.length > 0) {
    if (positionals.length > 0)
      throw new UsageError(`give either a MODULE or '-- COMMAND', not both (got ${positionals.join(' ')} and -- ${command.join(' ')})`);
    target = { kind: 'command', command: command[0]!, args: command.slice(1) };
  } else if (positionals.length === 1) {
    target = { kind: 'module', path: positionals[0]! };
  } else if (positionals.length > 1) {
    throw new UsageError(`one MODULE at most, got ${positionals.join(' ')}; to run a program put -- before it: -- ${positionals.join(' ')}`);
  } else if (dash !== -1) {
    throw new UsageError("'--' must be followed by the command to run");
  }
  const version = values.version ?? false;
  if (target === undefined && !help && !listChecks && !version) throw new UsageError('nothing to verify: give a MODULE or -- COMMAND [ARGS]');
  const suite = suiteOptions(values);
  const expectations = fileName('expectations', values.expectations);
  const reproducers = fileName('reproducers', values.reproducers);
  const replay = fileName('replay', values.replay);
  const timeoutMs = integer('timeout', values.timeout, 10_000, 1, 3_600_000);
  return {
    ...suite,
    listChecks,
    version,
    ...(target !== undefined && { target }),
    ...(expectations !== undefined && { expectations }),
    timeoutMs,
    checkTimeoutMs: integer('check-timeout', values['check-timeout'], Math.max(60_000, 6 * timeoutMs), 1, 86_400_000),
    maxTimeS: integer('max-time', values['max-time'], 900, 1, 86_400),
    maxMessageBytes: integer('max-message-bytes', values['max-message-bytes'], 8 * 1024 * 1024, 1024, 1024 ** 3),
    // not into the user's working tree unasked: a directory of this run under the system's temp directory
    reproducers: reproducers ?? join(tmpdir(), `cs229-verify-reproducers-${process.pid}`),
    allowNothingVerified: values['allow-nothing-verified'] ?? false,
    ...(replay !== undefined && { replay }),
  };
}
