/**
 * The one command-line layer of scripts/*.ts: strict `node:util` parseArgs, value parsers that
 * name the flag they reject, and runCli, which prints `name: message (see --help)` and sets exit
 * code 2 for a bad command line. Imports nothing but node:util, so that a script answers `--help`
 * or a bad flag before loading mathjs, tfjs or vega (scripts/cli.test.ts holds every script to it):
 * scripts parse first and import their heavy modules inside `main`.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A bad command line: exit code 2, with the message and a pointer to --help. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Every script has -h/--help. */
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * `parseArgs` in strict mode with -h/--help added: an unknown flag, a missing value, a value given
 * to a boolean flag or (unless allowed) a positional argument is a UsageError naming it.
 */
export function parseCommandLine<const O extends OptionsConfig, const P extends boolean = false>(
  args: readonly string[],
  options: O,
  allowPositionals?: P,
): Parsed<O, P> {
  try {
    return parseArgs({ args: [...args], options: { ...options, ...HELP }, strict: true, allowPositionals: allowPositionals ?? false }) as Parsed<O, P>;
  } catch (error) {
    // node names the flag or argument ("Unknown option '--x'. To specify a positional argument ..."): its first line
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}

/** What parseCommandLine returns: `values` typed from the options (help included), `positionals`. */
export type Parsed<O extends OptionsConfig, P extends boolean> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & typeof HELP; strict: true; allowPositionals: P }>
>;

/** The command line of a script that takes no option but -h/--help. */
export function parseNoOptions(args: readonly string[]): CliOptions {
  return { help: parseCommandLine(args, {}).values.help ?? false };
}

/** An integer in [min, max] (decimal digits, optional sign), `fallback` when absent; else a UsageError naming --name. */
export function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer in ${min}..${max}, got '${text}'`);
  }
  return value;
}

/** A finite number in [min, max], `fallback` when absent; else a UsageError naming --name. */
export function number(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value) || value < min || value > max) throw new UsageError(`--${name} must be a number in ${min}..${max}, got '${text}'`);
  return value;
}

/** One of `allowed`, or undefined when absent; else a UsageError naming --name. */
export function oneOf<const T extends string>(name: string, text: string | undefined, allowed: readonly T[], hint = ''): T | undefined {
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}${hint}, got '${text}'`);
  return text as T;
}

/** A comma-separated list (trimmed, at least one item), each among `allowed` when given; undefined when absent. */
export function list<const T extends string = string>(name: string, text: string | undefined, allowed?: readonly T[]): T[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',').map((x) => x.trim());
  if (items.some((x) => x === ''))
    throw new UsageError(`--${name} takes a comma-separated list${allowed ? ` of ${allowed.join(', ')}` : ''} without empty items, got '${text}'`);
  const bad = allowed === undefined ? [] : items.filter((x) => !(allowed as readonly string[]).includes(x));
  if (bad.length > 0) throw new UsageError(`--${name} takes a comma-separated list of ${allowed!.join(', ')}; unknown: ${bad.join(', ')}`);
  return items as T[];
}

/** A file or directory name: undefined when absent, a UsageError when empty (`--json=`). */
export function fileName(name: string, text: string | undefined): string | undefined {
  if (text === '') throw new UsageError(`--${name} needs a file name`);
  return text;
}

/** What every parsed command line has. */
export interface CliOptions {
  readonly help: boolean;
}

/**
 * Runs a script: parses `argv` (default process.argv.slice(2)); `--help` prints `usage` (exit 0);
 * else runs `main`, whose number is the exit code. A UsageError, from parsing or from `main`,
 * prints `name: message (see --help)`; any other error `name: message`; both exit 2 (a bad
 * command line, or something the run needs that would not start). Never throws.
 */
export async function runCli<T extends CliOptions>(
  name: string,
  usage: string,
  parse: (args: readonly string[]) => T,
  main: (options: T) => Promise<number | void> | number | void,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  try {
    const options = parse(argv);
    if (options.help) {
      console.log(usage);
      process.exitCode = 0;
      return;
    }
    const code = await main(options);
    if (typeof code === 'number') process.exitCode = code;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${name}: ${message}${error instanceof UsageError ? ' (see --help)' : ''}`);
    process.exitCode = 2;
  }
}
