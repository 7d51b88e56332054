/** Writes spec/inventory.md and spec/errata.md from the spec data (`npm run spec:docs`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './lib/coverage.js';
import { renderErrata, renderInventory } from './lib/specDocs.js';

for (const [file, text] of [['inventory.md', renderInventory()], ['errata.md', renderErrata()]] as const) {
  writeFileSync(join(PROJECT_ROOT, 'spec', file), text);
  console.log(`wrote spec/${file}`);
}
