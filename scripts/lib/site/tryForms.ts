/**
 * The forms on the site's pages where a reader edits a worked example's inputs and the page
 * recomputes it with the reference (page/forward.ts, bundled as forward.js). Keyed by the spec id
 * whose entry shows the form.
 */

import { toRows } from '../../../reference/matrix.js';
import { ACTIVATION_NAMES } from '../../../spec/activations.js';
import { THREE_LAYER, X } from '../explain/networks.js';
import { escapeHtml } from './html.js';

/** The bundles the forms need: file in the site → entry module (built by build.ts). */
export const PAGE_SCRIPTS: Readonly<Record<string, string>> = { 'forward.js': 'scripts/lib/site/page/forward.ts' };

const rows = (m: Parameters<typeof toRows>[0]): number[][] => toRows(m).map((r) => r.map(Number));

/** Eq. 2.12: θ (W[k] as rows, b[k] as lists), x and σ, prefilled with the explain example's network. */
function forwardForm(): string {
  const theta = JSON.stringify({ W: THREE_LAYER.W.map(rows), b: THREE_LAYER.b.map((b) => rows(b).flat()) });
  const x = rows(X).flat().join(', ');
  const options = ACTIVATION_NAMES.map((a) => `<option value="${a}"${a === 'relu' ? ' selected' : ''}>${a}</option>`).join('');
  return [
    '<form class="try try-forward">',
    '<h3>Try it: edit θ, x or σ and recompute (the reference, in this page)</h3>',
    `<label>θ (W[k] as its rows, b[k] as a list)<br><textarea name="theta" rows="4" cols="80">${escapeHtml(theta)}</textarea></label><br>`,
    `<label>x <input name="x" value="${escapeHtml(x)}"></label>`,
    `<label>σ <select name="activation">${options}</select></label>`,
    '<button type="submit">Recompute</button>',
    '<pre class="result"></pre>',
    '</form>',
    '<script type="module" src="forward.js"></script>',
  ].join('\n');
}

export const TRY_FORMS: Readonly<Record<string, () => string>> = { '2.12': forwardForm };
