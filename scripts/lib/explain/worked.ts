/**
 * What a worked example is, and how it prints: a list of steps, each a named quantity with its
 * shape and value (computed by the reference) or a line of text. Steps tagged with spec ids are
 * marked `▶` when the example is shown for one of those ids, so a shared example highlights the
 * quantity the id is about.
 */
import { toRows } from '../../../reference/matrix.js';
import { type Matrix, math, type Scalar } from '../../../reference/numeric.js';

/** A value as printed: a scalar, a list (indices, per-example numbers) or a matrix given by its rows. */
export type Value =
  | { readonly kind: 'scalar'; readonly value: number }
  | { readonly kind: 'list'; readonly values: readonly number[] }
  | { readonly kind: 'matrix'; readonly rows: readonly (readonly number[])[] };

export interface Quantity {
  readonly name: string;
  readonly value: Value;
  /** Shape label; defaults to 'scalar', 'list of n' or 'rows x cols'. */
  readonly shape?: string;
  /** How it is computed, in the notes' symbols ('W^{[1]} x + b^{[1]}'). */
  readonly how?: string;
  /** The spec ids this step is about (marked ▶ when explaining one of them). */
  readonly ids?: readonly string[];
}

export type Step = ({ readonly kind: 'quantity' } & Quantity) | { readonly kind: 'text'; readonly text: string; readonly ids?: readonly string[] };

export interface WorkedExample {
  /** One line: what is computed, on which network. */
  readonly title: string;
  readonly steps: readonly Step[];
}

/** The marker of a step about the id being explained. */
export const MARK = '▶';

const num = (s: Scalar): number => (typeof s === 'number' ? s : s.toNumber());

export const scalar = (v: Scalar): Value => ({ kind: 'scalar', value: num(v) });
export const list = (vs: readonly Scalar[]): Value => ({ kind: 'list', values: vs.map(num) });
export const matrix = (M: Matrix): Value => ({ kind: 'matrix', rows: toRows(M).map((row) => row.map(num)) });

/** Rows of scalars (e.g. ∂J/∂(w_j^{[1]})_ℓ at [j − 1][ℓ − 1]) as a matrix value. */
export const rows = (rs: readonly (readonly Scalar[])[]): Value => ({ kind: 'matrix', rows: rs.map((row) => row.map(num)) });

/** A quantity step; `v` is a mathjs matrix, a scalar, a list of scalars or a Value. */
export function q(name: string, v: Matrix | Scalar | readonly Scalar[] | Value, extra: Omit<Quantity, 'name' | 'value'> = {}): Step {
  const value = Array.isArray(v)
    ? list(v as readonly Scalar[])
    : math.isMatrix(v)
      ? matrix(v as Matrix)
      : typeof v === 'object' && 'kind' in v
        ? v
        : scalar(v as Scalar);
  return { kind: 'quantity', name, value, ...extra };
}

/** The ids an example is shown for, and how to compute it. */
export interface ExampleGroup {
  readonly ids: readonly string[];
  readonly build: () => WorkedExample;
}

export function text(line: string, ids?: readonly string[]): Step {
  return ids === undefined ? { kind: 'text', text: line } : { kind: 'text', text: line, ids };
}

/** 6 significant digits, trailing zeros dropped: 0.25, -0.5625, 1.33333, 1e-7. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

/** A sum written out from its terms: ['0.5·2', '-1'] → '0.5·2 − 1'. */
export function sumText(terms: readonly string[]): string {
  return terms.map((t, i) => (i === 0 ? t : t.startsWith('-') ? ` − ${t.slice(1)}` : ` + ${t}`)).join('');
}

/** Column vectors and matrices row by row, rows separated by ';': [1; 2] is 2x1, [1, 2] is 1x2. */
export function formatValue(v: Value): string {
  switch (v.kind) {
    case 'scalar':
      return formatNumber(v.value);
    case 'list':
      return `(${v.values.map(formatNumber).join(', ')})`;
    case 'matrix':
      return `[${v.rows.map((row) => row.map(formatNumber).join(', ')).join('; ')}]`;
  }
}

export function shapeOfValue(v: Value): string {
  switch (v.kind) {
    case 'scalar':
      return 'scalar';
    case 'list':
      return `list of ${v.values.length}`;
    case 'matrix':
      return `${v.rows.length}x${v.rows[0]?.length ?? 0}`;
  }
}

/** One printed line per step; steps tagged with `id` start with ▶. */
export function renderSteps(example: WorkedExample, id: string): string[] {
  return example.steps.map((step) => {
    const mark = step.ids?.includes(id) === true ? `${MARK} ` : '  ';
    if (step.kind === 'text') return `${mark}${step.text}`;
    const how = step.how === undefined ? '' : `   ← ${step.how}`;
    return `${mark}${step.name} (${step.shape ?? shapeOfValue(step.value)}) = ${formatValue(step.value)}${how}`;
  });
}

/** The example as explain prints it (and the book shows it): title, steps, and what ▶ means. */
export function renderExample(example: WorkedExample, id: string): string[] {
  const marked = example.steps.some((s) => s.ids?.includes(id) === true);
  return [example.title, ...renderSteps(example, id), ...(marked ? [`(${MARK} marks what ${id} states.)`] : [])];
}
