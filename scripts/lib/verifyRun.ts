/** The job behind `npm run verify` (scripts/verify.ts), for parsed options. Resolves to the exit code. */
import { moduleImplementation } from '../../conformance/adapters/module.js';
import { stdioImplementation } from '../../conformance/adapters/stdio.js';
import { CHECKS } from '../../conformance/checks/index.js';
import { specCoverage } from '../../conformance/coverage.js';
import { readExpectations } from '../../conformance/expectations.js';
import type { Implementation } from '../../conformance/interface.js';
import { jsonReport } from '../../conformance/report/json.js';
import { formatTable, useColour } from '../../conformance/report/table.js';
import { readReproducer, replay, writeReproducers } from '../../conformance/reproducer.js';
import { failed, selected, type CheckResult, type RunOptions } from '../../conformance/runner.js';
import { runSuite } from '../../conformance/suite.js';
import { progress, writeReports } from './output.js';
import { UsageError, type Target, type VerifyOptions } from './verifyOptions.js';

function listChecks(): string {
  return CHECKS.map((c) => `${c.id.padEnd(36)} [${c.specIds.join(', ')}]\n${' '.repeat(38)}${c.title}`).join('\n');
}

async function open(target: Target, options: VerifyOptions, deadline: number): Promise<Implementation> {
  try {
    if (target.kind === 'module') return await moduleImplementation(target.path);
    return await stdioImplementation(target.command, target.args, {
      timeoutMs: options.timeoutMs,
      maxMessageBytes: options.maxMessageBytes,
      deadline,
      onRestart: (reason) => process.stderr.isTTY && process.stderr.write(`\r\u001b[K(restarted the program: ${reason})\n`),
    });
  } catch (error) {
    const what = target.kind === 'module' ? target.path : [target.command, ...target.args].join(' ');
    throw new UsageError(`${what} did not start: ${error instanceof Error ? error.message : String(error)}`);
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
  const checks = CHECKS.filter((c) => selected(c, options.only));
  if (checks.length === 0) throw new UsageError(`--only ${options.only.join(',')} matches no check id or spec id (see --list-checks)`);
  const expectations = options.expectations === undefined ? undefined : readExpectations(options.expectations, CHECKS);
  const impl = await open(options.target!, options, deadline);
  const runOptions: RunOptions = {
    strict: options.strict,
    seed: options.seed,
    runs: options.runs,
    only: options.only,
    ...(expectations && { expectations }),
    // a check may make many requests, each allowed the per-request timeout, but never past the run's bound
    checkTimeoutMs: Math.max(60_000, 6 * options.timeoutMs),
  };
  if (options.replay !== undefined) {
    const file = readReproducer(options.replay);
    const result = await replay(impl, file, runOptions);
    await impl.close?.();
    console.log(`replay of ${file.check} (${file.specIds.join(', ')}) on ${impl.name}: ${result.status}${result.message ? `\n  ${result.message}` : ''}`);
    return failed(result) ? 1 : 0;
  }
  console.log(`Verifying ${impl.name} (${impl.dtype}): ${checks.length} checks, seed ${options.seed}, ${options.runs} runs per property${options.strict ? ', strict' : ''}\n`);
  const run = await runSuite([impl], { ...runOptions, checks, onResult: progress(checks.length) });
  console.log(formatTable({ implementations: [impl.name], results: run.results, coverage: specCoverage(), colour: useColour(process.stdout), restricted: options.only.length > 0 }));
  const report = jsonReport({ implementations: [impl], results: run.results, seed: options.seed, strict: options.strict, runs: options.runs, only: options.only });
  for (const file of writeReports(report, options)) console.log(`wrote ${file}`);
  const saved = writeReproducers(options.reproducers, run.results);
  if (saved.length > 0) console.log(`saved ${saved.length} reproducer(s) in ${options.reproducers}/ (rerun one with --replay FILE)`);
  console.log(`\n${summary(run.results, (performance.now() - started) / 1000)}`);
  return run.results.some(failed) ? 1 : 0;
}
