/**
 * `npm start`: the conformance suite (conformance/checks) on the reference (mathjs, float64) and
 * on the accelerated path (tfjs, float32), the per-equation table, every failure, optional JSON
 * and JUnit reports, the wall time (scripts/lib/startRun.ts). Exit code 1 when a check failed or
 * a known failure passed; 2 for a bad command line or an implementation that would not start.
 * `npm start -- --help` lists the options (scripts/lib/startOptions.ts).
 */
import { parseStartArgs, USAGE, UsageError } from './lib/startOptions.js';

try {
  const options = parseStartArgs(process.argv.slice(2));
  if (options.help) console.log(USAGE);
  else {
    const { runStart } = await import('./lib/startRun.js');
    process.exitCode = await runStart(options);
  }
} catch (error) {
  const usage = error instanceof UsageError;
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}${usage ? ' (see --help)' : ''}`);
  process.exitCode = 2;
}
