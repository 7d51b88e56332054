/**
 * Worked examples of Section 1: the least-squares cost (eq. 1.1-1.2), the example model, gradient
 * descent (eq. 1.3), SGD (Algorithm 1, eq. 1.4) and mini-batch SGD (Algorithm 2, eq. 1.5), on the
 * 2-2-1 ReLU network and the three examples of networks.ts.
 */
import type { ActivationName } from '../../../reference/activations.js';
import { backprop } from '../../../reference/backprop.js';
import { linearHypothesis } from '../../../reference/hypothesis.js';
import { datasetLoss, scaledCost, squaredLoss } from '../../../reference/loss.js';
import { initializeParams, layerSizes, type Params, predict } from '../../../reference/network.js';
import { type Matrix, math } from '../../../reference/numeric.js';
import { expectDataset } from '../../../reference/optimizerInputs.js';
import { datasetCost, type Example, gdStep, meanGradient, minibatchSgd, minibatchStep, sgd, sgdStep } from '../../../reference/optimizers.js';
import { createRng } from '../../../reference/sampler.js';
import { squaresModel, squaresModelGradient } from '../../../reference/squaresModel.js';
import { networkName, sizesName } from './naming.js';
import { ALPHA, col, DATA, SEED, TWO_LAYER, X } from './networks.js';
import { layerName, paramSteps } from './params.js';
import { type ExampleGroup, q, type Step, text, type WorkedExample } from './worked.js';

const THETA = layerName();
const n = DATA.length;

/** The data set, one x^{(i)} and y^{(i)} per example. */
function dataSteps(data: readonly Example[] = DATA): Step[] {
  return data.flatMap((e, i) => [q(`x^{(${i + 1})}`, e.x), q(`y^{(${i + 1})}`, e.y)]);
}

/** ∇_θ J^{(i)}(θ) of example index i of `data` by Algorithm 5, printed layer by layer. */
function exampleGradientSteps(theta: Params, i: number, data: readonly Example[] = DATA, activation: ActivationName = 'relu'): Step[] {
  const e = data[i]!;
  return paramSteps(backprop(theta, e.x, e.y, activation).gradient, layerName(`∂J^{(${i + 1})}/∂`));
}

/** Eq. 1.1-1.2 on a network and data set (default the 2-2-1 ReLU network on the three examples). */
export function lossExample(theta: Params = TWO_LAYER, data: readonly Example[] = DATA, activation: ActivationName = 'relu'): WorkedExample {
  const n = expectDataset('eq. 1.2', layerSizes(theta)[0]!, data);
  const perExample = data.map((e) => squaredLoss(predict(theta, e.x, activation), e.y));
  return {
    title: `The cost of the ${networkName(theta, activation)} network on n = ${n} examples`,
    steps: [
      ...paramSteps(theta, THETA),
      ...data.flatMap((e, i) => [
        q(`x^{(${i + 1})}`, e.x),
        q(`y^{(${i + 1})}`, e.y),
        q(`h_θ(x^{(${i + 1})})`, predict(theta, e.x, activation), { how: 'eq. 2.12' }),
        q(`J^{(${i + 1})}(θ)`, perExample[i]!, { how: `½(h_θ(x^{(${i + 1})}) − y^{(${i + 1})})²`, ids: ['1.1'] }),
      ]),
      q('J(θ)', datasetLoss(perExample), { how: `(1/${n}) Σ_i J^{(i)}(θ)`, ids: ['1.2'] }),
    ],
  };
}

export function hypothesisExample(): WorkedExample {
  const [theta, other] = [col(0.5, -1), col(0.25, 2)];
  const combined = math.subtract(math.multiply(2, theta), other) as Matrix;
  const doubled: Params = { W: TWO_LAYER.W.map((W) => math.multiply(2, W) as Matrix), b: TWO_LAYER.b.map((b) => math.multiply(2, b) as Matrix) };
  const ids = ['1/linear-in-theta'];
  return {
    title: 'The hypothesis h_θ(x): one real number per example; θᵀx is linear in θ, the 2-2-1 network is not',
    steps: [
      ...DATA.flatMap((e, i) => [
        q(`x^{(${i + 1})}`, e.x, { ids: ['1/hypothesis'] }),
        q(`y^{(${i + 1})}`, e.y, { ids: ['1/hypothesis'] }),
        q(`h_θ(x^{(${i + 1})})`, predict(TWO_LAYER, e.x), { how: 'the 2-2-1 network of eq. 2.12: one real number', ids: ['1/hypothesis'] }),
      ]),
      q('θ', theta),
      q('θ′', other),
      q('x', X),
      q('θᵀx', linearHypothesis(theta, X), { ids }),
      q('θ′ᵀx', linearHypothesis(other, X), { ids }),
      q('(2θ − θ′)ᵀx', linearHypothesis(combined, X), { how: '= 2·θᵀx − θ′ᵀx: linear in θ', ids }),
      q('h_θ(x), 2-2-1 network', predict(TWO_LAYER, X)),
      q('h_{2θ}(x), 2-2-1 network', predict(doubled, X), { how: '≠ 2·h_θ(x): a network is not linear in θ', ids }),
    ],
  };
}

