/**
 * Builds a browser page's bundle: an entry module and everything it imports (e.g.
 * conformance/adapters/pageEntry.ts: tfjs, the webgpu backend, accelerated/) as one ESM script for
 * the browser, with esbuild's JS API.
 *
 * Cached in node_modules/.cache/browser-pages/ (ignored by git with node_modules/): the manifest
 * records the sha-256 (and size and mtime) of every input esbuild read (its metafile) and a hash of
 * the build options; a later call rebuilds only when an input's content changed (a file whose size
 * and mtime are unchanged is not reread), the bundle is missing, or `force`.
 * Files are written to a temporary name and renamed, so parallel test workers never read half a file.
 * Each entry is cached under a name made from its path.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, version as esbuildVersion } from 'esbuild';

/** The repository root (this file is accelerated/browser/bundle.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'browser-pages');

export interface PageBundle {
  /** The bundle's JavaScript (ESM). */
  readonly code: string;
  /** Its path in the cache directory. */
  readonly path: string;
  /** True when this call ran esbuild, false when the cached bundle was still fresh. */
  readonly rebuilt: boolean;
  /** How many source files the bundle was built from. */
  readonly inputs: number;
  readonly ms: number;
}

interface InputStamp {
  readonly sha256: string;
  readonly size: number;
  readonly mtimeMs: number;
}

async function stampOf(input: string): Promise<InputStamp> {
  const path = join(REPO_ROOT, input);
  const { size, mtimeMs } = await stat(path);
  return { sha256: sha256(await readFile(path)), size, mtimeMs };
}

interface Manifest {
  readonly optionsHash: string;
  readonly bundle: string;
  /** Input path (relative to REPO_ROOT, as esbuild's metafile names it) → its content's sha-256, size, mtime. */
  readonly inputs: Record<string, InputStamp>;
}

const baseOptions: BuildOptions = {
  absWorkingDir: REPO_ROOT,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  // Unminified: page errors keep readable function names (a source map would double the size).
  minify: false,
  legalComments: 'none',
  logLevel: 'silent',
  metafile: true,
  write: false,
};

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** What one entry builds and where it is cached: `<name>.js` and `<name>.manifest.json`, the name from the entry's path. */
interface Target {
  readonly options: BuildOptions;
  readonly optionsHash: string;
  readonly manifest: string;
  /** The bundle's file name in CACHE_DIR. */
  readonly bundle: string;
}

function targetOf(entry: string, minify: boolean): Target {
  const options = { ...baseOptions, entryPoints: [entry], minify };
  const name = relative(REPO_ROOT, entry)
    .replace(/\.ts$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .concat(minify ? '-min' : '');
  return {
    options,
    optionsHash: sha256(JSON.stringify({ esbuildVersion, options, entry })),
    manifest: join(CACHE_DIR, `${name}.manifest.json`),
    bundle: `${name}.js`,
  };
}

async function readManifest(target: Target): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(target.manifest, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** True when every input of `manifest` still has the recorded hash. */
async function fresh(manifest: Manifest, target: Target): Promise<boolean> {
  if (manifest.optionsHash !== target.optionsHash || !existsSync(join(CACHE_DIR, manifest.bundle))) return false;
  const checks = await Promise.all(
    Object.entries(manifest.inputs).map(async ([input, recorded]) => {
      try {
        const { size, mtimeMs } = await stat(join(REPO_ROOT, input));
        if (size === recorded.size && mtimeMs === recorded.mtimeMs) return true;
        return (await stampOf(input)).sha256 === recorded.sha256;
      } catch {
        return false;
      }
    }),
  );
  return checks.every(Boolean);
}

async function writeAtomically(path: string, data: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * The page bundle of `entry` (an absolute path), rebuilt only when a source changed (see the file
 * comment); `minify` for pages served to readers (the site), the test pages stay readable.
 */
export async function buildPageBundle(opts: { readonly entry: string; readonly force?: boolean; readonly minify?: boolean }): Promise<PageBundle> {
  const started = performance.now();
  const target = targetOf(opts.entry, opts.minify ?? false);
  const manifest = opts.force ? undefined : await readManifest(target);
  if (manifest !== undefined && (await fresh(manifest, target))) {
    const code = await readFile(join(CACHE_DIR, manifest.bundle), 'utf8');
    return { code, path: join(CACHE_DIR, manifest.bundle), rebuilt: false, inputs: Object.keys(manifest.inputs).length, ms: performance.now() - started };
  }
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build(target.options);
  } catch (e) {
    const errors = (e as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors;
    const detail = errors?.map((m) => (m.location ? `${m.location.file}:${m.location.line}: ${m.text}` : m.text)).join('\n') ?? String(e);
    throw new Error(`browser page: esbuild could not bundle ${opts.entry}:\n${detail}`);
  }
  const output = result.outputFiles?.[0];
  if (output === undefined) throw new Error(`browser page: esbuild produced no output for ${opts.entry}`);
  const inputs: Record<string, InputStamp> = {};
  await Promise.all(
    // '(disabled):…' inputs are modules the packages' "browser" fields map to nothing: no file to hash.
    Object.keys(result.metafile?.inputs ?? {})
      .filter((input) => !input.startsWith('('))
      .map(async (input) => {
        inputs[input] = await stampOf(input);
      }),
  );
  await mkdir(CACHE_DIR, { recursive: true });
  const path = join(CACHE_DIR, target.bundle);
  await writeAtomically(path, output.text);
  await writeAtomically(target.manifest, JSON.stringify({ optionsHash: target.optionsHash, bundle: target.bundle, inputs } satisfies Manifest));
  return { code: output.text, path, rebuilt: true, inputs: Object.keys(inputs).length, ms: performance.now() - started };
}
