/**
 * `npm run verify` end to end, as a user runs it: the CLI spawned on the examples, its exit code,
 * reports, reproducers, replay, the expectations file and the bound on the whole run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './lib/coverage.js';
import { parseVerifyArgs } from './lib/verifyOptions.js';

const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const JS_EXAMPLE = ['node', 'examples/js/mlp.mjs'];
const FORGETS_1_OVER_B = ['python3', 'examples/faulty/faulty.py', 'forgets-1/B'];

function verify(...args: string[]): { status: number | null; stdout: string; stderr: string; seconds: number } {
  return verifyWith({}, ...args);
}

/** verify with extra environment variables; killed after `timeoutS` (status null) should it not end by itself. */
function verifyWith(env: NodeJS.ProcessEnv, ...args: string[]): { status: number | null; stdout: string; stderr: string; seconds: number } {
  const started = performance.now();
  const timeoutS = Number(env.VERIFY_TEST_TIMEOUT_S ?? 120);
  const run = spawnSync(TSX, ['scripts/verify.ts', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', PYTHONDONTWRITEBYTECODE: '1', ...env },
    timeout: timeoutS * 1000,
    killSignal: 'SIGKILL',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, seconds: (performance.now() - started) / 1000 };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'verify-'));
/** The message of every record of a --json report. */
const messages = (path: string): string[] => (JSON.parse(readFileSync(path, 'utf8')) as { results: { message: string }[] }).results.map((r) => r.message);

interface Record {
  check: string;
  status: string;
  message: string;
}

