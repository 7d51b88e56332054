/**
 * Driving the playground page (playground.html) from Node through playwright, as a reader would:
 * fill the form, press a button, wait for the page's status to settle, read what the page keeps on
 * globalThis.playground. Used by scripts/playgroundBrowser.test.ts and `npm run site -- --screenshot`.
 */
import type { Page } from 'playwright-core';
import type { PlaygroundGlobals } from './page/playground.js';

export interface Status {
  readonly state: string;
  readonly text: string;
}

/** What the page's globals hold, as plain data, with tf.memory().numTensors now. */
export type PageState = Omit<PlaygroundGlobals, 'numTensors'> & { readonly tensors: number };

export function playgroundState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const g = (globalThis as unknown as { playground: PlaygroundGlobals }).playground;
    return { ready: g.ready, backend: g.backend, lastRun: g.lastRun, lastSuite: g.lastSuite, tensors: g.numTensors() };
  });
}

/** Waits until the page's script has wired the forms. */
export async function playgroundReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as { playground?: PlaygroundGlobals }).playground?.ready === true);
}

/** Sets the form's fields (inputs by name; 'backend', 'activation', 'dataSet' are selects). */
export async function fillPlayground(page: Page, fields: Readonly<Record<string, string | number>>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) {
    if (['backend', 'activation', 'dataSet'].includes(name)) await page.selectOption(`#train-form select[name="${name}"]`, String(value));
    else await page.fill(`form.playground input[name="${name}"]`, String(value));
  }
}

/** Presses `button` (train, compare, suite) and waits until the status is done or error; returns it. */
export async function press(page: Page, button: 'train' | 'compare' | 'suite', timeoutMs: number): Promise<Status> {
  await page.click(`form.playground button[name="${button}"]`);
  await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector<HTMLElement>('#status')?.dataset.state ?? ''), undefined, {
    timeout: timeoutMs,
  });
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('#status')!;
    return { state: el.dataset.state ?? '', text: el.textContent ?? '' };
  });
}

/** A PNG of the form, the curve and the run's numbers (after a run). */
export async function screenshotRun(page: Page, file: string): Promise<void> {
  const top = await page.locator('#train-form').boundingBox();
  const bottom = await page.locator('#stats').boundingBox();
  if (top === null || bottom === null) throw new Error('the playground page has no #train-form or #stats to photograph');
  const y = top.y - 8;
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y, width: page.viewportSize()?.width ?? 1100, height: bottom.y + bottom.height + 8 - y } });
}
