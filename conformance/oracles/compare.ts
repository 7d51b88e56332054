/**
 * Entry-by-entry comparison of an implementation's answer with the oracle's Expected values. The
 * first entry out of bounds (or of the wrong shape, or not a finite number) becomes a
 * CheckFailure whose Mismatch names the equation, the operation, the quantity, the layer and the
 * 1-based element, with expected, got, the tolerance and the measured error.
 */
import { CheckFailure, type Mismatch, type Reproducer } from '../core/check.js';
import type { NetParams, OperationName } from '../core/interface.js';
import { BOUND_SAFETY, type Expected } from './oracle.js';

/** Where the compared quantity sits in the notes and in the interface. */
export interface Site {
  readonly specId: string;
  readonly operation: OperationName;
  /** The quantity's name in the notes, e.g. 'z[2]', '∂J/∂W[1]', 'h_θ(x)'. */
  readonly quantity: string;
  readonly layer?: number;
  /** The failing request, kept as the reproducer. */
  readonly reproducer?: Reproducer;
}

const show = (v: unknown): string => (typeof v === 'number' ? String(v) : v === undefined ? 'nothing' : (JSON.stringify(v)?.slice(0, 80) ?? String(v)));

function fail(
  site: Site,
  element: readonly number[] | undefined,
  expected: number | string,
  got: number | string,
  detail: string,
  extra: Partial<Mismatch> = {},
): never {
  const entry = element === undefined ? '' : element.length === 1 ? ` entry ${element[0]}` : ` entry (${element.join(',')})`;
  const mismatch: Mismatch = {
    specId: site.specId,
    operation: site.operation,
    quantity: site.quantity,
    ...(site.layer !== undefined && { layer: site.layer }),
    ...(element !== undefined && { element }),
    expected,
    got,
    ...extra,
  };
  throw new CheckFailure(`${site.specId}: ${site.operation} ${site.quantity}${entry}: ${detail}`, mismatch, site.reproducer);
}

/** How many times the tolerance an error is ('∞×' for a zero tolerance). */
const ratioText = (error: number, tolerance: number): string => (tolerance > 0 ? `${(error / tolerance).toPrecision(3)}×` : '∞×');

/** One number within its bound (the bound already accounts for both roundings, times BOUND_SAFETY). */
export function expectClose(site: Site, expected: Expected<number>, got: unknown, element?: readonly number[]): void {
  if (typeof got !== 'number' || !Number.isFinite(got)) {
    fail(site, element, expected.value, show(got), `expected ${expected.value}, got ${show(got)} (not a finite number)`);
  }
  const error = Math.abs(got - expected.value);
  const tolerance = expected.bound * BOUND_SAFETY;
  if (!(error <= tolerance)) {
    fail(
      site,
      element,
      expected.value,
      got,
      `expected ${expected.value}, got ${got}, |error| ${error.toExponential(3)} > tolerance ${tolerance.toExponential(3)} (${ratioText(error, tolerance)} the tolerance)`,
      { error, tolerance },
    );
  }
}

function expectLength(site: Site, what: string, length: number, got: unknown, element?: readonly number[]): asserts got is unknown[] {
  if (!Array.isArray(got) || got.length !== length) {
    const size = Array.isArray(got) ? `${got.length} entries` : show(got);
    fail(site, element, `${length} entries`, size, `${what} must have ${length} entries, got ${size}`);
  }
}

export function expectVectorClose(site: Site, expected: Expected<readonly number[]>, got: unknown): void {
  expectLength(site, site.quantity, expected.value.length, got);
  expected.value.forEach((v, i) => expectClose(site, { value: v, bound: expected.bound[i]! }, got[i], [i + 1]));
}

/** A matrix given as rows; `shape` names it in messages, e.g. 'm2 x m1'. */
export function expectMatrixClose(site: Site, expected: Expected<readonly (readonly number[])[]>, got: unknown, shape = ''): void {
  const rows = expected.value.length;
  const cols = expected.value[0]?.length ?? 0;
  const named = `${site.quantity} (${rows}x${cols}${shape ? `, ${shape}` : ''})`;
  expectLength(site, `${named}: the rows of`, rows, got);
  got.forEach((row, i) => expectLength(site, `${named}: row ${i + 1} of`, cols, row, [i + 1]));
  expected.value.forEach((row, i) =>
    row.forEach((v, j) => expectClose(site, { value: v, bound: expected.bound[i]![j]! }, (got[i] as unknown[])[j], [i + 1, j + 1])),
  );
}

/**
 * θ-shaped answers (gradients, parameters after a step), layer by layer from k = r down to 1,
 * b^{[k]} before W^{[k]}: in backpropagation an error enters at the highest wrong layer and spreads
 * downwards, so the first mismatch found this way is where the bug is. `site(which, k)` names the
 * equation and quantity for W^{[k]} or b^{[k]}.
 */
export function expectParamsClose(site: (which: 'W' | 'b', k: number) => Site, expected: Expected<NetParams>, got: unknown): void {
  const r = expected.value.W.length;
  const g = got as Partial<NetParams> | null;
  const top = site('W', r);
  if (g === null || typeof g !== 'object' || !Array.isArray(g.W) || !Array.isArray(g.b) || g.W.length !== r || g.b.length !== r) {
    fail(
      { ...top, quantity: top.quantity.replace(/\[\d+\]$/, '') },
      undefined,
      `{W, b} with ${r} layers`,
      show(got),
      `expected {W: [...], b: [...]} with r = ${r} layers each, got ${show(got)}`,
    );
  }
  for (let k = r; k >= 1; k--) {
    expectVectorClose(site('b', k), { value: expected.value.b[k - 1]!, bound: expected.bound.b[k - 1]! }, g.b[k - 1]);
    expectMatrixClose(site('W', k), { value: expected.value.W[k - 1]!, bound: expected.bound.W[k - 1]! }, g.W[k - 1], `m${k} x m${k - 1}`);
  }
}
