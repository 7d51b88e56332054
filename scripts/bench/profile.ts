/**
 * The per-kernel profile of one accelerated SGD step (`npm run bench -- --profile`): where the time
 * of Trainer.step goes on a tfjs backend, kernel by kernel (tf.profile; on cpu and wasm a kernel
 * runs inside its call, so its time is wall time), grouped into the step's matrix products, the
 * transposes they need, and the entry-wise rest. Beside it, the same products timed alone twice:
 * with operands tfjs has seen before (warm: the wasm backend keeps XNNPACK's packed copy of a
 * right-hand operand per tensor) and with operands new to it, as every operand of a training step
 * is (cold: θ, Δ and the transposes are new tensors at each step, so each product packs its
 * right-hand operand again). Cold is the rate a step can reach; warm − cold is the packing.
 */
import * as tf from '@tensorflow/tfjs';
import { createTrainer } from '../../accelerated/trainer.js';
import type { BackendKey } from './backendKeys.js';
import type { BenchData, NetworkSpec } from './data.js';
import { matmulShapes } from './flops.js';
import type { BackendStart } from './results.js';
import { median } from './timing.js';

/** Profile the accelerated step on `backend` with the bench data written to `dataDir`. */
export interface ProfileJob {
  readonly kind: 'profile';
  readonly backend: BackendKey;
  readonly dataDir: string;
}

export interface ProfileResult {
  readonly kind: 'profile';
  readonly backend: BackendKey;
  readonly start: BackendStart;
  readonly profile: StepProfile;
}

/** One kernel of the step: its name and input shapes, calls per step and ms per step. */
export interface KernelTime {
  readonly kernel: string;
  readonly shapes: string;
  readonly calls: number;
  readonly ms: number;
}

export type KernelGroup = 'matmul' | 'transpose' | 'entry-wise' | 'other';

export interface StepProfile {
  readonly network: NetworkSpec;
  /** Median ms of one unprofiled Trainer.step over `steps` steps. */
  readonly stepMs: number;
  /** Kernels by descending time, medians over the profiled steps. */
  readonly kernels: readonly KernelTime[];
  readonly groups: Readonly<Record<KernelGroup, number>>;
  /** The step's products (flops.ts#matmulShapes) timed alone, ms: operands packed before, and new ones. */
  readonly productsAlone: { readonly warmMs: number; readonly coldMs: number };
}

const ENTRY_WISE = new Set(['Add', 'Sub', 'Multiply', 'RealDiv', 'Neg', 'Step', 'Relu', 'Sigmoid', 'Tanh', 'Square', 'Cast', 'GreaterEqual']);

export function groupOf(kernel: string): KernelGroup {
  if (kernel === 'BatchMatMul' || kernel === '_FusedMatMul') return 'matmul';
  if (kernel === 'Transpose') return 'transpose';
  return ENTRY_WISE.has(kernel) ? 'entry-wise' : 'other';
}

/** Per kernel (name and shapes) the median over `runs` of its ms within one run of `fn`. */
async function kernelTimes(fn: () => void, runs: number): Promise<KernelTime[]> {
  const perRun: Map<string, { calls: number; ms: number }>[] = [];
  for (let i = 0; i < runs; i++) {
    const info = await tf.profile(fn);
    const byKernel = new Map<string, { calls: number; ms: number }>();
    for (const k of info.kernels) {
      const key = `${k.name} ${JSON.stringify(k.inputShapes)}`;
      const e = byKernel.get(key) ?? { calls: 0, ms: 0 };
      byKernel.set(key, { calls: e.calls + 1, ms: e.ms + (k.kernelTimeMs as number) });
    }
    perRun.push(byKernel);
  }
  const keys = [...new Set(perRun.flatMap((m) => [...m.keys()]))];
  return keys
    .map((key) => {
      const [kernel, shapes] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
      return { kernel, shapes, calls: perRun[0]!.get(key)?.calls ?? 0, ms: median(perRun.map((m) => m.get(key)?.ms ?? 0)) };
    })
    .sort((a, b) => b.ms - a.ms);
}

