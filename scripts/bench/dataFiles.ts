/**
 * The bench data (data.ts) as files: meta.json and little-endian float32 arrays in one directory,
 * so the Node children (jobs.ts) and the numpy child (numpy_step.py) read the very same numbers.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchData, NetworkSpec } from './data.js';
import { matmulShapes } from './flops.js';

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
