/**
 * Choosing the tfjs backend the accelerated path runs on. Browser-safe (no node: imports): a page
 * registers webgl (bundled in @tensorflow/tfjs), webgpu (@tensorflow/tfjs-backend-webgpu) and
 * wasm (@tensorflow/tfjs-backend-wasm) by importing them; Node registers wasm in
 * accelerated/node/backends.ts.
 */
import * as tf from '@tensorflow/tfjs';

/** The backends the accelerated path runs on: cpu and wasm in Node, webgl and webgpu in a browser page. */
export type BackendName = 'cpu' | 'wasm' | 'webgl' | 'webgpu';

export const BACKEND_NAMES: readonly BackendName[] = ['cpu', 'wasm', 'webgl', 'webgpu'];

/** The backends registered in this process or page (started or not). */
export function registeredBackends(): string[] {
  return tf.engine().backendNames();
}

/**
 * Makes `name` tfjs's current backend and waits until it is ready; returns tf.getBackend().
 * Fails with a clear Error when the name is unknown, not registered here, or fails to start.
 */
export async function useBackend(name: BackendName): Promise<string> {
  if (!(BACKEND_NAMES as readonly string[]).includes(name)) {
    throw new Error(`unknown backend '${String(name)}': choose one of ${BACKEND_NAMES.join(', ')}`);
  }
  const registered = registeredBackends();
  if (!registered.includes(name)) {
    throw new Error(`backend '${name}' is not available here: registered backends are ${registered.join(', ') || 'none'}`);
  }
  let started: boolean;
  try {
    started = await tf.setBackend(name);
    await tf.ready();
  } catch (e) {
    throw new Error(`backend '${name}' failed to start: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!started || tf.getBackend() !== name) {
    throw new Error(
      `backend '${name}' failed to start (tfjs could not initialize it; its warning above says why); registered backends are ${registered.join(', ')}`,
    );
  }
  return tf.getBackend();
}
