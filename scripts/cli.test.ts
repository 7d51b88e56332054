/**
 * The one command-line layer (scripts/lib/cli.ts), for every script as a user runs it (through
 * tsx): an unknown flag is exit code 2 with the flag named on stderr, --help is exit code 0 with
 * the usage on stdout, and neither loads mathjs, tfjs, vega or Stryker (parsing comes first).
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { integer, list, number, oneOf, parseCommandLine, runCli, UsageError } from './lib/cli.js';
import { PROJECT_ROOT } from './lib/coverage.js';

const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const HOOK = join(PROJECT_ROOT, 'scripts', 'test-data', 'heavy-imports.mjs');

/** Every command-line entry point: scripts/*.ts (tests aside) and scripts/mutation.mjs. */
const SCRIPTS = readdirSync(join(PROJECT_ROOT, 'scripts'))
  .filter((f) => (f.endsWith('.ts') && !f.endsWith('.test.ts')) || f.endsWith('.mjs'))
  .sort();

/**
 * Scripts whose heavy modules still load before parsing: scripts/fixtures.ts imports its generator
 * (the reference, mathjs) statically while that generator is being moved; it still answers first.
 */
const LOADS_HEAVY_BEFORE_PARSING = new Set(['fixtures.ts']);

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(script: string, args: readonly string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      ['--import', HOOK, join('scripts', script), ...args],
      { cwd: PROJECT_ROOT, timeout: 30_000, env: { ...process.env, CI: '1' } },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
      },
    );
  });
}

describe('every script', () => {
  it('is here: the entry points of package.json', () => {
    expect(SCRIPTS).toEqual([
      'bench.ts',
      'book.ts',
      'coverage.ts',
      'explain.ts',
      'fixtures.ts',
      'mutation.mjs',
      'plots.ts',
      'site.ts',
      'soak.ts',
      'spec-docs.ts',
      'start.ts',
      'startup.ts',
      'train.ts',
      'verify.ts',
    ]);
  });

  for (const script of SCRIPTS) {
    it(`${script}: an unknown flag is exit code 2 naming it, --help is exit code 0, neither loads a heavy module`, async () => {
      const [bad, help] = await Promise.all([run(script, ['--no-such-flag']), run(script, ['--help'])]);
      expect(bad.code, bad.stderr).toBe(2);
      expect(bad.stderr).toMatch(/: Unknown option '--no-such-flag'.* \(see --help\)\n/);
      expect(bad.stdout).toBe('');
      expect(help.code, help.stderr).toBe(0);
      expect(help.stdout).toMatch(/^Usage:/);
      expect(help.stdout).toContain('-h, --help');
      if (!LOADS_HEAVY_BEFORE_PARSING.has(script)) {
        expect(bad.stderr).not.toContain('heavy import:');
        expect(help.stderr).not.toContain('heavy import:');
      }
    }, 60_000);
  }

  it('names the flag whose value is missing or ill-formed', async () => {
    const cases: [string, string[], string][] = [
      ['train.ts', ['--backnd', 'cpu'], "train: Unknown option '--backnd' (see --help)"],
      ['train.ts', ['--iterations', '1.5'], "train: --iterations must be an integer in 1..10000000, got '1.5' (see --help)"],
      ['bench.ts', ['--json'], "bench: Option '--json <value>' argument missing (see --help)"],
      ['bench.ts', ['--networks', 'huge'], 'bench: --networks takes a comma-separated list of small, large; unknown: huge (see --help)'],
      ['coverage.ts', ['--json=yes'], "coverage: Option '--json' does not take an argument (see --help)"],
      ['mutation.mjs', ['--concurrency', 'two'], "mutation: --concurrency must be an integer in 1..1024, got 'two' (see --help)"],
    ];
    const outcomes = await Promise.all(cases.map(([script, args]) => run(script, args)));
    outcomes.forEach((outcome, i) => {
      expect(outcome.code, cases[i]!.join(' ')).toBe(2);
      expect(outcome.stderr).toContain(cases[i]![2]);
      expect(outcome.stderr).not.toContain('heavy import:');
    });
  }, 60_000);
});

