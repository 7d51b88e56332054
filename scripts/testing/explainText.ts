/**
 * Reads `npm run explain`'s worked examples back from the text (scripts/explain*.test.ts): each
 * printed quantity with its shape and value, compared with what the reference computes.
 */
import { expect } from 'vitest';
import { CHECKS } from '../../conformance/checks/index.js';
import { UNCHECKABLE } from '../../conformance/report/uncheckable.js';
import { toRows } from '../../reference/matrix.js';
import { type Matrix, math, type Scalar } from '../../reference/numeric.js';
import { ERRATA } from '../../spec/errata.js';
import { INVENTORY } from '../../spec/inventory/index.js';
import { locate } from '../lib/coverage.js';
import { runExplain } from '../lib/explain/cli.js';
import { MARK } from '../lib/explain/worked.js';

export type Printed = number | number[] | number[][];

/** A printed value: '[1, 2; 3, 4]' (matrix rows), '(1, 2)' (a list) or '1.5'. */
export function parseValue(text: string): Printed {
  const numbers = (s: string): number[] => s.split(',').map((t) => Number(t.trim()));
  if (text.startsWith('[')) return text.slice(1, text.indexOf(']')).split(';').map(numbers);
  if (text.startsWith('(')) return numbers(text.slice(1, text.indexOf(')')));
  return Number(text.split(' ')[0]);
}

export interface PrintedQuantity {
  readonly marked: boolean;
  readonly shape: string;
  readonly value: Printed;
}

/** Every worked-example line `name (shape) = value   ← how`, in order. */
export function printed(text: string, name: string): PrintedQuantity[] {
  return text.split('\n').flatMap((line) => {
    const body = line.replace(/^ {2}/, '');
    const marked = body.startsWith(`${MARK} `);
    const rest = body.slice(2);
    if (!rest.startsWith(`${name} (`)) return [];
    const after = rest.slice(name.length + 2);
    const close = after.indexOf(') = ');
    return [{ marked, shape: after.slice(0, close), value: parseValue(after.slice(close + 4)) }];
  });
}

export function only(text: string, name: string): PrintedQuantity {
  const found = printed(text, name);
  expect(found, `exactly one line '${name} (...) = ...'`).toHaveLength(1);
  return found[0]!;
}

export const asNumber = (s: Scalar): number => (typeof s === 'number' ? s : s.toNumber());

/** What the reference computed, in the printed form: rows of a matrix, a list, or a number. */
export type Computed = Matrix | Scalar | readonly Scalar[] | readonly (readonly Scalar[])[];

export function plain(v: Computed): Printed {
  if (Array.isArray(v)) return v.map((e: Scalar | readonly Scalar[]) => (Array.isArray(e) ? e.map(asNumber) : asNumber(e as Scalar))) as Printed;
  if (math.isMatrix(v)) return toRows(v as Matrix).map((row) => row.map(asNumber));
  return asNumber(v as Scalar);
}

/**
 * Printed with 6 significant digits: rounding x to 6 digits moves it by at most half a unit in
 * the 6th digit, ½·10^(⌊log10|x|⌋−5) <= 5e-6·|x|; 0 prints as 0 exactly.
 */
export function expectPrinted(got: PrintedQuantity, want: Computed, shape?: string): void {
  const expected = plain(want);
  const flat = (p: Printed): number[] => (Array.isArray(p) ? (p as (number | number[])[]).flat() : [p]);
  expect(JSON.stringify(got.value).replace(/[\d.e+-]+/g, '0'), 'the printed structure').toBe(JSON.stringify(expected).replace(/[\d.e+-]+/g, '0'));
  const [g, e] = [flat(got.value), flat(expected)];
  e.forEach((x, i) => {
    expect(Math.abs(g[i]! - x), `entry ${i + 1}: printed ${g[i]}, reference ${x}`).toBeLessThanOrEqual(5e-6 * Math.abs(x));
  });
  if (shape !== undefined) expect(got.shape).toBe(shape);
}

export function explain(id: string): string {
  const result = runExplain([id]);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  return result.stdout;
}

/** The checks naming `id`, as `id  title` lines. */
export const coveringChecks = (id: string): string[] => CHECKS.filter((c) => c.specIds.includes(id)).map((c) => c.id);

/** What every explanation must contain: title, LaTeX verbatim, errata, code sites, checks. */
export function expectFrame(text: string, id: string): void {
  const entry = INVENTORY.find((e) => e.id === id)!;
  expect(text.startsWith(`${id}: ${entry.title}\n`)).toBe(true);
  expect(text).toContain(`\n  ${entry.latex}\n`);
  for (const e of ERRATA.filter((x) => x.affects.includes(id) || entry.errata?.includes(x.id))) {
    expect(text).toContain(`  ${e.id} (`);
    expect(text).toContain(e.asPrinted.split('\n')[0]!);
    expect(text).toContain(`Correction: ${e.correction}`);
  }
  for (const ref of entry.implementedBy) {
    const site = locate(ref)!;
    expect(text).toContain(`  ${site.file}:${site.line} ${site.exportName}\n`);
  }
  for (const check of coveringChecks(id)) expect(text).toMatch(new RegExp(`\\n {2}${check.replace(/[/.]/g, '\\$&')} +\\S`));
  if (coveringChecks(id).length === 0) expect(text).toContain(UNCHECKABLE.get(id)!);
  expect(text).toContain(`(${MARK} marks what ${id} states.)`);
}
