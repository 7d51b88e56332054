/**
 * The proof of spec/protocol.md: examples/python/mlp_stdlib.py was written from the guide alone,
 * with the Python standard library only (it runs under `python3 -I -S`, where no third-party
 * package can be imported), and must pass the whole suite through the stdio adapter: every check
 * passes or is a declared convention, at least one passes, and closing it leaves no process.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stdioImplementation } from '../conformance/adapters/stdio.js';
import { CHECKS } from '../conformance/checks/index.js';
import { type CheckResult, runChecks } from '../conformance/core/runner.js';

process.env.PYTHONDONTWRITEBYTECODE = '1'; // the program inherits it: no __pycache__ in the repository

const STDLIB = fileURLToPath(new URL('python/mlp_stdlib.py', import.meta.url));

/** Command lines of running processes whose arguments end with `marker` (ps, Linux and macOS). */
function running(marker: string): string[] {
  const table = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return table.split('\n').filter((line) => line.trimEnd().endsWith(marker));
}

const summary = (results: readonly CheckResult[]): string[] => results.map((r) => `${r.check}: ${r.status}${r.message ? `: ${r.message}` : ''}`);

describe('the guide is enough to write a conforming program', () => {
  it('[2.12, 1.5, alg5.line5] a stdlib-only Python program written from spec/protocol.md passes every check', { timeout: 240_000 }, async () => {
    // -I: isolated (no user site, no PYTHON* variables); -S: no site module, so only the standard library is importable
    const impl = await stdioImplementation('python3', ['-I', '-S', STDLIB]);
    let results: CheckResult[];
    try {
      expect(impl.dtype).toBe('float64');
      results = await runChecks(impl, CHECKS, { runs: 10 });
    } finally {
      await impl.close?.();
    }
    // close() ends the program (stdin closed, 2 s grace, then its process group is killed): nothing is left
    for (let i = 0; i < 20 && running(STDLIB).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(running(STDLIB), 'processes left after close').toEqual([]);
    expect(results.length).toBe(CHECKS.length);
    expect(summary(results.filter((r) => r.status !== 'pass' && r.status !== 'convention'))).toEqual([]);
    expect(results.filter((r) => r.status === 'pass').length).toBeGreaterThan(0);
  });
});
