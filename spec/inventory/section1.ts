/**
 * Section 1 of the notes, "Supervised Learning with Non-linear Models": the least-squares cost,
 * the example model, gradient descent and Algorithms 1 (SGD) and 2 (mini-batch SGD), as they
 * should read (corrected), with the shape of each symbol and the reference functions.
 */
import type { SpecEntry } from '../types.js';

const R = String.raw;

const OPT = 'reference/optimizers.ts';

/** Shapes shared by the optimizer entries. */
const TRAINING = {
  θ: 'parameters: a list of matrices (W^{[k]} m_k×m_{k−1}, b^{[k]} m_k×1 for the network of eq. 2.12)',
  '∇_θ J': 'the shape of θ (footnote 6)',
  α: 'scalar > 0',
  n: 'integer >= 1 (number of examples)',
} as const;

export const SECTION_1: readonly SpecEntry[] = [
  {
    id: '1.1',
    section: '1',
    kind: 'equation',
    title: 'Least-squares cost of the i-th example',
    latex: R`J^{(i)}(\theta) = \frac{1}{2}\left(h_\theta(x^{(i)}) - y^{(i)}\right)^2`,
    shapes: { 'x^{(i)}': 'd×1', 'y^{(i)}': 'scalar', 'h_θ(x^{(i)})': 'scalar', 'J^{(i)}(θ)': 'scalar' },
    implementedBy: ['reference/loss.ts#squaredLoss'],
  },
  {
    id: '1/example-model',
    section: '1',
    kind: 'formula',
    title: 'A concrete non-linear model to think about (not a neural network)',
    latex: R`h_\theta(x) = \theta_1^2 x_1^2 + \theta_2^2 x_2^2 + \cdots + \theta_d^2 x_d^2, \qquad \nabla_\theta J^{(i)}(\theta) = 2\left(h_\theta(x^{(i)}) - y^{(i)}\right)\, \theta \odot x^{(i)} \odot x^{(i)}`,
    shapes: { θ: 'd×1', x: 'd×1', 'h_θ(x)': 'scalar', '∇_θ J^{(i)}(θ)': 'd×1' },
    implementedBy: ['reference/squaresModel.ts#squaresModel', 'reference/squaresModel.ts#squaresModelGradient'],
  },
  {
    id: '1.2',
    section: '1',
    kind: 'equation',
    title: 'Mean-square cost of the dataset',
    latex: R`J(\theta) = \frac{1}{n} \sum_{i=1}^{n} J^{(i)}(\theta)`,
    shapes: { 'J^{(i)}(θ)': 'scalar', 'J(θ)': 'scalar', n: 'integer >= 1 (number of examples)' },
    implementedBy: ['reference/loss.ts#datasetLoss', `${OPT}#datasetCost`],
  },
  {
    id: '1.3',
    section: '1',
    kind: 'equation',
    title: 'Gradient descent update',
    latex: R`\theta := \theta - \alpha \nabla_\theta J(\theta), \quad \alpha > 0, \quad \nabla_\theta J(\theta) = \frac{1}{n}\sum_{i=1}^{n} \nabla_\theta J^{(i)}(\theta)`,
    shapes: { ...TRAINING, 'J(θ)': 'scalar' },
    implementedBy: [`${OPT}#gdStep`, `${OPT}#gd`, `${OPT}#meanGradient`],
  },
  {
    id: '1/dataset-gradient',
    section: '1',
    kind: 'formula',
    title: 'The gradient of the dataset cost is the mean of the per-example gradients (linearity of eq. 1.2)',
    latex: R`\nabla_\theta J(\theta) = \nabla_\theta \frac{1}{n}\sum_{i=1}^{n} J^{(i)}(\theta) = \frac{1}{n}\sum_{i=1}^{n} \nabla_\theta J^{(i)}(\theta)`,
    shapes: { ...TRAINING, 'J(θ)': 'scalar' },
    implementedBy: [`${OPT}#meanGradient`],
  },
  {
    id: 'alg1.line1',
    section: '1',
    kind: 'algorithm-line',
    title: 'Algorithm 1 (SGD) line 1: the hyperparameters',
    latex: R`\text{Hyperparameter: learning rate } \alpha > 0,\ \text{number of total iterations } n_{\mathrm{iter}} \in \{1, 2, \dots\}`,
    shapes: { α: 'scalar > 0', n_iter: 'integer >= 1' },
    implementedBy: [`${OPT}#sgd`],
  },
  {
    id: 'alg1.line2',
    section: '1',
    kind: 'algorithm-line',
    title: 'Algorithm 1 (SGD) line 2: random initialization of θ',
    latex: R`\text{Initialize } \theta \text{ randomly.}`,
    shapes: { θ: TRAINING.θ },
    implementedBy: ['reference/network.ts#initializeParams'],
  },
  {
    id: 'alg1.line3',
    section: '1',
    kind: 'algorithm-line',
    title: 'Algorithm 1 (SGD) line 3: the loop over iterations',
    latex: R`\textbf{for } i = 1 \textbf{ to } n_{\mathrm{iter}} \textbf{ do}`,
    shapes: { i: 'integer in {1..n_iter}', n_iter: 'integer >= 1' },
    implementedBy: [`${OPT}#sgd`],
  },
  {
    id: 'alg1.line4',
    section: '1',
    kind: 'algorithm-line',
    title: 'Algorithm 1 (SGD) line 4: sample one example uniformly, then update by eq. 1.4',
    latex: R`\text{Sample } j \text{ uniformly from } \{1, \ldots, n\}, \text{ and update } \theta \text{ by (1.4)}`,
    shapes: { j: 'index in {1..n} (0-based in code)', n: 'integer >= 1' },
    implementedBy: ['reference/sampler.ts#sampleIndex', `${OPT}#sgd`],
  },
  {
    id: '1.4',
    section: '1',
    kind: 'equation',
    title: 'Stochastic gradient update with one example j',
    latex: R`\theta := \theta - \alpha \nabla_\theta J^{(j)}(\theta)`,
    shapes: { ...TRAINING, j: 'index in {1..n}', 'J^{(j)}(θ)': 'scalar' },
    implementedBy: [`${OPT}#sgdStep`, `${OPT}#sgd`],
  },
  {
    id: 'alg2.line1',
    section: '1',
    kind: 'algorithm-line',
    title: 'Algorithm 2 (mini-batch SGD) line 1: the hyperparameters',
    latex: R`\text{Hyperparameters: learning rate } \alpha > 0,\ \text{batch size } B \in \{1, \dots, n\},\ \#\text{iterations } n_{\mathrm{iter}} \in \{1, 2, \dots\}`,
    shapes: { α: 'scalar > 0', B: 'integer in {1..n}', n_iter: 'integer >= 1' },
    implementedBy: [`${OPT}#minibatchSgd`],
  },
  {
    id: 'alg2.line2',
    section: '1',
    kind: 'algorithm-line',
    title: 'Algorithm 2 (mini-batch SGD) line 2: random initialization of θ',
    latex: R`\text{Initialize } \theta \text{ randomly}`,
    shapes: { θ: TRAINING.θ },
    implementedBy: ['reference/network.ts#initializeParams'],
  },
  {
    id: 'alg2.line3',
    section: '1',
    kind: 'algorithm-line',
    title: 'Algorithm 2 (mini-batch SGD) line 3: the loop over iterations',
    latex: R`\textbf{for } i = 1 \textbf{ to } n_{\mathrm{iter}} \textbf{ do}`,
    shapes: { i: 'integer in {1..n_iter}', n_iter: 'integer >= 1' },
    implementedBy: [`${OPT}#minibatchSgd`, `${OPT}#trainOnBatches`],
  },
  {
    id: 'alg2.line4',
    section: '1',
    kind: 'algorithm-line',
    title: 'Algorithm 2 (mini-batch SGD) line 4: sample B distinct examples uniformly, then update by eq. 1.5',
    latex: R`\text{Sample } B \text{ examples } j_1, \ldots, j_B \text{ (without replacement) uniformly from } \{1, \ldots, n\}, \text{ and update } \theta \text{ by (1.5)}`,
    shapes: { 'j_1, ..., j_B': 'distinct indices in {1..n} (0-based in code)', B: 'integer in {1..n}', n: 'integer >= 1' },
    implementedBy: ['reference/sampler.ts#sampleWithoutReplacement', `${OPT}#minibatchSgd`],
  },
  {
    id: '1.5',
    section: '1',
    kind: 'equation',
    title: 'Mini-batch stochastic gradient update',
    latex: R`\theta := \theta - \frac{\alpha}{B} \sum_{k=1}^{B} \nabla_\theta J^{(j_k)}(\theta)`,
    shapes: { ...TRAINING, B: 'integer in {1..n}', j_k: 'index in {1..n}', 'J^{(j_k)}(θ)': 'scalar' },
    implementedBy: [`${OPT}#minibatchStep`, `${OPT}#minibatchSgd`, `${OPT}#trainOnBatches`],
  },
];
