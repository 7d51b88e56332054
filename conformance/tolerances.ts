/**
 * The one place where tolerances come from. Every comparison of the suite uses an entry-wise
 * bound evaluated by the running-error machinery of accelerated/testing/float32Bounds.ts (the
 * standard model fl(x∘y) = (x∘y)(1+δ) + η, |δ| ≤ ρu, and |fl(AB) − AB| ≤ γ_N|A||B| for a
 * product of inner dimension N in any summation order), with the implementation's unit roundoff
 * u plus the float64 reference's own 2^-53 (the bounds are polynomials in u with nonnegative
 * coefficients, so one evaluation with the sum bounds |impl − exact| + |exact − reference|).
 * Nothing here is tuned: each constant below carries its reason.
 */
import { precisionOf, UNIT_ROUNDOFF_32, UNIT_ROUNDOFF_64, type Precision } from '../accelerated/testing/float32Bounds.js';
import type { Dtype, Implementation } from './interface.js';

export { UNIT_ROUNDOFF_32, UNIT_ROUNDOFF_64, type Precision };

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
 * once more per entry than the model of float32Bounds.ts, so the generic profiles allow two
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
    reason: 'IEEE 754 binary64: + − × correctly rounded, ÷ and the placement of 1/B within 3 roundings, sigmoid/tanh within 4 ulp of 1, gradual underflow 2^-1022',
  },
  float32: {
    u: UNIT_ROUNDOFF_32 + UNIT_ROUNDOFF_64,
    op: 1,
    // the worst of the tfjs backends (GLSL/WGSL ÷ within 2.5 ulp) plus the placement roundings
    div: 2.5 + PLACEMENT_ROUNDINGS,
    // the worst of the tfjs backends (GPU exp-based sigmoid/tanh within 8u, float32Bounds.ts#precisionOf)
    act: 8,
    tiny: 2 ** -126,
    reason: 'binary32 on any hardware: + − × correctly rounded, ÷ within 2.5 ulp (GPU shading languages) plus 2 placement roundings, sigmoid/tanh within 8 ulp of 1, flush-to-zero at 2^-126',
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
      reason: `tfjs ${impl.precision} backend, constants derived in accelerated/testing/float32Bounds.ts#precisionOf`,
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
