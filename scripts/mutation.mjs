#!/usr/bin/env node
/**
 * `npm run mutation`: StrykerJS mutates reference/ (stryker.config.json) and runs the conformance
 * suite on each mutant (vitest.mutation.config.ts): how much of the reference do the checks
 * constrain? Reports: reports/mutation/index.html and mutation.json. Long (tens of minutes on
 * 2 cores): run it in the background.
 *
 *   npm run mutation                                   every mutant of stryker.config.json
 *   npm run mutation -- --mutate reference/loss.ts     only these files (comma-separated globs)
 *   npm run mutation -- --incremental                  reuse reports/mutation/stryker-incremental.json
 *
 * Why not `npx stryker run`: Stryker 10's command line refuses Node < 22 before doing anything,
 * while the project runs on Node 20 (package.json engines), where Stryker's API works (checked
 * on 20.20): this launcher calls the API directly, importing it past the command-line module
 * that holds the version guard.
 */
import { parseArgs } from 'node:util';

// Plain JavaScript (node runs it without tsx), so it cannot import scripts/lib/cli.ts: it follows
// the same rules by hand (strict parseArgs, `mutation: message (see --help)`, exit code 2, --help).
const USAGE = `Usage: npm run mutation -- [options]

Mutates reference/ with StrykerJS (stryker.config.json) and runs the conformance suite on each
mutant; reports in reports/mutation/. Long: tens of minutes on 2 cores.

Options:
  --mutate GLOBS      only these files (comma-separated globs), e.g. reference/loss.ts
  --incremental       reuse reports/mutation/stryker-incremental.json
  --concurrency N     test runner processes (a positive integer; default Stryker's)
  -h, --help          print this help`;

function usageError(message) {
  console.error(`mutation: ${message} (see --help)`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    strict: true,
    allowPositionals: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      mutate: { type: 'string' },
      incremental: { type: 'boolean', default: false },
      concurrency: { type: 'string' },
    },
  }));
} catch (error) {
  usageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.concurrency !== undefined && !(/^\d+$/.test(values.concurrency.trim()) && Number(values.concurrency) >= 1 && Number(values.concurrency) <= 1024)) {
  usageError(`--concurrency must be an integer in 1..1024, got '${values.concurrency}'`);
}
if (values.mutate?.split(',').some((glob) => glob.trim() === '')) {
  usageError(`--mutate takes a comma-separated list of globs without empty items, got '${values.mutate}'`);
}

const options = {
  configFile: 'stryker.config.json',
  ...(values.mutate !== undefined && { mutate: values.mutate.split(',').map((glob) => glob.trim()) }),
  ...(values.incremental && { incremental: true }),
  ...(values.concurrency !== undefined && { concurrency: Number(values.concurrency) }),
};

// imported only now: --help and a bad flag answer without loading Stryker
const { Stryker } = await import('../node_modules/@stryker-mutator/core/dist/src/stryker.js');
const results = await new Stryker(options).runMutationTest();
const count = (status) => results.filter((m) => m.status === status).length;
const killed = count('Killed') + count('Timeout');
const valid = killed + count('Survived') + count('NoCoverage');
console.log(
  `mutation score ${valid === 0 ? 'n/a' : ((100 * killed) / valid).toFixed(2)}%: ${count('Killed')} killed, ${count('Timeout')} timed out, ` +
    `${count('Survived')} survived, ${count('NoCoverage')} without coverage, ${count('CompileError') + count('RuntimeError')} errors, ${count('Ignored')} ignored`,
);
