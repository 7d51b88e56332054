/**
 * The page side of the browser harness: bundled by bundle.ts into one ESM script that index.html
 * loads. It registers webgl (part of @tensorflow/tfjs) and webgpu (@tensorflow/tfjs-backend-webgpu)
 * and exposes on globalThis, for session.ts to call through page.evaluate:
 *   - runScenarioOn(backend, scenario, flags?) → ScenarioOutput: the SAME accelerated code as in
 *     Node (accelerated/scenario.ts#runScenario, Section 4's row-major batched path) on `backend`;
 *   - backendInfo(backend, flags?) → BackendInfo: what actually runs it (renderer, adapter);
 *   - harnessReady = true once this module has run.
 * Everything crossing the boundary is plain data (scenario.types.ts).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { useBackend } from '../backends.js';
import { runScenario } from '../scenario.js';
import type { BackendName, Scenario, ScenarioOutput } from '../scenario.types.js';

/** tfjs environment flags to set before the backend starts, e.g. { WEBGL_CPU_FORWARD: false }. */
export type TfFlags = Readonly<Record<string, boolean | number>>;

/** What the page reports about the backend that runs the scenarios. */
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
  readonly webgpu?: { readonly vendor: string; readonly architecture: string; readonly device: string; readonly description: string; readonly isFallbackAdapter: boolean | undefined };
}

/** Sets `flags` on tf.env() (tfjs itself throws on a name no package registered). */
function setFlags(flags: TfFlags | undefined): void {
  for (const [name, value] of Object.entries(flags ?? {})) tf.env().set(name, value);
}

/** The flags that decide whether small ops leave the GPU (CPU forwarding) and how webgl stores floats. */
const REPORTED_FLAGS = ['WEBGL_VERSION', 'WEBGL_RENDER_FLOAT32_ENABLED', 'WEBGL_PACK', 'WEBGL_CPU_FORWARD', 'CPU_HANDOFF_SIZE_THRESHOLD', 'WEBGPU_CPU_FORWARD', 'WEBGPU_CPU_HANDOFF_SIZE_THRESHOLD'];

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
    vendor: info['vendor'] ?? '',
    architecture: info['architecture'] ?? '',
    device: info['device'] ?? '',
    description: info['description'] ?? '',
    isFallbackAdapter: adapter.isFallbackAdapter ?? (info as { isFallbackAdapter?: boolean }).isFallbackAdapter,
  };
}

/** Starts `backend` (accelerated/backends.ts#useBackend) after setting `flags`. */
async function start(backend: BackendName, flags: TfFlags | undefined): Promise<void> {
  setFlags(flags);
  await useBackend(backend);
}

/** Runs `scenario` on `backend` in this page: accelerated/scenario.ts#runScenario (eq. 4.4, row-major). */
export async function runScenarioOn(backend: BackendName, scenario: Scenario, flags?: TfFlags): Promise<ScenarioOutput> {
  await start(backend, flags);
  return runScenario(scenario);
}

/** Diagnostics: which renderer or adapter runs `backend` in this browser. */
export async function backendInfo(backend: BackendName, flags?: TfFlags): Promise<BackendInfo> {
  await start(backend, flags);
  const reported: Record<string, boolean | number | string> = {};
  for (const name of REPORTED_FLAGS) {
    try {
      reported[name] = tf.env().get(name) as boolean | number | string;
    } catch {
      // a flag that cannot be evaluated here (its package is not loaded): leave it out
    }
  }
  const base = { backend: tf.getBackend(), tfjsVersion: tf.version.tfjs, userAgent: navigator.userAgent, crossOriginIsolated: globalThis.crossOriginIsolated === true, flags: reported };
  if (backend === 'webgl') return { ...base, webgl: webglInfo() };
  if (backend === 'webgpu') return { ...base, webgpu: await webgpuInfo() };
  return base;
}

/** What session.ts finds on the page's globalThis. */
export interface HarnessGlobals {
  runScenarioOn: typeof runScenarioOn;
  backendInfo: typeof backendInfo;
  harnessReady: boolean;
}

Object.assign(globalThis, { runScenarioOn, backendInfo, harnessReady: true } satisfies HarnessGlobals);
