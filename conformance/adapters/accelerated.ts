/**
 * The accelerated path (tfjs, float32, row-major eq. 4.4) behind the suite's interface in Node, on
 * the cpu or wasm backend (accelerated/node/backends.ts: wasm is the two-thread SIMD build where it
 * starts). The operations are tfjsOperations.ts, shared with the browser page; this file only picks
 * the backend and declares what the suite judges it by.
 */
import { NODE_BACKENDS, releaseWasm, useNodeBackend } from '../../accelerated/node/backends.js';
import type { Implementation } from '../core/interface.js';
import { acceleratedDeclarations } from './declarations.js';
import { tfjsOperationsOn } from './tfjsOperations.js';

export type NodeBackendName = 'cpu' | 'wasm';

/**
 * Starts `backend` and returns the accelerated path on it: dtype float32, judged by the backend's
 * own error model (numerics/roundoff.ts#precisionOf), all four activations,
 * ReLU'(0) = 1 (model.ts#activationPrime uses 1{z >= 0}). Each operation switches tfjs back to
 * `backend` if something else switched it. close() on wasm removes the backend (releaseWasm), which
 * ends its worker threads: any other wasm implementation of this process stops working with it.
 */
export async function acceleratedImplementation(backend: NodeBackendName): Promise<Implementation> {
  if (!(NODE_BACKENDS as readonly string[]).includes(backend)) {
    throw new Error(
      `the accelerated path runs in Node on ${NODE_BACKENDS.join(' or ')}, got '${String(backend)}' (webgl and webgpu: conformance/adapters/browser.ts)`,
    );
  }
  await useNodeBackend(backend);
  let closed = false;
  return {
    ...acceleratedDeclarations(backend),
    operations: tfjsOperationsOn(backend),
    close() {
      if (closed) return;
      closed = true;
      if (backend === 'wasm') releaseWasm();
    },
  };
}
