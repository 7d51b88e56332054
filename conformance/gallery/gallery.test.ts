/**
 * The gallery against the suite: every known-bad implementation is rejected by the checks it
 * names, and each failure names the equation (and the layer, where given) and the element; the
 * reference and the two controls the gallery is built from (the reference re-assembled from its
 * parts, and the hand-written network with every hook correct) pass, so each bad entry fails
 * because of its one mistake.
 */
import { describe, expect, it } from 'vitest';
import { referenceImplementation } from '../adapters/reference.js';
import { CHECKS } from '../checks/index.js';
import type { Implementation } from '../core/interface.js';
import { type CheckResult, failed, runChecks } from '../core/runner.js';
import { compose } from './compose.js';
import { handwritten } from './handwritten.js';
import { GALLERY, type GalleryEntry } from './index.js';

const checkIds = new Set(CHECKS.map((c) => c.id));
const caughtByAll = [...new Set(GALLERY.flatMap((e) => e.caughtBy))];

const show = (results: readonly CheckResult[]): string =>
  results
    .filter(failed)
    .map((r) => `${r.check}: ${r.message}`)
    .join('\n') || 'none failed';

async function expectAllPass(impl: Implementation, only?: readonly string[]): Promise<void> {
  const results = await runChecks(impl, CHECKS, only && { only });
  expect(results.length).toBeGreaterThan(0);
  expect(results.filter(failed), show(results)).toEqual([]);
}

function expectCaught(entry: GalleryEntry, results: readonly CheckResult[]): void {
  for (const id of entry.caughtBy) {
    const result = results.find((r) => r.check === id);
    expect(result?.status, `${id} on '${entry.impl.name}':\n${show(results)}`).toBe('fail');
    if (entry.detectedAs === 'throws') {
      expect(result!.message).toContain(entry.thrown ?? ' failed: ');
      expect(result!.reproducer?.operation, result!.message).toBeDefined();
      continue;
    }
    const m = result!.mismatch;
    expect(m, `${id}: ${result!.message}`).toBeDefined();
    expect(m!.specId, `${id}: ${result!.message}`).toBe(entry.specIdBy?.[id] ?? entry.specId);
    if (entry.layer !== undefined) expect(m!.layer, `${id}: ${result!.message}`).toBe(entry.layer);
    if (entry.scalarBy?.includes(id)) expect(m!.element, `${id}: ${result!.message}`).toBeUndefined();
    else expect(m!.element?.length, `${id} names no element: ${result!.message}`).toBeGreaterThan(0);
  }
}

describe('[alg5.line2, alg5.line4, alg5.line5, 1.5] the gallery of known-bad implementations', () => {
  it('[alg5.line1, alg5.line2, alg5.line3, alg5.line4, alg5.line5] has at least 14 entries, named "bad: ...", each caught by existing checks', () => {
    expect(GALLERY.length).toBeGreaterThanOrEqual(14);
    expect(new Set(GALLERY.map((e) => e.impl.name)).size).toBe(GALLERY.length);
    for (const entry of GALLERY) {
      expect(entry.impl.name).toMatch(/^bad: /);
      expect(entry.caughtBy.length, entry.impl.name).toBeGreaterThan(0);
      expect(
        entry.caughtBy.filter((id) => !checkIds.has(id)),
        entry.impl.name,
      ).toEqual([]);
    }
  });

  it('[2.12, 2.13, alg5.line5, 1.5] the reference passes every check', async () => {
    await expectAllPass(referenceImplementation());
  });

  it('[2.12, alg5.line5, 1.5] the reference re-assembled from its parts passes the checks the gallery relies on', async () => {
    await expectAllPass(compose('control: reference parts', {}), caughtByAll);
  });

  it('[2.12, alg5.line4, alg5.line5] the hand-written network with every hook correct passes the checks the gallery relies on', async () => {
    await expectAllPass(compose('control: hand-written', handwritten({})), caughtByAll);
  });

  for (const entry of GALLERY) {
    it(`[${entry.specId}] rejects '${entry.impl.name}': ${entry.bug}`, async () => {
      expect(entry.caughtBy.length, 'an entry names the checks that catch it').toBeGreaterThan(0);
      const results = await runChecks(entry.impl, CHECKS, { only: entry.caughtBy });
      expectCaught(entry, results);
    });
  }
});