export function scaleInvarianceExample(): WorkedExample {
  const grid = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5];
  // J(θ) = ½(θ² − 1)²: the example model h = θ²x² at x = 1, y = 1
  const J = grid.map((t) => squaredLoss(t * t, 1));
  const c = 3;
  const ids = ['1/scale-invariance'];
  return {
    title: `Scaling the cost J(θ) = ½(θ² − 1)² by c = ${c} keeps its minimizers θ = ±1`,
    steps: [
      q('θ (grid)', grid),
      q('J(θ)', J, { how: '½(θ² − 1)²' }),
      q(
        `${c}J(θ)`,
        J.map((v) => scaledCost(c, v)),
        { how: 'smallest at the same θ = ±1', ids },
      ),
      q('∂J/∂θ at θ = 0.5', 2 * 0.5 * (0.25 - 1), { how: '2θ(θ² − 1)' }),
      q(`∂(${c}J)/∂θ at θ = 0.5`, c * 2 * 0.5 * (0.25 - 1), { how: `${c}·∂J/∂θ: the gradient scales, the minimizers do not`, ids }),
    ],
  };
}

export function squaresModelExample(): WorkedExample {
  const theta = col(0.5, -1);
  const x = col(1, 2);
  const y = 1;
  const h = squaresModel(theta, x);
  return {
    title: 'The example model h_θ(x) = θ_1² x_1² + θ_2² x_2² (d = 2), not a neural network',
    steps: [
      q('θ', theta),
      q('x', x),
      q('y', y),
      q('h_θ(x)', h, { how: 'θ_1² x_1² + θ_2² x_2²', ids: ['1/example-model'] }),
      q('J(θ)', squaredLoss(h, y), { how: '½(h_θ(x) − y)² (eq. 1.1)' }),
      q('∇_θ J(θ)', squaresModelGradient(theta, x, y), { how: '2(h_θ(x) − y) θ ⊙ x ⊙ x', ids: ['1/example-model'] }),
    ],
  };
}

export function gradientDescentExample(): WorkedExample {
  const all = DATA.map((_, i) => i);
  const mean = meanGradient(TWO_LAYER, DATA, all);
  const next = gdStep(TWO_LAYER, mean, ALPHA);
  return {
    title: `One gradient-descent step (eq. 1.3) on the 2-2-1 ReLU network, n = ${n} examples, α = ${ALPHA}`,
    steps: [
      ...paramSteps(TWO_LAYER, THETA),
      ...dataSteps(),
      ...all.flatMap((i) => exampleGradientSteps(TWO_LAYER, i)),
      ...paramSteps(mean, layerName('∇J(θ) for '), ['1/dataset-gradient', '1.3']),
      text(`∇J(θ) = (1/${n}) Σ_i ∇J^{(i)}(θ): the mean of the ${n} per-example gradients above`, ['1/dataset-gradient']),
      q('J(θ) before', datasetCost(TWO_LAYER, DATA)),
      ...paramSteps(next, layerName('new '), ['1.3']),
      text(`new θ = θ − α ∇J(θ), α = ${ALPHA}`, ['1.3']),
      q('J(θ) after', datasetCost(next, DATA), { ids: ['1.3'] }),
    ],
  };
}

export function initializationExample(): WorkedExample {
  const sizes = [2, 3, 1];
  const theta = initializeParams(sizes, createRng(SEED));
  return {
    title: `"Initialize θ randomly": layer sizes [${sizes.join(', ')}], seed ${SEED} (mulberry32, uniform in [−1/√m_{k−1}, 1/√m_{k−1}))`,
    steps: [
      q('bound, layer 1', 1 / Math.sqrt(sizes[0]!), { how: '1/√m_0' }),
      q('bound, layer 2', 1 / Math.sqrt(sizes[1]!), { how: '1/√m_1' }),
      ...paramSteps(theta, THETA, ['alg1.line2', 'alg2.line2']),
    ],
  };
}

