/**
 * `npm run verify` end to end, as a user runs it: the CLI spawned on the examples, its exit code,
 * reports, reproducers, replay, the expectations file and the bound on the whole run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './lib/coverage.js';

const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const JS_EXAMPLE = ['node', 'examples/js/mlp.mjs'];
const FORGETS_1_OVER_B = ['python3', 'examples/faulty/faulty.py', 'forgets-1/B'];

function verify(...args: string[]): { status: number | null; stdout: string; stderr: string; seconds: number } {
  const started = performance.now();
  const run = spawnSync(TSX, ['scripts/verify.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, CI: '1', PYTHONDONTWRITEBYTECODE: '1' }, timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, seconds: (performance.now() - started) / 1000 };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'verify-'));

interface Record {
  check: string;
  status: string;
  message: string;
}

describe('npm run verify', () => {
  it('[2.12, 1.5, alg5.line4] passes the plain JavaScript example (exit 0) and writes the JSON report', () => {
    const dir = tmp();
    const run = verify('--runs', '5', '--json', join(dir, 'r.json'), '--', ...JS_EXAMPLE);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { implementations: { name: string }[]; results: Record[] };
    expect(report.results.length).toBeGreaterThan(50);
    expect(report.results.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(run.stdout).toMatch(/alg5\.line4 .* pass/);
  });

  it('[1.5] fails a silently wrong program (exit 1), saves shrunk reproducers, and --replay reproduces the failure', () => {
    const dir = tmp();
    const run = verify('--only', 'gradient/mean,optimizers/minibatch-step', '--reproducers', dir, '--', ...FORGETS_1_OVER_B);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(0);
    const file = join(dir, files[0]!);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { message: string; specIds: string[] };
    expect(saved.message).toMatch(/^1\.5: /);
    const again = verify('--replay', file, '--', ...FORGETS_1_OVER_B);
    expect(again.status, again.stdout + again.stderr).toBe(1);
    expect(again.stdout).toContain(': fail');
    expect(again.stdout).toMatch(/1\.5: (meanGradient|minibatchStep) /);
    // the correct program answers the same request correctly
    const fixed = verify('--replay', file, '--', 'python3', 'examples/python/mlp_numpy.py');
    expect(fixed.status, fixed.stdout + fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain(': pass');
  });

  it('[1.5] an expectations file turns known failures into expected-fail (exit 0), and a fixed one into unexpected-pass (exit 1)', () => {
    const dir = tmp();
    const known = join(dir, 'known.json');
    writeFileSync(known, JSON.stringify({ knownFailures: [{ check: 'gradient/mean', reason: 'issue 3: the mean is a sum' }] }));
    const run = verify('--only', 'gradient/mean', '--expectations', known, '--', ...FORGETS_1_OVER_B);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('1 expected-fail');
    const fixed = verify('--only', 'gradient/mean', '--expectations', known, '--', 'python3', 'examples/python/mlp_numpy.py');
    expect(fixed.status).toBe(1);
    expect(fixed.stdout).toContain('1 unexpected-pass');
    writeFileSync(known, JSON.stringify({ knownFailures: [{ check: 'no/such-check', reason: 'x' }] }));
    const bad = verify('--expectations', known, '--', ...JS_EXAMPLE);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('knownFailures[0].check "no/such-check" is not a check id');
  });

  it('[2.12] verifies a TypeScript module exporting an Implementation', () => {
    const run = verify('--only', '2.12', '--runs', '5', 'examples/typescript/module.ts');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Verifying reference (float64)');
  });

  it('[2.12] ends within the bound set by --max-time even when the program hangs on every request', () => {
    const run = verify('--timeout', '1000', '--max-time', '3', '--', 'python3', 'examples/faulty/faulty.py', 'hang');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("the run's time limit (--max-time) has passed");
    // bound: 3 s of run + one request in flight (1 s) + starting tsx, mathjs and python (generous on a loaded machine)
    expect(run.seconds).toBeLessThan(60);
  });

  it('[2.12] explains its usage: --help (exit 0), nothing to verify or an unknown option (exit 2)', () => {
    expect(verify('--help').stdout).toContain('npm run verify -- [options] -- COMMAND [ARGS]');
    const none = verify();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('nothing to verify');
    expect(verify('--bogus', 'x.ts').status).toBe(2);
  });
});
