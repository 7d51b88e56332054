/** Writes spec/inventory.md and spec/errata.md from the spec data (`npm run spec:docs`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNoOptions, runCli } from './lib/cli.js';
import { PROJECT_ROOT } from './lib/coverage.js';

const USAGE = `Usage: npm run spec:docs

Writes spec/inventory.md and spec/errata.md from the spec data (spec/inventory/, spec/errata.ts).

Options:
  -h, --help   print this help`;

await runCli('spec:docs', USAGE, parseNoOptions, async () => {
  const { renderErrata, renderInventory } = await import('./lib/specDocs.js');
  for (const [file, text] of [
    ['inventory.md', renderInventory()],
    ['errata.md', renderErrata()],
  ] as const) {
    writeFileSync(join(PROJECT_ROOT, 'spec', file), text);
    console.log(`wrote spec/${file}`);
  }
});
