/**
 * `npm start` end to end, as a user runs it (`tsx scripts/start.ts`, what `npx tsx` runs): a fast
 * subset of the suite on the reference and the accelerated path, the table, the JSON report and
 * the exit codes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../conformance/checks/index.js';
import { failed, selected } from '../conformance/core/runner.js';
import type { JsonReport } from '../conformance/report/json.js';
import { PROJECT_ROOT } from './lib/coverage.js';

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

function start(args: readonly string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    // a pipe, not a terminal: no colour, no progress line
    execFile(TSX, ['scripts/start.ts', ...args], { cwd: PROJECT_ROOT, timeout: 90_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'start-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
  it('--only 2.12 runs the checks of eq. 2.12 on both paths, prints the table and writes the JSON report', async () => {
    const file = join(dir, 'nested', 'report.json');
    const { code, stdout, stderr } = await start(['--only', '2.12', '--json', file, '--runs', '5']);
    const report = JSON.parse(readFileSync(file, 'utf8')) as JsonReport;
    const expectedChecks = CHECKS.filter((c) => selected(c, ['2.12'])).map((c) => c.id);
    expect(report.implementations.map((i) => i.name)).toEqual(['reference', expect.stringMatching(/^accelerated \((wasm|cpu)\)$/)]);
    expect(report.results.map((r) => r.check)).toEqual([...expectedChecks, ...expectedChecks]);
    expect(report.results.every((r) => r.specIds.length > 0 && typeof r.durationMs === 'number')).toBe(true);
    expect([report.seed, report.runs, report.strict, report.only]).toEqual([229, 5, false, ['2.12']]);
    // the reference is the oracle: it conforms to every check of eq. 2.12
    expect(report.results.filter((r) => r.implementation === 'reference' && r.status !== 'pass')).toEqual([]);
    // exit code 1 exactly when a result failed the run
    expect({ code, stderr }).toEqual({ code: report.results.some(failed) ? 1 : 0, stderr: expect.any(String) });
    const lines = stdout.split('\n');
    expect(lines.find((l) => l.startsWith('id '))).toMatch(/^id +statement of the notes +reference +accelerated \((wasm|cpu)\)$/);
    expect(lines.find((l) => l.startsWith('2.12 '))).toMatch(/^2\.12 +The multi-layer fully-connected network with a linear last layer +pass +\S/);
    expect(stdout).not.toMatch(/^thm3\.1 /m);
    expect(stdout).toMatch(/^reference: \d+ checks: \d+ pass; [\d.]+ s$/m);
    expect(stdout).toContain(`wrote ${file}`);
    expect(stdout).toMatch(/total wall time [\d.]+ s\.$/m);
    expect(stdout).not.toContain('\u001b[');
  }, 90_000);

  it('answers --help with the options and exit code 0', async () => {
    const { code, stdout } = await start(['--help']);
    expect(code).toBe(0);
    for (const option of ['--strict', '--seed N', '--runs N', '--only PATTERN', '--backend cpu|wasm', '--json FILE', '--junit FILE'])
      expect(stdout).toContain(option);
  }, 30_000);

  it('stops with exit code 2 and a clear message on an unknown option or a pattern that selects nothing', async () => {
    const unknown = await start(['--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("npm start: Unknown option '--bogus' (see --help)");
    const none = await start(['--only', 'no-such-check']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('npm start: --only no-such-check matches no check id or spec id (see --help)');
  }, 30_000);
});
