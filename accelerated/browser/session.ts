/**
 * The one place a browser page is opened: a real headless Chromium (by default the one of the npm
 * package `@sparticuz/chromium`, unpacked on first use by chromium.ts; $CHROMIUM_PATH overrides
 * it), driven by playwright-core, on one page that loads a bundled entry module (bundle.ts) served
 * from 127.0.0.1 with COOP/COEP (server.ts), so the page is cross-origin isolated. The browser
 * backends of the accelerated path (conformance/adapters/browser.ts, page side
 * conformance/adapters/pageEntry.ts) run through it:
 *
 *   const page = await openPage({ entry, readyGlobal: 'conformanceReady' });
 *   const n = await page.evaluate('numTensors', (p) => p.evaluate(() => ...));
 *   await page.close();
 *
 * Calls are serialized (one at a time: tfjs's state is global to the page). An exception thrown by
 * the page's code is that call's error (with the page's console errors and warnings appended: tfjs
 * explains a failed backend start there) and the page stays in use; a crash, an uncaught error or a
 * call that outlives its timeout makes the page unusable, and every later call fails saying why.
 * Every failure to start (Chromium missing, not unpacking, not starting, the page not loading)
 * is an Error saying what went wrong. The browser, the server and the temporary profile are always
 * removed by close(), also after errors.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildPageBundle } from './bundle.js';
import { type ChromiumExecutable, chromiumExecutable } from './chromium.js';
import { type StaticServer, startStaticServer } from './server.js';

/**
 * The launch flags measured to work on the project's machines (no GPU): SwiftShader for
 * WebGL2 (float32 render targets) and, with --enable-unsafe-webgpu, a SwiftShader WebGPU adapter.
 * Chromium gets exactly these, plus --headless, a fresh --user-data-dir and the
 * --remote-debugging-pipe playwright talks through (playwright's own default switches are off).
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--enable-unsafe-webgpu',
];

/** The default time Chromium may take to start and the page to load, and one call to finish. */
export const DEFAULT_OPEN_TIMEOUT_MS = 60_000;
export const DEFAULT_CALL_TIMEOUT_MS = 60_000;

export interface PageOptions {
  /** The page's entry module (absolute path), bundled with everything it imports by bundle.ts. */
  readonly entry: string;
  /** The globalThis property the entry module sets to true once it has run. */
  readonly readyGlobal: string;
  /** Default: $CHROMIUM_PATH, else the Chromium of the npm package @sparticuz/chromium (chromium.ts). */
  readonly executablePath?: string;
  /** Chromium flags replacing CHROMIUM_FLAGS (e.g. without --use-angle=swiftshader on a real GPU). */
  readonly chromiumFlags?: readonly string[];
  /** How long starting Chromium and loading the page may take (default DEFAULT_OPEN_TIMEOUT_MS). */
  readonly openTimeoutMs?: number;
  /** How long one call may take, unless the call says otherwise (default DEFAULT_CALL_TIMEOUT_MS). */
  readonly callTimeoutMs?: number;
}

