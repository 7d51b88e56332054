/**
 * Node's backends: importing this module registers the stock single-thread `wasm` backend of
 * @tensorflow/tfjs-backend-wasm (its .wasm files are found next to the package in Node) beside
 * the pure-JS `cpu`. webgl and webgpu exist only in a browser page (accelerated/browser/).
 * The two-thread wasm build is registered instead by accelerated/node/wasmThreads.ts.
 */
import '@tensorflow/tfjs-backend-wasm';
import { useBackend } from '../backends.js';
import type { BackendName } from '../scenario.types.js';

/** The backends this module makes available in Node. */
export const NODE_BACKENDS: readonly BackendName[] = ['cpu', 'wasm'];

/** useBackend in Node: 'cpu' or the stock single-thread 'wasm'; webgl/webgpu fail clearly. */
export async function useNodeBackend(name: BackendName): Promise<string> {
  return useBackend(name);
}
