/**
 * The coverage gate (test262's spec anchors): every inventory entry has an implementation whose
 * doc comment cites it and at least one test that names it; every id a test names exists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERRATA } from '../spec/errata.js';
import { INVENTORY } from '../spec/inventory/index.js';
import { docCites, PROJECT_ROOT, parseRef, scanTests } from './lib/coverage.js';
import { coverageRows, unknownTestIds } from './lib/specCoverage.js';
import { renderErrata, renderInventory } from './lib/specDocs.js';

const tests = scanTests();
const rows = coverageRows(tests);

describe('spec coverage gate', () => {
  it('has unique ids, well over 100 of them', () => {
    const ids = INVENTORY.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.length).toBeGreaterThan(100);
  });

  it('gives every entry a statement and the shape of its symbols', () => {
    const incomplete = INVENTORY.filter((e) => e.latex.trim() === '' || e.title.trim() === '' || Object.keys(e.shapes).length === 0);
    expect(incomplete.map((e) => e.id)).toEqual([]);
  });

  it('implements every entry by an exported function whose doc comment cites the id', async () => {
    const problems: string[] = [];
    for (const row of rows) {
      if (row.implementations.length === 0) problems.push(`${row.entry.id}: no implementedBy`);
      for (const impl of row.implementations) {
        if (impl.site === undefined) {
          problems.push(`${row.entry.id}: ${impl.ref} not found`);
          continue;
        }
        const { file, exportName } = parseRef(impl.ref);
        const module = (await import(join(PROJECT_ROOT, file))) as Record<string, unknown>;
        if (module[exportName] === undefined) problems.push(`${row.entry.id}: ${impl.ref} is not exported`);
        if (!impl.cites) problems.push(`${row.entry.id}: the doc comment of ${impl.ref} does not cite it`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('tests every entry (a test name starting with [id, ...])', () => {
    expect(rows.filter((r) => r.tests.length === 0).map((r) => r.entry.id)).toEqual([]);
  });

  it('names only known ids in tests', () => {
    expect(unknownTestIds(tests)).toEqual([]);
  });
});

describe('errata', () => {
  it('have unique ids and point at inventory entries', () => {
    const ids = ERRATA.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const known = new Set(INVENTORY.map((e) => e.id));
    expect(ERRATA.flatMap((e) => e.affects.filter((id) => !known.has(id)).map((id) => `${e.id} -> ${id}`))).toEqual([]);
    const errata = new Set(ids);
    expect(INVENTORY.flatMap((e) => (e.errata ?? []).filter((id) => !errata.has(id)).map((id) => `${e.id} -> ${id}`))).toEqual([]);
  });
  it('each quote the text as printed and say what it should be and why', () => {
    const thin = ERRATA.filter((e) => [e.where, e.asPrinted, e.correction, e.derivation].some((t) => t.trim().length < 3));
    expect(thin.map((e) => e.id)).toEqual([]);
  });
});

describe('generated spec documents', () => {
  it('spec/inventory.md and spec/errata.md are up to date (run `npm run spec:docs`)', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'spec', 'inventory.md'), 'utf8')).toBe(renderInventory());
    expect(readFileSync(join(PROJECT_ROOT, 'spec', 'errata.md'), 'utf8')).toBe(renderErrata());
  });
});

describe('how a doc comment cites an id', () => {
  it('matches equation numbers exactly and inside ranges', () => {
    expect(docCites('/** Eq. 2.12: ... */', '2.12')).toBe(true);
    expect(docCites('/** Eq. 2.12: ... */', '2.1')).toBe(false);
    expect(docCites('/** Eq. 2.16-2.20: collapse */', '2.18')).toBe(true);
    expect(docCites('/** Eq. 2.16-2.20: collapse */', '2.21')).toBe(false);
  });
  it('matches algorithm lines, single or in a range, only for the right algorithm', () => {
    expect(docCites('/** Algorithm 5, line 4: δ */', 'alg5.line4')).toBe(true);
    expect(docCites('/** Algorithm 5 lines 3-5 */', 'alg5.line4')).toBe(true);
    expect(docCites('/** Algorithm 4 lines 3-5 */', 'alg5.line4')).toBe(false);
    expect(docCites('/** Algorithm 5 line 2 */', 'alg5.line4')).toBe(false);
  });
  it('matches theorems and slug ids literally', () => {
    expect(docCites('/** Theorem 3.1: ... */', 'thm3.1')).toBe(true);
    expect(docCites('/** 3.2/grad-w: ∇_w J */', '3.2/grad-w')).toBe(true);
    expect(docCites('/** 3.2/grad-wi */', '3.2/grad-w')).toBe(false);
    expect(docCites('/** 3.2/grad-w, 3.2/grad-b */', '3.2/grad-b')).toBe(true);
  });
});
