/**
 * The reference functions that transcribe an entry, found where the coverage gate finds them
 * (scripts/lib/coverage.ts#locate): file, line, the first line of the doc comment, and the source
 * lines themselves (doc comment through the closing brace) for the book.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locate, PROJECT_ROOT } from '../coverage.js';

export interface Implementation {
  readonly ref: string;
  readonly file: string;
  readonly exportName: string;
  /** 1-based line of the `export` declaration. */
  readonly line: number;
  /** The doc comment's first line of text, without the comment markers ('' when there is none). */
  readonly summary: string;
  /** The doc comment and the declaration through its closing brace, as in the file. */
  readonly source: readonly string[];
}

/**
 * The doc comment's first line of text: '/** Eq. 3.13: ... *\/' → 'Eq. 3.13: ...', with '…' when
 * the comment goes on (the line may stop mid-sentence).
 */
export function firstDocLine(doc: string): string {
  const lines = doc
    .split('\n')
    .map((raw) =>
      raw
        .trim()
        .replace(/^\/\*\*/, '')
        .replace(/\*\/$/, '')
        .replace(/^\*(?!\/)/, '')
        .trim(),
    )
    .filter((line) => line !== '');
  const [first = ''] = lines;
  return lines.length > 1 ? `${first} …` : first;
}

/**
 * The declaration starting at `start` (0-based), through its end: the line it closes on when its
 * braces balance there (a one-liner), else the first later line starting at column 0 with '}' or ']'.
 */
export function declarationEnd(lines: readonly string[], start: number): number {
  const first = lines[start] ?? '';
  const opened = (first.match(/[{[(]/g) ?? []).length;
  const closed = (first.match(/[}\])]/g) ?? []).length;
  if (opened === closed && /[;}]\s*$/.test(first)) return start;
  for (let i = start + 1; i < lines.length; i++) if (/^[}\]]/.test(lines[i]!)) return i;
  return lines.length - 1;
}

export function implementation(ref: string, root: string = PROJECT_ROOT): Implementation | undefined {
  const site = locate(ref, root);
  if (site === undefined) return undefined;
  const lines = readFileSync(join(root, site.file), 'utf8').split('\n');
  const docLines = site.doc === '' ? 0 : site.doc.split('\n').length;
  const start = site.line - 1;
  return {
    ref,
    file: site.file,
    exportName: site.exportName,
    line: site.line,
    summary: firstDocLine(site.doc),
    source: lines.slice(start - docLines, declarationEnd(lines, start) + 1),
  };
}
