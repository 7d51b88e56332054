/**
 * The one data set and θ every implementation of the bench trains on, written once to raw float32
 * files so the Node children and the numpy child read the very same numbers.
 * θ is drawn like reference/network.ts#initializeParams (W^{[k]} row by row, then b^{[k]}, uniform in
 * [−1/√m_{k−1}, 1/√m_{k−1})), then stored row-major (eq. 4.4): W[k] = W^{[k]ᵀ} is m_{k−1}×m_k.
 * X (B×d) is uniform in [−1, 1); y_i = mean of row i plus a little noise.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng, uniform01 } from '../../reference/sampler.js';
import { matmulShapes } from './flops.js';

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

interface Meta {
  readonly network: NetworkSpec;
  readonly alpha: number;
  /** The step's matrix products [p, q, s], for the numpy child's layer-shaped roofline. */
  readonly matmulShapes: [number, number, number][];
}

function writeF32(file: string, a: Float32Array): void {
  writeFileSync(file, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

function readF32(file: string, length: number): Float32Array {
  const bytes = readFileSync(file);
  if (bytes.byteLength !== 4 * length) throw new Error(`${file}: expected ${length} float32 values, got ${bytes.byteLength} bytes`);
  const out = new Float32Array(length);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** Writes meta.json, X.f32, y.f32, W1.f32.., b1.f32.. (little-endian float32) into `dir`. */
export function writeBenchData(dir: string, data: BenchData): void {
  mkdirSync(dir, { recursive: true });
  const meta: Meta = { network: data.network, alpha: data.alpha, matmulShapes: matmulShapes(data.network.sizes, data.network.batch) };
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
  writeF32(join(dir, 'X.f32'), data.X);
  writeF32(join(dir, 'y.f32'), data.y);
  data.W.forEach((Wk, k) => writeF32(join(dir, `W${k + 1}.f32`), Wk));
  data.b.forEach((bk, k) => writeF32(join(dir, `b${k + 1}.f32`), bk));
}

export function readBenchData(dir: string): BenchData {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
  const { sizes, batch } = meta.network;
  const r = sizes.length - 1;
  return {
    network: meta.network,
    alpha: meta.alpha,
    X: readF32(join(dir, 'X.f32'), batch * sizes[0]!),
    y: readF32(join(dir, 'y.f32'), batch),
    W: Array.from({ length: r }, (_, k) => readF32(join(dir, `W${k + 1}.f32`), sizes[k]! * sizes[k + 1]!)),
    b: Array.from({ length: r }, (_, k) => readF32(join(dir, `b${k + 1}.f32`), sizes[k + 1]!)),
  };
}
