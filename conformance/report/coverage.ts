/**
 * Which checks cover which statements of the notes: every inventory entry (spec/inventory) mapped
 * to the checks whose `specIds` name it (the checks' own metadata, like test262's frontmatter),
 * and the gaps: entries neither covered nor listed in conformance/report/uncheckable.ts.
 */
import { INVENTORY } from '../../spec/inventory/index.js';
import type { SpecEntry } from '../../spec/types.js';
import { CHECKS } from '../checks/index.js';
import type { Check } from '../core/check.js';
import { UNCHECKABLE } from './uncheckable.js';

type CheckMeta = Pick<Check, 'id' | 'specIds'>;

/** One inventory entry: the ids of the checks covering it, or why none can. */
export interface EntryCoverage {
  readonly entry: SpecEntry;
  readonly checks: readonly string[];
  readonly uncheckable?: string;
}

export interface CoverageProblems {
  /** Entries with no check and no reason. */
  readonly uncovered: readonly string[];
  /** Entries listed as uncheckable that a check nevertheless names (one or the other, never both). */
  readonly coveredAndUncheckable: readonly string[];
  /** Uncheckable ids that are not in the inventory. */
  readonly unknownUncheckable: readonly string[];
  /** `check id: spec id` for every spec id a check names that the inventory lacks. */
  readonly unknownSpecIds: readonly string[];
  /** Check ids that occur more than once. */
  readonly duplicateCheckIds: readonly string[];
}

interface Sources {
  readonly checks?: readonly CheckMeta[];
  readonly inventory?: readonly SpecEntry[];
  readonly uncheckable?: ReadonlyMap<string, string>;
}

/** Every inventory entry, in the notes' order, with the checks covering it. */
export function specCoverage({ checks = CHECKS, inventory = INVENTORY, uncheckable = UNCHECKABLE }: Sources = {}): EntryCoverage[] {
  return inventory.map((entry) => {
    const reason = uncheckable.get(entry.id);
    return { entry, checks: checks.filter((c) => c.specIds.includes(entry.id)).map((c) => c.id), ...(reason !== undefined && { uncheckable: reason }) };
  });
}

const duplicates = (values: readonly string[]): string[] => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

/** Everything that keeps the suite's metadata from matching the inventory; all empty when it does. */
export function coverageProblems(sources: Sources = {}): CoverageProblems {
  const { checks = CHECKS, inventory = INVENTORY, uncheckable = UNCHECKABLE } = sources;
  const rows = specCoverage({ checks, inventory, uncheckable });
  const known = new Set(inventory.map((e) => e.id));
  return {
    uncovered: rows.filter((r) => r.checks.length === 0 && r.uncheckable === undefined).map((r) => r.entry.id),
    coveredAndUncheckable: rows.filter((r) => r.checks.length > 0 && r.uncheckable !== undefined).map((r) => r.entry.id),
    unknownUncheckable: [...uncheckable.keys()].filter((id) => !known.has(id)),
    unknownSpecIds: checks.flatMap((c) => c.specIds.filter((id) => !known.has(id)).map((id) => `${c.id}: ${id}`)),
    duplicateCheckIds: duplicates(checks.map((c) => c.id)),
  };
}
