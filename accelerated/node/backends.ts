/**
 * Node's backends: the pure-JS `cpu`, and `wasm`, which is the two-thread SIMD build when it starts
 * cleanly (accelerated/node/wasmThreads.ts) and the stock single-thread build otherwise, with a
 * notice on stderr. webgl and webgpu exist only in a browser page (accelerated/browser/).
 * A process that used 'wasm' calls releaseWasm() to end the worker threads and exit by itself.
 */
import '@tensorflow/tfjs-backend-wasm';
import { type BackendName, useBackend } from '../backends.js';
import { registerThreadedWasm } from './wasmThreads.js';

export { releaseWasm } from './wasmThreads.js';

/** The backends this module makes available in Node. */
export const NODE_BACKENDS: readonly BackendName[] = ['cpu', 'wasm'];

/** useBackend in Node: 'cpu', or 'wasm' with two threads where they start; webgl/webgpu fail clearly. */
export async function useNodeBackend(name: BackendName): Promise<string> {
  if (name === 'wasm') {
    const { notice } = await registerThreadedWasm();
    if (notice !== undefined) console.warn(`wasm backend: ${notice}`);
  }
  return useBackend(name);
}
