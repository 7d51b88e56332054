/** Writes docs/book.md, the equation book, from spec/, reference/ and conformance/ (`npm run book`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseNoOptions, runCli } from './lib/cli.js';
import { PROJECT_ROOT } from './lib/coverage.js';

const USAGE = `Usage: npm run book

Writes docs/book.md, the equation book: every statement of the notes in order, with its LaTeX, its
errata, the reference code and a worked example (npm run docs also redraws the figures).

Options:
  -h, --help   print this help`;

await runCli('book', USAGE, parseNoOptions, async () => {
  const { BOOK_FILE, renderBook } = await import('./lib/book.js');
  const file = join(PROJECT_ROOT, BOOK_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, renderBook());
  console.log(`wrote ${BOOK_FILE}`);
});