/** Ms of the BatchMatMul kernels of `products`, operands made before (and packed by a first call) or new each run. */
async function productsAlone(products: readonly [number, number, number][], runs: number): Promise<{ warmMs: number; coldMs: number }> {
  const make = (): [tf.Tensor2D, tf.Tensor2D][] => products.map(([p, q, s]) => [tf.randomUniform([p, q], -1, 1), tf.randomUniform([q, s], -1, 1)]);
  const matmulMs = async (operands: () => [tf.Tensor2D, tf.Tensor2D][]): Promise<number> =>
    (
      await kernelTimes(() => {
        tf.tidy(() => {
          for (const [a, b] of operands()) tf.matMul(a, b);
        });
      }, runs)
    )
      .filter((k) => k.kernel === 'BatchMatMul')
      .reduce((sum, k) => sum + k.ms, 0);
  const kept = make();
  try {
    tf.tidy(() => kept.forEach(([a, b]) => tf.matMul(a, b)));
    return { warmMs: await matmulMs(() => kept), coldMs: await matmulMs(make) };
  } finally {
    tf.dispose(kept.flat());
  }
}

/** Profiles Trainer.step on all B rows of the bench data (ReLU), on the active tfjs backend. */
export async function profileStep(data: BenchData, runs = 9): Promise<StepProfile> {
  const { sizes, batch: B } = data.network;
  const rows = (flat: Float32Array, m: number, n: number): number[][] => Array.from({ length: m }, (_, i) => Array.from(flat.subarray(i * n, (i + 1) * n)));
  const trainer = createTrainer(
    { W: data.W.map((Wk, k) => rows(Wk, sizes[k]!, sizes[k + 1]!)), b: data.b.map((bk) => Array.from(bk)) },
    { X: rows(data.X, B, sizes[0]!), y: Array.from(data.y) },
    'relu',
  );
  try {
    const all = Array.from({ length: B }, (_, i) => i);
    const step = (): void => trainer.step(all, data.alpha);
    for (let i = 0; i < 3; i++) step();
    const stepTimes = Array.from({ length: runs }, () => {
      const t0 = performance.now();
      step();
      return performance.now() - t0;
    });
    const kernels = await kernelTimes(step, runs);
    const groups: Record<KernelGroup, number> = { matmul: 0, transpose: 0, 'entry-wise': 0, other: 0 };
    for (const k of kernels) groups[groupOf(k.kernel)] += k.ms;
    return { network: data.network, stepMs: median(stepTimes), kernels, groups, productsAlone: await productsAlone(matmulShapes(sizes, B), runs) };
  } finally {
    trainer.dispose();
  }
}

const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(0)}%`;

/** The profile as text: the kernels, the groups, and the products alone warm and cold. */
export function formatProfile(label: string, p: StepProfile): string {
  const { sizes, batch } = p.network;
  const sum = Object.values(p.groups).reduce((a, b) => a + b, 0);
  const lines = [
    `per-kernel profile: accelerated Trainer.step on ${label}, ${p.network.name} ${sizes.join('-')} B=${batch}: step ${p.stepMs.toFixed(2)} ms (unprofiled median), kernels ${sum.toFixed(2)} ms`,
    '  ms/step  share  calls  kernel  input shapes',
    ...p.kernels
      .filter((k) => k.ms >= 0.01)
      .map((k) => `  ${k.ms.toFixed(3).padStart(7)}  ${pct(k.ms, sum).padStart(5)}  ${String(k.calls).padStart(5)}  ${k.kernel}  ${k.shapes}`),
    `  groups: ${(Object.entries(p.groups) as [KernelGroup, number][]).map(([g, ms]) => `${g} ${ms.toFixed(2)} ms (${pct(ms, sum)})`).join(', ')}`,
    `  the step's products alone: ${p.productsAlone.warmMs.toFixed(2)} ms with operands packed before (warm), ${p.productsAlone.coldMs.toFixed(2)} ms with new operands (cold, as in a step); in the step ${p.groups.matmul.toFixed(2)} ms`,
  ];
  return lines.join('\n');
}
