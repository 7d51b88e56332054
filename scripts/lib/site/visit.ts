/**
 * Opens the pages of a built site in the project's Chromium (accelerated/browser/), headless:
 * what each page logged as an error (console errors, uncaught exceptions, failed requests), and
 * optionally a PNG screenshot of one page. Used by scripts/siteBrowser.test.ts and by
 * `npm run site -- --screenshot FILE`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumExecutable } from '../../../accelerated/browser/chromium.js';
import { launchChromium } from '../../../accelerated/browser/session.js';
import { serveSite } from './build.js';

export interface Visit {
  readonly page: string;
  /** Console errors, page errors and failed requests, in order. */
  readonly errors: readonly string[];
  /** Whether KaTeX's main font was loaded and applied (the formulas render as KaTeX intends). */
  readonly katexFont: boolean;
}

/** What to do on one page before it closes: fill a form, read a result. */
export type PageAction = (page: Page) => Promise<void>;

/**
 * Visits `pages` (file names) of the site built in `siteDir`; screenshots `screenshot.page` to
 * `screenshot.file` after its action; runs `actions[page]` on a page once it has loaded (its errors count too);
 * `chromiumFlags` replace session.ts's CHROMIUM_FLAGS (e.g. a browser without WebGPU).
 */
export async function visitSite(
  siteDir: string,
  pages: readonly string[],
  screenshot?: { readonly page: string; readonly file: string },
  actions: Readonly<Record<string, PageAction>> = {},
  chromiumFlags?: readonly string[],
): Promise<Visit[]> {
  const server = await serveSite(siteDir, 0);
  const profile = await mkdtemp(join(tmpdir(), 'site-profile-'));
  const browser = await launchChromium(await chromiumExecutable(), { userDataDir: profile, flags: chromiumFlags, timeoutMs: 60_000 });
  try {
    const visits: Visit[] = [];
    for (const name of pages) {
      const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? '?'})`));
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      await page.goto(`${server.origin}/${name}`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const katexFont = await page.evaluate(
        () => document.fonts.check('16px KaTeX_Main') && [...document.fonts].some((f) => f.family.includes('KaTeX_Main') && f.status === 'loaded'),
      );
      await actions[name]?.(page);
      if (screenshot?.page === name) await page.screenshot({ path: screenshot.file });
      visits.push({ page: name, errors, katexFont });
      await page.close();
    }
    return visits;
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}
