/**
 * In the browser, on the site's playground page: starts the best backend (webgpu → webgl → wasm →
 * cpu, or the reader's pick), trains with the accelerated path and draws the loss curve as it goes,
 * overlays the reference's, judges the run (playground/run.ts), measures examples/s per backend,
 * and runs the conformance suite in the page (playground/suite.ts). The last results are also on
 * globalThis.playground for the browser tests (scripts/playgroundBrowser.test.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { BackendName } from '../../../../accelerated/backends.js';
import { deviceOf } from '../../../../conformance/adapters/declarations.js';
import { type BackendInfo, conformanceStart } from '../../../../conformance/adapters/pageEntry.js';
import { readFixturesWith } from '../../../../conformance/checks/fixtures.js';
import type { ActivationName } from '../../../../spec/activations.js';
import { lossCurvesChart } from '../../plots/curves.js';
import { escapeHtml } from '../escape.js';
import { field, parseField } from '../forms/tryFields.js';
import { checkOptions, type DataSetName, layerSizesOf, type PlaygroundOptions } from '../playground/problem.js';
import { examplesPerSecond, type PlaygroundRun, type Progress, runPlayground } from '../playground/run.js';
import { type PageSuiteRun, runSuiteInPage } from '../playground/suite.js';

/** The order in which the page tries backends: the fastest a browser may have first. */
const BEST_FIRST: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** What the tests read: the backend in use and the last run's and suite's results. */
export interface PlaygroundGlobals {
  ready: boolean;
  backend?: { readonly name: BackendName; readonly device: string; readonly skipped: readonly string[] };
  lastRun?: PlaygroundRun;
  lastSuite?: Omit<PageSuiteRun, 'results'>;
  numTensors(): number;
}

const globals: PlaygroundGlobals = { ready: false, numTensors: () => tf.memory().numTensors };
Object.assign(globalThis, { playground: globals });

const $ = <T extends Element>(selector: string): T => document.querySelector<T>(selector)!;
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const format = (v: number): string => v.toPrecision(3);

function status(text: string, state: 'busy' | 'done' | 'error' | 'idle'): void {
  const el = $<HTMLElement>('#status');
  el.textContent = text;
  el.dataset.state = state;
}

/** Starts `choice` (or the first of BEST_FIRST that starts); says which and why others did not. */
async function start(choice: string): Promise<{ name: BackendName; info: BackendInfo; skipped: string[] }> {
  const skipped: string[] = [];
  for (const name of choice === 'auto' ? BEST_FIRST : [choice as BackendName]) {
    try {
      const info = await conformanceStart(name);
      globals.backend = { name, device: deviceOf(info), skipped };
      return { name, info, skipped };
    } catch (e) {
      skipped.push(`${name}: ${message(e)}`);
    }
  }
  throw new Error(`no backend started: ${skipped.join('; ')}`);
}

/** The form's numeric fields, read as the "try it" forms read theirs (tryFields.ts: a bad one is refused naming it). */
const NUMBER_FIELDS = {
  n: field('n', 'n', 'number'),
  alpha: field('alpha', 'α', 'number'),
  B: field('B', 'B', 'number'),
  iterations: field('iterations', 'n_iter', 'number'),
  compared: field('compared', 'iterations replayed by the reference', 'number'),
  seed: field('seed', 'seed', 'number'),
} as const;
const HIDDEN = field('hidden', 'hidden layer widths', 'numbers');
const SIGMA = field('activation', 'σ', 'activation');

/** The form's values (blank widths: no hidden layer, r = 1). */
function readOptions(form: HTMLFormElement): PlaygroundOptions & { backend: string } {
  const data = new FormData(form);
  const text = (name: string): string => String(data.get(name) ?? '').trim();
  const number = (name: keyof typeof NUMBER_FIELDS): number => parseField(NUMBER_FIELDS[name], text(name)) as number;
  return {
    hidden: text(HIDDEN.name) === '' ? [] : (parseField(HIDDEN, text(HIDDEN.name)) as number[]),
    activation: parseField(SIGMA, text(SIGMA.name)) as ActivationName,
    dataSet: text('dataSet') as DataSetName,
    n: number('n'),
    alpha: number('alpha'),
    B: number('B'),
    iterations: number('iterations'),
    compared: number('compared'),
    seed: number('seed'),
    backend: text('backend'),
  };
}

let view: vega.View | undefined;

async function draw(backend: string, o: PlaygroundOptions, progress: Pick<Progress, 'accelerated' | 'reference'>): Promise<void> {
  const spec = lossCurvesChart({
    title: 'J(θ) after each iteration: the accelerated run and the reference',
    subtitle: [`${o.dataSet}, [${layerSizesOf(o).join(', ')}] ${o.activation} network, α = ${o.alpha}, B = ${o.B}, seed ${o.seed}`],
    reference: { name: 'reference (mathjs, float64)', losses: progress.reference.map((e) => e.value) },
    accelerated: { name: `accelerated (tfjs ${backend}, float32)`, losses: progress.accelerated },
  });
  view?.finalize();
  view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'svg', container: '#chart' });
  await view.runAsync();
}

