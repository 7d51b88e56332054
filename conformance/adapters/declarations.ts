/**
 * What the suite judges the accelerated path by on a backend, whichever adapter runs it (Node's
 * accelerated.ts, the browser adapter browser.ts, the site's playground page): float32 with the
 * backend's own error model (numerics/roundoff.ts#precisionOf), all four activations, and
 * ReLU'(0) = 1 (accelerated/model.ts#activationPrime uses 1{z >= 0}). Each adapter adds the
 * operations and what else it owns.
 */
import type { BackendName } from '../../accelerated/backends.js';
import { ACTIVATIONS, type Implementation } from '../core/interface.js';
import type { BackendInfo } from './pageEntry.js';

export function acceleratedDeclarations(backend: BackendName): Pick<Implementation, 'name' | 'dtype' | 'precision' | 'activations' | 'conventions'> {
  return { name: `accelerated (${backend})`, dtype: 'float32', precision: backend, activations: ACTIVATIONS, conventions: { reluPrimeAtZero: 1 } };
}

/** The device a browser backend runs on, in one line: webgl's renderer, webgpu's adapter. */
export function deviceOf(info: BackendInfo): string {
  if (info.webgl !== undefined) return info.webgl.renderer;
  if (info.webgpu !== undefined) {
    const { vendor, architecture, isFallbackAdapter } = info.webgpu;
    return `${vendor} ${architecture}${isFallbackAdapter ? ' (fallback adapter)' : ''}`.trim();
  }
  if (info.backend === 'wasm')
    return info.crossOriginIsolated ? 'WebAssembly (threads allowed: cross-origin isolated)' : 'WebAssembly (one thread: not cross-origin isolated)';
  return info.backend === 'cpu' ? 'JavaScript (tfjs cpu)' : 'unknown device';
}
