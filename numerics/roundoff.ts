/**
 * The floating-point error model shared by the oracle (conformance/) and the accelerated path's
 * tests: unit roundoffs, the largest binary32, the per-backend accuracy of tfjs (`precisionOf`) and
 * γ_N. The rules are the standard model of floating-point arithmetic (Higham, "Accuracy and
 * Stability of Numerical Algorithms", ch. 2-3):
 *   fl(x ∘ y) = (x ∘ y)(1 + δ) + η,  |δ| ≤ ρ_∘·u,  |η| ≤ τ   (u = 2^-24, τ = 2^-126 covers
 *   gradual underflow and the flush-to-zero of GPUs), and for a product of inner dimension N in
 *   ANY summation order, with or without FMA: |fl(AB) − AB| ≤ γ_N |A||B| + N·τ, γ_N = Nρu/(1 − Nρu).
 * numerics/bounds.ts propagates these through the computations of the notes entry by entry.
 * Imports nothing (docs/architecture.md).
 */

/** The backends with an error model here (accelerated/backends.ts runs on these four). */
export type ModelledBackend = 'cpu' | 'wasm' | 'webgl' | 'webgpu';

/** Per-backend arithmetic, in units of the float32 unit roundoff u = 2^-24. */
export interface Precision {
  readonly backend: string;
  readonly u: number;
  /** + − × (and the products inside matMul/sum): relative error ρ·u. */
  readonly op: number;
  /** ÷ by a float32: relative error div·u. */
  readonly div: number;
  /** sigmoid and tanh: |fl(σ(z)) − σ(z)| ≤ act·u, absolute (|σ| ≤ 1). */
  readonly act: number;
  /** Absolute error per operation from underflow (flush-to-zero included). */
  readonly tiny: number;
}

export const UNIT_ROUNDOFF_32 = 2 ** -24;
export const UNIT_ROUNDOFF_64 = 2 ** -53;
/** (2 − 2^-23)·2^127, the largest finite binary32. */
export const LARGEST_FLOAT32 = 3.4028234663852886e38;

/**
 * The constants per backend, with where they come from:
 *  - cpu (tfjs-backend-cpu): every kernel computes in JS float64 from float32 inputs and stores the
 *    result in a Float32Array: + − × ÷ are correctly rounded (ρ = 1, div = 1); sigmoid is
 *    1/(1 + Math.exp(−x)) and tanh is Math.tanh in float64, rounded once: ≤ u/2 + a few float64
 *    ulps, act = 1 (measured: 0.50u for both over 2^20 points in [−20, 20]).
 *  - wasm (XNNPACK / C++ float32, IEEE 754): + − × ÷ correctly rounded (ρ = div = 1); sigmoid and
 *    tanh are float32 polynomial/rational approximations accurate to a few ulps of 1: act = 4
 *    (measured: 1.49u for sigmoid, 1.36u for tanh over the same 2^20 points).
 *  - webgl / webgpu (GLSL ES 3.00 §4.5.1 and WGSL's accuracy tables): + − × correctly rounded,
 *    ÷ within 2.5 ulp (div = 2.5), exp(x) within (3 + 2|x|) ulp. tfjs's shaders compute
 *    sigmoid = 1/(1 + exp(−x)) and tanh = sign(x)(1 − e)/(1 + e), e = exp(−2|x|). The exp error
 *    enters sigmoid damped by σ(1 − σ): max_x σ(1−σ)(3 + 2|x|) < 1.0 ulp of 1; the 1 + e and ÷
 *    add 3.5u, so ≤ 4.5u. For tanh the exp error enters as 2e(3 + 4|x|)/(1 + e)² < 2.0u, and
 *    1 − e (exact by Sterbenz when e ≥ 1/2), 1 + e and ÷ add ≤ 4.5u: ≤ 6.5u. act = 8 covers both
 *    with the second-order terms. (So tanh(1e-8) = 0 there is within bounds: 1e-8 < u.)
 * The expected values come from the float64 reference, whose own error obeys the same bounds with
 * u = 2^-53 (mathjs float64: IEEE + − × ÷, Math.exp/Math.tanh within a few float64 ulps, and the
 * same flip rule for ReLU'). Every bound here is a polynomial in u with nonnegative coefficients,
 * hence superadditive, so ONE evaluation with u = 2^-24 + 2^-53 bounds |float32 − exact| +
 * |exact − float64| ≥ |float32 − float64| (and widens the ReLU' flip test by the reference's error).
 */
export function precisionOf(backend: ModelledBackend | string): Precision {
  const u = UNIT_ROUNDOFF_32 + UNIT_ROUNDOFF_64;
  const tiny = 2 ** -126;
  switch (backend) {
    case 'cpu':
      return { backend, u, op: 1, div: 1, act: 1, tiny };
    case 'wasm':
      return { backend, u, op: 1, div: 1, act: 4, tiny };
    case 'webgl':
    case 'webgpu':
      return { backend, u, op: 1, div: 2.5, act: 8, tiny };
    default:
      throw new Error(`no float32 error model for backend '${backend}': known are cpu, wasm, webgl, webgpu`);
  }
}

/** γ_N = Nρu / (1 − Nρu), the relative error bound of a sum or dot product of N terms. */
export function gamma(p: Precision, N: number): number {
  const nu = N * p.op * p.u;
  if (nu >= 1) throw new Error(`γ_${N} is undefined: N·u >= 1`);
  return nu / (1 - nu);
}
