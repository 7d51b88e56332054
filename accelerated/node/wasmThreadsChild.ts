/**
 * A tiny process for wasmThreads.test.ts: registers the threaded wasm backend, runs one matMul,
 * calls releaseWasm() and then simply ends — the test checks that the process exits by itself.
 * `fault` makes WebAssembly.instantiate reject during registration, to exercise the fallback.
 * Prints one JSON line: { threads, notice, backend, product }.
 */
import * as tf from '@tensorflow/tfjs';
import { registerThreadedWasm, releaseWasm } from './wasmThreads.js';

const fault = process.argv.includes('fault');
const instantiate = WebAssembly.instantiate;
if (fault) {
  (WebAssembly as { instantiate: unknown }).instantiate = () => Promise.reject(new Error('injected fault'));
}
const result = await registerThreadedWasm(2);
WebAssembly.instantiate = instantiate;
await tf.setBackend('wasm');
const a = tf.tensor2d([
  [1, 2],
  [3, 4],
]);
const b = tf.tensor2d([
  [5, 6],
  [7, 8],
]);
const c = tf.matMul(a, b);
const product = Array.from(await c.data());
tf.dispose([a, b, c]);
const backend = tf.getBackend();
releaseWasm();
console.log(JSON.stringify({ threads: result.threads, notice: result.notice ?? null, backend, product }));
