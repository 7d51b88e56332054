/**
 * The one place where tolerances come from. Every comparison of the suite uses an entry-wise
 * bound evaluated by the running-error machinery of numerics/bounds.ts (the
 * standard model fl(x∘y) = (x∘y)(1+δ) + η, |δ| ≤ ρu, and |fl(AB) − AB| ≤ γ_N|A||B| for a
 * product of inner dimension N in any summation order), with the implementation's unit roundoff
 * u plus the float64 reference's own 2^-53 (the bounds are polynomials in u with nonnegative
 * coefficients, so one evaluation with the sum bounds |impl − exact| + |exact − reference|).
 * Nothing here is tuned: each constant below carries its reason.
 */
import { LARGEST_FLOAT32, type Precision, precisionOf, UNIT_ROUNDOFF_32, UNIT_ROUNDOFF_64 } from '../../numerics/roundoff.js';
import type { Dtype, Implementation } from '../core/interface.js';

export { type Precision, UNIT_ROUNDOFF_32, UNIT_ROUNDOFF_64 };

export interface ToleranceProfile {
  /** e.g. 'float64 (generic)', 'float32 (wasm)'. */
  readonly name: string;
  readonly dtype: Dtype;
  /** The implementation's unit roundoff: 2^-53 (float64) or 2^-24 (float32). */
  readonly unitRoundoff: number;
  /** What the bound machinery evaluates with (u already includes the reference's 2^-53). */
  readonly precision: Precision;
  /** Central-difference step for the dtype: h = ε^{1/3} balances truncation h²|J'''|/6 against rounding ε|J|/h. */
  readonly fdStep: number;
  readonly reason: string;
}

/**
 * Placements of the division by B (or n), of the ½ and of the 2 in ∂J/∂o that the notes leave
 * to the implementation (e.g. (1/B)Σ∇J^{(i)} vs Δ[r] = (O − Y)/B): each placement rounds at most
 * once more per entry than the model of numerics/bounds.ts, so the generic profiles allow two
 * extra roundings in the division term.
 */
const PLACEMENT_ROUNDINGS = 2;

const GENERIC: Record<Dtype, Omit<Precision, 'backend'> & { reason: string }> = {
  float64: {
    u: UNIT_ROUNDOFF_64 + UNIT_ROUNDOFF_64,
    op: 1,
    div: 1 + PLACEMENT_ROUNDINGS,
    // libm exp/tanh (C, numpy, V8) are within 1-2 ulp; σ = 1/(1 + e^{−z}) adds a division and an addition: ≤ 4u absolute (|σ| ≤ 1).
    act: 4,
    tiny: 2 ** -1022,
    reason:
      'IEEE 754 binary64: + − × correctly rounded, ÷ and the placement of 1/B within 3 roundings, sigmoid/tanh within 4 ulp of 1, gradual underflow 2^-1022',
  },
  float32: {
    u: UNIT_ROUNDOFF_32 + UNIT_ROUNDOFF_64,
    op: 1,
    // the worst of the tfjs backends (GLSL/WGSL ÷ within 2.5 ulp) plus the placement roundings
    div: 2.5 + PLACEMENT_ROUNDINGS,
    // the worst of the tfjs backends (GPU exp-based sigmoid/tanh within 8u, numerics/roundoff.ts#precisionOf)
    act: 8,
    tiny: 2 ** -126,
    reason:
      'binary32 on any hardware: + − × correctly rounded, ÷ within 2.5 ulp (GPU shading languages) plus 2 placement roundings, sigmoid/tanh within 8 ulp of 1, flush-to-zero at 2^-126',
  },
};

const FD_STEP: Record<Dtype, number> = { float64: Math.cbrt(2 ** -52), float32: Math.cbrt(2 ** -23) };

/** The profile an implementation is judged by: its backend's model where it names one, else its dtype's generic model. */
export function toleranceProfile(impl: Pick<Implementation, 'dtype' | 'precision'>): ToleranceProfile {
  const dtype = impl.dtype;
  if (dtype !== 'float64' && dtype !== 'float32') throw new Error(`dtype must be float64 or float32, got ${String(dtype)}`);
  if (impl.precision !== undefined) {
    if (dtype !== 'float32') throw new Error(`backend error models exist for float32 only, got precision '${impl.precision}' with dtype ${dtype}`);
    const precision = precisionOf(impl.precision);
    return {
      name: `float32 (${impl.precision})`,
      dtype,
      unitRoundoff: UNIT_ROUNDOFF_32,
      precision,
      fdStep: FD_STEP.float32,
      reason: `tfjs ${impl.precision} backend, constants derived in numerics/roundoff.ts#precisionOf`,
    };
  }
  const { reason, ...constants } = GENERIC[dtype];
  return {
    name: `${dtype} (generic)`,
    dtype,
    unitRoundoff: dtype === 'float64' ? UNIT_ROUNDOFF_64 : UNIT_ROUNDOFF_32,
    precision: { backend: `${dtype} (generic)`, ...constants },
    fdStep: FD_STEP[dtype],
    reason,
  };
}

