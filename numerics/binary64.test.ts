import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binary64Parts, exactArithmetic, ulp } from './binary64.js';

const { exact, times, plus, rounded, ZERO } = exactArithmetic;
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
/** One rounding to binary64 of v: 2^-52|v| + 2^-1074 (the same bound as conformance/oracles/tolerances.ts#roundedOnceBound). */
const roundedOnce = (v: number): number => 2 ** -52 * Math.abs(v) + 2 ** -1074;

describe('binary64 parts', () => {
  it('takes a double apart exactly: |x| = mantissa·2^exponent, subnormals included', () => {
    expect(binary64Parts(1)).toEqual({ negative: false, mantissa: 1n << 52n, exponent: -52 });
    expect(binary64Parts(-0.75)).toEqual({ negative: true, mantissa: 3n << 51n, exponent: -53 });
    expect(binary64Parts(5e-324)).toEqual({ negative: false, mantissa: 1n, exponent: -1074 });
    expect(binary64Parts(-0).negative).toBe(true);
    expect(() => binary64Parts(Infinity)).toThrow(RangeError);
    fc.assert(
      fc.property(finite, (x) => {
        const { negative, mantissa, exponent } = binary64Parts(x);
        const magnitude = Number(mantissa) * 2 ** exponent; // mantissa < 2^53: Number() is exact, the scaling too
        expect(negative ? -magnitude : magnitude).toBe(x);
      }),
      { seed: 229, numRuns: 1000 },
    );
  });
});

describe('exact arithmetic', () => {
  it('[2.20, 2.21] the exact arithmetic is exact, and rounds once: x itself, a·b and (a + b) as IEEE does, x/3 within one rounding', () => {
    fc.assert(
      fc.property(finite, finite, (a, b) => {
        expect(Object.is(rounded(exact(a)), a === 0 ? 0 : a)).toBe(true);
        const product = a * b;
        if (Number.isFinite(product) && (product === 0 || Math.abs(product) >= 2 ** -1022)) expect(rounded(times(exact(a), exact(b))) + 0).toBe(product + 0);
        const sum = a + b;
        if (Number.isFinite(sum)) expect(rounded(plus(exact(a), exact(b))) + 0).toBe(sum + 0); // −0 and 0 are one exact value
        // a/3 in binary64 is one correct rounding too: the two differ by at most one rounding each.
        expect(Math.abs(rounded(exact(a), 3) - a / 3)).toBeLessThanOrEqual(2 * roundedOnce(a / 3));
      }),
      { seed: 229, numRuns: 2000 },
    );
    expect(rounded(plus(exact(0.1), exact(0.2)))).toBe(0.1 + 0.2);
    expect(rounded(exact(5e-324))).toBe(5e-324);
    expect(rounded(exact(1), 3)).toBe(1 / 3);
    expect(rounded(plus(ZERO, exact(-2.5)))).toBe(-2.5);
  });

  it('[1.1] ulp is the gap to the next double away from zero', () => {
    expect(ulp(1)).toBe(2 ** -52);
    expect(ulp(-1.5)).toBe(2 ** -52);
    expect(ulp(0)).toBe(2 ** -1074);
    expect(ulp(2 ** -1022)).toBe(2 ** -1074);
    expect(ulp(0.1)).toBe(2 ** -56);
  });
});
