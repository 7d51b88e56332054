/**
 * `npm run site`: the built site holds an index and one page per section of the notes, every
 * statement of spec/ on its section's page with its formula rendered by KaTeX at build time, every
 * local link and stylesheet reference resolving to a built file, `--serve` answering with the
 * cross-origin isolation headers threaded wasm needs, and each "try it" form in its entry, prefilled
 * with the explain example's inputs, recomputing that example (the browser side: siteBrowser.test.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../accelerated/browser/bundle.js';
import { INVENTORY } from '../spec/inventory/index.js';
import { anchor } from './lib/book.js';
import { errataFor } from './lib/explain/errata.js';
import { workedExampleFor } from './lib/explain/examples.js';
import { THREE_LAYER } from './lib/explain/networks.js';
import { renderExample } from './lib/explain/worked.js';
import { buildSite, serveSite } from './lib/site/build.js';
import { TRY_EXAMPLES } from './lib/site/forms/tryExamples.js';
import { paramsJson } from './lib/site/forms/tryInputs.js';
import { defaultTexts, recompute } from './lib/site/forms/tryRecompute.js';
import { escapeHtml, math } from './lib/site/html.js';
import { SECTION_PAGES, topSection } from './lib/site/pages.js';
import { PLAYGROUND_FILE } from './lib/site/playgroundPage.js';

let out: string;
let files: string[];

/**
 * Building bundles two page scripts with esbuild when node_modules/.cache has none (a fresh clone):
 * ~5 s alone, more beside another test file; vitest's 10 s default for a hook is too tight.
 */
const BUILD_TIMEOUT_MS = 120_000;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'cs229-site-'));
  files = await buildSite(out);
}, BUILD_TIMEOUT_MS);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const read = (file: string): string => readFileSync(join(out, file), 'utf8');

describe('npm run site', () => {
  it('writes an index and one page per section of the notes, with every statement on its page', () => {
    expect(files).toEqual(expect.arrayContaining(['index.html', ...SECTION_PAGES.map((p) => p.file), 'site.css', 'katex/katex.min.css']));
    for (const p of SECTION_PAGES) {
      const html = read(p.file);
      const ids = INVENTORY.filter((e) => topSection(e) === p.section).map((e) => e.id);
      expect(ids.length, `section ${p.section} has statements`).toBeGreaterThan(0);
      for (const id of ids) expect(html, id).toContain(`id="${anchor(id)}"`);
      expect(read('index.html')).toContain(`href="${p.file}"`);
    }
    expect(SECTION_PAGES.flatMap((p) => INVENTORY.filter((e) => topSection(e) === p.section)).length).toBe(INVENTORY.length);
  });

  it("is built from spec/ as it is now: each statement's title, rendered formula and errata as the inventory has them", () => {
    for (const p of SECTION_PAGES) {
      const html = read(p.file);
      for (const entry of INVENTORY.filter((e) => topSection(e) === p.section)) {
        expect(html, entry.id).toContain(`<h2>${escapeHtml(entry.id)}: ${escapeHtml(entry.title)}</h2>`);
        expect(html, entry.id).toContain(`<div class="statement">${math(entry.latex, true)}</div>`);
        for (const e of errataFor(entry)) expect(html, `${entry.id}: erratum ${e.id}`).toContain(escapeHtml(e.correction));
      }
    }
  });

  it('renders every formula with KaTeX at build time: one display per statement, no KaTeX error', () => {
    for (const p of SECTION_PAGES) {
      const html = read(p.file);
      const statements = INVENTORY.filter((e) => topSection(e) === p.section).length;
      expect(html.match(/<div class="statement"><span class="katex-display">/g)?.length, p.file).toBe(statements);
      expect(html).not.toContain('katex-error');
    }
  });

  it('links only to files it built: pages, anchors, stylesheets and the fonts KaTeX asks for', () => {
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      for (const [, target] of read(file).matchAll(/(?:href|src)="([^"#]*)(?:#[^"]*)?"/g)) {
        if (target === '' || /^[a-z]+:/.test(target!)) continue;
        expect(existsSync(join(out, dirname(file), target!)), `${file} → ${target}`).toBe(true);
      }
    }
    for (const [, font] of read('katex/katex.min.css').matchAll(/url\(([^)]+)\)/g)) {
      expect(existsSync(join(out, 'katex', font!)), font).toBe(true);
    }
  });

  it('[1.5] has the training playground, with what it loads beside it: its script, tfjs wasm binaries, every fixture file', () => {
    expect(read('index.html')).toContain(`href="${PLAYGROUND_FILE}"`);
    const html = read(PLAYGROUND_FILE);
    for (const name of ['hidden', 'activation', 'dataSet', 'n', 'alpha', 'B', 'iterations', 'compared', 'seed', 'backend', 'runs']) {
      expect(html, name).toMatch(new RegExp(`name="${name}"`));
    }
    expect(html).toContain('<script type="module" src="playground.js"></script>');
    expect(files.filter((f) => f.endsWith('.wasm')).sort()).toEqual([
      'tfjs-backend-wasm-simd.wasm',
      'tfjs-backend-wasm-threaded-simd.wasm',
      'tfjs-backend-wasm.wasm',
    ]);
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', 'manifest.json'), 'utf8')) as { operations: Record<string, { files: string[] }> };
    for (const file of new Set(Object.values(manifest.operations).flatMap((o) => o.files))) {
      expect(read(`fixtures/${file}`), file).toBe(readFileSync(join(REPO_ROOT, 'fixtures', file), 'utf8'));
    }
  });

  it('--serve answers every page with COOP/COEP (cross-origin isolated, so threaded wasm can run)', async () => {
    const server = await serveSite(out, 0);
    try {
      for (const path of [
        '/',
        '/section-3.html',
        '/katex/katex.min.css',
        `/${PLAYGROUND_FILE}`,
        '/playground.js',
        '/tfjs-backend-wasm.wasm',
        '/fixtures/manifest.json',
      ]) {
        const response = await fetch(`${server.origin}${path}`);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
        expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      }
      expect(await (await fetch(`${server.origin}/`)).text()).toBe(read('index.html'));
    } finally {
      await server.close();
    }
  });

  it('shows each "try it" form in the entry of its spec id, on its section\'s page, prefilled with the explain example\'s inputs', () => {
    expect(files).toContain('examples.js');
    for (const [id, { fields }] of Object.entries(TRY_EXAMPLES)) {
      const entry = INVENTORY.find((e) => e.id === id);
      expect(entry, id).toBeDefined();
      const html = read(SECTION_PAGES.find((p) => p.section === topSection(entry!))!.file);
      const start = html.indexOf(`<section class="entry" id="${anchor(id)}">`);
      const inEntry = html.slice(start, html.indexOf('</section>', start));
      expect(inEntry, id).toContain(`<form class="try" data-example="${id}">`);
      expect(inEntry, id).toContain('<script type="module" src="examples.js"></script>');
      const texts = defaultTexts(id);
      for (const f of fields) {
        expect(inEntry, `${id} ${f.name}`).toContain(`name="${f.name}"`);
        expect(inEntry, `${id} ${f.name}`).toContain(f.kind === 'activation' ? `value="${texts[f.name]}" selected` : escapeHtml(texts[f.name]!));
      }
      expect(html.split(`data-example="${id}"`).length, `${id}: one form`).toBe(2);
    }
  });
});

