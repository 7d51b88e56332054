/**
 * The inventory's LaTeX is free of the conversion damage the errata record: no double superscript,
 * no detached or missing equation number, no stray \triangleright. Tests named `[erratum:<id>]`
 * show each pattern matches the text as printed and no statement of the inventory.
 */
import { describe, expect, it } from 'vitest';
import { ERRATA } from './errata.js';
import { INVENTORY } from './inventory/index.js';

const printed = (id: string): string => ERRATA.find((e) => e.id === id)!.asPrinted;

/** x^{a}^{b}, x^a^{b}: a second superscript straight after a first (LaTeX: "Double superscript"). */
const DOUBLE = /\^(?:\{[^{}]*\}|\\[a-zA-Z]+|\w)\s*\^/;
/** x^{[1]^\top}: a superscript on the layer label inside a superscript. */
const NESTED = /\^\{\[[^\]]*\]\^/;

describe('the inventory’s LaTeX', () => {
  it('[erratum:latex.double-superscripts] has no double or nested superscript, which every printed quote of the erratum has', () => {
    for (const line of printed('latex.double-superscripts').split('\n')) expect(DOUBLE.test(line) || NESTED.test(line), line).toBe(true);
    expect(DOUBLE.test(String.raw`\mathbb{R}^{m \times d}`), 'a superscript after a group is not a double one').toBe(false);
    expect(INVENTORY.filter((e) => DOUBLE.test(e.latex) || NESTED.test(e.latex)).map((e) => e.id)).toEqual([]);
    expect(INVENTORY.find((e) => e.id === '2.6')!.latex).toContain(String.raw`w^{[2]\top} a`);
  });

  it('[erratum:latex.detached-labels] numbers every equation the notes number, 1.1-1.5, 2.1-2.21, 3.1-3.16, 4.1-4.4, exactly once', () => {
    const numbered = INVENTORY.map((e) => e.id).filter((id) => /^\d\.\d+$/.test(id));
    const expected = [
      ...[1, 2, 3, 4, 5].map((n) => `1.${n}`),
      ...Array.from({ length: 21 }, (_, i) => `2.${i + 1}`),
      ...Array.from({ length: 16 }, (_, i) => `3.${i + 1}`),
      ...[1, 2, 3, 4].map((n) => `4.${n}`),
    ];
    expect(numbered).toEqual(expected);
    expect(printed('latex.detached-labels')).toMatch(/\$\$\(2\.8\)\$\$/);
  });

  it('[erratum:alg5.triangleright-comment] has no \\triangleright (the comment marker of Algorithm 5 line 1)', () => {
    expect(printed('alg5.triangleright-comment')).toContain(String.raw`\triangleright`);
    expect(INVENTORY.filter((e) => e.latex.includes(String.raw`\triangleright`)).map((e) => e.id)).toEqual([]);
    expect(INVENTORY.find((e) => e.id === 'alg5.line1')!.latex).not.toMatch(/forward pass/);
  });
});
