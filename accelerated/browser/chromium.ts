/**
 * Which Chromium the browser tests launch, and getting it ready (session.ts#openPage, through which
 * conformance/adapters/browser.ts opens its page, launches it):
 *
 * - `executablePath` given to openPage()/openBrowserImplementations(), else
 * - $CHROMIUM_PATH (an installed Chromium or Chrome, e.g. /usr/bin/chromium), else
 * - the Chromium of the npm package `@sparticuz/chromium` (a devDependency, so `npm ci` brings it:
 *   a chrome-headless-shell build for x64 Linux with SwiftShader, shipped brotli-compressed),
 *   unpacked once into node_modules/.cache/chromium/sparticuz-<version>/ on first use (~3 s).
 *
 * The package's own executablePath() is not used: it unpacks into the shared os.tmpdir() (/tmp/chromium,
 * whatever version put it there first) and answers "ready" as soon as /tmp/chromium exists, so a
 * second test worker, or a run after an interrupted unpack, would launch a half-written binary; its
 * module also edits process.env at import time when it thinks it runs on AWS Lambda or Vercel.
 * Here the package is only a carrier of files: each caller unpacks into a directory of its own
 * and renames it into place (atomic, no lock needed); when two workers race, one rename wins and
 * the other worker uses the winner's directory and deletes its own copy. The cache lives under
 * node_modules/, so `npm ci` starts it afresh.
 *
 * The binary needs libnss3, libnspr4 and libexpat. Where the system lacks any library (ldd says
 * "not found"), the Amazon Linux 2023 copies the package ships (al2023.tar.br) are unpacked beside
 * it into lib/ and Chromium is started with lib/ on LD_LIBRARY_PATH.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, constants as fsConstants } from 'node:fs';
import { access, chmod, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { brotliDecompress as brotliDecompressCallback, createBrotliDecompress } from 'node:zlib';
import { REPO_ROOT } from './bundle.js';

const brotliDecompress = promisify(brotliDecompressCallback);

/** The npm package whose Chromium is the default. */
export const CHROMIUM_PACKAGE = '@sparticuz/chromium';
/** Where it is unpacked (one subdirectory per package version). */
export const CHROMIUM_CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'chromium');

/** A Chromium to launch: the executable, where it came from, and extra environment for it. */
export interface ChromiumExecutable {
  readonly path: string;
  /** 'given' (executablePath option), 'CHROMIUM_PATH', or the npm package's name and version. */
  readonly source: string;
  /** Environment variables to add when launching it (LD_LIBRARY_PATH for the bundled libraries). */
  readonly env: Readonly<Record<string, string>>;
}

/** The option's or $CHROMIUM_PATH's path, else undefined (then the npm package's Chromium is used). */
export function chromiumOverride(explicit?: string): { path: string; source: 'given' | 'CHROMIUM_PATH' } | undefined {
  if (explicit !== undefined) return { path: explicit, source: 'given' };
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return { path: fromEnv, source: 'CHROMIUM_PATH' };
  return undefined;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

let unpacked: Promise<ChromiumExecutable> | undefined;

/**
 * The Chromium to launch (see the file comment): `explicit`, else $CHROMIUM_PATH, else the npm
 * package's, unpacked on first use. Rejects with what is wrong and how to fix it.
 */
export async function chromiumExecutable(explicit?: string): Promise<ChromiumExecutable> {
  const override = chromiumOverride(explicit);
  if (override !== undefined) {
    try {
      await access(override.path, fsConstants.X_OK);
    } catch {
      const fix =
        override.source === 'CHROMIUM_PATH'
          ? `point CHROMIUM_PATH at a Chromium executable, or unset it to use the Chromium of the npm package ${CHROMIUM_PACKAGE}`
          : `pass the path of a Chromium executable, or none to use $CHROMIUM_PATH or the Chromium of the npm package ${CHROMIUM_PACKAGE}`;
      throw new Error(`Chromium not found at ${override.path}${override.source === 'CHROMIUM_PATH' ? ' (from CHROMIUM_PATH)' : ''}: ${fix}`);
    }
    return { path: override.path, source: override.source, env: {} };
  }
  unpacked ??= packageChromium().catch((e: unknown) => {
    unpacked = undefined;
    throw e;
  });
  return unpacked;
}

/** The installed package's bin/ directory and version. */
async function locatePackage(): Promise<{ binDir: string; version: string }> {
  let main: string;
  try {
    main = createRequire(join(REPO_ROOT, 'package.json')).resolve(CHROMIUM_PACKAGE);
  } catch (e) {
    throw new Error(
      `Chromium: the npm package ${CHROMIUM_PACKAGE} is not installed (run npm ci), or set CHROMIUM_PATH to a Chromium executable: ${message(e)}`,
    );
  }
  const packageDir = resolve(dirname(main), '..');
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { binDir: join(packageDir, 'bin'), version };
}

async function packageChromium(): Promise<ChromiumExecutable> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `Chromium: the npm package ${CHROMIUM_PACKAGE} only has a Chromium for x64 Linux (this is ${process.platform}-${process.arch}); set CHROMIUM_PATH to a Chromium executable`,
    );
  }
  const { binDir, version } = await locatePackage();
  const dir = await unpackChromium(binDir, join(CHROMIUM_CACHE_DIR, `sparticuz-${version}`));
  return chromiumIn(dir, `${CHROMIUM_PACKAGE}@${version}`);
}

