// Preloaded by scripts/cli.test.ts (node --import): reports on stderr every import of a heavy
// package (mathjs, tfjs, vega, Stryker, Playwright), so the test can require that a script
// answers --help or a bad flag before loading any.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
const HEAVY = /^(mathjs|@tensorflow\\/|vega($|-)|@stryker-mutator\\/|playwright-core|@sparticuz\\/)|\\/node_modules\\/(mathjs|@tensorflow|vega|vega-lite|@stryker-mutator)\\//;
export async function resolve(specifier, context, next) {
  if (HEAVY.test(specifier)) process.stderr.write('heavy import: ' + specifier + '\\n');
  return next(specifier, context);
}`),
);
