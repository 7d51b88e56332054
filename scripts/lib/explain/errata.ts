/** The errata touching an inventory entry: those the entry lists and those that list it. */
import { ERRATA } from '../../../spec/errata.js';
import type { Erratum, SpecEntry } from '../../../spec/types.js';

export function errataFor(entry: SpecEntry, errata: readonly Erratum[] = ERRATA): Erratum[] {
  const named = new Set(entry.errata ?? []);
  return errata.filter((e) => named.has(e.id) || e.affects.includes(entry.id));
}