describe('the "try it" forms, recomputed from their texts (as the page does)', () => {
  it('print the explain example itself from the default texts, to the character', () => {
    for (const id of Object.keys(TRY_EXAMPLES)) expect(recompute(id, defaultTexts(id)), id).toBe(renderExample(workedExampleFor(id)!, id).join('\n'));
  });

  it('refuse bad input with a message naming the field or the equation, never a NaN', () => {
    const cases: [id: string, edit: Record<string, string>, message: string][] = [
      ['2.12', { x: '1, abc' }, "x: 'abc' is not a number"],
      ['2.12', { x: '1,,2' }, "x: '' is not a number"],
      ['2.12', { theta: '{"W": [' }, 'θ: not valid JSON'],
      ['2.12', { theta: '{"W": [[[1, 2], [3]]], "b": [[1, 2]]}' }, 'eq. 2.12: row 2 of W[1] has 1 entries, row 1 has 2'],
      ['1.1', { data: '[{"x": [1, 2, 3], "y": 1}]' }, 'eq. 1.2: x^{(1)} (example index 0) must be 2x1'],
      ['1.1', { data: '[{"x": [1, 2], "y": "2"}]' }, 'eq. 1.2: y^{(1)} must be a number'],
      ['1.1', { data: '[]' }, 'eq. 1.2: the dataset must hold at least one example'],
      ['1.5', { B: '4' }, 'Algorithm 2 line 4: batch size B must be an integer in 1..n (n = 3)'],
      ['1.5', { seed: '1.5' }, "Algorithm 2 line 4: the sampler's seed must be an integer"],
      ['1.5', { alpha: '-1' }, 'eq. 1.5: learning rate α must be finite and > 0'],
      ['1.5', { alpha: 'Infinity' }, "α: 'Infinity' is not finite"],
      ['1.5', { nIter: '1000' }, 'n_iter: at most 100 here'],
      ['2/housing-a1', { theta: '1, 2, 3' }, 'eq. 2.3: θ must have 12 entries (θ1..θ12), got 3'],
      ['2/housing-a1', { x: '1, 2, 3' }, 'eq. 2.3: x must be 4x1'],
      ['2.7', { theta: JSON.stringify(paramsJson(THREE_LAYER)) }, 'eq. 2.7: a two-layer network has exactly W[1], W[2], b[1], b[2]'],
      ['2.7', { x: '1, 2, 3' }, 'eq. 2.11: x must be 2x1'],
      ['3.10', { x: '1' }, 'Algorithm 4 line 1: x must be 2x1'],
      ['3.10', { y: 'abc' }, "y: 'abc' is not a number"],
      ['4.4', { X: '[[1, 2, 3]]' }, 'eq. 4.4: X must be 1x2 (n x d), got 1x3'],
      ['4.4', { W1: '[[1, 2], [3]]' }, 'eq. 4.4: row 2 of W[1] has 1 entries, row 1 has 2'],
      ['4/multi-layer', { data: '[]' }, 'eq. 4.1: X needs at least one example'],
      ['4/multi-layer', { data: '[{"x": [1, 2, 3], "y": 1}]' }, '4/multi-layer: X must be 2x1'],
      ['3.13', { u: '1, 2' }, 'eq. 3.11: u must be 3x1'],
      ['3.13', { W: '[[1, 0], [0, 1]]', u: '1e160, 0', b: '0, 0' }, 'eq. 3.13: J is not finite (Infinity)'],
      ['3.5/forward', { y: '' }, "y: '' is not a number"],
      ['3.5/forward', { activation: 'softplus' }, "σ: 'softplus' is not one of relu, sigmoid, tanh, identity"],
    ];
    for (const [id, edit, message] of cases) {
      expect(() => recompute(id, { ...defaultTexts(id), ...edit }), `${id} ${JSON.stringify(edit)}`).toThrow(message);
    }
  });
});
