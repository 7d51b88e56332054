/** The job behind `npm run verify` (scripts/verify.ts), for parsed options. Resolves to the exit code. */
import { moduleImplementation } from '../../conformance/adapters/module.js';
import { stdioImplementation } from '../../conformance/adapters/stdio.js';
import { CHECKS } from '../../conformance/checks/index.js';
import { readExpectations } from '../../conformance/core/expectations.js';
import type { Implementation } from '../../conformance/core/interface.js';
import { type CheckResult, EXIT_CODES, failed, type RunOptions } from '../../conformance/core/runner.js';
import { type ReproducerFile, readReproducer, replay } from '../../conformance/replay/reproducer.js';
import { printable } from '../../conformance/report/printable.js';
import { UsageError } from './cli.js';
import { runAndReport, selectChecks, settingsLine } from './suiteRun.js';
import type { Target, VerifyOptions } from './verifyOptions.js';

function listChecks(): string {
  return CHECKS.map((c) => `${c.id.padEnd(36)} [${c.specIds.join(', ')}]\n${' '.repeat(38)}${c.title}`).join('\n');
}

async function open(target: Target, options: VerifyOptions, deadline: number): Promise<Implementation> {
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

/** The --replay file, validated completely (conformance/replay/reproducer.ts#readReproducer); a bad one is a usage error. */
function readReplayFile(path: string): ReproducerFile {
  try {
    return readReproducer(path);
  } catch (error) {
    throw new UsageError(`--replay ${error instanceof Error ? error.message : String(error)}`);
  }
}

function summary(results: readonly CheckResult[], seconds: number): string {
  const count = (s: CheckResult['status']): number => results.filter((r) => r.status === s).length;
  const parts = (['pass', 'fail', 'convention', 'not-implemented', 'expected-fail', 'unexpected-pass'] as const).map((s) => `${count(s)} ${s}`);
  return `${parts.join(', ')} in ${seconds.toFixed(1)} s`;
}

export async function runVerify(options: VerifyOptions): Promise<number> {
  if (options.listChecks) {
    console.log(listChecks());
    return 0;
  }
  const started = performance.now();
  const deadline = Date.now() + options.maxTimeS * 1000;
  const checks = selectChecks(options.only, ' (see --list-checks)');
  const expectations = options.expectations === undefined ? undefined : readExpectations(options.expectations, CHECKS);
  // a bad reproducer is refused before anything is started (nothing to stop, nothing left running)
  const reproducer = options.replay === undefined ? undefined : readReplayFile(options.replay);
  const impl = await open(options.target!, options, deadline);
  const runOptions: RunOptions = {
    strict: options.strict,
    seed: options.seed,
    runs: options.runs,
    only: options.only,
    ...(expectations && { expectations }),
    // a check may make many requests, each allowed the per-request timeout; requests never go past --max-time
    checkTimeoutMs: options.checkTimeoutMs,
  };
  if (reproducer !== undefined) {
    const file = reproducer;
    let result: CheckResult;
    try {
      result = await replay(impl, file, runOptions);
    } finally {
      await impl.close?.();
    }
    console.log(
      `replay of ${printable(file.check, 200)} (${printable(file.specIds.join(', '), 200)}) on ${printable(impl.name, 200)}: ${result.status}${result.message ? `\n  ${result.message}` : ''}`,
    );
    return failed(result) ? 1 : 0;
  }
  console.log(`Verifying ${impl.name} (${impl.dtype}): ${checks.length} checks, ${settingsLine(options)}\n`);
  const { run, verdict } = await runAndReport([impl], checks, options, {
    runOptions,
    reproducers: options.reproducers,
    allowNothingVerified: options.allowNothingVerified,
  });
  console.log(`\n${summary(run.results, (performance.now() - started) / 1000)}${verdict.code === EXIT_CODES.conform ? '' : `\n${verdict.line}`}`);
  return verdict.code;
}
