/**
 * `npm run fixtures`: regenerates fixtures/*.json from the reference (the generator is
 * scripts/lib/fixtures/generate.ts) and writes them, then prints one line per file. The files are
 * committed; scripts/lib/fixtures/fixtures.test.ts fails when they differ from a fresh generation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNoOptions, runCli } from './lib/cli.js';
import { generateFixtures } from './lib/fixtures/generate.js';

const USAGE = `Usage: npm run fixtures

Regenerates fixtures/*.json (with fixtures/manifest.json) from the reference and writes them.

Options:
  -h, --help   print this help`;

await runCli('fixtures', USAGE, parseNoOptions, () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const started = performance.now();
  const files = generateFixtures();
  for (const [path, text] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`${path}  ${text.length} bytes`);
  }
  console.log(`${Object.keys(files).length} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
