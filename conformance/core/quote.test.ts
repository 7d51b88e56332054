import { describe, expect, it } from 'vitest';
import { INVENTORY } from '../../spec/inventory/index.js';
import { CHECKS } from '../checks/index.js';
import { quoteOf } from './quote.js';

/** The inventory ids whose statements, joined by '; ', make up `quote` exactly (longest first), or undefined. */
function statementsOf(quote: string): string[] | undefined {
  const byLength = [...INVENTORY].sort((a, b) => b.latex.length - a.latex.length);
  const ids: string[] = [];
  let rest = quote;
  while (rest !== '') {
    const e = byLength.find((s) => rest === s.latex || rest.startsWith(`${s.latex}; `));
    if (e === undefined) return undefined;
    ids.push(e.id);
    rest = rest.slice(e.latex.length).replace(/^; /, '');
  }
  return ids;
}

describe('quoteOf', () => {
  it("is the inventory's statement of each id, in order", () => {
    const latex = (id: string): string => INVENTORY.find((e) => e.id === id)!.latex;
    expect(quoteOf('1.1')).toBe(latex('1.1'));
    expect(quoteOf('1.2', '1.1')).toBe(`${latex('1.2')}; ${latex('1.1')}`);
  });

  it('refuses an id the inventory does not hold, and no id at all', () => {
    expect(() => quoteOf('1.1', '9.99')).toThrow("quoteOf: '9.99' is not an id of spec/inventory");
    expect(() => quoteOf()).toThrow('at least one spec id');
  });

  it("a check's quote made of inventory statements quotes only statements of its own spec ids", () => {
    const derived = CHECKS.map((c) => ({ c, ids: statementsOf(c.quote) })).filter((d) => d.ids !== undefined);
    expect(derived.length).toBeGreaterThan(30);
    for (const { c, ids } of derived) expect(c.specIds, c.id).toEqual(expect.arrayContaining(ids!));
  });
});
