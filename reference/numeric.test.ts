import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnVector } from './matrix.js';
import { exactBigNumber, isBig, math, toBig, toFloat64, withPrecision } from './numeric.js';

describe('[3.5/forward] high-precision mode plumbing', () => {
  it('converts a double to its exact binary value, and back without change', () => {
    expect(withPrecision(60, () => exactBigNumber(0.1).toString())).toBe('0.1000000000000000055511151231257827021181583404541015625');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(toFloat64(toBig(x))).toBe(x === 0 ? 0 : x);
      }),
    );
  });
  it('converts matrices and nested objects leaf by leaf', () => {
    const big = toBig({ W: [columnVector([1, 2])], y: 3 });
    expect(isBig(big.y)).toBe(true);
    expect(isBig(big.W[0]!.get([1, 0]))).toBe(true);
  });
  it('restores the previous precision after withPrecision, even on a throw', () => {
    const before = math.config({}).precision;
    expect(() =>
      withPrecision(80, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(math.config({}).precision).toBe(before);
    expect(withPrecision(30, () => math.divide(math.bignumber(1), math.bignumber(3)).toString())).toBe(`0.${'3'.repeat(30)}`);
    expect(() => withPrecision(10, () => 0)).toThrow('precision must be an integer >= 16 digits, got 10');
  });
  it("compares exactly: mathjs's default tolerance would call −1e−300 >= 0", () => {
    expect(math.largerEq(-1e-300, 0)).toBe(false);
  });
});
