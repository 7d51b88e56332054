/** Joins the inventory, the implementations and the tests into one coverage row per spec id. */
import { ERRATA } from '../../spec/errata.js';
import { INVENTORY } from '../../spec/inventory/index.js';
import type { SpecEntry } from '../../spec/types.js';
import { docCites, type ImplementationSite, locate, scanTests, type TestRef } from './coverage.js';

export interface CoverageRow {
  readonly entry: SpecEntry;
  /** Implementations found, each with whether its doc comment cites the id. */
  readonly implementations: readonly { site: ImplementationSite | undefined; ref: string; cites: boolean }[];
  readonly tests: readonly TestRef[];
}

export function coverageRows(tests: readonly TestRef[] = scanTests()): CoverageRow[] {
  return INVENTORY.map((entry) => ({
    entry,
    implementations: entry.implementedBy.map((ref) => {
      const site = locate(ref);
      return { ref, site, cites: site !== undefined && docCites(site.doc, entry.id) };
    }),
    tests: tests.filter((t) => t.ids.includes(entry.id)),
  }));
}

/** Ids that tests name but nothing defines ('erratum:<id>' names an erratum). */
export function unknownTestIds(tests: readonly TestRef[]): string[] {
  const known = new Set([...INVENTORY.map((e) => e.id), ...ERRATA.map((e) => `erratum:${e.id}`)]);
  return [...new Set(tests.flatMap((t) => t.ids).filter((id) => !known.has(id)))];
}

export function isCovered(row: CoverageRow): boolean {
  return row.implementations.length > 0 && row.implementations.every((i) => i.cites) && row.tests.length > 0;
}

/** A plain-text table: id, title, implementation (file:line), number of tests, status. */
export function formatCoverageTable(rows: readonly CoverageRow[]): string {
  const lines = rows.map((row) => {
    const impl = row.implementations.map((i) => (i.site ? `${i.site.file}:${i.site.line} ${i.site.exportName}` : `${i.ref} (missing)`)).join(', ');
    const status = isCovered(row) ? 'ok' : row.tests.length === 0 ? 'NO TEST' : 'NO IMPL';
    return [row.entry.id, row.entry.title, impl, String(row.tests.length), status];
  });
  const header = ['id', 'statement', 'implemented by', 'tests', 'status'];
  const widths = header.map((h, c) => Math.min(c === 1 ? 44 : c === 2 ? 60 : 99, Math.max(h.length, ...lines.map((l) => l[c]!.length))));
  const cell = (text: string, c: number): string => (text.length > widths[c]! ? `${text.slice(0, widths[c]! - 1)}…` : text.padEnd(widths[c]!));
  const render = (cols: readonly string[]): string => cols.map(cell).join('  ').trimEnd();
  const covered = rows.filter(isCovered).length;
  return [
    render(header),
    render(widths.map((w) => '-'.repeat(w))),
    ...lines.map(render),
    '',
    `${covered}/${rows.length} spec entries implemented (doc comment cites the id) and tested`,
  ].join('\n');
}
