/**
 * The equation book (docs/book.md) is generated, never edited: the committed file must equal a
 * fresh generation, and each section must carry the statement, the code as it is in the files
 * now, the worked example explain prints, and the checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVENTORY } from '../spec/inventory/index.js';
import { anchor, BOOK_FILE, renderBook } from './lib/book.js';
import { PROJECT_ROOT } from './lib/coverage.js';
import { explanationOf } from './lib/explain/explanation.js';
import { declarationEnd, firstDocLine } from './lib/explain/sources.js';

const book = renderBook();

/** The text of one entry's section, from its anchor to the next. */
function sectionOf(id: string): string {
  const start = book.indexOf(`<a id="${anchor(id)}"></a>`);
  const next = book.indexOf('<a id="', start + 1);
  return book.slice(start, next < 0 ? book.length : next);
}

describe('the equation book', () => {
  it('docs/book.md is up to date (after changing spec/, reference/ or a check, run `npm run docs`)', () => {
    const committed = readFileSync(join(PROJECT_ROOT, BOOK_FILE), 'utf8');
    expect(committed === book, `${BOOK_FILE} is stale: run \`npm run docs\` (or \`npm run book\`) and commit it`).toBe(true);
  });

  it("has one section per entry, in the notes' order, each listed in the contents", () => {
    const anchors = INVENTORY.map((e) => anchor(e.id));
    expect(new Set(anchors).size).toBe(INVENTORY.length);
    const positions = anchors.map((a) => book.indexOf(`<a id="${a}"></a>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((p, q) => p - q)).toEqual(positions);
    for (const e of INVENTORY) expect(book).toContain(`- [${e.id}](#${anchor(e.id)}): ${e.title}`);
  });

  it('a section holds the display LaTeX, the errata, the code read from the file, the worked example and the checks', () => {
    const section = sectionOf('3.13');
    const x = explanationOf(INVENTORY.find((e) => e.id === '3.13')!);
    expect(section).toContain(`$$\n${x.entry.latex}\n$$`);
    const site = x.implementations[0]!.site!;
    const lines = readFileSync(join(PROJECT_ROOT, site.file), 'utf8').split('\n');
    expect(lines[site.line - 1]).toMatch(/^export function dJdW\(/);
    expect(section).toContain(`[\`dJdW\`](../${site.file}#L${site.line})`);
    // dJdW also transcribes 3.4/dA-dB-shape, which comes first: its source is shown there, once
    expect(book.split(['```ts', ...site.source, '```'].join('\n'))).toHaveLength(2);
    expect(sectionOf('3.4/dA-dB-shape')).toContain(['```ts', ...site.source, '```'].join('\n'));
    expect(site.source.at(-1)).toBe('}');
    expect(section).toContain(['```text', ...x.example, '```'].join('\n'));
    for (const c of x.coverage.checks) expect(section).toContain(`- \`${c.id}\`: ${c.title}`);
    for (const e of x.errata) expect(book).toContain(['```text', ...e.asPrinted.split('\n'), '```'].join('\n'));
  });

  it('shows each function and each erratum in full once, and links later sections to it', () => {
    const alg5 = sectionOf('alg5.line4');
    expect(alg5).toContain('Erratum `alg5.line4-delta-k-minus-1`** (error in the notes; Algorithm 5, line 4). As printed:');
    expect(alg5).toMatch(/\[`backprop`\]\(\.\.\/reference\/backprop\.ts#L\d+\) in `reference\/backprop\.ts` \(source under \[[^\]]+\]\(#eq-[a-z0-9-]+\)\)/);
    expect(book.split('export function backprop(').length - 1).toBe(1);
    expect(sectionOf('4.4')).toContain('export function firstLayerRows(');
  });
});

describe('code excerpts', () => {
  it("end at the declaration's closing brace, or on its own line for a one-liner", () => {
    expect(declarationEnd(['export const A = 1;', 'const B = {', '}'], 0)).toBe(0);
    expect(declarationEnd(['export function f(): number {', '  if (x) {', '  }', '  return 1;', '}', '}'], 0)).toBe(4);
    expect(declarationEnd(['export function g(', '  a: number,', '): number {', '  return a;', '}'], 0)).toBe(4);
  });

  it('summarize a doc comment by its first line, marking a cut with …', () => {
    expect(firstDocLine('/** Eq. 3.13: ∂J/∂W = ∂J/∂z · uᵀ. */')).toBe('Eq. 3.13: ∂J/∂W = ∂J/∂z · uᵀ.');
    expect(firstDocLine('/**\n * Eq. 3.3 for J = J(g_1, ..., g_k)\n * with g_j = g_j(θ).\n */')).toBe('Eq. 3.3 for J = J(g_1, ..., g_k) …');
    expect(firstDocLine('')).toBe('');
  });
});
