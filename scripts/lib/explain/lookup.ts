/** Finding an inventory entry by id, forgivingly, and the nearest ids when there is none. */
import { INVENTORY } from '../../../spec/inventory/index.js';
import type { SpecEntry } from '../../../spec/types.js';

/** 'Eq. 3.13', 'eq3.13', ' 3.13 ' → '3.13'; 'ALG5.LINE4' matches 'alg5.line4' (ids are unique ignoring case). */
function normalize(query: string): string {
  return query
    .trim()
    .replace(/^eq(?:uation)?\.?\s*/i, '')
    .toLowerCase();
}

export function findEntry(query: string, inventory: readonly SpecEntry[] = INVENTORY): SpecEntry | undefined {
  const exact = inventory.find((e) => e.id === query);
  if (exact !== undefined) return exact;
  const wanted = normalize(query);
  return inventory.find((e) => e.id.toLowerCase() === wanted);
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Length of the longest common prefix. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Up to `count` ids nearest to an unknown query: ids that contain it (or that it starts with)
 * first, then the longest common prefix ('alg6' is nearer 'alg5.line1' than '2.6'), then edit
 * distance; ties in the notes' order.
 */
export function nearestIds(query: string, count = 5, inventory: readonly SpecEntry[] = INVENTORY): string[] {
  const wanted = normalize(query);
  const scored = inventory.map((e, order) => {
    const id = e.id.toLowerCase();
    const contains = wanted !== '' && (id.includes(wanted) || wanted.startsWith(id)) ? 0 : 1;
    return { id: e.id, contains, prefix: commonPrefix(wanted, id), distance: editDistance(wanted, id), order };
  });
  scored.sort((x, y) => x.contains - y.contains || y.prefix - x.prefix || x.distance - y.distance || x.order - y.order);
  return scored.slice(0, count).map((s) => s.id);
}
