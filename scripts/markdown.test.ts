/**
 * The Markdown we write renders on a code host as meant: no `](` that math or prose produced (on
 * GitHub, z^{[1](i)} outside math is the link "[1](i)"), and every link resolves to an existing
 * file, line or anchor. Scans the generated documents (the book's chapters, spec/inventory.md and
 * spec/errata.md, as generated now) and the hand-written ones that link into them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBook } from './lib/book.js';
import { PROJECT_ROOT } from './lib/coverage.js';
import { displayMath, inlineMath, type LinkProblem, linkProblems, prose } from './lib/markdown.js';
import { renderErrata, renderInventory } from './lib/specDocs.js';

const book = renderBook();
const generated = new Map<string, string>([...book, ['spec/inventory.md', renderInventory()], ['spec/errata.md', renderErrata()]]);

/** Hand-written Markdown: the README, docs/, every folder README. */
const handWritten = [
  'README.md',
  ...readdirSync(join(PROJECT_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...['reference', 'conformance', 'accelerated', 'numerics', 'examples', 'fixtures'].map((d) => `${d}/README.md`),
];

const problemsOf = (file: string, text: string): string[] =>
  linkProblems(text, { file, root: PROJECT_ROOT, generated }).map((p: LinkProblem) => `${file}:${p.line}: ${p.reason}: …${p.text}…`);

describe('Markdown on a code host', () => {
  it('the generated book chapters and spec documents have no stray `](` and no broken link', () => {
    expect(generated.size).toBeGreaterThanOrEqual(8);
    expect([...generated].flatMap(([file, text]) => problemsOf(file, text))).toEqual([]);
  });

  it('the hand-written documents link only to what exists (the book at docs/book/index.md)', () => {
    expect(handWritten.flatMap((file) => problemsOf(file, readFileSync(join(PROJECT_ROOT, file), 'utf8')))).toEqual([]);
    expect(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8')).toContain('](docs/book/index.md)');
  });

  it('sees the stray link math makes, and none once the math is fenced or the prose escaped', () => {
    const ctx = { file: 'docs/book/x.md', root: PROJECT_ROOT };
    const math = 'z^{[1](i)} = W^{[1]}x^{(i)} + b^{[1]}';
    expect(linkProblems(`The pre-activation ${math}.`, ctx).map((p) => p.reason)).toEqual([expect.stringContaining('does not exist')]);
    expect(linkProblems(`$$\n${math}\n$$`, ctx)).toHaveLength(1); // $$ is not a code block: a renderer may read Markdown in it; ```math is safe
    expect(linkProblems(displayMath(math).join('\n'), ctx)).toEqual([]);
    expect(linkProblems(`| ${inlineMath(math)} | m×1 |`, ctx)).toEqual([]);
    expect(linkProblems(`Correction: ${prose(math)}`, ctx)).toEqual([]);
    expect(prose('a^{[1](i)} and `code [x](y)` and 2*3_4')).toBe('a^{\\[1\\](i)} and `code [x](y)` and 2\\*3\\_4');
  });

  it('checks every link target: a missing file, line or anchor is a problem, an existing one and a URL are not', () => {
    const ctx = { file: 'docs/book/x.md', root: PROJECT_ROOT };
    expect(linkProblems('[ok](../../reference/backprop.ts#L1) [web](https://example.org/a)', ctx)).toEqual([]);
    expect(linkProblems('<a id="here"></a> [self](#here)', ctx)).toEqual([]);
    expect(linkProblems('[gone](../book.md)', ctx)[0]?.reason).toMatch(/does not exist/);
    expect(linkProblems('[far](../../reference/backprop.ts#L99999)', ctx)[0]?.reason).toMatch(/has no line 99999/);
    expect(linkProblems('[lost](#nowhere)', ctx)[0]?.reason).toMatch(/no anchor #nowhere/);
    const chapter = [...book].find(([f]) => f.endsWith('section-1.md'))!;
    expect(linkProblems('[1.1](section-1.md#eq-nope)', { ...ctx, generated: new Map([chapter]) })[0]?.reason).toMatch(/no anchor #eq-nope/);
  });
});
