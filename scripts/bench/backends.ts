/**
 * Starting the Node backends the bench compares (backendKeys.ts names them): tfjs cpu, the threaded
 * wasm build (2 threads, see accelerated/node/wasmThreads.ts) and the stock single-thread wasm build.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { registerThreadedWasm, releaseWasm } from '../../accelerated/node/wasmThreads.js';
import type { BackendKey } from './backendKeys.js';
import type { BackendStart } from './results.js';

async function activate(name: string): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`the tfjs '${name}' backend did not start`);
}

/**
 * Makes `key` the active tfjs backend. 'wasm-single' is the stock registration, so in one process
 * it must come before 'wasm-threaded' (which replaces it; the bench orders in-process jobs so).
 */
export async function setUpBackend(key: BackendKey): Promise<BackendStart> {
  switch (key) {
    case 'cpu':
      await activate('cpu');
      return { threads: 1 };
    case 'wasm-single':
      await activate('wasm');
      return { threads: getThreadsCount() };
    case 'wasm-threaded': {
      if (tf.engine().backendName === 'wasm') await activate('cpu');
      const started = await registerThreadedWasm(2);
      await activate('wasm');
      return started.notice === undefined ? { threads: getThreadsCount() } : { threads: getThreadsCount(), notice: started.notice };
    }
    case 'webgl':
    case 'webgpu':
      throw new Error(`${key} runs in a Chromium page (scripts/bench/browser.ts), not in Node`);
    case 'mathjs':
    case 'numpy':
      return { threads: 1 };
  }
}

/** Ends the wasm worker threads so the process can exit by itself. */
export function tearDownBackends(): void {
  releaseWasm();
}
