/**
 * Runs the accelerated path in a real headless Chromium (by default the one of the npm package
 * `@sparticuz/chromium`, unpacked on first use by chromium.ts; $CHROMIUM_PATH overrides it),
 * driven by playwright-core, on the webgl and webgpu tfjs backends, from Node:
 *
 *   const session = await openBrowser();
 *   const output = await session.runInBrowser('webgl', scenario, { timeoutMs: 60_000 });
 *   await session.close();
 *
 * (or runInBrowser(backend, scenario) for a single run in a browser of its own).
 *
 * The page (entry.ts, bundled by bundle.ts, served by server.ts with COOP/COEP) runs the same
 * accelerated/scenario.ts#runScenario as Node and returns plain ScenarioOutput data.
 *
 * One page per backend (and tfjs flags) is kept for the session's life: tfjs compiles its shaders
 * once per page, which on the SwiftShader software renderers costs ~5 s, so a fresh page per run
 * would make every run slow. An exception thrown by the page's code (bad input, a backend that
 * cannot start) leaves the page in use; after a timeout, crash or uncaught error it is closed and
 * replaced on the next run.
 *
 * Every failure becomes an Error saying what happened: Chromium missing, not unpacking or not
 * starting, the backend unavailable in the page, an error thrown in the page (with the page's
 * console errors and warnings appended: tfjs explains a failed backend start there), a crash, a
 * timeout. The browser, the server and the temporary profile are always removed by close(), also
 * after errors. launchChromium() is the one place Chromium is started (conformance/adapters/browser.ts
 * uses it too).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { BackendName, Scenario, ScenarioOutput } from '../scenario.types.js';
import { buildPageBundle } from './bundle.js';
import { chromiumExecutable, type ChromiumExecutable } from './chromium.js';
import type { BackendInfo, HarnessGlobals, TfFlags } from './entry.js';
import { startStaticServer, type StaticServer } from './server.js';

export type { BackendInfo, TfFlags } from './entry.js';
export { CHROMIUM_CACHE_DIR, CHROMIUM_PACKAGE, chromiumExecutable, chromiumOverride, type ChromiumExecutable } from './chromium.js';

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

/** The default time one run may take. Software renderers are slow: the first run on a page compiles tfjs's shaders. */
export const DEFAULT_TIMEOUT_MS = 120_000;

export interface OpenOptions {
  /** Default: $CHROMIUM_PATH, else the Chromium of the npm package @sparticuz/chromium (chromium.ts). */
  readonly executablePath?: string;
  /** How long Chromium may take to start (default 30 s). */
  readonly launchTimeoutMs?: number;
  /** Chromium flags replacing CHROMIUM_FLAGS (e.g. without --use-angle=swiftshader on a real GPU). */
  readonly chromiumFlags?: readonly string[];
}

export interface RunOptions {
  /** How long this run may take, page load included (default DEFAULT_TIMEOUT_MS). */
  readonly timeoutMs?: number;
  /** tfjs flags set in the page before the backend starts, e.g. { WEBGL_CPU_FORWARD: false }. */
  readonly flags?: TfFlags;
}