/**
 * Identities between answers of the SAME implementation (checks/identities.ts): two answers a, b
 * of one exact quantity v, each within its oracle bound (|a − v| ≤ E_a, |b − v| ≤ E_b, what the
 * direct checks demand of a conforming implementation), satisfy |a − b| ≤ E_a + E_b (triangle
 * inequality). Only the bounds of the oracle are used, never its values.
 */
export function betweenAnswers(...bounds: readonly number[]): number {
  return bounds.reduce((s, e) => s + e, 0);
}

/**
 * A check's own side of an identity (eq. 2.21's W^{[r]}a + b^{[r]}, eq. 2.16's W^{[2]}a^{[1]}, a mean of
 * gradients), computed EXACTLY from binary64 inputs (rational arithmetic: every double is
 * m·2^e, sums and products of such numbers are exact in BigInt) and rounded once to binary64:
 * truncated to at least 63 significant bits (relative error < 2^-62), rounded to nearest (≤ 2^-53),
 * and below 2^-1022 rounded to the subnormal grid (≤ 2^-1075 absolute per rounding step, at most
 * 2^-1074 in all). With |v| ≤ |fl(v)|(1 + 2^-52): |fl(v) − v| ≤ 2^-52·|fl(v)| + 2^-1074.
 */
export function roundedOnceBound(value: number): number {
  return 2 ** -52 * Math.abs(value) + 2 ** -1074;
}

/**
 * The false-alarm probability of each statistical check of the samplers (Algorithms 1-2 line 4):
 * a conforming sampler fails such a check with probability at most this, for given seeds (the
 * verdict is then deterministic: the same seeds give the same counts).
 */
export const SAMPLING_FALSE_ALARM = 1e-9;

/**
 * Coverage of a sampler of B distinct indices out of n (Algorithm 2 line 4; B = 1: Algorithm 1
 * line 4) over S seeds. If every draw is uniform (every B-subset equally likely) and draws for
 * different seeds are independent, index i is in a draw with probability p = B/n, so its count
 * C_i over S draws is Binomial(S, p), whatever the dependence between the indices of one draw.
 * Hoeffding's inequality gives P(|C_i − Sp| ≥ t) ≤ 2·exp(−2t²/S); a union bound over the
 * `counts` simultaneous counts of a check holds all of them in [Sp − t, Sp + t] with probability
 * ≥ 1 − falseAlarm when t = sqrt(S·ln(2·counts/falseAlarm)/2).
 */
export function inclusionCountRange(S: number, p: number, counts: number, falseAlarm = SAMPLING_FALSE_ALARM): { low: number; high: number } {
  const t = Math.sqrt((S * Math.log((2 * counts) / falseAlarm)) / 2);
  return { low: S * p - t, high: S * p + t };
}

/**
 * Headroom for the sums of a computation: z = Wa + b sums m_{k−1} + 1 products, J sums n
 * squares, a mini-batch sums B gradients. 2^16 covers m, n, B ≤ 2^15 (the suite's cases use ≤ 8).
 */
const SUM_HEADROOM = 2 ** 16;

/**
 * The domain of the suite's cases: every value the reference computes for a case (θ, x, y, every
 * z^{[k]}, a^{[k]}, δ^{[k]}, gradient entry, J, and θ after each step of a run) has magnitude at
 * most L = sqrt(largest binary32 / 2^16) ≈ 7.2e16. Then every product of two such values is
 * ≤ L² = largest/2^16 and every sum of up to 2^16 such products, (o − y)² included, is finite even
 * in float32: a conforming implementation never overflows, whatever its order of operations.
 * Outside it (a diverging training run with a large α reaches J ≈ 1e250 in a few steps) the notes
 * say nothing and a correct program may overflow or raise: such a case is discarded and counted,
 * never asked (oracle.ts throws OutsideDomain, property.ts#forAll discards). One domain for both
 * dtypes: the same seed asks a float64 and a float32 implementation the same cases, and the
 * float64 bounds (products of up to r + 2 such magnitudes) stay finite.
 */
export const DOMAIN_LIMIT = Math.sqrt(LARGEST_FLOAT32 / SUM_HEADROOM);
