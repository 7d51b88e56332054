/**
 * The built site (`npm run site`) in a real browser, the project's headless Chromium: every page
 * loads without a console error, an uncaught exception, a failed request or an HTTP error, and
 * KaTeX's fonts are loaded, so the formulas rendered at build time show as KaTeX lays them out.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from './lib/site/build.js';
import { SECTION_PAGES } from './lib/site/pages.js';
import { visitSite } from './lib/site/visit.js';

const out = mkdtempSync(join(tmpdir(), 'cs229-site-browser-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the site in Chromium', () => {
  it('every page loads without an error, with KaTeX fonts; a screenshot can be taken', async () => {
    buildSite(join(out, 'site'));
    const shot = join(out, 'index.png');
    const pages = ['index.html', ...SECTION_PAGES.map((p) => p.file)];
    const visits = await visitSite(join(out, 'site'), pages, { page: 'index.html', file: shot });
    expect(visits.map((v) => v.page)).toEqual(pages);
    for (const v of visits) {
      expect(v.errors, v.page).toEqual([]);
      // The index has no formula, so the browser has no reason to load KaTeX's fonts there.
      if (v.page !== 'index.html') expect(v.katexFont, `${v.page}: KaTeX_Main loaded`).toBe(true);
    }
    expect(existsSync(shot) && statSync(shot).size > 10_000).toBe(true);
  }, 120_000);
});
