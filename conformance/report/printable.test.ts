import { describe, expect, it } from 'vitest';
import { printable } from './printable.js';

describe('printable', () => {
  it('escapes control characters, separators and bidi overrides, and keeps everything else', () => {
    expect(printable('a\u001b[31mred\u001b[0m\r\n\t\u0000\u007f\u009b')).toBe(String.raw`a\u001b[31mred\u001b[0m\r\n\t\0\u007f\u009b`);
    expect(printable('x\u2028y\u202ez\u2066')).toBe(String.raw`x\u2028y\u202ez\u2066`);
    expect(printable('θ ∂J/∂W[2] 😀 "quoted" back\\slash')).toBe('θ ∂J/∂W[2] 😀 "quoted" back\\slash');
  });

  it('escapes lone surrogates but keeps pairs', () => {
    expect(printable('a\ud800b\udc00c😀')).toBe(`${String.raw`a\ud800b\udc00c`}😀`);
  });

  it('cuts at maxLength with a mark, never inside an escape or a surrogate pair', () => {
    expect(printable('abcdef', 10)).toBe('abcdef');
    expect(printable('abcdefgh', 5)).toBe('abcd…');
    expect(printable('abc\u001bxyz', 6)).toBe('abc…');
    expect(printable('abc\u001bxyz', 10)).toBe(String.raw`abc\u001b…`);
    expect(printable('ab\ncd', 4)).toBe('ab…');
    expect(printable('ab😀cd', 4)).toBe('ab…');
    for (let n = 1; n < 30; n++) expect(printable('\u001b[2J\r\n😀x'.repeat(3), n).length).toBeLessThanOrEqual(n);
  });
});
