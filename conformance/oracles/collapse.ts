/**
 * The oracle of 2/collapse-affine: h_θ(x) = W̃x + b̃ for σ(z) = z, taken from the reference's own
 * transcription (reference/collapse.ts#collapsedAffine) run in BigNumber on the exact values of
 * the float64 inputs, rounded once to float64, with a bound on |value − the exact W̃x + b̃|.
 *
 * The bound. P-digit decimal arithmetic rounds each operation with relative error at most
 * u_P = ½·10^{1−P}. Every term of W̃x + b̃ (a product W^{[r]}_{··}···W^{[1]}_{·ℓ}x_ℓ, or
 * W^{[r]}···W^{[k+1]}b^{[k]}) passes through at most N = 4(r + 1) + Σ_{k=1}^{r} (m_{k−1} + 1) + 2
 * roundings: at most 4 in converting each of its r + 1 inputs (reference/numeric.ts#exactBigNumber:
 * 2^e and the product), then the dot products of the recursion, the bias additions and W̃x + b̃.
 * So |computed − exact| <= γ_N(u_P)·S (Higham, Accuracy and Stability, §3.1), S the same sum over
 * |terms|: the forward pass on |θ|, |x| with σ(z) = z. S evaluated in float64 from terms >= 0 is at
 * least S_exact(1 − γ_N(2^-53)) > S_exact/2, hence the factor 2. Rounding the P-digit value to the
 * nearest double (decimal.js's toNumber parses its exact decimal string, correctly rounded) adds
 * tolerances.ts#roundedOnceBound. At P = 64 the first term is ~1e-61·S: the bound is the rounding
 * of the result to float64, and the identity stays as strict as an exact evaluation would make it.
 */
import { collapsedAffine } from '../../reference/collapse.js';
import { columnVector, matrixFromRows, scalarOf } from '../../reference/matrix.js';
import { type Params, predict } from '../../reference/network.js';
import { type Matrix, math, type Scalar, toBig, withPrecision } from '../../reference/numeric.js';
import { OutsideDomain } from '../core/check.js';
import type { NetParams, Vector } from '../core/interface.js';
import type { Expected } from './oracle.js';
import { DOMAIN_LIMIT, roundedOnceBound } from './tolerances.js';

/** Significant digits of the BigNumber evaluation. */
export const COLLAPSE_DIGITS = 64;

const paramsOf = (p: NetParams, abs = false): Params => {
  const f = (v: number): number => (abs ? Math.abs(v) : v);
  return { W: p.W.map((W) => matrixFromRows(W.map((row) => row.map(f)))), b: p.b.map((b) => columnVector(b.map(f))) };
};

/** γ_N(u) = N·u/(1 − N·u). */
const gammaOf = (N: number, u: number): number => (N * u) / (1 - N * u);

/** 2/collapse-affine on one example: W̃x + b̃ (W̃ = W^{[r]}···W^{[1]}, b̃ = Σ_k W^{[r]}···W^{[k+1]}b^{[k]}), rounded once, with its bound. */
export function expectCollapsed(params: NetParams, x: Vector): Expected<number> {
  const big = withPrecision(COLLAPSE_DIGITS, () => {
    const { W, b } = collapsedAffine(toBig(paramsOf(params)));
    return scalarOf(math.add(math.multiply(W, toBig(columnVector(x))), b) as Matrix);
  });
  const value = Number((big as Exclude<Scalar, number>).toString());
  const r = params.W.length;
  const N = 4 * (r + 1) + params.W.reduce((s, W) => s + W[0]!.length + 1, 0) + 2;
  const S = Number(predict(paramsOf(params, true), columnVector(x.map(Math.abs)), 'identity'));
  const bound = roundedOnceBound(value) + 2 * gammaOf(N, 0.5 * 10 ** (1 - COLLAPSE_DIGITS)) * S;
  if (!(Math.abs(value) <= DOMAIN_LIMIT && bound <= DOMAIN_LIMIT)) {
    throw new OutsideDomain(`W̃x + b̃ reaches ${value} (bound ${bound}), outside the domain |v| ≤ ${DOMAIN_LIMIT.toPrecision(2)}`);
  }
  return { value, bound };
}
