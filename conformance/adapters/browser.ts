/**
 * The accelerated path behind the suite's interface in a real headless Chromium, on tfjs's webgl
 * and webgpu backends: one page (pageEntry.ts, bundled by accelerated/browser/bundle.ts, served
 * by accelerated/browser/server.ts with COOP/COEP, launched with accelerated/browser/session.ts's
 * flags) runs tfjsOperations.ts, the same code as Node; every operation of each Implementation is
 * one page.evaluate of plain data.
 *
 *   const [webgl, webgpu] = await openBrowserImplementations(['webgl', 'webgpu']);
 *   ... runChecks(webgl, CHECKS) ...
 *   await webgl.close(); await webgpu.close();   // the last close closes the page and Chromium
 *
 * Calls are serialized (tfjs's current backend is global to the page). An exception thrown by the
 * page's code (bad input) is the operation's error and the page stays in use; a crash, an uncaught
 * error or a timeout ends the page and every later call fails saying so.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildPageBundle, REPO_ROOT } from '../../accelerated/browser/bundle.js';
import type { HarnessGlobals } from '../../accelerated/browser/entry.js';
import { startStaticServer, type StaticServer } from '../../accelerated/browser/server.js';
import { chromiumExecutable, launchChromium } from '../../accelerated/browser/session.js';
import { ACTIVATIONS, OPERATION_NAMES, type Implementation, type OperationName, type Operations } from '../interface.js';
import type { ConformanceGlobals } from './pageEntry.js';

export type GpuBackendName = 'webgl' | 'webgpu';

export interface BrowserImplementation extends Implementation {
  /** What runs the backend in this Chromium: the WebGL renderer or the WebGPU adapter. */
  readonly device: string;
  /** tf.memory().numTensors in the page (one count for all its backends). */
  numTensors(): Promise<number>;
  /** The last of the implementations opened together to close closes the page and Chromium. */
  close(): Promise<void>;
}

export interface BrowserOptions {
  /** Default: $CHROMIUM_PATH, else the Chromium of the npm package @sparticuz/chromium (accelerated/browser/chromium.ts). */
  readonly executablePath?: string;
  /** The longest one operation may take (default 60 s; the first one on a backend compiles its shaders). */
  readonly timeoutMs?: number;
}

const PAGE_ENTRY = join(REPO_ROOT, 'conformance', 'adapters', 'pageEntry.ts');
const INDEX_HTML = '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script type="module" src="/page.js"></script></body></html>';
const DEFAULT_CALL_TIMEOUT_MS = 60_000;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
/** Playwright's "page.evaluate: Error: ..." with the page's stack: the message alone. */
const pageMessage = (e: unknown): string => {
  const lines = message(e).replace(/^page\.\w+: /, '').replace(/^(Spec)?Error: /, '').split('\n');
  const stack = lines.findIndex((l) => /^\s+at /.test(l));
  return (stack < 0 ? lines : lines.slice(0, stack)).join('\n');
};

