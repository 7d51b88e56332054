/**
 * The page side of the browser adapter (browser.ts), bundled by accelerated/browser/bundle.ts and
 * opened by accelerated/browser/session.ts#openPage. It registers webgl (part of @tensorflow/tfjs)
 * and webgpu (@tensorflow/tfjs-backend-webgpu) and puts on globalThis:
 *   - conformanceStart(backend, flags?): sets the tfjs flags, starts `backend`
 *     (accelerated/backends.ts#useBackend) and reports what runs it (BackendInfo);
 *   - conformanceCall(backend, operation, request): one operation of the suite's interface on
 *     `backend` (tfjsOperations.ts, the same code as in Node), plain data in and out;
 *   - conformanceTensors(): tf.memory().numTensors of the page;
 *   - conformanceReady = true once this module has run.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { type BackendName, useBackend } from '../../accelerated/backends.js';
import { OPERATION_NAMES, type OperationName, type Operations } from '../core/interface.js';
import { tfjsOperationsOn } from './tfjsOperations.js';

/** tfjs environment flags to set before a backend starts, e.g. { WEBGL_CPU_FORWARD: false }. */
export type TfFlags = Readonly<Record<string, boolean | number>>;

/** What the page reports about the backend that runs the operations. */
export interface BackendInfo {
  readonly backend: string;
  readonly tfjsVersion: string;
  readonly userAgent: string;
  /** True when COOP/COEP made the page cross-origin isolated (SharedArrayBuffer, wasm threads). */
  readonly crossOriginIsolated: boolean;
  /** tfjs flags in force that matter for the GPU backends. */
  readonly flags: Record<string, boolean | number | string>;
  /** webgl: the WebGL context tfjs uses. */
  readonly webgl?: { readonly version: string; readonly vendor: string; readonly renderer: string; readonly float32RenderTargets: boolean };
  /** webgpu: the adapter tfjs requested (GPUAdapterInfo) and whether it is a fallback adapter. */
  readonly webgpu?: {
    readonly vendor: string;
    readonly architecture: string;
    readonly device: string;
    readonly description: string;
    readonly isFallbackAdapter: boolean | undefined;
  };
}

/** The flags that decide whether small ops leave the GPU (CPU forwarding) and how webgl stores floats. */
const REPORTED_FLAGS = [
  'WEBGL_VERSION',
  'WEBGL_RENDER_FLOAT32_ENABLED',
  'WEBGL_PACK',
  'WEBGL_CPU_FORWARD',
  'CPU_HANDOFF_SIZE_THRESHOLD',
  'WEBGPU_CPU_FORWARD',
  'WEBGPU_CPU_HANDOFF_SIZE_THRESHOLD',
];

function webglInfo(): BackendInfo['webgl'] {
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext } }).gpgpu?.gl;
  if (gl === undefined) return undefined;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  return {
    version: String(gl.getParameter(gl.VERSION)),
    vendor: String(gl.getParameter(debug === null ? gl.VENDOR : debug.UNMASKED_VENDOR_WEBGL)),
    renderer: String(gl.getParameter(debug === null ? gl.RENDERER : debug.UNMASKED_RENDERER_WEBGL)),
    float32RenderTargets: tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED'),
  };
}

interface AdapterLike {
  readonly info?: Record<string, string>;
  readonly isFallbackAdapter?: boolean;
  requestAdapterInfo?(): Promise<Record<string, string>>;
}

async function webgpuInfo(): Promise<BackendInfo['webgpu']> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(options?: object): Promise<AdapterLike | null> } }).gpu;
  // The same request as tfjs-backend-webgpu's factory (base.js): high-performance unless low power is asked for.
  const adapter = await gpu?.requestAdapter({ powerPreference: tf.env().getBool('WEBGPU_USE_LOW_POWER_GPU') ? 'low-power' : 'high-performance' });
  if (adapter == null) return undefined;
  const info = adapter.info ?? (await adapter.requestAdapterInfo?.()) ?? {};
  return {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description: info.description ?? '',
    isFallbackAdapter: adapter.isFallbackAdapter ?? (info as { isFallbackAdapter?: boolean }).isFallbackAdapter,
  };
}

/** Sets `flags` on tf.env() (tfjs itself throws on a name no package registered), starts `backend` and says what runs it. */
export async function conformanceStart(backend: BackendName, flags: TfFlags = {}): Promise<BackendInfo> {
  for (const [name, value] of Object.entries(flags)) tf.env().set(name, value);
  await useBackend(backend);
  const reported: Record<string, boolean | number | string> = {};
  for (const name of REPORTED_FLAGS) {
    try {
      reported[name] = tf.env().get(name) as boolean | number | string;
    } catch {
      // a flag that cannot be evaluated here (its package is not loaded): leave it out
    }
  }
  const base = {
    backend: tf.getBackend(),
    tfjsVersion: tf.version.tfjs,
    userAgent: navigator.userAgent,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    flags: reported,
  };
  if (backend === 'webgl') return { ...base, webgl: webglInfo() };
  if (backend === 'webgpu') return { ...base, webgpu: await webgpuInfo() };
  return base;
}

/** The page's backends, each with its operations pinned to it. */
const operations = new Map<BackendName, Operations>();

/** Runs `operation` of the interface on `backend` in this page. */
export async function conformanceCall(backend: BackendName, operation: OperationName, request: unknown): Promise<unknown> {
  if (!OPERATION_NAMES.includes(operation)) throw new Error(`unknown operation '${String(operation)}': the interface has ${OPERATION_NAMES.join(', ')}`);
  let ops = operations.get(backend);
  if (ops === undefined) {
    ops = tfjsOperationsOn(backend);
    operations.set(backend, ops);
  }
  return (ops[operation] as (r: unknown) => unknown).call(ops, request);
}

/** tf.memory().numTensors in this page (every backend's tensors). */
export function conformanceTensors(): number {
  return tf.memory().numTensors;
}

/** What browser.ts finds on the page's globalThis. */
export interface ConformanceGlobals {
  conformanceStart: typeof conformanceStart;
  conformanceCall: typeof conformanceCall;
  conformanceTensors: typeof conformanceTensors;
  conformanceReady: boolean;
}

Object.assign(globalThis, { conformanceStart, conformanceCall, conformanceTensors, conformanceReady: true } satisfies ConformanceGlobals);
