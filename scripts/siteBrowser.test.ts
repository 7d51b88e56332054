/**
 * The built site (`npm run site`) in a real browser, the project's headless Chromium: every page
 * loads without a console error, an uncaught exception, a failed request or an HTTP error, and
 * KaTeX's fonts are loaded, so the formulas rendered at build time show as KaTeX lays them out.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { columnVector } from '../reference/matrix.js';
import { THREE_LAYER } from './lib/explain/networks.js';
import { multiLayerForwardExample } from './lib/explain/section2Examples.js';
import { renderExample } from './lib/explain/worked.js';
import { buildSite } from './lib/site/build.js';
import { SECTION_PAGES } from './lib/site/pages.js';
import { visitSite } from './lib/site/visit.js';

const out = mkdtempSync(join(tmpdir(), 'cs229-site-browser-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the site in Chromium', () => {
  it('every page loads without an error, with KaTeX fonts; a screenshot can be taken', async () => {
    await buildSite(join(out, 'site'));
    const shot = join(out, 'index.png');
    const pages = ['index.html', ...SECTION_PAGES.map((p) => p.file)];
    // Section 2's form: the worked example of eq. 2.12 as the page shows it, before and after an edit.
    const shown: string[] = [];
    const edit = async (page: Page): Promise<void> => {
      const result = page.locator('form.try-forward pre.result');
      await result.filter({ hasText: 'h_θ(x)' }).waitFor();
      shown.push((await result.textContent()) ?? '');
      await page.fill('form.try-forward input[name="x"]', '0.5, -1');
      await page.selectOption('form.try-forward select[name="activation"]', 'tanh');
      await page.click('form.try-forward button[type="submit"]');
      shown.push((await result.textContent()) ?? '');
      await page.fill('form.try-forward input[name="x"]', '1, 2, 3');
      await page.click('form.try-forward button[type="submit"]');
      shown.push((await result.textContent()) ?? '');
    };
    const visits = await visitSite(join(out, 'site'), pages, { page: 'index.html', file: shot }, { 'section-2.html': edit });
    expect(visits.map((v) => v.page)).toEqual(pages);
    for (const v of visits) {
      expect(v.errors, v.page).toEqual([]);
      // The index has no formula, so the browser has no reason to load KaTeX's fonts there.
      if (v.page !== 'index.html') expect(v.katexFont, `${v.page}: KaTeX_Main loaded`).toBe(true);
    }
    expect(existsSync(shot) && statSync(shot).size > 10_000).toBe(true);
    // The page computes what the reference computes here, to the character (same code, float64).
    expect(shown[0]).toBe(renderExample(multiLayerForwardExample(), '2.12').join('\n'));
    expect(shown[1]).toBe(renderExample(multiLayerForwardExample(THREE_LAYER, columnVector([0.5, -1]), 'tanh'), '2.12').join('\n'));
    expect(shown[1]).toContain('tanh(z^{[1]})');
    // A wrong input is the reference's own message naming the equation, not a NaN.
    expect(shown[2]).toMatch(/^eq\. 2\.12: /);
  }, 120_000);
});
