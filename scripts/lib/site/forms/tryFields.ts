/**
 * The fields of the site's "try it" forms (tryExamples.ts): each a kind of text the reader edits
 * and the value it stands for, both ways: a value as the form shows it, and the reader's text read
 * back. Reading refuses what is not a value of the kind with a message naming the field
 * ("x: 'abc' is not a number"), so no NaN reaches the reference. No DOM and no node: imports: the
 * build and the page bundle share it.
 */
import { ACTIVATION_NAMES, type ActivationName } from '../../../../spec/activations.js';

/** 'json': a textarea (θ, a data set, a matrix); 'numbers': a comma list; 'number'; 'activation': a select of σ. */
export interface KindValue {
  readonly json: unknown;
  readonly numbers: readonly number[];
  readonly number: number;
  readonly activation: ActivationName;
}

export type FieldKind = keyof KindValue;

export interface Field<N extends string = string, K extends FieldKind = FieldKind> {
  /** The form control's name. */
  readonly name: N;
  /** The symbol the notes use ('θ', 'x', 'α'): messages about the field start with it. */
  readonly label: string;
  readonly kind: K;
  /** How the value is written, shown after the label ('W[k] as its rows, b[k] as a list'). */
  readonly hint?: string;
  /** A 'number' larger than this is refused here (n_iter: each iteration prints lines). */
  readonly max?: number;
}

/** A field, its name and kind kept as literal types (so an example's values are typed by its fields). */
export const field = <N extends string, K extends FieldKind>(name: N, label: string, kind: K, extra: Pick<Field, 'hint' | 'max'> = {}): Field<N, K> => ({
  name,
  label,
  kind,
  ...extra,
});

/** The values of a list of fields: name → value of its kind. */
export type ValuesOf<F extends readonly Field[]> = { readonly [P in F[number] as P['name']]: KindValue[P['kind']] };

/** A value as the form shows it: JSON on one line, numbers joined by ', '. */
export function fieldText(f: Field, value: unknown): string {
  switch (f.kind) {
    case 'json':
      return JSON.stringify(value);
    case 'numbers':
      return (value as readonly number[]).join(', ');
    default:
      return String(value);
  }
}

/** One number as typed: blank, not a number or not finite is refused, naming the field. */
function numberOf(f: Field, text: string): number {
  const t = text.trim();
  const v = Number(t);
  if (t === '' || Number.isNaN(v)) throw new Error(`${f.label}: '${t}' is not a number`);
  if (!Number.isFinite(v)) throw new Error(`${f.label}: '${t}' is not finite`);
  return v;
}

/** The reader's text as a value of the field's kind; an Error naming the field when it is not one. */
export function parseField(f: Field, text: string): unknown {
  switch (f.kind) {
    case 'json':
      try {
        return JSON.parse(text);
      } catch (e) {
        throw new Error(`${f.label}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      }
    case 'numbers':
      return text.split(',').map((t) => numberOf(f, t));
    case 'number': {
      const v = numberOf(f, text);
      if (f.max !== undefined && v > f.max) throw new Error(`${f.label}: at most ${f.max} here, got ${v}`);
      return v;
    }
    case 'activation':
      if (!(ACTIVATION_NAMES as readonly string[]).includes(text)) throw new Error(`${f.label}: '${text}' is not one of ${ACTIVATION_NAMES.join(', ')}`);
      return text;
  }
}
