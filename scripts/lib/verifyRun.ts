/** The job behind `npm run verify` (scripts/verify.ts), for parsed options. Resolves to the exit code. */
import { CHECKS } from '../../conformance/checks/index.js';
import { readExpectations } from '../../conformance/core/expectations.js';
import type { Implementation } from '../../conformance/core/interface.js';
import { type CheckResult, EXIT_CODES, failed, type RunOptions } from '../../conformance/core/runner.js';
import { type ReproducerFile, readReproducer, replay } from '../../conformance/replay/reproducer.js';
import { printable } from '../../conformance/report/printable.js';
import { UsageError } from './cli.js';
import { runAndReport, selectChecks, settingsLine } from './suiteRun.js';
import { openTarget, runDeadline } from './verifyOpen.js';
import type { VerifyOptions } from './verifyOptions.js';

function listChecks(): string {
  return CHECKS.map((c) => `${c.id.padEnd(36)} [${c.specIds.join(', ')}]\n${' '.repeat(38)}${c.title}`).join('\n');
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

/**
 * Runs verify for parsed options. `starting` is the implementation scripts/verify.ts started while
 * this module loaded (a program, not a replay); on a usage error found here it is closed again.
 */
export async function runVerify(options: VerifyOptions, starting?: Promise<Implementation>): Promise<number> {
  if (options.listChecks) {
    console.log(listChecks());
    return 0;
  }
  const started = performance.now();
  let checks: ReturnType<typeof selectChecks>;
  let expectations: ReturnType<typeof readExpectations> | undefined;
  let reproducer: ReproducerFile | undefined;
  try {
    checks = selectChecks(options.only, ' (see --list-checks)');
    expectations = options.expectations === undefined ? undefined : readExpectations(options.expectations, CHECKS);
    // a bad reproducer is refused before anything is started (nothing to stop, nothing left running)
    reproducer = options.replay === undefined ? undefined : readReplayFile(options.replay);
  } catch (error) {
    await (await starting?.catch(() => undefined))?.close?.();
    throw error;
  }
  const impl = await (starting ?? openTarget(options.target!, options, runDeadline(options)));
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
