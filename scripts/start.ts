/**
 * `npm start`: the spec coverage table, then the housing example of Section 2 trained with the
 * reference: the fully-connected network of eq. 2.4 + 2.3 (4 inputs, 3 hidden ReLU units, one
 * linear output) fitted by mini-batch SGD (Algorithm 2) on a seeded housing-like data set.
 */
import { columnVector } from '../reference/matrix.js';
import { initializeParams, predict } from '../reference/network.js';
import { minibatchSgd, type Example } from '../reference/optimizers.js';
import { createRng } from '../reference/sampler.js';
import { housingData } from './lib/housingData.js';
import { coverageRows, formatCoverageTable, isCovered } from './lib/specCoverage.js';

const rows = coverageRows();
console.log('Spec coverage (every statement of the notes, its implementation, its tests)\n');
console.log(formatCoverageTable(rows));

const SEED = 229;
const data: Example[] = housingData(200, SEED).map(({ features, price }) => ({ x: columnVector(features), y: price }));
const theta0 = initializeParams([4, 3, 1], createRng(SEED));
const options = { alpha: 0.01, B: 8, nIter: 1500, seed: SEED, activation: 'relu' } as const;

console.log(`\nHousing example of Section 2: a 4-3-1 ReLU network (eq. 2.4 + 2.3), ${data.length} houses,`);
console.log(`mini-batch SGD (Algorithm 2) with α = ${options.alpha}, B = ${options.B}, n_iter = ${options.nIter}, seed ${SEED}.`);
const started = performance.now();
const run = minibatchSgd(theta0, data, options);
const seconds = (performance.now() - started) / 1000;
for (const i of [0, 9, 99, 499, 999, options.nIter - 1]) {
  console.log(`  after iteration ${String(i + 1).padStart(4)}: J(θ) = ${Number(run.losses[i]).toFixed(5)}  (eq. 1.2)`);
}
const mean = data.reduce((s, e) => s + Number(e.y), 0) / data.length;
const baseline = data.reduce((s, e) => s + 0.5 * (Number(e.y) - mean) ** 2, 0) / data.length;
console.log(`  (predicting the mean price for every house gives J = ${baseline.toFixed(5)})`);
const first = data[0]!;

console.log(`  house 1: features ${JSON.stringify(first.x.toArray().flat().map((v) => Number(Number(v).toFixed(2))))}, price ${Number(first.y).toFixed(3)}, predicted ${Number(predict(run.theta, first.x)).toFixed(3)}`);
console.log(`  trained in ${seconds.toFixed(1)} s`);

process.exitCode = rows.every(isCovered) ? 0 : 1;
