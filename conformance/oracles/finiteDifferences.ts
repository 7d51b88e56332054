/**
 * The finite-difference oracle: does the implementation's gradient (Algorithm 5) agree with
 * differences of the implementation's OWN loss (eq. 1.1, operation `loss`)? It never compares a
 * value with the reference: the values are the implementation's, and the reference enters only
 * through the error model (the running-error bounds of numerics/bounds.ts, via
 * oracle.ts), which says how far a conforming J and ∇J may be from the exact ones. So it checks the
 * consistency of ∇J with J — the chain rule (eq. 3.3) as implemented — while checks/section1/loss.ts checks
 * J's values against the reference.
 *
 * Along a direction Δ (a coordinate, or a random direction) let f(t) = J(θ + tΔ), so that
 * f'(0) = ∇J(θ)·Δ =: A is what the implementation's gradient predicts. f is evaluated at
 * t ∈ {−1, −½, 0, ½, 1}; f̃(t) is the implementation's value, |f̃(t) − f(t)| ≤ E(t) (the loss bound
 * at that very point), and A has error ≤ e_A = Σ|Δ_i|·(bound of ∇_i J) + γ_P·Σ|g_iΔ_i| (our sum).
 *
 * Exact steps. θ is first rounded to a grid of spacing q = 2^{⌈log2 M⌉ − p} (p = 53 or 24 bits of
 * the implementation's dtype, M ≥ max|θ_i| + max|Δ_i|) and Δ to multiples of 2q: then every θ + tΔ
 * is an integer multiple of q below 2^p·q, exactly representable in the dtype, so the
 * implementation evaluates J at exactly the points we difference over (a float32 implementation
 * would otherwise round θ_i ± h and change the step by up to u·|θ_i|, a relative 10^-5 of f').
 * The base point is the rounded θ; the gradient is asked for there too.
 *
 * Smooth criterion. C_s = (f(s) − f(−s))/2s = f'(0) + s²f'''(ξ)/6 (Taylor). Rounding: C_1 is within
 * R_1 = (E(1) + E(−1))/2 of its exact value, C_½ within R_½ = E(½) + E(−½). Truncation: the
 * unknown f''' is estimated by Richardson: C_1 − C_½ = (1 − ¼)f'''/6 = 3·T_½, where T_½ = f'''/24
 * is C_½'s truncation; we allow the whole distance |C_1 − C_½| (three times the estimate: f''' may
 * vary by that factor between the scales; where the truncation is first order, at a jump of f''
 * such as a ReLU kink met by a product of two perturbed factors, T_½ = |C_1 − C_½| exactly) plus
 * the rounding that may hide in it:
 *     |A − C_½| ≤ e_A + |C_1 − C_½| + R_1 + 2R_½ + own,
 * `own` being our float64 arithmetic on the f̃ (≤ γ_6·6·Σ|f̃|). Steps are h_i = fdStep·max(1, |θ_i|)
 * per coordinate, fdStep = ε^{1/3} of the dtype (tolerances.ts), where truncation h²|f'''|/6 and
 * rounding ε|J|/h balance: ~ε^{2/3} (4e-11 for float64, 2.4e-5 for float32) in units of |J| and
 * |f'''|, times E/(ε|J|), the worst-case condition of J's evaluation (60 for the float32 tanh
 * network of finiteDifferences.test.ts, where the resolution is 8e-4 on a ∂J/∂θ of 0.3). Along
 * one coordinate a ReLU network's f is piecewise quadratic (h_θ is piecewise linear in any single
 * parameter), so full mode has no truncation at all between kinks.
 *
 * Kinks (ReLU). If a pre-activation z_j crosses 0 within the step, f has a kink (slope jump σ) and
 * the central difference averages the two slopes. Detection: the fourth difference
 * K = f(1) + f(−1) − 4f(½) − 4f(−½) + 6f(0) equals f''''/16 ≈ 0 for smooth f (fourth order in
 * the step: u^{4/3} ≪ the rounding R_K = E(1) + E(−1) + 4E(½) + 4E(−½) + 6E(0)) but |σ|·|1 − 3|t*||
 * for a kink at t* ∈ [−½, ½] (|σ| for a kink exactly at θ). When |K| > R_K + own, A must lie
 * between the one-sided differences P = (f(½) − f(0))/½ and M = (f(0) − f(−½))/½, each widened by
 * e_A, its rounding and its Richardson truncation |P_1 − P| (P_1 = f(1) − f(0); one-sided
 * differences are first order: P_1 − P_½ = f''/4 = T_½): any ReLU'(0) ∈ [0, 1] at a single kink
 * puts A there, and on the smooth side of a kink crossed off θ, A is that side's difference. When
 * that fails too (kinks crossed on both sides), the step is retried 16 times smaller (a kink not at
 * θ itself is then outside the step, unless within h/16 of θ) before failing.
 * Limitation: at a point where TWO or more units sit exactly on their kinks, the chain rule with a
 * fixed ReLU'(0) need not lie between the one-sided derivatives (two units switching in opposite
 * directions along Δ: c = 1 counts both, each side only one), so judgeable() excludes such points.
 * At a single exact kink the oracle's bound e_A includes the ReLU' flip (numerics/bounds.ts), so the
 * value of ReLU'(0) itself is left to checks/section3/conventions.ts.
 *
 * Modes. full: every coordinate θ_i (P directions, 4 loss calls each). fast: k random unit
 * directions v (seeded), cost independent of P; a failing direction falls back to full mode, which
 * names the layer, parameter and element (and whose verdict is final).
 */
