/**
 * The bench on the browser backends (webgl, webgpu): one headless Chromium page
 * (accelerated/browser/session.ts#openPage on pageEntry.ts: bundled, served with COOP/COEP,
 * Chromium with its SwiftShader flags), opened on first use and shared by every task. Per backend:
 * its matmul rates (n^3 and each network's products; this task starts the backend and records what
 * runs it: the WebGL renderer or the WebGPU adapter), then the accelerated step on each network.
 * Results are the wasm rows' StepResult and MatmulResult, so they join the same table and JSON.
 * Peak RSS is not measured (Chromium's processes are not this one's children in a way we track).
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../../accelerated/browser/bundle.js';
import { openPage, type PageSession } from '../../accelerated/browser/session.js';
import type { BackendInfo } from '../../conformance/adapters/pageEntry.js';
import type { BrowserBackend } from './backendKeys.js';
import { BENCH_SEED, type NetworkSpec } from './data.js';
import type { BenchGlobals } from './pageEntry.js';
import { type BackendStart, type MatmulResult, type StepResult, stepResult } from './results.js';
import type { TimingOptions } from './timing.js';

const PAGE_ENTRY = join(REPO_ROOT, 'scripts', 'bench', 'pageEntry.ts');
/** One page call (a whole timing on SwiftShader can take minutes for the large net). */
const CALL_TIMEOUT_MS = 600_000;

/** A measurement to run, with its label for the progress line. */
export interface BrowserTask {
  readonly label: string;
  readonly run: () => Promise<StepResult | MatmulResult>;
}

/** What runs `backend` in this Chromium, in words: the WebGL renderer, or the WebGPU adapter's vendor, architecture and description. */
export function deviceOf(backend: BrowserBackend, info: BackendInfo, chromium: string): string {
  const gpu = info.webgpu;
  const device =
    backend === 'webgl'
      ? `${info.webgl?.renderer ?? 'unknown renderer'} (${info.webgl?.version ?? 'WebGL ?'})`
      : gpu === undefined
        ? 'no adapter reported'
        : [gpu.vendor, gpu.architecture, gpu.device, gpu.description].filter((x) => x !== '').join(' / ') +
          (gpu.isFallbackAdapter ? ' (fallback adapter)' : '');
  return `${device}; Chromium ${chromium}; tfjs ${info.tfjsVersion}`;
}

/**
 * The browser tasks for `backends` × `networks`, in order (Chromium started with `chromiumFlags`,
 * default session.ts#CHROMIUM_FLAGS), and `close` (closes Chromium; call it
 * after the last task, also after failures). A failure to open the page or start a backend fails
 * every task that needs it, saying why.
 */
export function browserTasks(
  backends: readonly BrowserBackend[],
  networks: readonly NetworkSpec[],
  timing: TimingOptions,
  squareSize: number,
  chromiumFlags: readonly string[] | null = null,
): { tasks: BrowserTask[]; close: () => Promise<void> } {
  let session: Promise<PageSession> | undefined;
  const page = (): Promise<PageSession> => {
    session ??= openPage({
      entry: PAGE_ENTRY,
      readyGlobal: 'benchReady',
      callTimeoutMs: CALL_TIMEOUT_MS,
      ...(chromiumFlags === null ? {} : { chromiumFlags }),
    });
    return session;
  };
  const started = new Map<BrowserBackend, Promise<BackendStart>>();
  const start = (backend: BrowserBackend): Promise<BackendStart> => {
    let s = started.get(backend);
    if (s === undefined) {
      s = page().then(async (p) => {
        const info = await p.evaluate(`starting ${backend}`, (pg) => pg.evaluate((b) => (globalThis as unknown as BenchGlobals).benchStart(b), backend));
        return { threads: 1, device: deviceOf(backend, info, p.version), info };
      });
      started.set(backend, s);
    }
    return s;
  };
  const tasks: BrowserTask[] = [];
  for (const backend of backends) {
    tasks.push({
      label: `matmul rates on ${backend} (Chromium)`,
      run: async () => {
        const s = await start(backend);
        const p = await page();
        const rates = await p.evaluate(
          `matmul rates on ${backend}`,
          (pg) => pg.evaluate(([n, nets, t]) => (globalThis as unknown as BenchGlobals).benchMatmul(n, nets, t), [squareSize, networks, timing] as const),
          CALL_TIMEOUT_MS,
        );
        return { kind: 'matmul', backend, start: s, ...rates };
      },
    });
    for (const network of networks) {
      tasks.push({
        label: `accelerated on ${backend} (Chromium), ${network.name}`,
        run: async () => {
          const s = await start(backend);
          const p = await page();
          const measured = await p.evaluate(
            `accelerated step on ${backend}, ${network.name}`,
            (pg) => pg.evaluate(([net, seed, t]) => (globalThis as unknown as BenchGlobals).benchStep(net, seed, t), [network, BENCH_SEED, timing] as const),
            CALL_TIMEOUT_MS,
          );
          const what = {
            implementation: 'accelerated',
            backend,
            start: s,
            network,
            tensorsLeaked: measured.tensorsLeaked,
            rssAtStartMB: null,
            notes: measured.notes,
          } as const;
          return stepResult(what, measured.timings);
        },
      });
    }
  }
  return {
    tasks,
    close: async () => {
      if (session !== undefined) await (await session.catch(() => undefined))?.close();
    },
  };
}
