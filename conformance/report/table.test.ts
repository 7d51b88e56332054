import { describe, expect, it } from 'vitest';
import { INVENTORY } from '../../spec/inventory/index.js';
import type { Status } from '../core/check.js';
import type { CheckResult } from '../core/runner.js';
import type { EntryCoverage } from './coverage.js';
import { aggregateStatus, cellFor, formatTable, useColour, wrap } from './table.js';

const entry = (id: string) => {
  const found = INVENTORY.find((e) => e.id === id);
  if (found === undefined) throw new Error(`no inventory entry ${id}`);
  return found;
};

const result = (implementation: string, check: string, specIds: string[], status: Status, message = ''): CheckResult => ({
  implementation,
  check,
  specIds,
  status,
  message,
  durationMs: 12.5,
});

const coverage: EntryCoverage[] = [
  { entry: entry('2.12'), checks: ['forward/random', 'forward/named-cases'] },
  { entry: entry('2.13'), checks: ['forward/random'] },
  { entry: entry('1.5'), checks: ['steps/minibatch'] },
  { entry: entry('alg5.line4'), checks: [] },
  { entry: entry('thm3.1'), checks: [], uncheckable: 'a statement about cost, measured by `npm run bench`' },
];

const failure =
  '2.13: forward a[1] entry 2: expected 0.5, got 0.25, |error| 2.500e-1 > tolerance 1.110e-16 and a long tail of words so that this message has to be wrapped at the width of the terminal';
const results: CheckResult[] = [
  result('reference', 'forward/random', ['2.12', '2.13'], 'pass', '25 random cases (seed 229)'),
  result('reference', 'forward/named-cases', ['2.12'], 'pass'),
  result('accelerated (wasm)', 'forward/random', ['2.12', '2.13'], 'fail', failure),
  result('accelerated (wasm)', 'forward/named-cases', ['2.12'], 'convention', "ReLU'(0) = 0 (notes: 1)"),
];
const impls = ['reference', 'accelerated (wasm)'];
const ANSI = /\u001b\[/;

describe('the per-equation table', () => {
  it('aggregates fail, then unexpected-pass, expected-fail, convention, pass; not-implemented only when all were', () => {
    expect(aggregateStatus(['pass', 'convention', 'expected-fail', 'unexpected-pass', 'fail', 'not-implemented'])).toBe('fail');
    expect(aggregateStatus(['pass', 'convention', 'expected-fail', 'unexpected-pass'])).toBe('unexpected-pass');
    expect(aggregateStatus(['pass', 'convention', 'expected-fail'])).toBe('expected-fail');
    expect(aggregateStatus(['pass', 'convention', 'not-implemented'])).toBe('convention');
    expect(aggregateStatus(['not-implemented', 'pass'])).toBe('pass');
    expect(aggregateStatus(['not-implemented', 'not-implemented'])).toBe('not-implemented');
    expect(aggregateStatus([])).toBeUndefined();
  });

  it('gives each cell the status of its own implementation, or why there is none', () => {
    const cell = (i: number, impl: string) => cellFor(coverage[i]!, impl, results);
    expect([cell(0, 'reference'), cell(0, 'accelerated (wasm)')]).toEqual(['pass', 'fail']);
    expect([cell(1, 'reference'), cell(1, 'accelerated (wasm)')]).toEqual(['pass', 'fail']);
    expect(cell(2, 'reference')).toBe('not run');
    expect(cell(3, 'reference')).toBe('no check');
    expect(cell(4, 'reference')).toBe('—');
  });

  it('prints one row per statement run, the reasons, the failures and a summary within 120 columns', () => {
    const text = formatTable({ implementations: impls, results, coverage });
    const lines = text.split('\n');
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(120);
    expect(lines[0]).toMatch(/^id\s+statement of the notes\s+reference\s+accelerated \(wasm\)$/);
    expect(lines.find((l) => l.startsWith('2.12 '))).toMatch(/ pass +fail$/);
    expect(lines.find((l) => l.startsWith('thm3.1 '))).toMatch(/ — +—$/);
    expect(lines.find((l) => l.startsWith('alg5.line4 '))).toMatch(/ no check +no check$/);
    expect(lines.some((l) => l.startsWith('1.5 '))).toBe(false);
    expect(text).toContain('(1 of 5 statements not shown: no selected check covers them)');
    expect(text).toContain('thm3.1: a statement about cost, measured by `npm run bench`');
    expect(text).toContain('no check covers (a gap in the suite): alg5.line4');
    expect(text).toContain('Failures (1):');
    expect(text).toContain('✗ fail  accelerated (wasm) · forward/random [2.12, 2.13]');
    // the message is all there, wrapped
    expect(text.replace(/\n {4}/g, ' ')).toContain(failure);
    expect(text).toContain("convention  accelerated (wasm) · forward/named-cases: ReLU'(0) = 0 (notes: 1)");
    expect(text).toContain('reference: 2 checks: 2 pass; 0.03 s');
    expect(text).toContain('accelerated (wasm): 2 checks: 1 fail, 1 convention; 0.03 s');
    expect(text).not.toMatch(ANSI);
  });

  it('shows only the statements a selected check covers when the run was restricted, and wraps a long failure heading', () => {
    const specIds = INVENTORY.slice(0, 30).map((e) => e.id);
    const long = [...results, result('reference', 'fixtures/replay', specIds, 'fail', 'short')];
    const text = formatTable({ implementations: impls, results: long, coverage, restricted: true });
    const ids = text
      .split('\n')
      .slice(2)
      .map((l) => l.split(' ')[0]);
    expect(ids.slice(0, 3)).toEqual(['2.12', '2.13', '1.5']);
    expect(text).not.toMatch(/^(thm3\.1|alg5\.line4) /m);
    expect(text).toContain('(2 of 5 statements not shown: no selected check covers them)');
    expect(text).not.toContain('no check covers');
    for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(120);
    expect(text).toMatch(/✗ fail {2}reference · fixtures\/replay \[1\/hypothesis, 1\/linear-in-theta, 1\.1, .*\n {4}\S/);
  });

  it('colours cells only when asked, and asks only for a terminal without NO_COLOR or CI', () => {
    const coloured = formatTable({ implementations: impls, results, coverage, colour: true });
    // the word is coloured, not its padding: the row of eq. 2.12 ends in the reset code
    expect(coloured).toMatch(/^2\.12 .*\u001b\[32mpass\u001b\[0m +\u001b\[31mfail\u001b\[0m$/m);
    expect(useColour({ isTTY: true }, {})).toBe(true);
    expect(useColour({ isTTY: false }, {})).toBe(false);
    expect(useColour({}, {})).toBe(false);
    expect(useColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColour({ isTTY: true }, { CI: 'true' })).toBe(false);
  });

  it('wraps long words and keeps every line within the width', () => {
    const lines = wrap(`short ${'x'.repeat(70)} words after\nsecond paragraph`, 40, '  ');
    expect(lines.every((l) => l.length <= 40)).toBe(true);
    expect(lines).toEqual(['  short', `  ${'x'.repeat(38)}`, `  ${'x'.repeat(32)} words`, '  after', '  second paragraph']);
  });
});
