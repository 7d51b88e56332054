/**
 * The built site (`npm run site`) in a real browser, the project's headless Chromium: every page
 * loads without a console error, an uncaught exception, a failed request or an HTTP error, and
 * KaTeX's fonts are loaded, so the formulas rendered at build time show as KaTeX lays them out.
 * Every "try it" form shows its worked example as `npm run explain` prints it, recomputes it after
 * an edit exactly as the reference does here, and shows bad input as a message, never a NaN.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { columnVector } from '../reference/matrix.js';
import { col, DATA, HOUSING_THETA, mat, THREE_LAYER, TWO_LAYER, X } from './lib/explain/networks.js';
import { lossExample, MINIBATCH, minibatchExample } from './lib/explain/section1Examples.js';
import { housingExample, multiLayerForwardExample, twoLayerVectorizedExample } from './lib/explain/section2Examples.js';
import { AFFINE, algorithm4Example, algorithm5Example, matrixChainRuleExample } from './lib/explain/section3Examples.js';
import { multiLayerBatchExample, rowMajorFirstLayerExample } from './lib/explain/section4Examples.js';
import { renderExample, type WorkedExample } from './lib/explain/worked.js';
import { buildSite } from './lib/site/build.js';
import { TRY_EXAMPLES } from './lib/site/forms/tryExamples.js';
import { SECTION_PAGES } from './lib/site/pages.js';
import { type PageAction, visitSite } from './lib/site/visit.js';

const out = mkdtempSync(join(tmpdir(), 'cs229-site-browser-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** A form's example before any edit, after `edit` (field name → text or σ), and the message `bad` gives. */
interface FormCase {
  readonly id: string;
  readonly initial: WorkedExample;
  readonly edit: Readonly<Record<string, string>>;
  readonly edited: WorkedExample;
  readonly bad: Readonly<Record<string, string>>;
  readonly error: RegExp;
}

const FORM_CASES: Readonly<Record<string, readonly FormCase[]>> = {
  'section-1.html': [
    {
      id: '1.1',
      initial: lossExample(),
      edit: { activation: 'sigmoid' },
      edited: lossExample(TWO_LAYER, DATA, 'sigmoid'),
      bad: { data: '[{"x": [1, 2, 3], "y": 1}]' },
      error: /^eq\. 1\.2: x\^\{\(1\)\} /,
    },
    {
      id: '1.5',
      initial: minibatchExample(),
      edit: { B: '3', seed: '7' },
      edited: minibatchExample(TWO_LAYER, DATA, { ...MINIBATCH, B: 3, seed: 7 }),
      bad: { alpha: '0' },
      error: /^eq\. 1\.5: learning rate α /,
    },
  ],
  'section-2.html': [
    {
      id: '2/housing-a1',
      initial: housingExample(),
      edit: { x: '1, 4, -0.5, 2' },
      edited: housingExample(HOUSING_THETA, col(1, 4, -0.5, 2)),
      bad: { theta: '1, 2, 3' },
      error: /^eq\. 2\.3: θ must have 12 entries /,
    },
    {
      id: '2.7',
      initial: twoLayerVectorizedExample(),
      edit: { x: '-1, 0.5' },
      edited: twoLayerVectorizedExample(TWO_LAYER, col(-1, 0.5)),
      bad: { x: '1, 2, 3' },
      error: /^eq\. 2\.11: x must be 2x1 /,
    },
    {
      id: '2.12',
      initial: multiLayerForwardExample(),
      edit: { x: '0.5, -1', activation: 'tanh' },
      edited: multiLayerForwardExample(THREE_LAYER, columnVector([0.5, -1]), 'tanh'),
      bad: { x: '1, 2, 3' },
      error: /^eq\. 2\.12: /,
    },
  ],
  'section-3.html': [
    {
      id: '3.10',
      initial: algorithm4Example(),
      edit: { x: '2, -1', y: '0.5' },
      edited: algorithm4Example(TWO_LAYER, col(2, -1), 0.5),
      bad: { y: 'abc' },
      error: /^y: 'abc' is not a number$/,
    },
    {
      id: '3.13',
      initial: matrixChainRuleExample(),
      edit: { b: '1, -1' },
      edited: matrixChainRuleExample(AFFINE.W, AFFINE.u, col(1, -1)),
      bad: { u: '1, abc, 3' },
      error: /^u: 'abc' is not a number$/,
    },
    {
      id: '3.5/forward',
      initial: algorithm5Example(),
      edit: { y: '0.5', activation: 'tanh' },
      edited: algorithm5Example(THREE_LAYER, X, 0.5, 'tanh'),
      bad: { theta: '{"W": [' },
      error: /^θ: not valid JSON /,
    },
  ],
  'section-4.html': [
    {
      id: '4/multi-layer',
      initial: multiLayerBatchExample(),
      edit: { data: '[{"x": [1, 2], "y": 2}, {"x": [2, -1], "y": 1}]', activation: 'tanh' },
      edited: multiLayerBatchExample(THREE_LAYER, DATA.slice(0, 2), 'tanh'),
      bad: { data: '[{"x": [1, 2, 3], "y": 1}]' },
      error: /^4\/multi-layer: X must be 2x1 /,
    },
    {
      id: '4.4',
      initial: rowMajorFirstLayerExample(),
      edit: { b1: '0, 0', X: '[[1, 1], [0, -2]]' },
      edited: rowMajorFirstLayerExample(mat([0.5, 0.25], [-0.75, 0.25]), col(0, 0), mat([1, 0], [1, -2])),
      bad: { X: '[[1, 2, 3]]' },
      error: /^eq\. 4\.4: X must be 1x2 /,
    },
  ],
};

