/**
 * Issue 13's "Done when" for the bench, checked on the measured records of one run (the large
 * network, tfjs wasm): accelerated ≥ 15x tfjs-layers trainOnBatch on the same backend; ≥ 80% of
 * the step's own matmul rate on one thread (wasm-single); time(fwd+bwd)/time(fwd) ≤ 3.5 for the
 * accelerated path; accelerated ≥ 0.5x numpy + OpenBLAS (its 2 threads).
 */
import { BACKEND_LABEL, type BackendKey } from './backendKeys.js';
import { stepFlops } from './flops.js';
import { fmt, pct } from './format.js';
import type { ProfileResult } from './profile.js';
import type { BenchRecord } from './report.js';
import type { Implementation } from './results.js';

export interface TargetCheck {
  readonly text: string;
  /** null: not measurable from these records. */
  readonly met: boolean | null;
}

/** The targets' thresholds. */
export const TARGETS = { overLayers: 15, fractionOfOwnMatmul: 0.8, forwardBackwardOverForward: 3.5, overNumpy: 0.5 } as const;

const WASM: readonly BackendKey[] = ['wasm-threaded', 'wasm-single'];

/** Issue 13's targets on the network named `largeName`, with the measured numbers. */
export function targets(records: readonly BenchRecord[], largeName: string, profiles: readonly ProfileResult[] = []): TargetCheck[] {
  const find = (implementation: Implementation, backend: BackendKey): BenchRecord | undefined =>
    records.find((r) => r.network.name === largeName && r.implementation === implementation && r.backend === backend);
  const checks: TargetCheck[] = [];
  for (const backend of WASM) {
    const acc = find('accelerated', backend);
    const layers = find('tfjs-layers', backend);
    if (acc === undefined) continue;
    if (layers !== undefined) {
      const ratio = acc.examplesPerSecond / layers.examplesPerSecond;
      checks.push({
        met: ratio >= TARGETS.overLayers,
        text: `${BACKEND_LABEL[backend]}: accelerated / tfjs-layers trainOnBatch = ${fmt(acc.examplesPerSecond)} / ${fmt(layers.examplesPerSecond)} examples/s = ${fmt(ratio)}x (target >= ${TARGETS.overLayers}x)`,
      });
    }
    if (backend === 'wasm-single') {
      const { fractionOfLayerShaped: f, fractionOfSquare: s, layerShapedMatmulGflops: l, squareMatmul: q } = acc.roofline;
      // The step's own products with new operands, as a step has them (profile.ts): the rate a step can reach.
      const profile = profiles.find((p) => p.backend === backend && p.profile.network.name === largeName)?.profile;
      const cold = profile === undefined ? null : stepFlops(profile.network.sizes, profile.network.batch).matmul / profile.productsAlone.coldMs / 1e6;
      const fCold = cold === null ? null : acc.gflops / cold;
      checks.push({
        met: fCold === null ? null : fCold >= TARGETS.fractionOfOwnMatmul,
        text: `${BACKEND_LABEL[backend]} (one thread): ${fmt(acc.gflops)} GFLOP/s = ${pct(fCold)} of the step's own matmuls with new operands as in a step (${fmt(cold)} GFLOP/s, the per-kernel profile's "cold"); ${pct(f)} of them with operands packed before (${fmt(l)} GFLOP/s), ${pct(s)} of the ${q?.size ?? '?'}^3 matmul (${fmt(q?.gflops)} GFLOP/s) (target >= ${pct(TARGETS.fractionOfOwnMatmul)} of the first)`,
      });
    }
    checks.push({
      met: acc.forwardBackwardOverForward <= TARGETS.forwardBackwardOverForward,
      text: `${BACKEND_LABEL[backend]}: accelerated time(fwd+bwd)/time(fwd) = ${fmt(acc.forwardBackwardMs)} / ${fmt(acc.forwardMs)} ms = ${fmt(acc.forwardBackwardOverForward)} (target <= ${TARGETS.forwardBackwardOverForward})`,
    });
  }
  const numpy = records.find((r) => r.network.name === largeName && r.implementation === 'numpy');
  const fastest = WASM.map((b) => find('accelerated', b))
    .filter((r): r is BenchRecord => r !== undefined)
    .sort((a, b) => b.examplesPerSecond - a.examplesPerSecond)[0];
  if (numpy !== undefined && fastest !== undefined) {
    const ratio = fastest.examplesPerSecond / numpy.examplesPerSecond;
    checks.push({
      met: ratio >= TARGETS.overNumpy,
      text: `accelerated on ${fastest.backendLabel} (the faster wasm) / numpy + OpenBLAS (${numpy.threads} threads) = ${fmt(fastest.examplesPerSecond)} / ${fmt(numpy.examplesPerSecond)} examples/s = ${fmt(ratio)}x (target >= ${TARGETS.overNumpy}x)`,
    });
  }
  if (checks.length === 0)
    checks.push({ met: null, text: `no accelerated wasm row on the ${largeName} network: run with --backends wasm-single,wasm-threaded,numpy` });
  return checks;
}
