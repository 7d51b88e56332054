/**
 * The pages of the static site (`npm run site`): an index and one page per section of the notes,
 * each statement of spec/ with its LaTeX rendered by KaTeX at build time, its errata (text as
 * printed, correction, why), the reference functions that implement it with their source, the
 * worked example `npm run explain` prints, and the conformance checks that observe it. Everything
 * comes from the same Explanation as `npm run explain` (scripts/lib/explain/explanation.ts).
 */

import { INVENTORY } from '../../../spec/inventory/index.js';
import type { Erratum, SpecEntry } from '../../../spec/types.js';
import { anchor } from '../book.js';
import { type Explanation, explanationOf, KIND_NAMES, siteLabel } from '../explain/explanation.js';
import { TRY_FORMS } from './forms/tryForms.js';
import { escapeHtml, math, page } from './html.js';
import { PLAYGROUND_FILE, PLAYGROUND_TITLE, playgroundPage } from './playgroundPage.js';

/** A page of the site: its file name, title and the top-level section of the notes it holds. */
export interface SitePage {
  readonly file: string;
  readonly title: string;
  readonly section: string;
}

export const SECTION_PAGES: readonly SitePage[] = [
  { file: 'section-1.html', title: 'Section 1: Supervised learning with non-linear models', section: '1' },
  { file: 'section-2.html', title: 'Section 2: Neural networks', section: '2' },
  { file: 'section-3.html', title: 'Section 3: Backpropagation', section: '3' },
  { file: 'section-4.html', title: 'Section 4: Vectorization over training examples', section: '4' },
];

/** The top-level section of an entry: '3.4' → '3'. */
export const topSection = (entry: SpecEntry): string => entry.section.split('.')[0]!;

const pre = (lines: readonly string[]): string => `<pre>${escapeHtml(lines.join('\n'))}</pre>`;

function erratumHtml(e: Erratum): string {
  return [
    `<div class="erratum" id="erratum-${escapeHtml(e.id)}">`,
    `<h4>Erratum ${escapeHtml(e.id)} (${escapeHtml(KIND_NAMES[e.kind])})</h4>`,
    '<p>As printed:</p>',
    pre([e.asPrinted]),
    `<p><strong>Correction:</strong> ${escapeHtml(e.correction)}</p>`,
    `<p><strong>Why:</strong> ${escapeHtml(e.derivation)}</p>`,
    '</div>',
  ].join('\n');
}

function entryHtml(x: Explanation): string {
  const { entry } = x;
  const code = x.implementations.map((i) =>
    i.site === undefined
      ? `<p>${escapeHtml(i.ref)} (not found)</p>`
      : `<details><summary><code>${escapeHtml(siteLabel(i))}</code></summary>${pre(i.site.source)}</details>`,
  );
  const checks = x.coverage.checks.map((c) => `<li><code>${escapeHtml(c.id)}</code> ${escapeHtml(c.title)}</li>`);
  return [
    `<section class="entry" id="${anchor(entry.id)}">`,
    `<h2>${escapeHtml(entry.id)}: ${escapeHtml(entry.title)}</h2>`,
    `<div class="statement">${math(entry.latex, true)}</div>`,
    ...x.errata.map(erratumHtml),
    '<h3>Reference implementation</h3>',
    ...code,
    '<h3>Worked example</h3>',
    pre(x.example),
    TRY_FORMS[entry.id]?.() ?? '',
    '<h3>Checked by</h3>',
    checks.length > 0 ? `<ul>${checks.join('')}</ul>` : `<p>No check can observe it: ${escapeHtml(x.coverage.uncheckable ?? '')}</p>`,
    '</section>',
  ].join('\n');
}

const nav = (): string =>
  [
    `<a href="index.html">Index</a>`,
    ...SECTION_PAGES.map((p) => `<a href="${p.file}">Section ${p.section}</a>`),
    `<a href="${PLAYGROUND_FILE}">Playground</a>`,
  ].join(' · ');

/** The index: every section page with the statements it holds. */
function indexHtml(): string {
  const items = SECTION_PAGES.map((p) => {
    const entries = INVENTORY.filter((e) => topSection(e) === p.section).map(
      (e) => `<li><a href="${p.file}#${anchor(e.id)}">${escapeHtml(e.id)}</a>: ${escapeHtml(e.title)}</li>`,
    );
    return `<h2><a href="${p.file}">${escapeHtml(p.title)}</a></h2>\n<ul>${entries.join('')}</ul>`;
  });
  const intro =
    '<p>Every statement of the CS229 deep-learning notes, as this project implements it: the formula (corrected where the notes are wrong, with the erratum), the reference code, a worked example computed by it, and the conformance checks that test an implementation against it.</p>';
  const playground = `<h2><a href="${PLAYGROUND_FILE}">${escapeHtml(PLAYGROUND_TITLE)}</a></h2>`;
  return page('CS229 Deep Learning: the notes, equation by equation', nav(), [intro, ...items, playground].join('\n'));
}

/** Every page of the site: file name → HTML. */
export function renderPages(): Map<string, string> {
  const pages = new Map<string, string>([['index.html', indexHtml()]]);
  for (const p of SECTION_PAGES) {
    const entries = INVENTORY.filter((e) => topSection(e) === p.section);
    pages.set(p.file, page(p.title, nav(), entries.map((e) => entryHtml(explanationOf(e))).join('\n')));
  }
  pages.set(PLAYGROUND_FILE, playgroundPage(nav()));
  return pages;
}
