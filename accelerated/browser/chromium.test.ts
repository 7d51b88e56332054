/**
 * Getting Chromium from the npm package @sparticuz/chromium (chromium.ts): the override order, the
 * unpacking into the cache (complete or absent, also when several callers race), the tar reader on
 * the package's real archive, and the error messages. Launching it is browser.test.ts's job.
 */
import { execFile } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from './bundle.js';
import { CHROMIUM_CACHE_DIR, CHROMIUM_PACKAGE, chromiumExecutable, chromiumOverride, extractTar, unpackChromium } from './chromium.js';

const PACKAGE_BIN = join(resolve(dirname(createRequire(join(REPO_ROOT, 'package.json')).resolve(CHROMIUM_PACKAGE)), '..'), 'bin');
const SWIFTSHADER_FILES = ['libEGL.so', 'libGLESv2.so', 'libvk_swiftshader.so', 'libvulkan.so.1', 'vk_swiftshader_icd.json'];

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'chromium-test-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A bin/ like the package's, with a tiny shell script as `chromium` and the real swiftshader.tar.br. */
async function fakeBin(name: string, chromium: Buffer = brotliCompressSync('#!/bin/sh\necho fake chromium\n')): Promise<string> {
  const bin = join(scratch, name);
  await mkdir(bin, { recursive: true });
  await writeFile(join(bin, 'chromium.br'), chromium);
  await copyFile(join(PACKAGE_BIN, 'swiftshader.tar.br'), join(bin, 'swiftshader.tar.br'));
  return bin;
}

describe('Chromium from the npm package', () => {
  it('the executablePath option wins over $CHROMIUM_PATH, which wins over the package', () => {
    vi.stubEnv('CHROMIUM_PATH', '/opt/chromium');
    try {
      expect(chromiumOverride('/given')).toEqual({ path: '/given', source: 'given' });
      expect(chromiumOverride()).toEqual({ path: '/opt/chromium', source: 'CHROMIUM_PATH' });
      vi.stubEnv('CHROMIUM_PATH', '');
      expect(chromiumOverride()).toBeUndefined();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('by default it is the package’s Chromium, unpacked into node_modules/.cache with SwiftShader beside it', async () => {
    vi.stubEnv('CHROMIUM_PATH', '');
    try {
      const executable = await chromiumExecutable();
      expect(executable.source).toMatch(/^@sparticuz\/chromium@\d+\.\d+\.\d+$/);
      expect(executable.path.startsWith(CHROMIUM_CACHE_DIR)).toBe(true);
      await access(executable.path, fsConstants.X_OK);
      for (const file of SWIFTSHADER_FILES) await access(join(dirname(executable.path), file));
      expect(await chromiumExecutable()).toEqual(executable);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('callers racing to unpack all get the same complete directory, and no partial copy is left', async () => {
    const bin = await fakeBin('race');
    const dir = join(scratch, 'cache', 'race-1.0.0');
    const results = await Promise.all([1, 2, 3, 4].map(() => unpackChromium(bin, dir)));
    expect(new Set(results)).toEqual(new Set([dir]));
    const { stdout } = await promisify(execFile)(join(dir, 'chromium'));
    expect(stdout).toBe('fake chromium\n');
    expect((await readdir(dir)).sort()).toEqual(['chromium', ...SWIFTSHADER_FILES].sort());
    expect(await readdir(join(scratch, 'cache'))).toEqual(['race-1.0.0']);
    // Unpacked files keep the archive's modes (the libraries executable, the json not).
    expect((await stat(join(dir, 'libGLESv2.so'))).mode & 0o777).toBe(0o755);
    expect((await stat(join(dir, 'vk_swiftshader_icd.json'))).mode & 0o777).toBe(0o644);
    // A later call reuses the directory without reading the package.
    expect(await unpackChromium(join(scratch, 'no-such-bin'), dir)).toBe(dir);
  });

  it('a damaged package fails saying what and how to fix it, and leaves nothing behind', async () => {
    const bin = await fakeBin('damaged', Buffer.from('not brotli at all'));
    const dir = join(scratch, 'cache-damaged', 'damaged-1.0.0');
    const failure = unpackChromium(bin, dir);
    await expect(failure).rejects.toThrow(`Chromium: unpacking the npm package ${CHROMIUM_PACKAGE} from ${bin}`);
    await expect(failure).rejects.toThrow('(run npm ci again, or set CHROMIUM_PATH to a Chromium executable)');
    expect(await readdir(join(scratch, 'cache-damaged'))).toEqual([]);
  });

  it('the tar reader unpacks the package’s archives byte for byte and refuses paths leaving the directory', async () => {
    const archive = brotliDecompressSync(await readFile(join(PACKAGE_BIN, 'fonts.tar.br')));
    const out = join(scratch, 'fonts');
    await extractTar(archive, out);
    expect((await readdir(join(out, 'fonts', 'Open_Sans'))).sort()).toEqual(['OpenSans-Bold.ttf', 'OpenSans-Italic.ttf', 'OpenSans-Regular.ttf']);
    // The same bytes as in the archive: the file's data follows its 512-byte header.
    const conf = await readFile(join(out, 'fonts.conf'));
    expect(archive.indexOf(conf)).toBeGreaterThan(0);

    const evil = Buffer.alloc(1536);
    evil.write('../escaped', 0);
    evil.write('0000644\0', 100);
    evil.write('00000000001\0', 124);
    evil.write('0', 156);
    await expect(extractTar(evil, join(scratch, 'evil'))).rejects.toThrow('tar entry ../escaped would leave');
  });
});