describe('scripts/lib/cli.ts', () => {
  it('parses strictly, with -h/--help added', () => {
    const options = { n: { type: 'string' }, flag: { type: 'boolean' } } as const;
    expect(parseCommandLine(['--n', '3', '--flag'], options).values).toEqual({ n: '3', flag: true });
    expect(parseCommandLine(['-h'], options).values.help).toBe(true);
    expect(parseCommandLine(['x'], options, true).positionals).toEqual(['x']);
    expect(() => parseCommandLine(['--nn', '3'], options)).toThrow(new UsageError("Unknown option '--nn'"));
    expect(() => parseCommandLine(['--nn'], options, true)).toThrow(/^Unknown option '--nn'\. To specify a positional argument/);
    expect(() => parseCommandLine(['--n'], options)).toThrow(UsageError);
    expect(() => parseCommandLine(['--flag=1'], options)).toThrow("Option '--flag' does not take an argument");
    expect(() => parseCommandLine(['x'], options)).toThrow("Unexpected argument 'x'");
  });

  it('parses integers, numbers, choices and lists, naming the option it refuses', () => {
    expect(integer('n', undefined, 7, 1, 10)).toBe(7);
    expect(integer('n', '-3', 7, -5, 10)).toBe(-3);
    for (const bad of ['1.5', '2e1', '', 'x', '11']) expect(() => integer('n', bad, 7, 1, 10)).toThrow(`--n must be an integer in 1..10, got '${bad}'`);
    expect(number('alpha', '0.5', 1, 0, 1)).toBe(0.5);
    for (const bad of ['', 'NaN', 'Infinity', '2']) expect(() => number('alpha', bad, 1, 0, 1)).toThrow(`--alpha must be a number in 0..1, got '${bad}'`);
    expect(oneOf('backend', 'cpu', ['cpu', 'wasm'])).toBe('cpu');
    expect(oneOf('backend', undefined, ['cpu', 'wasm'])).toBeUndefined();
    expect(() => oneOf('backend', 'gpu', ['cpu', 'wasm'])).toThrow("--backend must be one of cpu, wasm, got 'gpu'");
    expect(list('targets', ' a, b', ['a', 'b'])).toEqual(['a', 'b']);
    expect(() => list('targets', 'a,,b', ['a', 'b'])).toThrow('--targets takes a comma-separated list of a, b without empty items');
    expect(() => list('targets', 'a,c', ['a', 'b'])).toThrow('unknown: c');
  });

  it('runCli: help on stdout (exit 0), the exit code main returns, `name: message (see --help)` and exit 2 for a usage error', async () => {
    const logs: string[] = [];
    const errors: string[] = [];
    const saved = { log: console.log, error: console.error, exitCode: process.exitCode };
    console.log = (text: string) => void logs.push(text);
    console.error = (text: string) => void errors.push(text);
    const parse = (args: readonly string[]) => ({ help: parseCommandLine(args, {}).values.help ?? false });
    const codes: (number | string | undefined)[] = [];
    try {
      for (const args of [['--help'], [], ['--bogus']]) {
        process.exitCode = undefined;
        await runCli('tool', 'Usage: tool', parse, () => 3, args);
        codes.push(process.exitCode);
      }
      process.exitCode = undefined;
      await runCli('tool', 'Usage: tool', parse, () => Promise.reject(new Error('did not start')), []);
      codes.push(process.exitCode);
    } finally {
      console.log = saved.log;
      console.error = saved.error;
      process.exitCode = saved.exitCode;
    }
    expect(codes).toEqual([0, 3, 2, 2]);
    expect(logs).toEqual(['Usage: tool']);
    expect(errors).toEqual([expect.stringMatching(/^tool: Unknown option '--bogus'.* \(see --help\)$/), 'tool: did not start']);
  });
});