/** The run's numbers, in words. */
function describeRun(run: PlaygroundRun, device: string, o: PlaygroundOptions): string {
  const a = run.agreement;
  const J = run.accelerated;
  const verdict =
    a.iterations === 0
      ? 'no iteration was compared with the reference: nothing verified'
      : a.failure !== undefined
        ? `OUTSIDE the float32 bound: ${a.failure}`
        : `within the float32 bound at every one of the ${a.iterations} iterations`;
  return [
    `backend: ${run.backend} (${device})`,
    `network [${run.sizes.join(', ')}], σ = ${o.activation}, ${o.dataSet} data, n = ${o.n}, α = ${o.alpha}, B = ${o.B}, ${J.length} iterations, seed ${o.seed}`,
    `J(θ): ${format(J[0]!)} after iteration 1, ${format(J[J.length - 1]!)} after iteration ${J.length}`,
    `reference (float64), first ${a.iterations} iterations: max |J_accelerated − J_reference| = ${a.maxDifference.toExponential(2)} where the bound is ${a.boundAtMax.toExponential(2)}; worst |difference|/bound = ${format(a.worstRatio)}`,
    `verdict: ${verdict}`,
    ...(run.reference.stopped === undefined ? [] : [`the comparison stopped early: ${run.reference.stopped}`]),
    `examples/s (eq. 1.5 steps alone, B = ${o.B}): ${Math.round(run.examplesPerSecond).toLocaleString('en-US')}`,
    `tf.memory().numTensors: ${run.tensors.before} before, ${[...new Set(run.tensors.chunks)].join(' or ')} after each chunk of iterations, ${run.tensors.after} after`,
  ].join('\n');
}

function addThroughputRow(backend: string, device: string, o: PlaygroundOptions, perSecond: number): void {
  const row = document.createElement('tr');
  for (const text of [backend, device, `[${layerSizesOf(o).join(', ')}] ${o.activation}`, String(o.B), Math.round(perSecond).toLocaleString('en-US')]) {
    row.appendChild(document.createElement('td')).textContent = text;
  }
  $('#throughput tbody').appendChild(row);
}

async function train(form: HTMLFormElement): Promise<void> {
  const o = readOptions(form);
  checkOptions(o); // before a backend starts
  const { name, skipped } = await start(o.backend);
  const device = globals.backend!.device;
  status(`training on ${name}${skipped.length > 0 ? ` (not available: ${skipped.join('; ')})` : ''}…`, 'busy');
  const run = await runPlayground(o, async (p) => {
    if (p.phase === 'reference' || p.phase === 'throughput')
      status(p.phase === 'reference' ? `the reference replays iteration ${p.reference.length}…` : 'measuring examples/s…', 'busy');
    await draw(name, o, p);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  });
  $('#stats').textContent = describeRun(run, device, o);
  $('#stats').classList.toggle('error', run.agreement.failure !== undefined || run.agreement.iterations === 0);
  addThroughputRow(name, device, o, run.examplesPerSecond);
  globals.lastRun = run;
  status(`done on ${name}`, 'done');
}

/** examples/s of the same network and batches on every backend that starts here. */
async function compareBackends(form: HTMLFormElement): Promise<void> {
  const o = readOptions(form);
  const chosen = globals.backend?.name;
  for (const backend of BEST_FIRST) {
    status(`measuring ${backend}…`, 'busy');
    try {
      await start(backend);
      addThroughputRow(backend, globals.backend!.device, o, await examplesPerSecond(o));
    } catch (e) {
      addThroughputRow(backend, message(e), o, Number.NaN);
    }
  }
  if (chosen !== undefined) await start(chosen);
  status('backends compared', 'done');
}

function suiteTable(run: PageSuiteRun): string {
  const rows = run.rows.map((r) => `<tr class="cell-${r.cell.replace(/[^a-z]/g, '')}"><td>${r.id}</td><td>${escapeHtml(r.title)}</td><td>${r.cell}</td></tr>`);
  return `<table><thead><tr><th>id</th><th>statement of the notes</th><th>${escapeHtml(run.implementation)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

async function suite(form: HTMLFormElement): Promise<void> {
  const runs = Number(new FormData(form).get('runs'));
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`random cases per property check: must be an integer >= 1, got '${String(new FormData(form).get('runs'))}'`);
  const backend = globals.backend?.name ?? (await start('auto')).name;
  let done = 0;
  const run = await runSuiteInPage(backend, runs, (r) => status(`suite on ${backend}: ${++done} checks done (last: ${r.check} ${r.status})`, 'busy'));
  $('#suite-verdict').textContent = `${run.implementation}: ${run.results.length} checks in ${run.seconds.toFixed(1)} s; ${run.verdict.line}`;
  $('#suite-table').innerHTML = suiteTable(run);
  $('#suite-failures').textContent = run.failures.join('\n');
  const { results: _, ...rest } = run;
  globals.lastSuite = rest;
  status(`suite done on ${backend}`, 'done');
}

/** Runs `action` for a form's submit or button; its error is shown, never thrown into the void. */
function on(form: HTMLFormElement, event: string, target: Element, action: (form: HTMLFormElement) => Promise<void>): void {
  target.addEventListener(event, (e) => {
    e.preventDefault();
    status('starting…', 'busy');
    action(form).catch((error: unknown) => status(message(error), 'error'));
  });
}

if (typeof document !== 'undefined') {
  setWasmPaths(new URL('./', document.baseURI).href);
  readFixturesWith(async (file) => {
    const response = await fetch(new URL(`fixtures/${file}`, document.baseURI));
    if (!response.ok) throw new Error(`fixtures/${file}: HTTP ${response.status}`);
    return response.text();
  });
  const trainForm = $<HTMLFormElement>('#train-form');
  on(trainForm, 'submit', trainForm, train);
  on(trainForm, 'click', trainForm.querySelector('button[name="compare"]')!, compareBackends);
  const suiteForm = $<HTMLFormElement>('#suite-form');
  on(suiteForm, 'submit', suiteForm, suite);
  globals.ready = true;
  status('ready: press Train', 'idle');
}
