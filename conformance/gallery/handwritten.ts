/**
 * A hand-written network over plain arrays (the interface's orientation: W^{[k]} as m_k rows of
 * m_{k−1} numbers), with a hook at each place where real implementations go wrong. With
 * CORRECT_HOOKS it computes eq. 2.12-2.13 and Algorithm 5 as corrected, and must pass every check
 * (gallery.test.ts); a gallery entry changes one hook. σ and σ' are the reference's
 * (reference/activations.ts) on plain numbers.
 */
import { transpose } from '../../numerics/plain.js';
import { activationByName } from '../../reference/activations.js';
import type { Activation, ForwardBatchRequest, ForwardBatchResult, ForwardResult, Matrix, NetParams, Vector } from '../core/interface.js';
import type { Parts } from './compose.js';
import { mapParams } from './params.js';

export interface Hooks {
  /** Applied to every input and to the result of every operation (identity: float64). */
  readonly round: (v: number) => number;
  /** σ'(z) as line 4 of Algorithm 5 uses it, given z^{[k]} and a^{[k]} = σ(z^{[k]}) (eq. 3.15). */
  readonly sigmaPrime: (activation: Activation, z: number, a: number) => number;
  /** Whether layer r applies σ too (eq. 2.12: it is linear, h_θ(x) = z^{[r]}). */
  readonly activateOutput: boolean;
  /** Line 4 multiplies δ^{[k+1]} by W^{[k+1]ᵀ} (true, eq. 3.12) or by W^{[k+1]}. */
  readonly transposeInLine4: boolean;
  /** Eq. 4.1's b^{[k]} 1ᵀ adds b_i to unit i (false) or b_j to example j (true: the wrong axis). */
  readonly biasAlongExamples: boolean;
}

export const CORRECT_HOOKS: Hooks = {
  round: (v) => v,
  sigmaPrime: (activation, z) => Number(activationByName(activation).sigmaPrime(z)),
  activateOutput: false,
  transposeInLine4: true,
  biasAlongExamples: false,
};

type Mat = number[][];

/** Plain network arithmetic under one set of hooks. */
export class Handwritten {
  constructor(readonly hooks: Hooks) {}

  private readonly r = (v: number): number => this.hooks.round(v);
  private sigma(activation: Activation, z: number): number {
    return this.r(Number(activationByName(activation).sigma(z)));
  }

  /** Σ_j M[i][j] v[j] for each row i, accumulated in order; a shape mismatch throws as a matrix library would. */
  private matVec(M: Matrix, v: Vector, what: string): number[] {
    const cols = M[0]?.length ?? 0;
    if (cols !== v.length) throw new RangeError(`${what}: cannot multiply a ${M.length}x${cols} matrix by a vector of ${v.length}`);
    return M.map((row) => row.reduce((s, w, j) => this.r(s + this.r(w * v[j]!)), 0));
  }

  private rounded(params: NetParams): NetParams {
    return mapParams(params, this.r);
  }

  /** Eq. 2.12-2.13: z^{[k]} = W^{[k]} a^{[k−1]} + b^{[k]}, a^{[k]} = σ(z^{[k]}) for k < r, a^{[r]} = z^{[r]}. */
  forward(params: NetParams, activation: Activation, x: Vector): ForwardResult {
    const theta = this.rounded(params);
    const r = theta.W.length;
    const z: number[][] = [];
    const a: number[][] = [];
    let input = x.map(this.r);
    for (let k = 1; k <= r; k++) {
      const zk = this.matVec(theta.W[k - 1]!, input, `eq. 2.12 layer ${k}`).map((v, i) => this.r(v + theta.b[k - 1]![i]!));
      const ak = k < r || this.hooks.activateOutput ? zk.map((v) => this.sigma(activation, v)) : zk;
      z.push(zk);
      a.push(ak);
      input = ak;
    }
    return { z, a, output: a[r - 1]![0]! };
  }

