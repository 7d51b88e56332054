/**
 * A check's `quote` read from the inventory, so that it cannot drift from the statement it
 * checks: spec/inventory's `latex` (the statement as it should read, after every erratum) of each
 * id, in the order given. A check writes its own quote only where it says something the inventory
 * does not (a test condition, the oracle, a fixture file), and says so beside it.
 */
import { INVENTORY } from '../../spec/inventory/index.js';

const STATEMENTS = new Map(INVENTORY.map((e) => [e.id, e.latex]));

/** The inventory statements of `specIds`, joined by '; '; an id not in the inventory is an error. */
export function quoteOf(...specIds: readonly string[]): string {
  if (specIds.length === 0) throw new Error('quoteOf needs at least one spec id');
  return specIds
    .map((id) => {
      const latex = STATEMENTS.get(id);
      if (latex === undefined) throw new Error(`quoteOf: '${id}' is not an id of spec/inventory`);
      return latex;
    })
    .join('; ');
}
