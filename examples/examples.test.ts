/**
 * The programs of examples/ under the suite, end to end: each is started through the stdio adapter
 * (spec/protocol.md) and run through the checks of conformance/checks. The numpy and JavaScript
 * examples must pass every check; each deliberately faulty program (examples/faulty/faulty.py)
 * must be reported as failing for its own reason, without hanging and without leaving a process.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type StdioOptions, stdioImplementation } from '../conformance/adapters/stdio.js';
import { CHECKS } from '../conformance/checks/index.js';
import type { OperationName } from '../conformance/core/interface.js';
import { type CheckResult, type RunOptions, runChecks } from '../conformance/core/runner.js';

process.env.PYTHONDONTWRITEBYTECODE = '1'; // the programs inherit it: no __pycache__ in the repository

const path = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
const PYTHON = 'python3';
const NUMPY = path('python/mlp_numpy.py');
const JS = path('js/mlp.mjs');
const FAULTY = path('faulty/faulty.py');

/**
 * Per-request limit for the faulty programs: a hang costs 2.5 s, not the default 10 s, and the
 * handshake (python3 + numpy start in ~0.2 s on an idle machine) still fits when every core is busy.
 */
const SHORT_TIMEOUT_MS = 2500;
/** The check that makes exactly one request per case and does not shrink: a transport fault costs one request. */
const ONE_CHECK = ['forward/named-cases'];

/** Command lines of running processes whose arguments end with `marker` (ps, Linux and macOS). */
function running(marker: string): string[] {
  const table = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return table.split('\n').filter((line) => line.trimEnd().endsWith(marker));
}