/** Algorithm 1: the first iteration in detail, then the whole run. */
export function sgdExample(): WorkedExample {
  const nIter = 3;
  const run = sgd(TWO_LAYER, DATA, { alpha: ALPHA, nIter, seed: SEED });
  const j = run.indices[0]![0]!;
  const gradient = backprop(TWO_LAYER, DATA[j]!.x, DATA[j]!.y).gradient;
  const next = sgdStep(TWO_LAYER, gradient, ALPHA);
  return {
    title: `Algorithm 1 (SGD) on the 2-2-1 ReLU network, n = ${n} examples, α = ${ALPHA}, n_iter = ${nIter}, seed ${SEED}`,
    steps: [
      text(`line 1: α = ${ALPHA}, n_iter = ${nIter}`, ['alg1.line1']),
      text('line 2: θ = the 2-2-1 network below (a fixed start, so the numbers are readable)'),
      ...paramSteps(TWO_LAYER, THETA),
      ...dataSteps(),
      text('line 3: iteration i = 1', ['alg1.line3']),
      q('j (0-based index)', j, { shape: `index in 0..${n - 1}`, how: `sampleIndex(rng, ${n}), the notes' j = ${j + 1}`, ids: ['alg1.line4'] }),
      ...exampleGradientSteps(TWO_LAYER, j),
      ...paramSteps(next, layerName('new '), ['1.4']),
      text(`new θ = θ − α ∇J^{(${j + 1})}(θ) (eq. 1.4)`, ['1.4', 'alg1.line4']),
      q(
        'sampled j per iteration (0-based)',
        run.indices.map((b) => b[0]!),
        { ids: ['alg1.line3', 'alg1.line4'] },
      ),
      q('J(θ) after each iteration', run.losses, { ids: ['alg1.line3'] }),
      ...paramSteps(run.theta, layerName('final '), ['alg1.line3']),
    ],
  };
}

/** Algorithm 2's hyperparameters (line 1), its sampler's seed and σ. */
export interface MinibatchOptions {
  readonly alpha: number;
  readonly B: number;
  readonly nIter: number;
  readonly seed: number;
  readonly activation: ActivationName;
}

/** The worked example's: two iterations of batches of two, on the ReLU network. */
export const MINIBATCH: MinibatchOptions = { alpha: ALPHA, B: 2, nIter: 2, seed: SEED, activation: 'relu' };

/** Algorithm 2: the first iteration in detail, then the whole run (default the 2-2-1 ReLU network on the three examples). */
export function minibatchExample(theta: Params = TWO_LAYER, data: readonly Example[] = DATA, options: MinibatchOptions = MINIBATCH): WorkedExample {
  const { alpha, B, nIter, seed, activation } = options;
  const run = minibatchSgd(theta, data, { alpha, nIter, B, seed, activation });
  const n = data.length;
  const batch = run.indices[0]!;
  const gradients = batch.map((j) => backprop(theta, data[j]!.x, data[j]!.y, activation).gradient);
  const next = minibatchStep(theta, gradients, alpha);
  return {
    title: `Algorithm 2 (mini-batch SGD) on the ${networkName(theta, activation)} network, n = ${n}, B = ${B}, α = ${alpha}, n_iter = ${nIter}, seed ${seed}`,
    steps: [
      text(`line 1: α = ${alpha}, B = ${B} (1 <= B <= n = ${n}), n_iter = ${nIter}`, ['alg2.line1']),
      text(`line 2: θ = the ${sizesName(theta)} network below (a fixed start, so the numbers are readable)`),
      ...paramSteps(theta, THETA),
      ...dataSteps(data),
      text('line 3: iteration i = 1', ['alg2.line3']),
      q('j_1, ..., j_B (0-based)', batch, {
        shape: `${B} distinct indices in 0..${n - 1}`,
        how: `sampleWithoutReplacement(rng, ${n}, ${B})`,
        ids: ['alg2.line4'],
      }),
      ...batch.flatMap((j) => exampleGradientSteps(theta, j, data, activation)),
      q('α/B', alpha / B, { ids: ['1.5'] }),
      ...paramSteps(next, layerName('new '), ['1.5']),
      text('new θ = θ − (α/B) Σ_k ∇J^{(j_k)}(θ) (eq. 1.5)', ['1.5', 'alg2.line4']),
      ...run.indices.map((b, i) => q(`batch of iteration ${i + 1} (0-based)`, b, { ids: ['alg2.line3', 'alg2.line4'] })),
      q('J(θ) after each iteration', run.losses, { ids: ['alg2.line3'] }),
      ...paramSteps(run.theta, layerName('final '), ['alg2.line3']),
    ],
  };
}

export const SECTION_1_EXAMPLES: readonly ExampleGroup[] = [
  { ids: ['1/hypothesis', '1/linear-in-theta'], build: hypothesisExample },
  { ids: ['1.1', '1.2'], build: lossExample },
  { ids: ['1/scale-invariance'], build: scaleInvarianceExample },
  { ids: ['1/example-model'], build: squaresModelExample },
  { ids: ['1.3', '1/dataset-gradient'], build: gradientDescentExample },
  { ids: ['alg1.line2', 'alg2.line2'], build: initializationExample },
  { ids: ['alg1.line1', 'alg1.line3', 'alg1.line4', '1.4'], build: sgdExample },
  { ids: ['alg2.line1', 'alg2.line3', 'alg2.line4', '1.5'], build: minibatchExample },
];
