/** Writes docs/book.md, the equation book, from spec/, reference/ and conformance/ (`npm run book`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from './lib/coverage.js';
import { BOOK_FILE, renderBook } from './lib/book.js';

const file = join(PROJECT_ROOT, BOOK_FILE);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, renderBook());
console.log(`wrote ${BOOK_FILE}`);