/** Waits (≤ 2 s: SIGKILL is asynchronous) until no process ends with `marker`, and asserts it. */
async function expectNoProcess(marker: string): Promise<void> {
  for (let i = 0; i < 20 && running(marker).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(running(marker), `processes left after close: ${marker}`).toEqual([]);
}

/** Starts `command args`, runs the selected checks, closes, and asserts no process of it is left. */
async function verify(command: string, args: string[], run: RunOptions = {}, stdio: StdioOptions = {}): Promise<CheckResult[]> {
  const impl = await stdioImplementation(command, args, stdio);
  try {
    return await runChecks(impl, CHECKS, { runs: 10, ...run });
  } finally {
    await impl.close?.();
    await expectNoProcess(args.join(' '));
  }
}

const summary = (results: readonly CheckResult[]): string[] => results.map((r) => `${r.check}: ${r.status}${r.message ? `: ${r.message}` : ''}`);
const failures = (results: readonly CheckResult[]): CheckResult[] => results.filter((r) => r.status === 'fail');
const uses =
  (ops: readonly OperationName[]) =>
  (result: CheckResult): boolean =>
    CHECKS.find((c) => c.id === result.check)!.requires.some((op) => ops.includes(op));

describe('the example implementations conform', () => {
  for (const [name, command, args] of [
    ['numpy', PYTHON, [NUMPY]],
    ['plain JavaScript', process.execPath, [JS]],
  ] as const) {
    it(`[2.12, 2.13, 1.1, 1.2, 1.5, alg5.line2, alg5.line4, alg5.line5, 4.4] the ${name} example passes every check, strict`, async () => {
      const results = await verify(command, [...args], { strict: true });
      expect(results.length).toBe(CHECKS.length);
      expect(summary(results.filter((r) => r.status !== 'pass'))).toEqual([]);
    });
  }
});

describe('each faulty program fails for its own reason, and nothing is left running', () => {
  const faulty = (fault: string): string[] => [FAULTY, fault];

  /** Transport faults: the single selected check fails with the adapter's reason. */
  const transport: [fault: string, reason: RegExp][] = [
    ['crash', /forward failed: the program exited \(status 3\) while answering forward/],
    ['exit-early', /forward failed: .*the program exited \(status 0\)/],
    ['hang', /forward failed: no answer within 2500 ms/],
    ['sleep-past-timeout', /forward failed: no answer within 2500 ms/],
    ['slow', /forward failed: no answer within 2500 ms/],
    ['not-json', /forward failed: the program wrote a line that is not JSON: "hello"/],
    ['half-line', /forward failed: no answer within 2500 ms/],
    ['flood-stdout', /forward failed: the program wrote a line longer than 8388608 bytes/],
    ['wrong-id', /forward failed: the program answered id (\d+) to request id \d+/],
  ];
  for (const [fault, reason] of transport) {
    it(`${fault}: reported as a failure naming the reason`, async () => {
      const results = await verify(PYTHON, faulty(fault), { only: ONE_CHECK }, { timeoutMs: SHORT_TIMEOUT_MS });
      expect(results.map((r) => r.status)).toEqual(['fail']);
      expect(results[0]!.message).toMatch(reason);
    });
  }

  it('wrong-id: the id answered is the request id + 1', async () => {
    const [result] = await verify(PYTHON, faulty('wrong-id'), { only: ONE_CHECK }, { timeoutMs: SHORT_TIMEOUT_MS });
    const [, got, asked] = /answered id (\d+) to request id (\d+)/.exec(result!.message) ?? [];
    expect(Number(got)).toBe(Number(asked) + 1);
  });

  it('slow: a request the adapter would wait 10 minutes for is cut by the check limit, and close() kills the program', async () => {
    const results = await verify(PYTHON, faulty('slow'), { only: ONE_CHECK, checkTimeoutMs: 1500 }, { timeoutMs: 600_000 });
    expect(results.map((r) => r.status)).toEqual(['fail']);
    expect(results[0]!.message).toBe('forward/named-cases: no result within 1500 ms (the per-check limit: checkTimeoutMs, --check-timeout in verify)');
  });

  it('flood-stderr: 50 MB of logs before the first answer are drained, and the answers pass', async () => {
    const results = await verify(PYTHON, faulty('flood-stderr'), { only: ONE_CHECK });
    expect(summary(results)).toEqual([expect.stringMatching(/^forward\/named-cases: pass/)]);
  });

  it('bad-handshake: refused before any check, naming both protocol versions', async () => {
    await expect(stdioImplementation(PYTHON, faulty('bad-handshake'), { timeoutMs: SHORT_TIMEOUT_MS })).rejects.toThrow(
      'handshake: the program speaks protocol 99, this suite speaks protocol 1',
    );
    await expectNoProcess(faulty('bad-handshake').join(' '));
  });

  it('nan: the checks of forward fail naming the NaN; the others pass', async () => {
    const results = await verify(PYTHON, faulty('nan'));
    // every failure is a check of forward values, naming the NaN; checks that use forward only for shapes may pass
    const forwardUsers = results.filter(uses(['forward'])).map((r) => r.check);
    expect(failures(results).length).toBeGreaterThan(0);
    for (const r of failures(results)) {
      expect(forwardUsers).toContain(r.check);
      expect(r.message).toMatch(/got NaN \(not a finite number\)/);
    }
    expect(results.find((r) => r.check === 'forward/named-cases')?.message).toMatch(/^2\.12: forward h_θ\(x\): expected -?[\d.e-]+, got NaN/);
  });

  it('[alg5.line5, 3.13, 2/layer-shapes] wrong-shapes: transposed ∂J/∂W fails the gradient checks with a shape message; the forward checks pass', async () => {
    const results = await verify(PYTHON, faulty('wrong-shapes'), { runs: 5 });
    const gradientUsers = results.filter(uses(['gradient', 'meanGradient']));
    expect(gradientUsers.length, 'CHECKS has no check of gradient or meanGradient').toBeGreaterThan(0);
    expect(failures(results).length).toBeGreaterThan(0);
    for (const r of failures(results)) {
      expect(gradientUsers.map((g) => g.check)).toContain(r.check);
      expect(r.message).toMatch(/W\[\d+\]/); // the transposed quantity is named (a square W^[k] fails on values)
    }
    expect(failures(results).map((r) => r.message)).toContainEqual(
      expect.stringMatching(/W\[\d+\] \(\d+x\d+, m\d+ x m\d+\): .*must have \d+ entries, got \d+ entries/),
    );
  });

  it('[1.5, 1.3] forgets-1/B: the silently wrong mean gradient fails the checks of eq. 1.5 and only those', async () => {
    const results = await verify(PYTHON, faulty('forgets-1/B'), { runs: 5 });
    const affected = results.filter(uses(['meanGradient', 'gdStep', 'minibatchStep', 'train']));
    expect(affected.length, 'CHECKS has no check of meanGradient, gdStep, minibatchStep or train').toBeGreaterThan(0);
    expect(failures(results).length).toBeGreaterThan(0);
    for (const r of failures(results)) {
      expect(affected.map((a) => a.check)).toContain(r.check);
      expect(r.message).toMatch(/1\.5|1\.3|1\/dataset-gradient|alg2/);
    }
  });
});
