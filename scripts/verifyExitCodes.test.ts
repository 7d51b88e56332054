/**
 * verify's exit codes for runs that verified nothing: a program that declares no operation, or
 * answers `unsupported` to everything, must not show green in a CI (exit 3, not 0), unless asked.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './lib/coverage.js';

const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

function verify(...args: string[]): { status: number | null; stdout: string } {
  const run = spawnSync(TSX, ['scripts/verify.ts', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', PYTHONDONTWRITEBYTECODE: '1' },
    timeout: 120_000,
    killSignal: 'SIGKILL',
  });
  return { status: run.status, stdout: run.stdout };
}

describe('verify on a program that verifies nothing', () => {
  for (const fault of ['declares-nothing', 'unsupported-everything']) {
    it(`${fault}: exit 3 with the reason, exit 0 only with --allow-nothing-verified`, () => {
      const run = verify('--only', 'forward/*,loss/*', '--', 'python3', 'examples/faulty/faulty.py', fault);
      expect(run.status, run.stdout).toBe(3);
      expect(run.stdout).toMatch(/0 pass, 0 fail, 0 convention, \d+ not-implemented/);
      expect(run.stdout).toMatch(/nothing was verified on .*every selected check was not-implemented/);
      const allowed = verify('--allow-nothing-verified', '--only', 'forward/*', '--', 'python3', 'examples/faulty/faulty.py', fault);
      expect(allowed.status, allowed.stdout).toBe(0);
    });
  }
});
