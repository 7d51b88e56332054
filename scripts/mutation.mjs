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
import { Stryker } from '../node_modules/@stryker-mutator/core/dist/src/stryker.js';

const { values } = parseArgs({
  options: {
    mutate: { type: 'string' },
    incremental: { type: 'boolean', default: false },
    concurrency: { type: 'string' },
  },
});

const options = {
  configFile: 'stryker.config.json',
  ...(values.mutate !== undefined && { mutate: values.mutate.split(',') }),
  ...(values.incremental && { incremental: true }),
  ...(values.concurrency !== undefined && { concurrency: Number(values.concurrency) }),
};

const results = await new Stryker(options).runMutationTest();
const count = (status) => results.filter((m) => m.status === status).length;
const killed = count('Killed') + count('Timeout');
const valid = killed + count('Survived') + count('NoCoverage');
console.log(
  `mutation score ${valid === 0 ? 'n/a' : ((100 * killed) / valid).toFixed(2)}%: ${count('Killed')} killed, ${count('Timeout')} timed out, ` +
    `${count('Survived')} survived, ${count('NoCoverage')} without coverage, ${count('CompileError') + count('RuntimeError')} errors, ${count('Ignored')} ignored`,
);
