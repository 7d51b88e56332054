import { describe, expect, it } from 'vitest';
import { gamma, LARGEST_FLOAT32, precisionOf, UNIT_ROUNDOFF_32, UNIT_ROUNDOFF_64 } from './roundoff.js';

describe('[4/multi-layer] the float32 error model', () => {
  it('[1.5] γ_N = N·u/(1 − N·u) grows with the length of the sum, and is undefined once N·u >= 1', () => {
    const p = precisionOf('wasm');
    expect(gamma(p, 0)).toBe(0);
    expect(gamma(p, 256) / gamma(p, 1)).toBeGreaterThan(256);
    // u = 2^-24 + 2^-53: the float64 reference's own rounding is folded in (roundoff.ts#precisionOf).
    expect(gamma(p, 1)).toBeGreaterThan(UNIT_ROUNDOFF_32);
    expect(gamma(p, 1)).toBeLessThan(UNIT_ROUNDOFF_32 * (1 + 2 ** -20));
    expect(() => gamma(p, 2 ** 24)).toThrow('γ_16777216 is undefined');
  });

  it('[2.14, 2.15] per backend: correctly rounded cpu, few-ulp wasm activations, GPU ÷ and exp within their documented ulps', () => {
    expect(precisionOf('cpu')).toMatchObject({ op: 1, div: 1, act: 1, tiny: 2 ** -126, u: UNIT_ROUNDOFF_32 + UNIT_ROUNDOFF_64 });
    expect(precisionOf('wasm')).toMatchObject({ op: 1, div: 1, act: 4 });
    expect(precisionOf('webgl')).toMatchObject({ op: 1, div: 2.5, act: 8 });
    expect(precisionOf('webgpu')).toEqual({ ...precisionOf('webgl'), backend: 'webgpu' });
    expect(() => precisionOf('tpu')).toThrow("no float32 error model for backend 'tpu'");
  });

  it('names the largest finite binary32, (2 − 2^-23)·2^127', () => {
    expect(LARGEST_FLOAT32).toBe((2 - 2 ** -23) * 2 ** 127);
    expect(Math.fround(LARGEST_FLOAT32)).toBe(LARGEST_FLOAT32);
    expect(Math.fround(LARGEST_FLOAT32 * (1 + 2 ** -24))).toBe(Infinity);
  });
});
