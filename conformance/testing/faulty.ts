/**
 * Test support for the checks of loss.ts, gradient.ts, networks.ts and conventions.ts: a plain
 * implementation of eq. 1.1-1.2, 2.12-2.15 and Algorithm 5 (as corrected) over the interface's
 * plain data, in float64 or float32 (every operation rounded by Math.fround, which is exact
 * rounding of the float64 result for + − × ÷ of float32 operands), into which ONE deliberate fault
 * is put. Faultless it must pass every check (the tests say so); with a fault, the check aimed at it
 * must fail naming the equation, layer and element the fault breaks.
 */
import type { Check } from '../core/check.js';
import { ACTIVATIONS, type Activation, type DataSet, type Dtype, type Implementation, type NetParams, type Vector } from '../core/interface.js';
import { type CheckResult, type RunOptions, runChecks } from '../core/runner.js';

export interface Faults {
  /** σ(z) of the hidden layers (eq. 2.13-2.15), e.g. an overflowing sigmoid. */
  readonly sigma?: (activation: Activation, z: number) => number;
  /** σ'(z) as line 4 of Algorithm 5 uses it, given z^{[k]} and a^{[k]} (eq. 3.15). */
  readonly sigmaPrime?: (activation: Activation, z: number, a: number) => number;
  /** Line 5 multiplies δ^{[k+1]} by z^{[k]ᵀ} instead of a^{[k]ᵀ}. */
  readonly zForA?: boolean;
  /** Line 2: δ^{[r]} from o and y (correct: o − y). */
  readonly residual?: (o: number, y: number) => number;
  /** Eq. 1.5: the divisor of the summed gradients over a batch of B out of n examples (correct: B). */
  readonly batchDivisor?: (B: number, n: number) => number;
  /** Eq. 1.1: the factor of (o − y)² (correct: ½). */
  readonly lossFactor?: number;
  /** Eq. 1.2: the divisor of the summed losses (correct: n). */
  readonly lossDivisor?: (n: number) => number;
  /** Applied to the answer of `gradient` (one wrong entry, a wrong shape). */
  readonly tamper?: (g: NetParams) => unknown;
  /** The declared ReLU'(0) (default 1); 'none' declares nothing. */
  readonly reluPrimeAtZero?: number | 'none';
}

const SIGMA: Record<Activation, (z: number) => number> = {
  relu: (z) => Math.max(z, 0),
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: Math.tanh,
  identity: (z) => z,
};
const SIGMA_PRIME: Record<Activation, (z: number, a: number) => number> = {
  relu: (z) => (z >= 0 ? 1 : 0),
  sigmoid: (_, a) => a * (1 - a),
  tanh: (_, a) => 1 - a * a,
  identity: () => 1,
};

interface Pass {
  readonly z: number[][];
  readonly a: number[][];
}

