import { describe, expect, it } from 'vitest';
import { DEFAULT_RUNS, DEFAULT_SEED } from '../../conformance/core/runner.js';
import { UsageError } from './cli.js';
import { parseStartArgs } from './startOptions.js';

describe('npm start options', () => {
  it('defaults: every check, the default seed and runs, lenient, backend chosen at run time, no report files', () => {
    expect(parseStartArgs([])).toEqual({ help: false, strict: false, seed: DEFAULT_SEED, runs: DEFAULT_RUNS, only: [] });
  });

  it('reads every option; --only splits on commas and may be repeated', () => {
    const args = [
      '--strict',
      '--seed=-7',
      '--runs',
      '3',
      '--only',
      '2.12,alg5.*',
      '--only',
      'gradient/*',
      '--backend',
      'cpu',
      '--json',
      'out/r.json',
      '--junit',
      'r.xml',
    ];
    expect(parseStartArgs(args)).toEqual({
      help: false,
      strict: true,
      seed: -7,
      runs: 3,
      only: ['2.12', 'alg5.*', 'gradient/*'],
      backend: 'cpu',
      json: 'out/r.json',
      junit: 'r.xml',
    });
    expect(parseStartArgs(['-h']).help).toBe(true);
  });

  it('rejects what it does not know with a message naming the option', () => {
    const cases: [string[], RegExp][] = [
      [['--bogus'], /Unknown option '--bogus'/],
      [['extra'], /Unexpected argument 'extra'/],
      [['--seed'], /--seed <value>' argument missing/],
      [['--seed', '1.5'], /--seed must be an integer/],
      [['--seed', '99999999999'], /--seed must be an integer in -2147483648\.\.2147483647/],
      [['--runs', '0'], /--runs must be an integer in 1\.\.10000, got '0'/],
      [['--runs', '2e1'], /--runs must be an integer/],
      [['--backend', 'webgl'], /--backend must be one of cpu, wasm/],
      [['--only', '2.12,'], /--only needs non-empty patterns/],
      [['--json='], /--json needs a file name/],
      [['--strict=yes'], /'--strict' does not take an argument/],
    ];
    for (const [args, message] of cases) {
      expect(() => parseStartArgs(args), args.join(' ')).toThrow(UsageError);
      expect(() => parseStartArgs(args), args.join(' ')).toThrow(message);
    }
  });
});