/** What a form shows: its text, and whether it is marked as an error. */
interface Shown {
  readonly text: string;
  readonly error: boolean;
}

/** Fills `edit` into the form of `id` (none: as loaded), submits it, and reads what it shows. */
async function shownAfter(page: Page, id: string, edit?: Readonly<Record<string, string>>): Promise<Shown> {
  const form = page.locator(`form.try[data-example="${id}"]`);
  const result = form.locator('pre.result');
  if (edit === undefined) await result.filter({ hasText: /\S/ }).waitFor();
  else {
    for (const [name, value] of Object.entries(edit)) {
      const control = form.locator(`[name="${name}"]`);
      if ((await control.evaluate((e) => e.tagName)) === 'SELECT') await control.selectOption(value);
      else await control.fill(value);
    }
    await form.locator('button[type="submit"]').click();
  }
  return { text: (await result.textContent()) ?? '', error: await result.evaluate((e) => e.classList.contains('error')) };
}

describe('the site in Chromium', () => {
  it('every page loads without an error, with KaTeX fonts; a screenshot can be taken; every form recomputes its example', async () => {
    await buildSite(join(out, 'site'));
    const shot = join(out, 'index.png');
    const pages = ['index.html', ...SECTION_PAGES.map((p) => p.file)];
    const shown = new Map<string, Shown[]>();
    const actions: Record<string, PageAction> = Object.fromEntries(
      Object.entries(FORM_CASES).map(([file, cases]) => [
        file,
        async (page: Page) => {
          for (const c of cases) shown.set(c.id, [await shownAfter(page, c.id), await shownAfter(page, c.id, c.edit), await shownAfter(page, c.id, c.bad)]);
        },
      ]),
    );
    const visits = await visitSite(join(out, 'site'), pages, { page: 'index.html', file: shot }, actions);
    expect(visits.map((v) => v.page)).toEqual(pages);
    for (const v of visits) {
      expect(v.errors, v.page).toEqual([]);
      // The index has no formula, so the browser has no reason to load KaTeX's fonts there.
      if (v.page !== 'index.html') expect(v.katexFont, `${v.page}: KaTeX_Main loaded`).toBe(true);
    }
    expect(existsSync(shot) && statSync(shot).size > 10_000).toBe(true);
    const cases = Object.values(FORM_CASES).flat();
    expect(cases.map((c) => c.id).sort()).toEqual(Object.keys(TRY_EXAMPLES).sort());
    for (const c of cases) {
      const [initial, edited, bad] = shown.get(c.id)!;
      // The page computes what the reference computes here, to the character (same code, float64).
      expect(initial, c.id).toEqual({ text: renderExample(c.initial, c.id).join('\n'), error: false });
      expect(edited, c.id).toEqual({ text: renderExample(c.edited, c.id).join('\n'), error: false });
      // A wrong input is its message (the field's, or the reference's naming the equation), not a NaN.
      expect(bad!.error, c.id).toBe(true);
      expect(bad!.text, c.id).toMatch(c.error);
    }
    expect(shown.get('2.12')![1]!.text).toContain('tanh(z^{[1]})');
    expect(shown.get('3.5/forward')![1]!.text).toContain("tanh'(z^{[1]})");
    expect(shown.get('4/multi-layer')![1]!.text).toContain("tanh'(Z^{[1]})");
    expect(shown.get('4.4')![1]!.text).toContain('d = 2 inputs, m = 2 units');
  }, 120_000);
});
