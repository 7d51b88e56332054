/**
 * The playground page of the site (playground.html): a form for the network, the data set and
 * Algorithm 2's α, B and n_iter, the backend (the best the browser has unless the reader picks
 * one), the live loss curve against the reference, examples/s per backend, and the conformance
 * suite run in the page. The page's script is page/playground.ts (bundled as playground.js).
 */
import { ACTIVATION_NAMES } from '../../../spec/activations.js';
import { escapeHtml, page } from './html.js';
import { DATA_SETS, PLAYGROUND_DEFAULTS } from './playground/problem.js';

export const PLAYGROUND_FILE = 'playground.html';
export const PLAYGROUND_TITLE = 'Training playground: the accelerated path on your GPU, against the reference';

const options = (values: readonly string[], selected: string): string =>
  values.map((v) => `<option value="${escapeHtml(v)}"${v === selected ? ' selected' : ''}>${escapeHtml(v)}</option>`).join('');

const field = (label: string, name: string, value: string | number, size = 6): string =>
  `<label>${escapeHtml(label)} <input name="${name}" value="${escapeHtml(String(value))}" size="${size}"></label>`;

/** The form, prefilled with PLAYGROUND_DEFAULTS. */
function trainingForm(): string {
  const d = PLAYGROUND_DEFAULTS;
  return [
    '<form class="playground" id="train-form">',
    '<fieldset><legend>Network (eq. 2.12) and data (eq. 1.2)</legend>',
    field('hidden layer widths m_1, …, m_{r−1}', 'hidden', d.hidden.join(', '), 10),
    `<label>σ <select name="activation">${options(ACTIVATION_NAMES, d.activation)}</select></label>`,
    `<label>data set <select name="dataSet">${options(DATA_SETS, d.dataSet)}</select></label>`,
    field('n', 'n', d.n),
    '</fieldset>',
    '<fieldset><legend>Mini-batch SGD (Algorithm 2)</legend>',
    field('α', 'alpha', d.alpha),
    field('B', 'B', d.B),
    field('n_iter', 'iterations', d.iterations),
    field('iterations replayed by the reference', 'compared', d.compared),
    field('seed', 'seed', d.seed),
    '</fieldset>',
    `<label>backend <select name="backend">${options(['auto', 'webgpu', 'webgl', 'wasm', 'cpu'], 'auto')}</select></label>`,
    '<button type="submit" name="train">Train</button>',
    '<button type="button" name="compare">Compare backends (examples/s)</button>',
    '</form>',
  ].join('\n');
}

const INTRO = `<p>Trains a fully-connected network with mini-batch SGD (Algorithm 2, eq. 1.5) on the accelerated
path (tfjs, float32, the row-major form of Section 4) on the best backend this browser has: WebGPU,
else WebGL, else WebAssembly, else plain JavaScript. The reference (mathjs, float64) then replays the
first iterations from the same θ<sub>0</sub> on the same batches, and each J(θ) of the accelerated run
is judged against it within the float32 error bound of the backend, carried from step to step (the
bound of the suite's training checks). The worst-case bound grows with every step: with a large α it
leaves the domain after some dozens of steps, and the page says where the comparison stopped.</p>
<p>Data sets: the housing example of Section 2 (x = size, bedrooms, walkability, wealth; y = price;
each column standardized to mean 0 and standard deviation 1) and a synthetic regression,
y = sin(2(x<sub>1</sub> + x<sub>2</sub> + x<sub>3</sub>)/√3) + noise with x uniform in [−1, 1]<sup>3</sup>.
θ<sub>0</sub> is the reference's initialization (Algorithm 2 line 2) from the seed; the batches are
its sampler's (line 4) from the same seed.</p>`;

const SUITE = [
  '<h2>The conformance suite, in this page</h2>',
  '<p>Runs every check of the suite (the fixture vectors included) on the accelerated path on the backend above, here in the browser, and shows the verdict per statement of the notes.</p>',
  '<form class="playground" id="suite-form">',
  field('random cases per property check', 'runs', 25),
  '<button type="submit" name="suite">Run the conformance suite</button>',
  '</form>',
  '<p id="suite-verdict"></p>',
  '<div id="suite-table"></div>',
  '<pre id="suite-failures" class="result"></pre>',
].join('\n');

/** The whole page. */
export function playgroundPage(nav: string): string {
  const body = [
    INTRO,
    trainingForm(),
    '<p id="status" data-state="idle">Loading…</p>',
    '<div id="chart"></div>',
    '<pre id="stats" class="result"></pre>',
    '<h2>Examples per second, per backend</h2>',
    '<table id="throughput"><thead><tr><th>backend</th><th>device</th><th>network</th><th>B</th><th>examples/s</th></tr></thead><tbody></tbody></table>',
    SUITE,
    '<script type="module" src="playground.js"></script>',
  ].join('\n');
  return page(PLAYGROUND_TITLE, nav, body);
}
