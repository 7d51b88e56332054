/**
 * Builds the static site into a folder (`npm run site`): the pages of pages.ts, the site's
 * stylesheet, and KaTeX's stylesheet and fonts copied from node_modules (nothing is fetched from
 * elsewhere, at build time or when a reader opens a page). Serves a built folder with the
 * cross-origin isolation headers of accelerated/browser/server.ts (`npm run site -- --serve`).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative } from 'node:path';
import { buildPageBundle, REPO_ROOT } from '../../../accelerated/browser/bundle.js';
import { type StaticFile, type StaticServer, startStaticServer } from '../../../accelerated/browser/server.js';
import { PAGE_SCRIPTS } from './forms/tryForms.js';
import { renderPages } from './pages.js';

export const SITE_DIR = 'site';

const STYLE = `body { font-family: system-ui, sans-serif; margin: 0; line-height: 1.5; }
nav { padding: 0.5em 1em; background: #f4f4f4; border-bottom: 1px solid #ddd; }
main { max-width: 60em; margin: 0 auto; padding: 1em; }
section.entry { border-top: 1px solid #ddd; margin-top: 2em; }
pre { background: #f8f8f8; padding: 0.5em; overflow-x: auto; }
#stats, #suite-failures { white-space: pre-wrap; }
.erratum { border-left: 4px solid #c60; padding-left: 1em; }
.erratum pre { white-space: pre-wrap; }
.katex-display { overflow-x: auto; overflow-y: hidden; }
form.try { background: #eef4fb; padding: 0.5em 1em; }
form.playground { background: #eef4fb; padding: 0.5em 1em; margin-bottom: 1em; }
form.playground label { margin-right: 1em; white-space: nowrap; }
fieldset { border: 1px solid #ccd; margin-bottom: 0.5em; }
#status[data-state='error'], pre.result.error { color: #b00; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ddd; padding: 0.2em 0.5em; text-align: left; }
tr.cell-fail td, tr.cell-unexpectedpass td { background: #fdd; }
tr.cell-pass td:last-child { color: #060; }
`;

/** Every page script of the site: file in the site → entry module. */
const SITE_SCRIPTS: Readonly<Record<string, string>> = { ...PAGE_SCRIPTS, 'playground.js': 'scripts/lib/site/page/playground.ts' };

/**
 * What the playground page loads besides its script: tfjs's WebAssembly binaries (the wasm backend
 * fetches them beside the page) and the fixture vectors the in-page suite replays.
 */
function copyPlaygroundAssets(outDir: string): void {
  const wasmDist = join(dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  for (const file of readdirSync(wasmDist).filter((f) => f.endsWith('.wasm'))) cpSync(join(wasmDist, file), join(outDir, file));
  const fixtures = join(REPO_ROOT, 'fixtures');
  mkdirSync(join(outDir, 'fixtures'), { recursive: true });
  for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.json'))) cpSync(join(fixtures, file), join(outDir, 'fixtures', file));
}

/** Writes the site into `outDir` (emptied first); returns the files written, relative to it. */
export async function buildSite(outDir: string): Promise<string[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const [file, html] of renderPages()) writeFileSync(join(outDir, file), html);
  writeFileSync(join(outDir, 'site.css'), STYLE);
  for (const [file, entry] of Object.entries(SITE_SCRIPTS)) {
    writeFileSync(join(outDir, file), (await buildPageBundle({ entry: join(REPO_ROOT, entry), minify: true })).code);
  }
  copyPlaygroundAssets(outDir);
  const katexDist = join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');
  mkdirSync(join(outDir, 'katex'), { recursive: true });
  cpSync(join(katexDist, 'katex.min.css'), join(outDir, 'katex', 'katex.min.css'));
  cpSync(join(katexDist, 'fonts'), join(outDir, 'katex', 'fonts'), { recursive: true });
  return listFiles(outDir);
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path).split('\\').join('/')];
  });
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
};

/** Serves every file of a built site (and `/` as index.html) on 127.0.0.1:`port` (0: any free port). */
export function serveSite(outDir: string, port: number): Promise<StaticServer> {
  const files: Record<string, StaticFile> = {};
  for (const file of listFiles(outDir)) {
    files[`/${file}`] = { body: readFileSync(join(outDir, file)), contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' };
  }
  if (files['/index.html'] !== undefined) files['/'] = files['/index.html'];
  return startStaticServer(files, port);
}
