/**
 * The equation book (docs/book/: index.md and one chapter per section of the notes) is generated,
 * never edited: every committed file must equal a fresh generation, and each statement's section
 * must carry the statement, the code as it is in the files now, the worked example explain prints,
 * and the checks. No chapter grows past ~120 KB (a code host stops rendering long Markdown).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVENTORY } from '../spec/inventory/index.js';
import { APPENDIX, anchor, BOOK_DIR, BOOK_INDEX, CHAPTERS, chapterOf, renderBook } from './lib/book.js';
import { PROJECT_ROOT } from './lib/coverage.js';
import { explanationOf } from './lib/explain/explanation.js';
import { declarationEnd, firstDocLine } from './lib/explain/sources.js';

const files = renderBook();
const chapterText = (id: string): string => files.get(`${BOOK_DIR}/${chapterOf(INVENTORY.find((e) => e.id === id)!).file}`)!;
const all = [...files.values()].join('\n');

/** The text of one entry's section, from its anchor to the next. */
function sectionOf(id: string): string {
  const text = chapterText(id);
  const start = text.indexOf(`<a id="${anchor(id)}"></a>`);
  const next = text.indexOf('<a id="eq-', start + 1);
  return text.slice(start, next < 0 ? text.length : next);
}

/** Chapters may not pass this size (bytes). */
const CHAPTER_LIMIT = 120 * 1024;

describe('the equation book', () => {
  it('every file of docs/book/ is up to date, and there is no other (after changing spec/, reference/ or a check, run `npm run docs`)', () => {
    const stale = [...files]
      .filter(([path, text]) => !existsSync(join(PROJECT_ROOT, path)) || readFileSync(join(PROJECT_ROOT, path), 'utf8') !== text)
      .map(([p]) => p);
    expect(stale, `stale: run \`npm run docs\` (or \`npm run book\`) and commit ${stale.join(', ')}`).toEqual([]);
    expect(
      readdirSync(join(PROJECT_ROOT, BOOK_DIR))
        .map((name) => `${BOOK_DIR}/${name}`)
        .sort(),
    ).toEqual([...files.keys()].sort());
    expect(existsSync(join(PROJECT_ROOT, 'docs', 'book.md')), 'the one-file book is gone').toBe(false);
  });

  it('has an index and one chapter per section of the notes (3 in two), each under 120 KB', () => {
    expect([...files.keys()]).toEqual([BOOK_INDEX, ...CHAPTERS.map((c) => `${BOOK_DIR}/${c.file}`), `${BOOK_DIR}/${APPENDIX.file}`]);
    expect(new Set(INVENTORY.map((e) => e.section.split('.')[0]))).toEqual(new Set(CHAPTERS.flatMap((c) => c.sections.map((s) => s.split('.')[0]))));
    for (const [path, text] of files) expect(Buffer.byteLength(text), path).toBeLessThanOrEqual(CHAPTER_LIMIT);
  });

  it("has one section per entry, in the notes' order, in its section's chapter, each listed in the contents", () => {
    const anchors = INVENTORY.map((e) => anchor(e.id));
    expect(new Set(anchors).size).toBe(INVENTORY.length);
    for (const chapter of CHAPTERS) {
      const text = files.get(`${BOOK_DIR}/${chapter.file}`)!;
      const entries = INVENTORY.filter((e) => chapter.sections.includes(e.section));
      expect(entries.length, chapter.file).toBeGreaterThan(0);
      const positions = entries.map((e) => text.indexOf(`<a id="${anchor(e.id)}"></a>`));
      expect(positions.every((p) => p > 0)).toBe(true);
      expect([...positions].sort((p, q) => p - q)).toEqual(positions);
      expect(text.match(/<a id="eq-/g)).toHaveLength(entries.length);
    }
    const index = files.get(BOOK_INDEX)!;
    for (const e of INVENTORY) expect(index).toContain(`](${chapterOf(e).file}#${anchor(e.id)}): `);
  });

  it('a section holds the display LaTeX, the errata, the code read from the file, the worked example and the checks', () => {
    const section = sectionOf('3.13');
    const x = explanationOf(INVENTORY.find((e) => e.id === '3.13')!);
    expect(section).toContain(`\`\`\`math\n${x.entry.latex}\n\`\`\``);
    const site = x.implementations[0]!.site!;
    const lines = readFileSync(join(PROJECT_ROOT, site.file), 'utf8').split('\n');
    expect(lines[site.line - 1]).toMatch(/^export function dJdW\(/);
    expect(section).toContain(`[\`dJdW\`](../../${site.file}#L${site.line})`);
    // dJdW also transcribes 3.4/dA-dB-shape, which comes first: its source is shown there, once
    expect(all.split(['```ts', ...site.source, '```'].join('\n'))).toHaveLength(2);
    expect(sectionOf('3.4/dA-dB-shape')).toContain(['```ts', ...site.source, '```'].join('\n'));
    expect(site.source.at(-1)).toBe('}');
    expect(section).toContain(['```text', ...x.example, '```'].join('\n'));
    for (const c of x.coverage.checks) expect(section).toContain(`- \`${c.id}\`: `);
    for (const e of x.errata) expect(all).toContain(['```text', ...e.asPrinted.split('\n'), '```'].join('\n'));
  });

  it('shows each function and each erratum in full once, and links later sections to it, across chapters too', () => {
    const alg5 = sectionOf('alg5.line4');
    expect(alg5).toContain('Erratum `alg5.line4-delta-k-minus-1`** (error in the notes; Algorithm 5, line 4). As printed:');
    expect(alg5).toMatch(
      /\[`backprop`\]\(\.\.\/\.\.\/reference\/backprop\.ts#L\d+\) in `reference\/backprop\.ts` \(source under \[[^\]]+\]\((section-[\d.-]+\.md)?#eq-[a-z0-9-]+\)\)/,
    );
    expect(all.split('export function backprop(').length - 1).toBe(1);
    expect(sectionOf('4.4')).toContain('export function firstLayerRows(');
    // 4/multi-layer (chapter 4) links to where eq1.5.batch-mean was shown in full (chapter 1)
    expect(sectionOf('4/multi-layer')).toContain('](section-1.md#eq-1-5)');
  });

  it('puts the errata that affect no statement in the appendix', () => {
    expect(files.get(`${BOOK_DIR}/${APPENDIX.file}`)).toContain('### prose-typos (error in the notes)');
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
