/**
 * The accelerated path behind the suite's interface in a real headless Chromium, on tfjs's webgl
 * and webgpu backends: one page (pageEntry.ts, opened by accelerated/browser/session.ts#openPage:
 * bundled, served with COOP/COEP, Chromium launched with its flags) runs tfjsOperations.ts, the
 * same code as Node; every operation of each Implementation is one page.evaluate of plain data.
 *
 *   const [webgl, webgpu] = await openBrowserImplementations(['webgl', 'webgpu']);
 *   ... runChecks(webgl, CHECKS) ...
 *   await webgl.close(); await webgpu.close();   // the last close closes the page and Chromium
 *
 * Calls are serialized (tfjs's current backend is global to the page). An exception thrown by the
 * page's code (bad input) is the operation's error and the page stays in use; a crash, an uncaught
 * error or an operation that outlives `timeoutMs` ends the page and every later call fails saying so.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../../accelerated/browser/bundle.js';
import { openPage, type PageSession } from '../../accelerated/browser/session.js';
import { type Implementation, OPERATION_NAMES, type OperationName, type Operations } from '../core/interface.js';
import { acceleratedDeclarations, deviceOf } from './declarations.js';
import type { BackendInfo, ConformanceGlobals, TfFlags } from './pageEntry.js';

export type { BackendInfo, TfFlags } from './pageEntry.js';

export type GpuBackendName = 'webgl' | 'webgpu';

export interface BrowserImplementation extends Implementation {
  /** What runs the backend in this Chromium: the WebGL renderer or the WebGPU adapter, Chromium's and tfjs's versions. */
  readonly device: string;
  /** What the page reported when it started the backend (backend, renderer/adapter, flags, cross-origin isolation). */
  readonly info: BackendInfo;
  /** tf.memory().numTensors in the page (one count for all its backends). */
  numTensors(): Promise<number>;
  /** The last of the implementations opened together to close closes the page and Chromium. */
  close(): Promise<void>;
}

export interface BrowserOptions {
  /** Default: $CHROMIUM_PATH, else the Chromium of the npm package @sparticuz/chromium (accelerated/browser/chromium.ts). */
  readonly executablePath?: string;
  /** Chromium flags replacing session.ts#CHROMIUM_FLAGS. */
  readonly chromiumFlags?: readonly string[];
  /** tfjs flags set in the page before the backends start, e.g. { WEBGL_CPU_FORWARD: false }. */
  readonly tfFlags?: TfFlags;
  /** The longest one operation may take (default 60 s; the first one on a backend compiles its shaders). */
  readonly timeoutMs?: number;
  /** The longest starting Chromium, loading the page and starting each backend may take (default 60 s). */
  readonly openTimeoutMs?: number;
}

const PAGE_ENTRY = join(REPO_ROOT, 'conformance', 'adapters', 'pageEntry.ts');
const DEFAULT_OPEN_TIMEOUT_MS = 60_000;

/** The interface's operations, each one page.evaluate of conformanceCall(backend, name, request). */
function proxied(session: PageSession, backend: GpuBackendName): Operations {
  const operations: Partial<Record<OperationName, (request: unknown) => Promise<unknown>>> = {};
  for (const name of OPERATION_NAMES) {
    operations[name] = (request) =>
      session.evaluate(`${name} on ${backend}`, (p) =>
        p.evaluate(([b, op, r]) => (globalThis as unknown as ConformanceGlobals).conformanceCall(b, op, r), [backend, name, request] as const),
      );
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
  if (unknown.length > 0)
    throw new Error(`the browser adapter runs webgl and webgpu, got ${unknown.join(', ')} (cpu and wasm: conformance/adapters/accelerated.ts)`);
  const openTimeoutMs = options.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS;
  const session = await openPage({
    entry: PAGE_ENTRY,
    readyGlobal: 'conformanceReady',
    openTimeoutMs,
    ...(options.executablePath !== undefined && { executablePath: options.executablePath }),
    ...(options.chromiumFlags !== undefined && { chromiumFlags: options.chromiumFlags }),
    ...(options.timeoutMs !== undefined && { callTimeoutMs: options.timeoutMs }),
  });
  const tfFlags = options.tfFlags ?? {};
  let open = backends.length;
  const implementations: BrowserImplementation[] = [];
  try {
    for (const backend of backends) {
      const info = await session.evaluate(
        `starting ${backend}`,
        (p) => p.evaluate(([b, f]) => (globalThis as unknown as ConformanceGlobals).conformanceStart(b, f), [backend, tfFlags] as const),
        openTimeoutMs,
      );
      const device = deviceOf(info);
      let closed = false;
      implementations.push({
        ...acceleratedDeclarations(backend),
        device: `${device}; Chromium ${session.version}; tfjs ${info.tfjsVersion}`,
        info,
        operations: proxied(session, backend),
        numTensors: () => session.evaluate('numTensors', (p) => p.evaluate(() => (globalThis as unknown as ConformanceGlobals).conformanceTensors())),
        async close() {
          if (closed) return;
          closed = true;
          if (--open === 0) await session.close();
        },
      });
    }
  } catch (e) {
    await session.close();
    throw e;
  }
  return implementations;
}
