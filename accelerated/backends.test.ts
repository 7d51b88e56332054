import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { type BackendName, useBackend } from './backends.js';
import { useNodeBackend } from './node/backends.js';

describe('backend selection in Node', () => {
  it('starts cpu and the stock wasm backend', async () => {
    expect(await useNodeBackend('wasm')).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(await useBackend('cpu')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('fails clearly for the browser-only backends and for unknown names', async () => {
    await expect(useBackend('webgl')).rejects.toThrow("backend 'webgl' is not available here: registered backends are cpu, wasm");
    await expect(useBackend('webgpu')).rejects.toThrow("backend 'webgpu' is not available here: registered backends are cpu, wasm");
    await expect(useBackend('tpu' as BackendName)).rejects.toThrow("unknown backend 'tpu': choose one of cpu, wasm, webgl, webgpu");
    expect(tf.getBackend()).toBe('cpu');
  });
});