import { lossBounds, uploaded } from '../../numerics/bounds.js';
import { gamma, type Precision, UNIT_ROUNDOFF_64 } from '../../numerics/roundoff.js';
import { createRng, uniform01 } from '../../reference/sampler.js';
import { type CheckContext, CheckFailure, type Reproducer } from '../core/check.js';
import type { Activation, NetParams, Vector } from '../core/interface.js';
import { expectParamsClose, type Site } from './compare.js';
import { BOUND_SAFETY, expectForward, expectForwardBatch, expectGradient } from './oracle.js';
import type { ToleranceProfile } from './tolerances.js';

/** Random directions of the fast mode. Each one detects a wrong gradient unless the error is (nearly) orthogonal to it. */
export const FAST_DIRECTIONS = 3;
/** The retry step is the step / SHRINK (see the doc comment: kinks crossed off θ). */
export const SHRINK = 16;

/** Our own float64 arithmetic on the samples and on A = Σ g_iΔ_i. */
const OWN: Precision = { backend: 'float64 (the check)', u: UNIT_ROUNDOFF_64, op: 1, div: 1, act: 1, tiny: 2 ** -1074 };

/** f̃ and its rounding bound E at t = −1, −½, 0, ½, 1. */
export interface Samples {
  readonly f: readonly [number, number, number, number, number];
  readonly E: readonly [number, number, number, number, number];
}

export interface Judgement {
  /** 'smooth': A matches the central difference; 'kink': A lies between the one-sided differences at a detected kink. */
  readonly verdict: 'smooth' | 'kink' | 'fail';
  /** The central difference C_½ (f'(0) along Δ). */
  readonly estimate: number;
  readonly tolerance: number;
  readonly kink: boolean;
  /** The one-sided differences [M, P] with their tolerances applied. */
  readonly between: readonly [number, number];
}

/** The criteria of the doc comment on one direction: A = ∇J·Δ with error ≤ eA. */
export function judge(s: Samples, A: number, eA: number): Judgement {
  const [fm1, fmh, f0, fph, fp1] = s.f;
  const [Em1, Emh, E0, Eph, Ep1] = s.E;
  const own = gamma(OWN, 6) * 6 * s.f.reduce((sum, v) => sum + Math.abs(v), 0);
  const C1 = (fp1 - fm1) / 2;
  const Ch = fph - fmh;
  const R1 = (Ep1 + Em1) / 2;
  const Rh = Eph + Emh;
  const tolerance = eA + Math.abs(C1 - Ch) + R1 + 2 * Rh + own;
  const K = fp1 + fm1 - 4 * (fph + fmh) + 6 * f0;
  const kink = Math.abs(K) > Ep1 + Em1 + 4 * (Eph + Emh) + 6 * E0 + own;
  const side = (P: number, RP: number, P1: number, RP1: number) => ({ value: P, tau: eA + Math.abs(P1 - P) + RP1 + 2 * RP + own });
  const plus = side(2 * (fph - f0), 2 * (Eph + E0), fp1 - f0, Ep1 + E0);
  const minus = side(2 * (f0 - fmh), 2 * (E0 + Emh), f0 - fm1, E0 + Em1);
  const between: [number, number] = [Math.min(plus.value - plus.tau, minus.value - minus.tau), Math.max(plus.value + plus.tau, minus.value + minus.tau)];
  const verdict = Math.abs(A - Ch) <= tolerance ? 'smooth' : kink && between[0] <= A && A <= between[1] ? 'kink' : 'fail';
  return { verdict, estimate: Ch, tolerance, kink, between };
}

