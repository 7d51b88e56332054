/** Writes docs/book/ (index.md and one chapter per section of the notes), the equation book, from spec/, reference/ and conformance/ (`npm run book`). */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseNoOptions, runCli } from './lib/cli.js';
import { PROJECT_ROOT } from './lib/coverage.js';

const USAGE = `Usage: npm run book

Writes docs/book/, the equation book: index.md (the contents) and one chapter per section of the
notes, every statement in order with its LaTeX, its errata, the reference code and a worked example
(npm run docs also redraws the figures). Files in docs/book/ it did not write are removed.

Options:
  -h, --help   print this help`;

await runCli('book', USAGE, parseNoOptions, async () => {
  const { BOOK_DIR, renderBook } = await import('./lib/book.js');
  const files = renderBook();
  const dir = join(PROJECT_ROOT, BOOK_DIR);
  mkdirSync(dir, { recursive: true });
  for (const stale of readdirSync(dir).filter((name) => !files.has(`${BOOK_DIR}/${name}`))) {
    rmSync(join(dir, stale), { recursive: true });
    console.log(`removed ${BOOK_DIR}/${stale}`);
  }
  for (const [path, text] of files) {
    mkdirSync(dirname(join(PROJECT_ROOT, path)), { recursive: true });
    writeFileSync(join(PROJECT_ROOT, path), text);
    console.log(`wrote ${path} (${Math.round(Buffer.byteLength(text) / 1024)} KB)`);
  }
});