export interface BrowserSession {
  /** The Chromium executable and its version. */
  readonly executablePath: string;
  readonly version: string;
  /** The origin the harness page is served from. */
  readonly origin: string;
  /** Runs `scenario` with accelerated/scenario.ts#runScenario on `backend` in the page. */
  runInBrowser(backend: BackendName, scenario: Scenario, options?: RunOptions): Promise<ScenarioOutput>;
  /** What runs `backend` in this browser: renderer, adapter, flags, cross-origin isolation. */
  backendInfo(backend: BackendName, options?: RunOptions): Promise<BackendInfo>;
  /** Closes the pages, Chromium and the server and removes the profile; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts `executable` headless with `flags` (default CHROMIUM_FLAGS) and the profile `userDataDir`:
 * the one place Chromium is launched. Rejects saying which Chromium failed with which flags and how
 * to use another one.
 */
export async function launchChromium(
  executable: ChromiumExecutable,
  options: { readonly userDataDir: string; readonly flags?: readonly string[] | undefined; readonly timeoutMs?: number | undefined },
): Promise<Browser> {
  const args = [...(options.flags ?? CHROMIUM_FLAGS), '--headless', `--user-data-dir=${options.userDataDir}`, '--remote-debugging-pipe'];
  const env = Object.keys(executable.env).length === 0 ? undefined : { ...process.env, ...executable.env };
  try {
    return await chromium.launch({ executablePath: executable.path, ignoreDefaultArgs: true, args, timeout: options.timeoutMs ?? 30_000, ...(env === undefined ? {} : { env }) });
  } catch (e) {
    const other = executable.source === 'CHROMIUM_PATH' ? 'point CHROMIUM_PATH at another Chromium' : 'set CHROMIUM_PATH to use another Chromium';
    throw new Error(`Chromium at ${executable.path} (${executable.source}) failed to start with ${args.join(' ')} (${other}): ${message(e)}`);
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** An exception thrown by the page's code inside page.evaluate: the page itself is still fine. */
class PageException extends Error {
  constructor(readonly original: unknown) {
    super(message(original));
  }
}

/** Playwright prefixes page errors with the API name and appends the page stack; keep the message and a short stack. */
function pageErrorText(e: unknown): string {
  return shortStack(message(e).replace(/^page\.(evaluate|waitForFunction|goto): /, '').replace(/^Error: /, ''));
}

/** `text` with at most `frames` lines of its stack trace. */
function shortStack(text: string, frames = 4): string {
  const lines = text.split('\n');
  const firstStack = lines.findIndex((l) => /^\s+at /.test(l));
  return (firstStack < 0 ? lines : lines.slice(0, firstStack + frames)).join('\n');
}

const INDEX_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>accelerated path: browser harness</title>
<link rel="icon" href="data:,"></head>
<body><script type="module" src="/page.js"></script></body></html>
`;

/** One page with the harness loaded, for one backend + flags, and what its console said. */
interface Slot {
  readonly page: Page;
  /** Console errors/warnings and uncaught page errors, in order. */
  readonly log: string[];
  /** Rejects when the page crashes, closes or throws an uncaught error; replaced per run. */
  failure: Promise<never>;
  fail: (e: Error) => void;
}

function newFailure(slot: Pick<Slot, 'failure' | 'fail'>): void {
  slot.failure = new Promise<never>((_, reject) => {
    slot.fail = reject;
  });
  slot.failure.catch(() => undefined);
}

/** Launches Chromium on the harness page's server; see the file comment. */
export async function openBrowser(options: OpenOptions = {}): Promise<BrowserSession> {
  const executable = await chromiumExecutable(options.executablePath);
  const executablePath = executable.path;
  const bundle = await buildPageBundle();

  let server: StaticServer | undefined;
  let profile: string | undefined;
  let browser: Browser | undefined;
  const cleanup = async (): Promise<void> => {
    const steps: (() => Promise<unknown>)[] = [
      async () => browser?.close(),
      async () => server?.close(),
      async () => (profile === undefined ? undefined : rm(profile, { recursive: true, force: true })),
    ];
    for (const step of steps) {
      try {
        await step();
      } catch {
        // keep closing the rest
      }
    }
  };

  try {
    server = await startStaticServer({
      '/': { body: INDEX_HTML, contentType: 'text/html; charset=utf-8' },
      '/page.js': { body: bundle.code, contentType: 'text/javascript; charset=utf-8' },
    });
    profile = await mkdtemp(join(tmpdir(), 'browser-harness-profile-'));
    browser = await launchChromium(executable, { userDataDir: profile, flags: options.chromiumFlags, timeoutMs: options.launchTimeoutMs });
  } catch (e) {
    await cleanup();
    throw e;
  }

  const origin = server.origin;
  const liveBrowser = browser;
  const slots = new Map<string, Promise<Slot>>();
  let closed = false;
  let disconnected = false;
  liveBrowser.on('disconnected', () => {
    disconnected = true;
  });

  const discard = async (key: string): Promise<void> => {
    const slot = slots.get(key);
    slots.delete(key);
    try {
      await (await slot)?.page.close();
    } catch {
      // already gone
    }
  };

  async function openSlot(deadline: number): Promise<Slot> {
    const page = await liveBrowser.newPage();
    const slot = { page, log: [] as string[] } as unknown as Slot;
    newFailure(slot);
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') slot.log.push(`console.${m.type()}: ${shortStack(m.text(), 2)}`);
    });
    page.on('pageerror', (e) => {
      slot.log.push(`uncaught: ${e.message}`);
      slot.fail(new Error(`uncaught error in the page: ${e.message}`));
    });
    page.on('crash', () => slot.fail(new Error('the page crashed (renderer process died)')));
    page.on('close', () => slot.fail(new Error('the page was closed')));
    const remaining = Math.max(1, deadline - Date.now());
    try {
      await Promise.race([
        (async () => {
          await page.goto(`${origin}/`, { timeout: remaining });
          await page.waitForFunction(() => (globalThis as unknown as Partial<HarnessGlobals>).harnessReady === true, undefined, { timeout: remaining });
        })(),
        slot.failure,
      ]);
    } catch (e) {
      await page.close().catch(() => undefined);
      const log = slot.log.length === 0 ? '' : `\n${slot.log.join('\n')}`;
      throw new Error(`the harness page did not load: ${pageErrorText(e)}${log}`);
    }
    return slot;
  }

  /**
   * Runs `what` in the page of `backend`+flags, within the timeout, turning every failure into a
   * clear Error. Runs are serialized (one at a time per session), so that the tensor counts of one
   * run never see another's tensors; a run's timeout starts when its turn comes.
   */
  let queue: Promise<unknown> = Promise.resolve();
  function inPage<T>(backend: BackendName, options: RunOptions, label: string, what: (page: Page) => Promise<T>): Promise<T> {
    const turn = queue.then(() => inPageNow(backend, options, label, what));
    queue = turn.catch(() => undefined);
    return turn;
  }

  async function inPageNow<T>(backend: BackendName, options: RunOptions, label: string, what: (page: Page) => Promise<T>): Promise<T> {
    if (closed) throw new Error(`${label} on ${backend}: the browser session is closed`);
    if (disconnected) throw new Error(`${label} on ${backend}: Chromium exited unexpectedly earlier in this session`);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    const key = `${backend} ${JSON.stringify(Object.entries(options.flags ?? {}).sort())}`;
    let slot: Slot | undefined;
    let logStart = 0;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`did not finish within ${timeoutMs} ms (software renderers are slow; raise timeoutMs if this run is just long)`)), timeoutMs);
    });
    try {
      const work = (async () => {
        let pending = slots.get(key);
        if (pending === undefined) {
          pending = openSlot(deadline);
          slots.set(key, pending);
        }
        slot = await pending;
        logStart = slot.log.length;
        newFailure(slot);
        const evaluated = what(slot.page).catch((e: unknown) => {
          throw new PageException(e);
        });
        return await Promise.race([evaluated, slot.failure]);
      })();
      return await Promise.race([work, timeout]);
    } catch (e) {
      const log = slot?.log.slice(logStart) ?? [];
      if (!(e instanceof PageException) || slot === undefined || slot.page.isClosed()) await discard(key);
      const consoleText = log.length === 0 ? '' : `\npage console (errors and warnings):\n  ${log.slice(-20).join('\n  ')}`;
      const gone = disconnected ? ' (Chromium exited)' : '';
      throw new Error(`${label} on ${backend} in Chromium failed${gone}: ${pageErrorText(e)}${consoleText}`);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    executablePath,
    version: liveBrowser.version(),
    origin,
    runInBrowser(backend, scenario, options = {}) {
      const flags = options.flags ?? {};
      return inPage(backend, options, 'runScenario', (page) =>
        page.evaluate(([b, s, f]) => (globalThis as unknown as HarnessGlobals).runScenarioOn(b, s, f), [backend, scenario, flags] as const),
      );
    },
    backendInfo(backend, options = {}) {
      const flags = options.flags ?? {};
      return inPage(backend, options, 'backendInfo', (page) =>
        page.evaluate(([b, f]) => (globalThis as unknown as HarnessGlobals).backendInfo(b, f), [backend, flags] as const),
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const key of [...slots.keys()]) await discard(key);
      await cleanup();
    },
  };
}

/** One run in a browser of its own (opened and closed around it); for many runs, use openBrowser(). */
export async function runInBrowser(backend: BackendName, scenario: Scenario, options: RunOptions & OpenOptions = {}): Promise<ScenarioOutput> {
  const session = await openBrowser(options);
  try {
    return await session.runInBrowser(backend, scenario, options);
  } finally {
    await session.close();
  }
}
