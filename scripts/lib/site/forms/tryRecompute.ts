/**
 * A "try it" form's result from the reader's texts: each field read back (tryFields.ts), the
 * example recomputed by the reference (tryExamples.ts) and printed as `npm run explain -- <id>`
 * prints it. Bad input throws: a message naming the field or the equation, never a NaN on the page.
 */
import { NonFiniteError, OVERFLOWED } from '../../../../reference/errors.js';
import { renderExample, type WorkedExample } from '../../explain/worked.js';
import { TRY_EXAMPLES, type TryExample } from './tryExamples.js';
import { fieldText, parseField } from './tryFields.js';

function entryOf(id: string): TryExample {
  const entry = TRY_EXAMPLES[id];
  if (entry === undefined) throw new Error(`no form recomputes ${id}`);
  return entry;
}

/** Every number the example prints is finite, else a NonFiniteError at `where` naming the first quantity that is not. */
function expectFinite(where: string, example: WorkedExample): WorkedExample {
  for (const step of example.steps) {
    if (step.kind === 'text') continue;
    const v = step.value;
    const bad = (v.kind === 'scalar' ? [v.value] : v.kind === 'list' ? v.values : v.rows.flat()).find((n) => !Number.isFinite(n));
    if (bad !== undefined) throw new NonFiniteError(where, `${step.name} is not finite (${bad}): ${OVERFLOWED}`);
  }
  return example;
}

/** The texts the form of `id` starts with: field name → its default as the form shows it. */
export function defaultTexts(id: string): Record<string, string> {
  const { fields, defaults } = entryOf(id);
  return Object.fromEntries(fields.map((f) => [f.name, fieldText(f, defaults[f.name])]));
}

/** The worked example of `id` from the texts of its form (field name → text), as explain prints it. */
export function recompute(id: string, texts: Readonly<Record<string, string>>): string {
  const entry = entryOf(id);
  const values = Object.fromEntries(entry.fields.map((f) => [f.name, parseField(f, texts[f.name] ?? '')]));
  return renderExample(expectFinite(entry.where, entry.compute(values)), id).join('\n');
}
