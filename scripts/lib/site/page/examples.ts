/**
 * In the browser, on any page of the site: every "try it" form (tryForms.ts) recomputed by the
 * reference (mathjs, bundled) from the fields the reader edits, printed as `npm run explain -- <id>`
 * prints the example (tryRecompute.ts). Bad input shows its message (the field's, or the
 * reference's naming the equation) with class "error", never a NaN.
 */
import { recompute } from '../forms/tryRecompute.js';

/** Reads the form's fields, recomputes, and shows the result (or the reason it cannot). */
function wire(form: HTMLFormElement): void {
  const result = form.querySelector('pre.result')!;
  const run = (): void => {
    try {
      const texts = Object.fromEntries([...new FormData(form)].map(([name, value]) => [name, String(value)]));
      result.textContent = recompute(form.dataset.example!, texts);
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

if (typeof document !== 'undefined') document.querySelectorAll<HTMLFormElement>('form.try[data-example]').forEach(wire);