export interface PageSession {
  /** Chromium's version. */
  readonly version: string;
  /** The origin the page is served from. */
  readonly origin: string;
  /**
   * Runs `what` on the page after every earlier call, within `timeoutMs` (default: the session's
   * callTimeoutMs). A failure is an Error `${label} in Chromium: <why>` with the page's console
   * errors and warnings of that call appended.
   */
  evaluate<T>(label: string, what: (page: Page) => Promise<T>, timeoutMs?: number): Promise<T>;
  /** Closes the page, Chromium and the server and removes the profile; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts `executable` headless with `flags` (default CHROMIUM_FLAGS) and the profile `userDataDir`.
 * Rejects saying which Chromium failed with which flags and how to use another one.
 */
export async function launchChromium(
  executable: ChromiumExecutable,
  options: { readonly userDataDir: string; readonly flags?: readonly string[] | undefined; readonly timeoutMs: number },
): Promise<Browser> {
  const args = [...(options.flags ?? CHROMIUM_FLAGS), '--headless', `--user-data-dir=${options.userDataDir}`, '--remote-debugging-pipe'];
  const env = Object.keys(executable.env).length === 0 ? undefined : { ...process.env, ...executable.env };
  try {
    return await chromium.launch({
      executablePath: executable.path,
      ignoreDefaultArgs: true,
      args,
      timeout: options.timeoutMs,
      ...(env === undefined ? {} : { env }),
    });
  } catch (e) {
    const other = executable.source === 'CHROMIUM_PATH' ? 'point CHROMIUM_PATH at another Chromium' : 'set CHROMIUM_PATH to use another Chromium';
    throw new Error(`Chromium at ${executable.path} (${executable.source}) failed to start with ${args.join(' ')} (${other}): ${message(e)}`);
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Playwright's "page.evaluate: Error: ..." with the page's stack: the message alone. */
function pageMessage(e: unknown): string {
  const lines = message(e)
    .replace(/^page\.\w+: /, '')
    .replace(/^(Spec|NonFinite)?Error: /, '')
    .split('\n');
  const stack = lines.findIndex((l) => /^\s+at /.test(l));
  return (stack < 0 ? lines : lines.slice(0, stack)).join('\n');
}

const INDEX_HTML =
  '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script type="module" src="/page.js"></script></body></html>';

/** Launches Chromium on a page running `options.entry`; see the file comment. */
export async function openPage(options: PageOptions): Promise<PageSession> {
  const executable = await chromiumExecutable(options.executablePath);
  const bundle = await buildPageBundle({ entry: options.entry });
  const openTimeoutMs = options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS;
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  let server: StaticServer | undefined;
  let profile: string | undefined;
  let browser: Browser | undefined;
  const release = async (): Promise<void> => {
    for (const step of [
      () => browser?.close(),
      () => server?.close(),
      () => (profile === undefined ? undefined : rm(profile, { recursive: true, force: true })),
    ]) {
      await Promise.resolve()
        .then(step)
        .catch(() => undefined);
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
  let page: Page;
  try {
    server = await startStaticServer({
      '/': { body: INDEX_HTML, contentType: 'text/html; charset=utf-8' },
      '/page.js': { body: bundle.code, contentType: 'text/javascript; charset=utf-8' },
    });
    profile = await mkdtemp(join(tmpdir(), 'browser-page-profile-'));
    browser = await launchChromium(executable, { userDataDir: profile, flags: options.chromiumFlags, timeoutMs: openTimeoutMs });
    browser.on('disconnected', () => failed('Chromium exited'));
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') log.push(`console.${m.type()}: ${m.text().split('\n')[0]}`);
    });
    page.on('pageerror', (e) => failed(`uncaught error in the page: ${e.message}`));
    page.on('crash', () => failed('the page crashed (renderer process died)'));
    await page.goto(`${server.origin}/`, { timeout: openTimeoutMs });
    await page.waitForFunction((ready) => (globalThis as unknown as Record<string, unknown>)[ready] === true, options.readyGlobal, { timeout: openTimeoutMs });
  } catch (e) {
    await release();
    throw new Error(`the browser page did not open: ${pageMessage(e)}${log.length > 0 ? `\n${log.join('\n')}` : ''}`);
  }
  const version = browser.version();
  const origin = server.origin;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    version,
    origin,
    evaluate(label, what, timeoutMs = callTimeoutMs) {
      const turn = queue.then(async () => {
        if (closed) throw new Error(`${label}: the browser page is closed`);
        if (broken !== undefined) throw new Error(`${label}: the browser page is unusable: ${broken}`);
        const logStart = log.length;
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            // This call's own error first (settled first, it wins the race below), then the page's.
            reject(new Error(`did not finish within ${timeoutMs} ms`));
            failed(`${label} did not finish within ${timeoutMs} ms`);
          }, timeoutMs);
        });
        try {
          return await Promise.race([what(page), failure, timeout]);
        } catch (e) {
          const said = log.slice(logStart);
          throw new Error(
            `${label} in Chromium: ${pageMessage(e)}${said.length > 0 ? `\npage console (errors and warnings):\n  ${said.slice(-10).join('\n  ')}` : ''}`,
          );
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
