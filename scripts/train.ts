/**
 * `npm run train -- --backend cpu|wasm [--iterations N]`: the housing example of Section 2 (a 4-3-1
 * ReLU network, eq. 2.4 + 2.3) trained by mini-batch SGD (Algorithm 2) on the accelerated path
 * (tfjs, float32) and by the reference (mathjs, float64) from the same θ0 with the same seed, so
 * both see the same batches: their losses should overlap to float32 accuracy.
 */
import { createTrainer } from '../accelerated/trainer.js';
import { releaseWasm, useNodeBackend } from '../accelerated/node/backends.js';
import type { BackendName } from '../accelerated/scenario.types.js';
import { columnVector, toRows } from '../reference/matrix.js';
import { initializeParams } from '../reference/network.js';
import { minibatchSgd } from '../reference/optimizers.js';
import { toRowMajor } from '../reference/rowMajor.js';
import { createRng } from '../reference/sampler.js';
import { housingData } from './lib/housingData.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const backend = option('backend', 'wasm') as BackendName;
const nIter = Number(option('iterations', '1500'));
const SEED = 229;
const options = { alpha: 0.01, B: 8, nIter, seed: SEED };
const houses = housingData(200, SEED);
const theta0 = initializeParams([4, 3, 1], createRng(SEED));
const rowMajor = toRowMajor(theta0);

try {
  const running = await useNodeBackend(backend);
  const trainer = createTrainer(
    { W: rowMajor.W.map((W) => toRows(W) as number[][]), b: rowMajor.b.map((b) => (toRows(b)[0] ?? []) as number[]) },
    { X: houses.map((h) => h.features), y: houses.map((h) => h.price) },
    'relu',
  );
  console.log(`Housing example, 4-3-1 ReLU, mini-batch SGD α = ${options.alpha}, B = ${options.B}, n_iter = ${nIter}, seed ${SEED}`);
  let started = performance.now();
  const accelerated = await trainer.minibatchSgd(options);
  const acceleratedSeconds = (performance.now() - started) / 1000;
  trainer.dispose();
  started = performance.now();
  const reference = minibatchSgd(theta0, houses.map((h) => ({ x: columnVector(h.features), y: h.price })), options);
  const referenceSeconds = (performance.now() - started) / 1000;
  console.log(`iteration  J(θ) accelerated (${running}, float32)  J(θ) reference (float64)`);
  for (const i of [0, 9, 99, 499, 999, 1499, nIter - 1].filter((i, k, all) => i < nIter && all.indexOf(i) === k)) {
    console.log(`${String(i + 1).padStart(9)}  ${accelerated.losses[i]!.toFixed(6).padStart(31)}  ${Number(reference.losses[i]).toFixed(6).padStart(24)}`);
  }
  console.log(`same batches: ${JSON.stringify(accelerated.indices) === JSON.stringify(reference.indices)}; accelerated ${acceleratedSeconds.toFixed(2)} s, reference ${referenceSeconds.toFixed(2)} s`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
} finally {
  releaseWasm();
}
