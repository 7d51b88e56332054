/**
 * Exact arithmetic on IEEE 754 binary64 values, without mathjs: a finite double taken apart into
 * its integer mantissa and power of two (`binary64Parts`, which the reference's exactBigNumber
 * builds on), the gap to the next double (`ulp`, which the fixtures add to every bound), and sums
 * and products of doubles held exactly as n·2^-s with n a BigInt, rounded once at the end
 * (`exactArithmetic`, which conformance/checks/identities.ts evaluates its identities with).
 * Imports nothing (docs/architecture.md).
 */

/** A finite double as |x| = mantissa·2^exponent exactly (IEEE 754 binary64; subnormals included). */
export function binary64Parts(x: number): { readonly negative: boolean; readonly mantissa: bigint; readonly exponent: number } {
  if (!Number.isFinite(x)) throw new RangeError(`binary64Parts needs a finite number, got ${x}`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  return { negative: bits >> 63n === 1n, mantissa, exponent: biased === 0 ? -1074 : biased - 1075 };
}

/** The gap from |v| to the next double away from zero (the smallest subnormal at 0). */
export function ulp(v: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(v));
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0) - Math.abs(v);
}

// ---- Exact arithmetic on binary64 values: n·2^-s with n a BigInt (no rounding until `rounded`). ----

export interface Exact {
  readonly n: bigint;
  readonly s: number;
}

/** A finite double as n·2^-s, exactly (IEEE 754 binary64: mantissa·2^(exponent − 1075)). */
export function exact(x: number): Exact {
  const { negative, mantissa, exponent } = binary64Parts(x);
  return { n: negative ? -mantissa : mantissa, s: -exponent };
}

export const ZERO: Exact = { n: 0n, s: 0 };
export const times = (a: Exact, b: Exact): Exact => ({ n: a.n * b.n, s: a.s + b.s });
export function plus(a: Exact, b: Exact): Exact {
  const s = Math.max(a.s, b.s);
  return { n: (a.n << BigInt(s - a.s)) + (b.n << BigInt(s - b.s)), s };
}
const bitLength = (n: bigint): number => (n === 0n ? 0 : n.toString(2).length);

/**
 * a/divisor rounded once to binary64 (conformance/oracles/tolerances.ts#roundedOnceBound): the quotient to
 * ≥ 64 significant bits with a sticky bit for anything dropped, so Number() rounds it correctly to
 * nearest; the power-of-two scaling is exact above 2^-1022 (below, the subnormal grid rounds).
 */
export function rounded(a: Exact, divisor = 1): number {
  if (a.n === 0n) return 0;
  const m = a.n < 0n ? -a.n : a.n;
  const d = BigInt(divisor);
  const t = Math.max(0, 64 + bitLength(d) - bitLength(m));
  const q = (m << BigInt(t)) / d;
  const shift = Math.max(0, bitLength(q) - 64);
  const dropped = (m << BigInt(t)) % d !== 0n || (q & ((1n << BigInt(shift)) - 1n)) !== 0n;
  let v = Number((q >> BigInt(shift)) | (dropped ? 1n : 0n));
  for (let e = shift - t - a.s; e !== 0; ) {
    const step = Math.max(-1000, Math.min(1000, e));
    v *= 2 ** step;
    e -= step;
  }
  return a.n < 0n ? -v : v;
}

/** The exact arithmetic the identities of conformance/checks/identities.ts evaluate with. */
export const exactArithmetic = { exact, times, plus, rounded, ZERO } as const;