/** θ's entries in the order compare.ts reports them: layer r down to 1, b^{[k]} before W^{[k]}, rows in order. */
export interface Coordinate {
  readonly which: 'W' | 'b';
  readonly k: number;
  /** 1-based: [i] of b^{[k]}, [i, j] of W^{[k]}. */
  readonly element: readonly number[];
}

export function coordinates(params: NetParams): Coordinate[] {
  const out: Coordinate[] = [];
  for (let k = params.W.length; k >= 1; k--) {
    params.b[k - 1]!.forEach((_, i) => out.push({ which: 'b', k, element: [i + 1] }));
    params.W[k - 1]!.forEach((row, i) => row.forEach((_, j) => out.push({ which: 'W', k, element: [i + 1, j + 1] })));
  }
  return out;
}

const entry = (t: NetParams | NetParams, c: Coordinate): number =>
  c.which === 'b' ? t.b[c.k - 1]![c.element[0]! - 1]! : t.W[c.k - 1]![c.element[0]! - 1]![c.element[1]! - 1]!;

function assemble(params: NetParams, coords: readonly Coordinate[], values: readonly number[]): NetParams {
  const W = params.W.map((M) => M.map((row) => [...row]));
  const b = params.b.map((v) => [...v]);
  coords.forEach((c, n) => {
    if (c.which === 'b') b[c.k - 1]![c.element[0]! - 1] = values[n]!;
    else W[c.k - 1]![c.element[0]! - 1]![c.element[1]! - 1] = values[n]!;
  });
  return { W, b };
}

/** One example (x, y) and θ: the problem whose ∇_θ J^{(i)} is checked. */
export interface FdProblem {
  readonly params: NetParams;
  readonly activation: Activation;
  readonly x: Vector;
  readonly y: number;
}

/** Names the equation of ∂J/∂W^{[k]} or ∂J/∂b^{[k]} in a failure (e.g. Algorithm 5's lines). */
export type GradientSites = (which: 'W' | 'b', k: number, reproducer?: Reproducer) => Site;

/** Steps h_i = fdStep·max(1, |θ_i|) and the grid spacing q on which θ ± h_i is exact in the dtype. */
function gridFor(profile: ToleranceProfile, theta: readonly number[]): { q: number; steps: number[] } {
  const steps = theta.map((v) => profile.fdStep * Math.max(1, Math.abs(v)));
  const M = Math.max(...theta.map((v, i) => Math.abs(v) + steps[i]!)) * (1 + 2 ** -10);
  const bits = Math.round(-Math.log2(profile.unitRoundoff));
  return { q: 2 ** (Math.ceil(Math.log2(M)) - bits), steps };
}
const onGrid = (v: number, q: number): number => Math.round(v / q) * q;

/** The loss's running-error bound at θ (eq. 1.1 on one example): what oracle.ts#expectLoss bounds, without its values. */
function lossBoundAt(profile: ToleranceProfile, params: NetParams, activation: Activation, x: Vector, y: number): number {
  const p = profile.precision;
  const out = expectForwardBatch(profile, params, activation, [[...x]]).Z[params.W.length - 1]!;
  const o = out.value[0]![0]!;
  const O = { M: [[Math.abs(o)]], E: out.bound };
  return lossBounds(p, O, uploaded(p, [[y]]), [[o]], [[y]], 0.5 * (o - y) ** 2).E[0]![0]! * BOUND_SAFETY;
}

