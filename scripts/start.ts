/**
 * `npm start`: the conformance suite (conformance/checks) on the reference (mathjs, float64) and
 * on the accelerated path (tfjs, float32), the per-equation table, every failure, optional JSON
 * and JUnit reports, the wall time (scripts/lib/startRun.ts). Exit code 1 when a check failed or
 * a known failure passed; 2 for a bad command line or an implementation that would not start.
 * `npm start -- --help` lists the options (scripts/lib/startOptions.ts, on
 * scripts/lib/cli.ts).
 */
import { runCli } from './lib/cli.js';
import { parseStartArgs, USAGE } from './lib/startOptions.js';

await runCli('npm start', USAGE, parseStartArgs, async (options) => (await import('./lib/startRun.js')).runStart(options));
