/**
 * In the browser, on the site's page of Section 2: eq. 2.12-2.13 recomputed by the reference
 * (mathjs, bundled) from the θ, x and σ the reader edits, printed as `npm run explain -- 2.12`
 * prints it (the same worked example, scripts/lib/explain/section2Examples.ts). Bad input shows
 * the reference's own message (e.g. "eq. 2.12: …"), never a NaN.
 */

import { columnVector, matrixFromRows } from '../../../../reference/matrix.js';
import type { Params } from '../../../../reference/network.js';
import { ACTIVATION_NAMES, type ActivationName } from '../../../../spec/activations.js';
import { multiLayerForwardExample } from '../../explain/section2Examples.js';
import { renderExample } from '../../explain/worked.js';

/** θ as the form holds it: W[k] as its rows (m_k×m_{k−1}), b[k] as a list (m_k). */
export interface ForwardInput {
  readonly W: readonly (readonly (readonly number[])[])[];
  readonly b: readonly (readonly number[])[];
  readonly x: readonly number[];
  readonly activation: ActivationName;
}

/** The worked example of eq. 2.12 for `input`, as the lines `npm run explain -- 2.12` prints. */
export function forwardText(input: ForwardInput): string {
  const theta: Params = { W: input.W.map((rows) => matrixFromRows(rows.map((r) => [...r]))), b: input.b.map((v) => columnVector([...v])) };
  return renderExample(multiLayerForwardExample(theta, columnVector([...input.x]), input.activation), '2.12').join('\n');
}

/** Reads the form, recomputes, and shows the result (or the reason it cannot). */
function wire(form: HTMLFormElement): void {
  const result = form.querySelector('pre.result')!;
  const run = (): void => {
    try {
      const data = new FormData(form);
      const theta = JSON.parse(String(data.get('theta'))) as { W: number[][][]; b: number[][] };
      const x = String(data.get('x'))
        .split(',')
        .map((t) => Number(t.trim()));
      const activation = String(data.get('activation')) as ActivationName;
      if (!ACTIVATION_NAMES.includes(activation)) throw new Error(`σ must be one of ${ACTIVATION_NAMES.join(', ')}`);
      result.textContent = forwardText({ W: theta.W, b: theta.b, x, activation });
      result.classList.remove('error');
    } catch (e) {
      result.textContent = e instanceof Error ? e.message : String(e);
      result.classList.add('error');
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  run();
}

if (typeof document !== 'undefined') document.querySelectorAll<HTMLFormElement>('form.try-forward').forEach(wire);