  /** Algorithm 5: δ^{[r]} = a^{[r]} − y; δ^{[k]} = (W^{[k+1]ᵀ}δ^{[k+1]}) ⊙ σ'(z^{[k]}); ∂J/∂W^{[k]} = δ^{[k]} a^{[k−1]ᵀ}, ∂J/∂b^{[k]} = δ^{[k]}. */
  gradient(params: NetParams, activation: Activation, x: Vector, y: number): NetParams {
    const theta = this.rounded(params);
    const { z, a, output } = this.forward(theta, activation, x);
    const r = theta.W.length;
    const inputs = [x.map(this.r), ...a];
    const dW: Mat[] = [];
    const db: number[][] = [];
    let delta = [this.r(output - this.r(y))];
    for (let k = r; k >= 1; k--) {
      dW[k - 1] = delta.map((d) => inputs[k - 1]!.map((v) => this.r(d * v)));
      db[k - 1] = delta;
      if (k === 1) break;
      const W = theta.W[k - 1]!;
      const back = this.matVec(this.hooks.transposeInLine4 ? transpose(W) : W, delta, `Algorithm 5 line 4 (k = ${k - 1})`);
      delta = back.map((v, i) => this.r(v * this.r(this.hooks.sigmaPrime(activation, z[k - 2]![i]!, a[k - 2]![i]!))));
    }
    return { W: dW, b: db };
  }

  /** Eq. 4.1-4.4: Z^{[k]} = W^{[k]} A^{[k−1]} + b^{[k]} 1ᵀ (columns) or A^{[k−1]} W^{[k]ᵀ} + 1 b^{[k]ᵀ} (rows). */
  forwardBatch({ params, activation, X, layout }: ForwardBatchRequest): ForwardBatchResult {
    const theta = this.rounded(params);
    const r = theta.W.length;
    // Work example by example (rows), then lay out as asked.
    let A: Mat = (layout === 'rows' ? X : transpose(X)).map((row) => row.map(this.r));
    const Z: Mat[] = [];
    const As: Mat[] = [];
    for (let k = 1; k <= r; k++) {
      const b = theta.b[k - 1]!;
      // rows[e][i] = z_i of example e; the bias is b_i (unit i), or wrongly b_e (example e).
      const rows = A.map((x, e) => this.matVec(theta.W[k - 1]!, x, `eq. 4.2 layer ${k}`).map((v, i) => this.r(v + b[this.hooks.biasAlongExamples ? e : i]!)));
      A = k < r || this.hooks.activateOutput ? rows.map((row) => row.map((v) => this.sigma(activation, v))) : rows;
      Z.push(rows);
      As.push(A);
    }
    const out = (M: Mat): Mat => (layout === 'rows' ? M : transpose(M));
    return { Z: Z.map(out), A: As.map(out) };
  }

  /** Every part the hooks touch (the loss and the steps round too, so a rounding hook applies everywhere). */
  parts(): Partial<Parts> {
    const r = this.r;
    return {
      forward: (params, activation, x) => this.forward(params, activation, x),
      gradient: (params, activation, x, y) => this.gradient(params, activation, x, y),
      forwardBatch: (request) => this.forwardBatch(request),
      exampleLoss: (o, y) => r(r(0.5 * r(o - r(y))) * r(o - r(y))),
      datasetLoss: (perExample) => r(perExample.reduce((s, J) => r(s + J), 0) / perExample.length),
      mean: (gradients) =>
        mapParams(
          gradients.reduce((s, g) => mapParams(s, (v, _, w) => r(v + w!), g)),
          (v) => r(v / gradients.length),
        ),
      update: (params, g, c) => mapParams(params, (v, _, gv) => r(r(v) - r(r(c) * gv!)), g),
    };
  }
}

/** The parts of a hand-written network with CORRECT_HOOKS except `change`. */
export function handwritten(change: Partial<Hooks>): Partial<Parts> {
  return new Handwritten({ ...CORRECT_HOOKS, ...change }).parts();
}
