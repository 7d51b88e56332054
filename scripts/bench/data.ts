/**
 * The one data set and θ every implementation of the bench trains on (dataFiles.ts writes it to raw
 * float32 files so the Node children and the numpy child read the very same numbers; the bench
 * page, scripts/bench/pageEntry.ts, draws it again from the same seed). Browser-safe: no node: imports.
 * θ is drawn like reference/network.ts#initializeParams (W^{[k]} row by row, then b^{[k]}, uniform in
 * [−1/√m_{k−1}, 1/√m_{k−1})), then stored row-major (eq. 4.4): W[k] = W^{[k]ᵀ} is m_{k−1}×m_k.
 * X (B×d) is uniform in [−1, 1); y_i = mean of row i plus a little noise.
 */
import { createRng, uniform01 } from '../../reference/sampler.js';

export interface NetworkSpec {
  /** 'small' or 'large' (the table's name for it). */
  readonly name: string;
  /** [d, m_1, ..., m_r], m_r = 1. */
  readonly sizes: readonly number[];
  /** B, the examples in one SGD step. */
  readonly batch: number;
}

export interface BenchData {
  readonly network: NetworkSpec;
  readonly alpha: number;
  /** B×d, row-major. */
  readonly X: Float32Array;
  /** B targets. */
  readonly y: Float32Array;
  /** W[k − 1] = W^{[k]ᵀ}, m_{k−1}×m_k row-major. */
  readonly W: Float32Array[];
  /** b[k − 1] = b^{[k]ᵀ}, m_k entries. */
  readonly b: Float32Array[];
}

/** The learning rate α of the timed steps: small enough that θ stays tame over many steps. */
export const BENCH_ALPHA = 1e-3;

export function makeBenchData(network: NetworkSpec, seed: number): BenchData {
  const rng = createRng(seed);
  const { sizes, batch: B } = network;
  const W: Float32Array[] = [];
  const b: Float32Array[] = [];
  for (let k = 1; k < sizes.length; k++) {
    const fanIn = sizes[k - 1]!;
    const mk = sizes[k]!;
    const draw = (): number => (2 * uniform01(rng) - 1) / Math.sqrt(fanIn);
    const Wk = new Float32Array(fanIn * mk);
    for (let j = 0; j < mk; j++) for (let l = 0; l < fanIn; l++) Wk[l * mk + j] = draw();
    W.push(Wk);
    b.push(Float32Array.from({ length: mk }, draw));
  }
  const d = sizes[0]!;
  const X = Float32Array.from({ length: B * d }, () => 2 * uniform01(rng) - 1);
  const y = new Float32Array(B);
  for (let i = 0; i < B; i++) {
    let s = 0;
    for (let l = 0; l < d; l++) s += X[i * d + l]!;
    y[i] = s / d + 0.1 * (2 * uniform01(rng) - 1);
  }
  return { network, alpha: BENCH_ALPHA, X, y, W, b };
}

/** The seed of every bench data set: the Node children, the numpy child and the bench page draw the same numbers. */
export const BENCH_SEED = 229;