/** The implementation: `dtype` float32 rounds every input and every operation's result. */
export function faultyImplementation(name: string, faults: Faults = {}, dtype: Dtype = 'float64'): Implementation {
  const round = dtype === 'float32' ? Math.fround : (v: number) => v;
  const sigma = (act: Activation, z: number) => round(faults.sigma ? faults.sigma(act, z) : SIGMA[act](z));
  const prime = (act: Activation, z: number, a: number) => round(faults.sigmaPrime ? faults.sigmaPrime(act, z, a) : SIGMA_PRIME[act](z, a));
  const dot = (u: Vector, v: Vector) => u.reduce((s, ui, i) => round(s + round(ui * v[i]!)), 0);

  /** Eq. 2.12-2.13: z[k − 1] = z^{[k]}, a[k − 1] = a^{[k]}; a^{[r]} = z^{[r]}. */
  function forward(params: NetParams, act: Activation, x: Vector): Pass {
    const z: number[][] = [];
    const a: number[][] = [];
    let input = x.map(round);
    params.W.forEach((W, k) => {
      const zk = W.map((row, i) => round(dot(row.map(round), input) + round(params.b[k]![i]!)));
      const ak = k < params.W.length - 1 ? zk.map((v) => sigma(act, v)) : zk;
      z.push(zk);
      a.push(ak);
      input = ak;
    });
    return { z, a };
  }
  const output = (pass: Pass) => pass.z[pass.z.length - 1]![0]!;
  const loss1 = (o: number, y: number) => round((faults.lossFactor ?? 0.5) * round(round(o - round(y)) ** 2));

  /** Algorithm 5: δ^{[r]} = o − y; ∂W^{[k]} = δ^{[k]} a^{[k−1]ᵀ}, ∂b^{[k]} = δ^{[k]}; δ^{[k−1]} = (W^{[k]ᵀ}δ^{[k]}) ⊙ σ'(z^{[k−1]}). */
  function gradient(params: NetParams, act: Activation, x: Vector, y: number): NetParams {
    const pass = forward(params, act, x);
    const r = params.W.length;
    const W: number[][][] = [];
    const b: number[][] = [];
    let delta = [round(faults.residual ? faults.residual(output(pass), round(y)) : output(pass) - round(y))];
    for (let k = r; k >= 1; k--) {
      const below = k === 1 ? x.map(round) : faults.zForA ? pass.z[k - 2]! : pass.a[k - 2]!;
      W[k - 1] = delta.map((d) => below.map((v) => round(d * v)));
      b[k - 1] = delta;
      if (k > 1) {
        const Wk = params.W[k - 1]!;
        const back = below.map((_, j) => delta.reduce((s, d, i) => round(s + round(round(Wk[i]![j]!) * d)), 0));
        delta = back.map((v, j) => round(v * prime(act, pass.z[k - 2]![j]!, pass.a[k - 2]![j]!)));
      }
    }
    return { W, b };
  }

  function meanGradient(params: NetParams, act: Activation, data: DataSet, batch: readonly number[]): NetParams {
    const gs = batch.map((j) => gradient(params, act, data.X[j]!, data.y[j]!));
    const B = faults.batchDivisor ? faults.batchDivisor(batch.length, data.y.length) : batch.length;
    const mean = (pick: (g: NetParams) => number) => round(gs.reduce((s, g) => round(s + pick(g)), 0) / B);
    return {
      W: params.W.map((Wk, k) => Wk.map((row, i) => row.map((_, j) => mean((g) => g.W[k]![i]![j]!)))),
      b: params.b.map((bk, k) => bk.map((_, i) => mean((g) => g.b[k]![i]!))),
    };
  }

  return {
    name,
    dtype,
    activations: ACTIVATIONS,
    ...(faults.reluPrimeAtZero !== 'none' && { conventions: { reluPrimeAtZero: faults.reluPrimeAtZero ?? 1 } }),
    operations: {
      forward: ({ params, activation, x }) => {
        const pass = forward(params, activation, x);
        return { ...pass, output: output(pass) };
      },
      loss: ({ params, activation, data }) => {
        const perExample = data.X.map((x, i) => loss1(output(forward(params, activation, x)), data.y[i]!));
        const n = faults.lossDivisor ? faults.lossDivisor(perExample.length) : perExample.length;
        return { perExample, mean: round(perExample.reduce((s, v) => round(s + v), 0) / n) };
      },
      gradient: ({ params, activation, x, y }) => {
        const g = gradient(params, activation, x, y);
        return (faults.tamper ? faults.tamper(g) : g) as NetParams;
      },
      meanGradient: ({ params, activation, data, batch }) => meanGradient(params, activation, data, batch),
    },
  };
}

/** g with `delta` added to one entry: W^{[k]} entry (i, j) or b^{[k]} entry i (1-based). */
export function bumped(g: NetParams, which: 'W' | 'b', k: number, element: readonly number[], delta: number): NetParams {
  const [i, j] = element as [number, number?];
  return {
    W: g.W.map((W, l) => W.map((row, p) => row.map((v, q) => (which === 'W' && l === k - 1 && p === i - 1 && q === j! - 1 ? v + delta : v)))),
    b: g.b.map((b, l) => b.map((v, p) => (which === 'b' && l === k - 1 && p === i - 1 ? v + delta : v))),
  };
}

/** σ' replaced by `prime` for one activation, the others' unchanged. */
export function primeOf(which: Activation, prime: (z: number, a: number) => number): NonNullable<Faults['sigmaPrime']> {
  return (activation, z, a) => (activation === which ? prime : SIGMA_PRIME[activation])(z, a);
}

/** ReLU with ReLU'(0) = c: the convention probe's subjects. */
export const reluPrimeAtZero = (c: number) => primeOf('relu', (z) => (z > 0 ? 1 : z === 0 ? c : 0));

/** Runs the one check `id` of `checks` on `impl` (10 random cases unless `options` says otherwise). */
export async function runCheck(impl: Implementation, checks: readonly Check[], id: string, options: RunOptions = {}): Promise<CheckResult> {
  const [result] = await runChecks(
    impl,
    checks.filter((c) => c.id === id),
    { runs: 10, ...options },
  );
  if (result === undefined) throw new Error(`no check '${id}'`);
  return result;
}