/**
 * Whether finite differences can judge ∇J at θ: for ReLU, at most one hidden pre-activation may be
 * within its rounding bound of 0 (see the doc comment's limitation). Smooth activations always can.
 */
export function judgeable(profile: ToleranceProfile, problem: FdProblem): boolean {
  if (problem.activation !== 'relu') return true;
  const { z } = expectForward(profile, problem.params, problem.activation, problem.x);
  const onKink = z.slice(0, -1).flatMap((zk) => zk.value.filter((v, i) => Math.abs(v) <= zk.bound[i]! * BOUND_SAFETY));
  return onKink.length <= 1;
}

/** What a finite-difference check found: the directions judged and how. */
export interface FdSummary {
  readonly mode: 'fast' | 'full';
  /** θ (rounded to the grid) was not judgeable(): nothing was checked. */
  readonly skipped: boolean;
  readonly directions: number;
  /** Directions passed between one-sided differences (a kink crossed). */
  readonly kinks: number;
  /** Directions that needed the smaller retry step. */
  readonly retried: number;
  /** Fast-mode directions that failed and sent the check to full mode (which passed). */
  readonly fellBack: number;
}

/** A judgement on one direction with the numbers behind it: A = ∇J·Δ and the step Δ actually used. */
interface Judged extends Judgement {
  readonly A: number;
  readonly delta: readonly number[];
  readonly retried: boolean;
}

/**
 * Checks the implementation's ∇_θ J^{(i)} (operation `gradient`) against finite differences of its
 * own J^{(i)} (operation `loss` on the one-example data set) at θ rounded to the exact grid.
 * Throws a CheckFailure naming the layer, W or b, and the element (full mode, also after a failed
 * fast direction). Returns without checking (skipped) where θ is not judgeable().
 */