describe('npm run verify', () => {
  it('passes the plain JavaScript example (exit 0) and writes the JSON report', () => {
    const dir = tmp();
    const run = verify('--runs', '5', '--json', join(dir, 'r.json'), '--', ...JS_EXAMPLE);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { implementations: { name: string }[]; results: Record[] };
    expect(report.results.length).toBeGreaterThan(50);
    expect(report.results.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(run.stdout).toMatch(/alg5\.line4 .* pass/);
  });

  it('fails a silently wrong program (exit 1), saves shrunk reproducers, and --replay reproduces the failure', () => {
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

  it('an expectations file turns known failures into expected-fail (exit 0), and a fixed one into unexpected-pass (exit 1)', () => {
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

  it('verifies a TypeScript module exporting an Implementation', () => {
    const run = verify('--only', '2.12', '--runs', '5', 'examples/typescript/module.ts');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Verifying reference (float64)');
  });

  it('ends within the bound set by --max-time even when the program hangs on every request', () => {
    // --timeout 2500: the handshake (python3 + numpy start in ~0.2 s idle) must fit on a loaded machine too
    const run = verify('--timeout', '2500', '--max-time', '4', '--', 'python3', 'examples/faulty/faulty.py', 'hang');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("the run's time limit (--max-time) has passed");
    // bound: 4 s of run + one request in flight (≤ 2.5 s) + starting tsx, mathjs and python (generous on a loaded machine)
    expect(run.seconds).toBeLessThan(60);
  });

  it('refuses an invalid --replay file (exit 2) at once, before starting the program', () => {
    const dir = tmp();
    const marker = join(dir, 'started');
    // a program that records that it started and then never answers: verify must not start it
    const program = ['node', '-e', `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'yes'); setInterval(() => {}, 1000)`];
    const shapes = join(dir, 'shapes.json');
    const request = { params: { W: [[[1, 2]]], b: [[0]] }, activation: 'relu', x: [1, 2, 3] };
    writeFileSync(
      shapes,
      JSON.stringify({
        format: 'cs229-dl-conformance/reproducer',
        version: 1,
        implementation: 'x',
        check: 'c',
        specIds: ['2.12'],
        message: '',
        operation: 'forward',
        request,
      }),
    );
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    for (const [file, reason] of [
      [empty, 'is empty, not a reproducer file'],
      [shapes, 'the reference refuses the request: eq. 2.12: x must be 2x1'],
    ] as const) {
      const run = verifyWith({ VERIFY_TEST_TIMEOUT_S: '30' }, '--replay', file, '--', ...program);
      expect(run.status, run.stdout + run.stderr).toBe(2);
      expect(run.stderr).toContain(`verify: --replay ${file}: ${reason}`);
      expect(existsSync(marker), 'the program was started').toBe(false);
    }
  });

  it("cuts a request in flight at --max-time, not at the longer --timeout, and says the run's time limit was reached", () => {
    const dir = tmp();
    const args = ['--only', 'forward/named-cases', '--reproducers', dir, '--json', join(dir, 'r.json'), '--timeout', '60000', '--max-time', '5'];
    const run = verifyWith({ VERIFY_TEST_TIMEOUT_S: '50' }, ...args, '--', 'python3', 'examples/faulty/faulty.py', 'hang');
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(messages(join(dir, 'r.json'))).toEqual([
      expect.stringContaining("no answer before the run's time limit (--max-time) was reached while answering forward"),
    ]);
    // 5 s of run + starting tsx, mathjs and python; far from the 60 s of --timeout
    expect(run.seconds).toBeLessThan(30);
  });

  it("ends, and warns, when a grandchild that left the process group (setsid) keeps the program's stdout open", () => {
    const pids = join(tmp(), 'pids');
    writeFileSync(pids, '');
    try {
      const dir = tmp();
      const args = ['--only', 'forward/named-cases', '--reproducers', dir, '--json', join(dir, 'r.json'), '--timeout', '3000', '--max-time', '8'];
      const run = verifyWith({ VERIFY_TEST_TIMEOUT_S: '40', ESCAPED_PID_FILE: pids }, ...args, '--', 'python3', 'scripts/test-data/escaping-child.py');
      expect(run.status, run.stdout + run.stderr).toBe(1);
      expect(messages(join(dir, 'r.json'))).toEqual([expect.stringContaining('no answer within 3000 ms (--timeout)')]);
      expect(run.stderr).toContain("verify: warning: the program's stdout stayed open after the program exited");
      expect(readFileSync(pids, 'utf8').trim()).not.toBe(''); // the grandchild was started (and is killed below)
      expect(run.seconds).toBeLessThan(25);
    } finally {
      for (const pid of readFileSync(pids, 'utf8').split('\n').filter(Boolean)) {
        try {
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  });

  it('a module that calls process.exit inside an operation fails that check, and the run goes on to its report', () => {
    const dir = tmp();
    const args = ['--only', 'forward/*', '--reproducers', dir, '--json', join(dir, 'r.json'), '--timeout', '5000'];
    const run = verifyWith({ VERIFY_TEST_TIMEOUT_S: '40', HOSTILE_MODULE: 'timer-exit' }, ...args, 'scripts/test-data/hostile-module.ts');
    expect(run.status, run.stdout + run.stderr).toBe(1);
    // both checks of forward ran and failed for that reason, and the report was written
    expect(messages(join(dir, 'r.json'))).toEqual([
      expect.stringContaining('the module called process.exit(0) inside forward'),
      expect.stringContaining('the module called process.exit(0) inside forward'),
    ]);
  });

  it('takes the per-check limit from --check-timeout, by default the larger of 60 s and 6 x --timeout', () => {
    expect(parseVerifyArgs(['x.ts']).checkTimeoutMs).toBe(60_000);
    expect(parseVerifyArgs(['--timeout', '20000', 'x.ts']).checkTimeoutMs).toBe(120_000);
    expect(parseVerifyArgs(['--check-timeout', '5000', 'x.ts']).checkTimeoutMs).toBe(5000);
    expect(() => parseVerifyArgs(['--check-timeout', '0', 'x.ts'])).toThrow('--check-timeout must be an integer');
  });

  it('explains its usage: --help (exit 0), nothing to verify or an unknown option (exit 2)', () => {
    const help = verify('--help').stdout;
    expect(help).toContain('npm run verify -- [options] -- COMMAND [ARGS]');
    expect(help).toContain('--check-timeout MS');
    const none = verify();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('nothing to verify');
    expect(verify('--bogus', 'x.ts').status).toBe(2);
  });

  it("--version prints the package's version; reproducers go under the temp directory unless --reproducers names one", () => {
    const version = verify('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(`cs229-verify ${(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version}`);
    expect(parseVerifyArgs(['x.ts']).reproducers.startsWith(tmpdir())).toBe(true);
    expect(parseVerifyArgs(['--reproducers', 'here', 'x.ts']).reproducers).toBe('here');
  });
});
