/**
 * The names of what the bench compares, as plain data (no tfjs): the Node tfjs backends (cpu, the
 * threaded wasm build with 2 threads, the stock single-thread wasm build; backends.ts starts them),
 * the browser backends (webgl, webgpu in headless Chromium; browser.ts), and the non-tfjs peers
 * (mathjs for the reference, numpy).
 */

export type TfjsBackend = 'cpu' | 'wasm-threaded' | 'wasm-single';
export type BrowserBackend = 'webgl' | 'webgpu';
export type BackendKey = TfjsBackend | BrowserBackend | 'mathjs' | 'numpy';

export const TFJS_BACKENDS: readonly TfjsBackend[] = ['cpu', 'wasm-threaded', 'wasm-single'];
export const BROWSER_BACKENDS: readonly BrowserBackend[] = ['webgl', 'webgpu'];

export const BACKEND_LABEL: Record<BackendKey, string> = {
  cpu: 'tfjs cpu',
  'wasm-threaded': 'tfjs wasm x2',
  'wasm-single': 'tfjs wasm x1',
  webgl: 'tfjs webgl (Chromium)',
  webgpu: 'tfjs webgpu (Chromium)',
  mathjs: 'mathjs f64',
  numpy: 'numpy f32',
};

/** A tfjs backend of this Node process (not a browser one, not a peer). */
export function isTfjsBackend(key: BackendKey): key is TfjsBackend {
  return (TFJS_BACKENDS as readonly string[]).includes(key);
}

export function isBrowserBackend(key: BackendKey): key is BrowserBackend {
  return (BROWSER_BACKENDS as readonly string[]).includes(key);
}