export async function checkGradientByFiniteDifferences(
  ctx: CheckContext,
  problem: FdProblem,
  sites: GradientSites,
  mode: 'fast' | 'full' = 'fast',
): Promise<FdSummary> {
  const coords = coordinates(problem.params);
  const raw = coords.map((c) => entry(problem.params, c));
  const { q, steps } = gridFor(ctx.tolerance, raw);
  const theta = raw.map((v) => onGrid(v, q));
  const at = { ...problem, params: assemble(problem.params, coords, theta) };
  if (!judgeable(ctx.tolerance, at)) return { mode, skipped: true, directions: 0, kinks: 0, retried: 0, fellBack: 0 };
  const request = { params: at.params, activation: at.activation, x: at.x, y: at.y };
  const reproducer: Reproducer = { operation: 'gradient', request };
  const got = await ctx.call('gradient', request);
  const expected = expectGradient(ctx.tolerance, at.params, at.activation, at.x, at.y);
  // Shape and finiteness first (any finite value is within an infinite bound), so `got` can be indexed.
  const infinite = { W: expected.value.W.map((M) => M.map((row) => row.map(() => Infinity))), b: expected.value.b.map((v) => v.map(() => Infinity)) };
  expectParamsClose((which, k) => sites(which, k, reproducer), { value: expected.value, bound: infinite }, got);
  const g = coords.map((c) => entry(got as NetParams, c));
  const gBound = coords.map((c) => entry(expected.bound, c) * BOUND_SAFETY);
  const f0 = await evaluate(ctx, at);

  /** Judges Δ = `delta` (rounded to the grid), retrying at Δ/SHRINK when a kink was detected. */
  async function along(delta: readonly number[]): Promise<Judged> {
    let first: Judged | undefined;
    for (const scale of [1, 1 / SHRINK]) {
      const D = delta.map((d) => onGrid(d * scale, 2 * q));
      const sample = (t: number) =>
        evaluate(ctx, {
          ...at,
          params: assemble(
            at.params,
            coords,
            theta.map((v, i) => v + t * D[i]!),
          ),
        });
      const [m1, mh, ph, p1] = [await sample(-1), await sample(-0.5), await sample(0.5), await sample(1)];
      const terms = g.map((gi, i) => gi * D[i]!);
      const A = terms.reduce((s, v) => s + v, 0);
      const eA = D.reduce((s, d, i) => s + Math.abs(d) * gBound[i]!, 0) + gamma(OWN, coords.length) * terms.reduce((s, v) => s + Math.abs(v), 0);
      const judged: Judged = { ...judge({ f: [m1.f, mh.f, f0.f, ph.f, p1.f], E: [m1.E, mh.E, f0.E, ph.E, p1.E] }, A, eA), A, delta: D, retried: scale !== 1 };
      if (judged.verdict !== 'fail') return judged;
      first ??= judged;
      if (!judged.kink) break;
    }
    return first!;
  }

  const tally = (summary: { directions: number; kinks: number; retried: number }, j: Judged) => {
    summary.directions++;
    if (j.verdict === 'kink') summary.kinks++;
    if (j.retried) summary.retried++;
  };

  async function full(fellBack: number): Promise<FdSummary> {
    const summary = { mode: fellBack > 0 ? ('fast' as const) : ('full' as const), skipped: false, directions: 0, kinks: 0, retried: 0, fellBack };
    for (let n = 0; n < coords.length; n++) {
      const j = await along(coords.map((_, i) => (i === n ? steps[n]! : 0)));
      tally(summary, j);
      if (j.verdict === 'fail') throw failure(coords[n]!, j.delta[n]!, j);
    }
    return summary;
  }

  function failure(c: Coordinate, h: number, j: Judged): CheckFailure {
    const site = sites(c.which, c.k, reproducer);
    const [estimate, value, tolerance] = [j.estimate / h, j.A / h, j.tolerance / h];
    const error = Math.abs(value - estimate);
    const where = `${site.specId}: gradient ${site.quantity} entry ${c.element.length === 1 ? c.element[0] : `(${c.element.join(',')})`}`;
    const kinkNote = j.kink ? `; a kink lies within the step and ${value} is outside the one-sided differences [${j.between[0] / h}, ${j.between[1] / h}]` : '';
    return new CheckFailure(
      `${where}: central differences of the implementation's own loss give ${estimate} (step ${h.toExponential(2)}), its gradient says ${value}, |error| ${error.toExponential(3)} > tolerance ${tolerance.toExponential(3)}${kinkNote}`,
      {
        specId: site.specId,
        operation: 'gradient',
        quantity: site.quantity,
        ...(site.layer !== undefined && { layer: site.layer }),
        element: c.element,
        expected: estimate,
        got: value,
        tolerance,
        error,
      },
      reproducer,
    );
  }

  if (mode === 'full') return full(0);
  const summary = { mode, skipped: false, directions: 0, kinks: 0, retried: 0, fellBack: 0 };
  let failed = 0;
  for (const v of randomDirections(ctx.seed, coords.length)) {
    const j = await along(v.map((vi, i) => vi * steps[i]!));
    tally(summary, j);
    if (j.verdict === 'fail') failed++;
  }
  return failed === 0 ? summary : full(failed);
}

/** J^{(i)} from the implementation's `loss` on the one-example data set, with the error model's bound at that point. */
async function evaluate(ctx: CheckContext, problem: FdProblem): Promise<{ f: number; E: number }> {
  const { params, activation, x, y } = problem;
  const request = { params, activation, data: { X: [[...x]], y: [y] } };
  const answer = await ctx.call('loss', request);
  const f = answer.perExample?.[0];
  if (typeof f !== 'number' || !Number.isFinite(f)) {
    throw new CheckFailure(
      `1.1: loss J^{(1)} is ${String(f)}, not a finite number (finite differences need the implementation's own J)`,
      { specId: '1.1', operation: 'loss', quantity: 'J^{(1)}', element: [1], expected: 'a finite number', got: String(f) },
      { operation: 'loss', request },
    );
  }
  return { f, E: lossBoundAt(ctx.tolerance, params, activation, x, y) };
}

/** k unit vectors in R^P, Gaussian then normalized, from mulberry32 seeded by (seed, P): a shrunk case replays alone. */
export function randomDirections(seed: number, P: number, k = FAST_DIRECTIONS): number[][] {
  const rng = createRng((Math.imul(seed, 31) + P) | 0);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - uniform01(rng))) * Math.cos(2 * Math.PI * uniform01(rng));
  return Array.from({ length: k }, () => {
    const v = Array.from({ length: P }, gaussian);
    const norm = Math.hypot(...v) || 1;
    return v.map((vi) => vi / norm);
  });
}
