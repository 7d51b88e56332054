/**
 * The "try it" forms on the site's pages, rendered from tryExamples.ts: one per registered spec id,
 * under that entry's worked example, each field prefilled with the explain example's input. The
 * page bundle examples.js (page/examples.ts) recomputes every form with the reference.
 */

import { ACTIVATION_NAMES } from '../../../../spec/activations.js';
import { escapeHtml } from '../html.js';
import { TRY_EXAMPLES } from './tryExamples.js';
import type { Field } from './tryFields.js';
import { defaultTexts } from './tryRecompute.js';

/** The bundles the forms need: file in the site → entry module (built by build.ts). */
export const PAGE_SCRIPTS: Readonly<Record<string, string>> = { 'examples.js': 'scripts/lib/site/page/examples.ts' };

/** One field as a labelled control holding `text`: a textarea for JSON, a select for σ, else a text input. */
function controlHtml(f: Field, text: string): string {
  const label = escapeHtml(f.hint === undefined ? f.label : `${f.label} (${f.hint})`);
  const name = escapeHtml(f.name);
  switch (f.kind) {
    case 'json':
      return `<label>${label}<br><textarea name="${name}" rows="4" cols="80">${escapeHtml(text)}</textarea></label><br>`;
    case 'activation': {
      const options = ACTIVATION_NAMES.map((a) => `<option value="${a}"${a === text ? ' selected' : ''}>${a}</option>`).join('');
      return `<label>${label} <select name="${name}">${options}</select></label>`;
    }
    default:
      return `<label>${label} <input name="${name}" value="${escapeHtml(text)}"></label>`;
  }
}

/** 'θ, x or σ'. */
const orList = (labels: readonly string[]): string => (labels.length < 2 ? labels.join('') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`);

/** The form of `id` (a module script runs once per page, however many forms name it). */
function tryForm(id: string): string {
  const { fields } = TRY_EXAMPLES[id]!;
  const texts = defaultTexts(id);
  return [
    `<form class="try" data-example="${escapeHtml(id)}">`,
    `<h3>Try it: edit ${escapeHtml(orList(fields.map((f) => f.label)))} and recompute (the reference, in this page)</h3>`,
    ...fields.map((f) => controlHtml(f, texts[f.name]!)),
    '<button type="submit">Recompute</button>',
    '<pre class="result"></pre>',
    '</form>',
    '<script type="module" src="examples.js"></script>',
  ].join('\n');
}

/** Spec id → its form's HTML. */
export const TRY_FORMS: Readonly<Record<string, () => string>> = Object.fromEntries(Object.keys(TRY_EXAMPLES).map((id) => [id, () => tryForm(id)]));