/** One Chromium with the conformance page loaded, shared by the implementations. */
interface ConformancePage {
  readonly version: string;
  evaluate<T>(label: string, what: (page: Page) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function openPage(options: BrowserOptions): Promise<ConformancePage> {
  const executable = await chromiumExecutable(options.executablePath);
  const bundle = await buildPageBundle({ entry: PAGE_ENTRY });
  let server: StaticServer | undefined;
  let profile: string | undefined;
  let browser: Browser | undefined;
  const release = async (): Promise<void> => {
    for (const step of [() => browser?.close(), () => server?.close(), () => (profile === undefined ? undefined : rm(profile, { recursive: true, force: true }))]) {
      await Promise.resolve().then(step).catch(() => undefined);
    }
  };
  const log: string[] = [];
  let broken: string | undefined;
  let failed: (reason: string) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => {
    failed = (reason) => {
      broken ??= reason;
      reject(new Error(reason));
    };
  });
  failure.catch(() => undefined);
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  let page: Page;
  try {
    server = await startStaticServer({
      '/': { body: INDEX_HTML, contentType: 'text/html; charset=utf-8' },
      '/page.js': { body: bundle.code, contentType: 'text/javascript; charset=utf-8' },
    });
    profile = await mkdtemp(join(tmpdir(), 'conformance-browser-profile-'));
    browser = await launchChromium(executable, { userDataDir: profile });
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') log.push(`console.${m.type()}: ${m.text().split('\n')[0]}`);
    });
    page.on('pageerror', (e) => failed(`uncaught error in the page: ${e.message}`));
    page.on('crash', () => failed('the page crashed (renderer process died)'));
    await page.goto(`${server.origin}/`, { timeout: timeoutMs });
    await page.waitForFunction(() => (globalThis as unknown as Partial<ConformanceGlobals>).conformanceReady === true, undefined, { timeout: timeoutMs });
  } catch (e) {
    await release();
    throw new Error(`the conformance page did not open: ${pageMessage(e)}${log.length > 0 ? `\n${log.join('\n')}` : ''}`);
  }
  const version = browser.version();
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    version,
    evaluate(label, what) {
      const turn = queue.then(async () => {
        if (closed) throw new Error(`${label}: the browser page is closed`);
        if (broken !== undefined) throw new Error(`${label}: the browser page is unusable: ${broken}`);
        const logStart = log.length;
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            failed(`${label} did not finish within ${timeoutMs} ms`);
            reject(new Error(`did not finish within ${timeoutMs} ms`));
          }, timeoutMs);
        });
        try {
          return await Promise.race([what(page), failure, timeout]);
        } catch (e) {
          const said = log.slice(logStart);
          throw new Error(`${label} in Chromium: ${pageMessage(e)}${said.length > 0 ? `\npage console:\n  ${said.slice(-10).join('\n  ')}` : ''}`);
        } finally {
          clearTimeout(timer);
        }
      });
      queue = turn.catch(() => undefined);
      return turn;
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue;
      await page.close().catch(() => undefined);
      await release();
    },
  };
}

/** The interface's operations, each one page.evaluate of conformanceCall(backend, name, request). */
function proxied(page: ConformancePage, backend: GpuBackendName): Operations {
  const operations: Partial<Record<OperationName, (request: unknown) => Promise<unknown>>> = {};
  for (const name of OPERATION_NAMES) {
    operations[name] = (request) =>
      page.evaluate(`${name} on ${backend}`, (p) => p.evaluate(([b, op, r]) => (globalThis as unknown as ConformanceGlobals).conformanceCall(b, op, r), [backend, name, request] as const));
  }
  return operations as unknown as Operations;
}

/**
 * Opens one Chromium page and returns the accelerated path on each of `backends` in it (dtype
 * float32, judged by the backend's error model, all four activations, ReLU'(0) = 1). Each backend
 * is started here, so one that cannot start fails now with the page's reason. The page and
 * Chromium close when the last of the implementations is closed.
 */
export async function openBrowserImplementations(backends: readonly GpuBackendName[], options: BrowserOptions = {}): Promise<BrowserImplementation[]> {
  const unknown = backends.filter((b) => b !== 'webgl' && b !== 'webgpu');
  if (unknown.length > 0) throw new Error(`the browser adapter runs webgl and webgpu, got ${unknown.join(', ')} (cpu and wasm: conformance/adapters/accelerated.ts)`);
  const page = await openPage(options);
  let open = backends.length;
  const implementations: BrowserImplementation[] = [];
  try {
    for (const backend of backends) {
      const info = await page.evaluate(`starting ${backend}`, (p) => p.evaluate((b) => (globalThis as unknown as HarnessGlobals).backendInfo(b), backend));
      const device = backend === 'webgl' ? (info.webgl?.renderer ?? 'unknown renderer') : `${info.webgpu?.vendor ?? ''} ${info.webgpu?.architecture ?? ''}${info.webgpu?.isFallbackAdapter ? ' (fallback adapter)' : ''}`.trim();
      let closed = false;
      implementations.push({
        name: `accelerated (${backend})`,
        dtype: 'float32',
        precision: backend,
        activations: ACTIVATIONS,
        conventions: { reluPrimeAtZero: 1 },
        device: `${device}; Chromium ${page.version}; tfjs ${info.tfjsVersion}`,
        operations: proxied(page, backend),
        numTensors: () => page.evaluate('numTensors', (p) => p.evaluate(() => (globalThis as unknown as ConformanceGlobals).conformanceTensors())),
        async close() {
          if (closed) return;
          closed = true;
          if (--open === 0) await page.close();
        },
      });
    }
  } catch (e) {
    await page.close();
    throw e;
  }
  return implementations;
}
