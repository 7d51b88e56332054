/**
 * The Node backends the bench compares: tfjs cpu, the threaded wasm build (2 threads, see
 * accelerated/node/wasmThreads.ts) and the stock single-thread wasm build, plus the labels of the
 * non-tfjs peers (mathjs for the reference, numpy).
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { registerThreadedWasm, releaseWasm } from '../../accelerated/node/wasmThreads.js';

export type TfjsBackend = 'cpu' | 'wasm-threaded' | 'wasm-single';
export type BackendKey = TfjsBackend | 'mathjs' | 'numpy';

export const TFJS_BACKENDS: readonly TfjsBackend[] = ['cpu', 'wasm-threaded', 'wasm-single'];

export const BACKEND_LABEL: Record<BackendKey, string> = {
  cpu: 'tfjs cpu',
  'wasm-threaded': 'tfjs wasm x2',
  'wasm-single': 'tfjs wasm x1',
  mathjs: 'mathjs f64',
  numpy: 'numpy f32',
};

export interface BackendStart {
  readonly threads: number;
  readonly notice?: string;
}

export function isTfjsBackend(key: BackendKey): key is TfjsBackend {
  return (TFJS_BACKENDS as readonly string[]).includes(key);
}

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
    case 'mathjs':
    case 'numpy':
      return { threads: 1 };
  }
}

/** Ends the wasm worker threads so the process can exit by itself. */
export function tearDownBackends(): void {
  releaseWasm();
}