/** The executable in an unpacked directory, with lib/ on LD_LIBRARY_PATH when it is there. */
async function chromiumIn(dir: string, source: string): Promise<ChromiumExecutable> {
  const lib = join(dir, 'lib');
  const hasLib = await stat(lib).then(
    (s) => s.isDirectory(),
    () => false,
  );
  const inherited = process.env.LD_LIBRARY_PATH;
  const env: Record<string, string> = hasLib ? { LD_LIBRARY_PATH: inherited ? `${lib}:${inherited}` : lib } : {};
  return { path: join(dir, 'chromium'), source, env };
}

const isDone = (dir: string): Promise<boolean> =>
  access(join(dir, 'chromium'), fsConstants.X_OK).then(
    () => true,
    () => false,
  );

/**
 * Unpacks `binDir`'s chromium.br and swiftshader.tar.br (and al2023.tar.br into lib/ when the
 * system lacks a library the binary needs) into `dir`, unless `dir` is already there; returns
 * `dir`. Safe to call from several processes at once: each writes `dir`.partial-<pid>-<uuid>/ and
 * renames it to `dir`; `dir` only ever exists complete.
 */
export async function unpackChromium(binDir: string, dir: string): Promise<string> {
  if (await isDone(dir)) return dir;
  const staging = `${dir}.partial-${process.pid}-${randomUUID()}`;
  try {
    await mkdir(staging, { recursive: true });
    const from = (name: string): string => join(binDir, name);
    try {
      await pipeline(createReadStream(from('chromium.br')), createBrotliDecompress(), createWriteStream(join(staging, 'chromium'), { mode: 0o755 }));
      await chmod(join(staging, 'chromium'), 0o755);
      await extractTar(await brotliDecompress(await readFile(from('swiftshader.tar.br'))), staging);
      const missing = await missingLibraries(join(staging, 'chromium'));
      if (missing.length > 0) {
        // al2023.tar.br holds lib/<name>: NSS, NSPR and expat built for Amazon Linux 2023.
        await extractTar(await brotliDecompress(await readFile(from('al2023.tar.br'))), staging);
      }
    } catch (e) {
      throw new Error(
        `Chromium: unpacking the npm package ${CHROMIUM_PACKAGE} from ${binDir} into ${staging} failed (run npm ci again, or set CHROMIUM_PATH to a Chromium executable): ${message(e)}`,
      );
    }
    try {
      await rename(staging, dir);
    } catch (e) {
      // Another process renamed its copy into place first (ENOTEMPTY/EEXIST): use that one.
      if (!(await isDone(dir)))
        throw new Error(`Chromium: could not move ${staging} to ${dir} (delete ${dir} if it is there and incomplete, or set CHROMIUM_PATH): ${message(e)}`);
    }
    await removeStale(dir);
    return dir;
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Leftovers of unpacks that were interrupted (killed workers): partial directories older than 10 minutes. */
async function removeStale(dir: string): Promise<void> {
  const parent = dirname(dir);
  const prefix = `${dir.slice(parent.length + 1)}.partial-`;
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const name of entries.filter((n) => n.startsWith(prefix))) {
    const path = join(parent, name);
    const old = await stat(path).then(
      (s) => Date.now() - s.mtimeMs > 10 * 60_000,
      () => false,
    );
    if (old) await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The shared libraries `ldd` reports "not found" for `executable` (none when ldd itself cannot run). */
async function missingLibraries(executable: string): Promise<string[]> {
  try {
    const { stdout } = await promisify(execFile)('ldd', [executable], { maxBuffer: 1 << 20 });
    return stdout
      .split('\n')
      .filter((l) => l.includes('not found'))
      .map((l) => l.trim().split(/\s/)[0]!);
  } catch {
    return [];
  }
}

/**
 * Writes the regular files and directories of an uncompressed ustar/GNU tar archive under `dir`
 * (enough for the package's archives; anything else, or a path leaving `dir`, is an error).
 */
export async function extractTar(archive: Buffer, dir: string): Promise<void> {
  const root = resolve(dir);
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number): string => {
      const raw = header.subarray(start, start + length);
      const end = raw.indexOf(0);
      return raw.subarray(0, end < 0 ? length : end).toString('utf8');
    };
    const prefix = field(345, 155);
    const name = prefix === '' ? field(0, 100) : `${prefix}/${field(0, 100)}`;
    const mode = Number.parseInt(field(100, 8).trim() || '644', 8);
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156]!);
    const data = archive.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x' || type === 'g') continue; // pax headers: attributes only
    const target = resolve(root, normalize(name));
    if (target !== root && !target.startsWith(root + sep)) throw new Error(`tar entry ${name} would leave ${dir}`);
    if (type === '5') {
      await mkdir(target, { recursive: true });
    } else if (type === '0' || type === '\0') {
      if (data.length !== size) throw new Error(`tar entry ${name} is truncated`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, data, { mode: mode & 0o777 });
      await chmod(target, mode & 0o777);
    } else {
      throw new Error(`tar entry ${name} has type '${type}', which is not unpacked here`);
    }
  }
}
