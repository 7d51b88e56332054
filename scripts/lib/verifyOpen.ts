/**
 * Starting the implementation under test for `verify`: a module (imported in-process) or a
 * program over stdio. Light on purpose (only the adapters, no checks, no mathjs): scripts/verify.ts
 * starts a program while the suite is still loading, so its handshake does not wait for the suite.
 */
import { moduleImplementation } from '../../conformance/adapters/module.js';
import { stdioImplementation } from '../../conformance/adapters/stdio.js';
import type { Implementation } from '../../conformance/core/interface.js';
import { UsageError } from './cli.js';
import type { Target, VerifyOptions } from './verifyOptions.js';

/** The run's bound (ms since epoch) from --max-time, counted from when verify started. */
export function runDeadline(options: Pick<VerifyOptions, 'maxTimeS'>): number {
  return Math.round(performance.timeOrigin + options.maxTimeS * 1000);
}

/** Starts `target`; a failure to start is a UsageError (exit code 2) naming it. */
export async function openTarget(target: Target, options: VerifyOptions, deadline: number): Promise<Implementation> {
  try {
    if (target.kind === 'module') return await moduleImplementation(target.path, { timeoutMs: options.timeoutMs, deadline });
    return await stdioImplementation(target.command, target.args, {
      timeoutMs: options.timeoutMs,
      maxMessageBytes: options.maxMessageBytes,
      deadline,
      onRestart: (reason) => process.stderr.isTTY && process.stderr.write(`\r\u001b[K(restarted the program: ${reason})\n`),
      onWarning: (message) => process.stderr.write(`${process.stderr.isTTY ? '\r\u001b[K' : ''}verify: warning: ${message}\n`),
    });
  } catch (error) {
    const what = target.kind === 'module' ? target.path : [target.command, ...target.args].join(' ');
    throw new UsageError(`${what} did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
