/**
 * The housing example of Section 2 trained twice from the same θ0 on the same batches: by the
 * accelerated path (tfjs, float32, on whatever backend is current) and by the reference (mathjs,
 * float64). `npm run train` prints it, figure loss-curves.svg plots it. A 4-3-1 ReLU network
 * (eq. 2.4 + 2.3), mini-batch SGD (Algorithm 2); the batches are drawn once by the reference's
 * sampler (line 4) and replayed by both, a chunk at a time so a progress bar can follow.
 */
import { createTrainer } from '../../accelerated/trainer.js';
import { columnVector, toRows } from '../../reference/matrix.js';
import { initializeParams, type Params } from '../../reference/network.js';
import { type Example, trainOnBatches } from '../../reference/optimizers.js';
import { toRowMajor } from '../../reference/rowMajor.js';
import { createRng, sampleWithoutReplacement } from '../../reference/sampler.js';
import { type HousingExample, housingData } from './housingData.js';

/** Algorithm 2 line 1's hyperparameters and the seed of the data, θ0 and the sampler. */
export const HOUSING_RUN = { sizes: [4, 3, 1], n: 200, seed: 229, alpha: 0.01, B: 8 } as const;

/** Iterations per chunk: the granularity of progress reports (each chunk reads the losses back once). */
const CHUNK = 25;

export interface HousingRun {
  /** The 0-based batches j_1..j_B of each iteration, shared by both runs. */
  readonly batches: number[][];
  /** J(θ) of eq. 1.2 on all n examples after each iteration. */
  readonly accelerated: number[];
  readonly reference: number[];
  readonly acceleratedSeconds: number;
  readonly referenceSeconds: number;
}

/** Called after each chunk: which run, and how many of its nIter iterations are done. */
export type OnIterations = (run: 'accelerated' | 'reference', done: number) => void;

/** Algorithm 2 line 4 repeated nIter times: sampleWithoutReplacement(rng, n, B) from createRng(seed). */
export function housingBatches(nIter: number): number[][] {
  const rng = createRng(HOUSING_RUN.seed);
  return Array.from({ length: nIter }, () => sampleWithoutReplacement(rng, HOUSING_RUN.n, HOUSING_RUN.B));
}

function chunks<T>(list: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, c) => list.slice(c * CHUNK, (c + 1) * CHUNK));
}

/** The data set (housingData(n, seed)) and θ0 (initializeParams from createRng(seed)). */
export function housingProblem(): { houses: HousingExample[]; theta0: Params } {
  const { sizes, n, seed } = HOUSING_RUN;
  return { houses: housingData(n, seed), theta0: initializeParams(sizes, createRng(seed)) };
}

/** Trains both paths for nIter iterations (the accelerated path on tfjs's current backend). */
export async function trainHousing(nIter: number, onIterations: OnIterations = () => {}): Promise<HousingRun> {
  const { alpha } = HOUSING_RUN;
  const { houses, theta0 } = housingProblem();
  const batches = housingBatches(nIter);

  let started = performance.now();
  const rows = toRowMajor(theta0);
  const trainer = createTrainer(
    { W: rows.W.map((W) => toRows(W) as number[][]), b: rows.b.map((b) => (toRows(b)[0] ?? []) as number[]) },
    { X: houses.map((h) => h.features), y: houses.map((h) => h.price) },
    'relu',
  );
  const accelerated: number[] = [];
  try {
    for (const chunk of chunks(batches)) {
      accelerated.push(...(await trainer.trainOnBatches(chunk, alpha)).losses);
      onIterations('accelerated', accelerated.length);
    }
  } finally {
    trainer.dispose();
  }
  const acceleratedSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const examples: Example[] = houses.map((h) => ({ x: columnVector(h.features), y: h.price }));
  let theta: Params = theta0;
  const reference: number[] = [];
  for (const chunk of chunks(batches)) {
    const run = trainOnBatches(theta, examples, chunk, alpha, 'relu');
    theta = run.theta;
    reference.push(...run.losses.map(Number));
    onIterations('reference', reference.length);
  }
  return { batches, accelerated, reference, acceleratedSeconds, referenceSeconds: (performance.now() - started) / 1000 };
}
