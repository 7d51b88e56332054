/**
 * Worked examples of Section 3: Theorem 3.1's operation counts, the chain rule (eq. 3.1-3.3), one
 * neuron (Section 3.2), the two-layer network unpacked (Section 3.3, Algorithm 3) and vectorized
 * (Section 3.4, Algorithm 4), the matrix chain rules (eq. 3.11-3.15), the activations' derivatives,
 * and backpropagation on three layers (Section 3.5, Algorithm 5).
 */
import { type ActivationName, activationByName, elementwise, identityPrime, relu, reluPrime, sigmoidPrime, tanhPrime } from '../../../reference/activations.js';
import { backprop } from '../../../reference/backprop.js';
import { affine, chainRule, dJdb, dJdu, dJdW, dJdzThroughActivation } from '../../../reference/chainRule.js';
import { hadamard, matrixFromRows } from '../../../reference/matrix.js';
import { type Params, weight } from '../../../reference/network.js';
import { neuronGradient } from '../../../reference/neuron.js';
import { type Matrix, math } from '../../../reference/numeric.js';
import { algorithm3, gradW1Entry } from '../../../reference/twoLayerUnpacked.js';
import { algorithm4, algorithm4ViaChainRule, unpackParams } from '../../../reference/twoLayerVectorized.js';
import { exampleName, networkName, SIGMA_NAME } from './naming.js';
import { col, mat, THREE_LAYER, TWO_LAYER, X, Y } from './networks.js';
import { type ExampleGroup, q, rows, type Step, text, type WorkedExample } from './worked.js';

export function chainRuleExample(): WorkedExample {
  const [t1, t2] = [0.5, -1.5];
  const g = [t1 * t2, t1 + t2];
  const dJdg = [g[1]!, g[0]!];
  const dgdtheta = [
    [t2, t1],
    [1, 1],
  ];
  const direct = [2 * t1 * t2 + t2 * t2, t1 * t1 + 2 * t1 * t2];
  return {
    title: `The chain rule with p = 2 inputs θ = (${t1}, ${t2}), k = 2 intermediate variables g_1 = θ_1θ_2, g_2 = θ_1 + θ_2, and J = g_1 g_2`,
    steps: [
      q('θ', [t1, t2]),
      q('g = (g_1, g_2)', g, { how: '(θ_1θ_2, θ_1 + θ_2)', ids: ['3.1'] }),
      q('J', g[0]! * g[1]!, { how: 'J(g_1, g_2) = g_1 g_2', ids: ['3.2'] }),
      q('∂J/∂g_j', dJdg, { how: '(g_2, g_1)', ids: ['3.3'] }),
      q('∂g_j/∂θ_i (row j, column i)', rows(dgdtheta), { how: '[θ_2, θ_1; 1, 1]', ids: ['3.3'] }),
      q('∂J/∂θ_i', chainRule(dJdg, dgdtheta), { how: 'Σ_j ∂J/∂g_j · ∂g_j/∂θ_i', ids: ['3.3'] }),
      q('∂J/∂θ_i, differentiating J = θ_1²θ_2 + θ_1θ_2² directly', direct, { how: '(2θ_1θ_2 + θ_2², θ_1² + 2θ_1θ_2): the same' }),
    ],
  };
}

export function oneNeuronExample(): WorkedExample {
  const w = col(0.5, -0.25);
  const b = 0.25;
  const y = 1;
  const g = neuronGradient(w, b, X, y);
  const off = col(-1, 1);
  const gOff = neuronGradient(w, b, off, y);
  return {
    title: `One neuron, d = 2: w = (0.5, −0.25), b = ${b}, x = (1, 2), y = ${y}; then x = (−1, 1), where z < 0`,
    steps: [
      q('w', w),
      q('b', b),
      q('x', X),
      q('y', y),
      q('z', g.z, { how: 'wᵀx + b', ids: ['3.4'] }),
      q('o', g.o, { how: 'ReLU(z)', ids: ['3.5'] }),
      q('J', g.J, { how: '½(y − o)²', ids: ['3.6'] }),
      q('∂J/∂o', g.dJdo, { how: 'o − y', ids: ['3.2/local-derivs', '3.7'] }),
      q('∂o/∂z', g.dodz, { how: '1{z ≥ 0}', ids: ['3.2/local-derivs', '3.2/do-dwi'] }),
      q('∂z/∂w_i', g.dzdw, { how: 'x_i', ids: ['3.2/local-derivs', '3.2/do-dwi'] }),
      q('∂z/∂b', g.dzdb, { ids: ['3.2/local-derivs'] }),
      q('∂o/∂w_i', g.dodw, { how: '∂o/∂z · ∂z/∂w_i', ids: ['3.2/do-dwi', '3.7'] }),
      q('∂J/∂w_i', g.dJdw, { how: '∂J/∂o · ∂o/∂w_i = (o − y)·1{z ≥ 0}·x_i', ids: ['3.7', '3.2/grad-wi'] }),
      q('∇_w J', g.gradW, { how: '(o − y)·1{z ≥ 0}·x', ids: ['3.2/grad-w'] }),
      q('∂J/∂b', g.dJdb, { how: '(o − y)·1{z ≥ 0}', ids: ['3.2/grad-b'] }),
      q('x', off),
      q('z', gOff.z, { how: 'wᵀx + b < 0' }),
      q('o', gOff.o, { ids: ['3.5'] }),
      q('∂o/∂z', gOff.dodz, { how: '1{z ≥ 0} = 0: no gradient flows', ids: ['3.2/local-derivs'] }),
      q('∇_w J', gOff.gradW, { ids: ['3.2/grad-w'] }),
      q('∂J/∂b', gOff.dJdb, { ids: ['3.2/grad-b'] }),
    ],
  };
}

export function algorithm3Example(): WorkedExample {
  const theta = unpackParams(TWO_LAYER);
  const alg = algorithm3(theta, X, Y);
  const m = theta.w1.length;
  return {
    title: 'Algorithm 3 on the 2-2-1 ReLU network unpacked (j = 1..m hidden units, ℓ = 1..d inputs), x = (1, 2), y = 2',
    steps: [
      ...theta.w1.flatMap((wj, i) => [q(`w_${i + 1}^{[1]}`, wj), q(`b_${i + 1}^{[1]}`, theta.b1[i]!)]),
      q('w^{[2]}', theta.w2),
      q('b^{[2]}', theta.b2),
      q('x', X),
      q('y', Y),
      q('z_j', alg.pass.z, { how: 'line 1: w_j^{[1]ᵀ}x + b_j^{[1]}', ids: ['3.8', 'alg3.line1'] }),
      q('a_j', alg.pass.a, { how: 'line 1: ReLU(z_j)', ids: ['3.8', 'alg3.line1'] }),
      q('o', alg.pass.o, { how: 'line 1: w^{[2]ᵀ}a + b^{[2]}', ids: ['3.8', 'alg3.line1'] }),
      q('J', alg.pass.J, { how: '½(y − o)²', ids: ['3.8'] }),
      q('∂J/∂o', alg.dJdo, { how: 'line 2: o − y', ids: ['alg3.line2'] }),
      q('∂J/∂a_j', alg.dJda, { how: '∂J/∂o · (w^{[2]})_j', ids: ['3.3/dJ-daj'] }),
      q('∂a_j/∂z_j', alg.pass.z.map(reluPrime), { how: '1{z_j ≥ 0}', ids: ['3.3/dJ-dzj'] }),
      q('∂J/∂z_j', alg.dJdz, { how: 'line 3, eq. 3.9: ∂J/∂o · (w^{[2]})_j · 1{z_j ≥ 0}', ids: ['3.9', 'alg3.line3', '3.3/dJ-dzj'] }),
      q('∂J/∂(w_j^{[1]})_ℓ (row j, column ℓ)', rows(alg.dJdw1), { how: 'line 4: ∂J/∂z_j · x_ℓ', ids: ['alg3.line4', '3.3/grad-w1-chain', '3.3/grad-w1'] }),
      ...Array.from({ length: m }, (_, i) =>
        q(`∂J/∂(w_${i + 1}^{[1]})_2 alone`, gradW1Entry(theta, X, Y, i + 1, 2), {
          how: `(o − y)·(w^{[2]})_${i + 1}·1{z_${i + 1} ≥ 0}·x_2`,
          ids: ['3.3/grad-w1'],
        }),
      ),
      q('∂J/∂b_j^{[1]}', alg.dJdb1, { how: 'line 4: ∂J/∂z_j', ids: ['alg3.line4'] }),
      q('∂J/∂(w^{[2]})_j', alg.dJdw2, { how: 'line 4: ∂J/∂o · a_j = (o − y)a_j', ids: ['alg3.line4', '3.3/grad-w2'] }),
      q('∂J/∂b^{[2]}', alg.dJdb2, { how: 'line 4: ∂J/∂o', ids: ['alg3.line4'] }),
    ],
  };
}

/** Algorithm 4 with eq. 3.12-3.15 on (x, y) (default the 2-2-1 ReLU network on x = (1, 2), y = 2). */
export function algorithm4Example(theta: Params = TWO_LAYER, x: Matrix = X, y: number = Y): WorkedExample {
  const alg = algorithm4(theta, x, y);
  const chain = algorithm4ViaChainRule(theta, x, y);
  const [W1, W2] = theta.W as [Matrix, Matrix];
  const dJda = dJdu(W2, matrixFromRows([[alg.delta2]]));
  const shapes = `W^{[1]} ${W1.size().join('x')}, ∂J/∂W^{[1]} ${alg.dW1.size().join('x')}; W^{[2]} ${W2.size().join('x')}, ∂J/∂W^{[2]} ${alg.dW2.size().join('x')}`;
  return {
    title: `Algorithm 4 on the ${networkName(theta, 'relu')} network (vectorized), ${exampleName(x, y)}; then the same δ^{[1]}, ∂J/∂W^{[1]} by eq. 3.12-3.15`,
    steps: [
      q('W^{[1]}', W1),
      q('b^{[1]}', theta.b[0]!),
      q('W^{[2]}', W2),
      q('b^{[2]}', theta.b[1]!),
      q('x', x),
      q('y', y),
      q('z', alg.pass.z, { how: 'line 1: W^{[1]}x + b^{[1]}', ids: ['alg4.line1'] }),
      q('a', alg.pass.a, { how: 'line 1: ReLU(z)', ids: ['alg4.line1'] }),
      q('o', alg.pass.o, { how: 'line 1: W^{[2]}a + b^{[2]}', ids: ['alg4.line1'] }),
      q('δ^{[2]}', alg.delta2, { how: 'line 2: ∂J/∂o = o − y', ids: ['alg4.line2', '3.10'] }),
      q('δ^{[1]}', alg.delta1, { how: 'line 3: ∂J/∂z = ((o − y)·W^{[2]ᵀ}) ⊙ 1{z ≥ 0}', ids: ['alg4.line3', '3.10'] }),
      q('∂J/∂W^{[2]}', alg.dW2, { how: 'line 4: δ^{[2]}aᵀ', ids: ['alg4.line4', '3.4/dA-dB-shape'] }),
      q('∂J/∂b^{[2]}', alg.db2, { how: 'line 4: δ^{[2]}', ids: ['alg4.line4'] }),
      q('∂J/∂W^{[1]}', alg.dW1, { how: 'line 4: δ^{[1]}xᵀ', ids: ['alg4.line4', '3.4/dA-dB-shape'] }),
      q('∂J/∂b^{[1]}', alg.db1, { how: 'line 4: δ^{[1]}', ids: ['alg4.line4'] }),
      text(`each gradient has the shape of its parameter: ${shapes}`, ['3.4/dA-dB-shape']),
      q('∂J/∂a', dJda, { how: 'eq. 3.12 with z ← o, W ← W^{[2]}, u ← a: W^{[2]ᵀ} ∂J/∂o', ids: ['3.4/verify-delta1'] }),
      q('∂J/∂z', chain.delta1, { how: "eq. 3.15: ∂J/∂a ⊙ ReLU'(z), the δ^{[1]} of line 3", ids: ['3.4/verify-delta1'] }),
      q('∂J/∂W^{[1]} by eq. 3.13', chain.dW1, { how: 'eq. 3.13 with W ← W^{[1]}, u ← x: ∂J/∂z · xᵀ = δ^{[1]}xᵀ', ids: ['3.4/verify-dW1'] }),
    ],
  };
}

/** J(z) = ½‖z‖², so ∂J/∂z = z: the simplest real-valued J of a vector. */
const halfSquaredNorm = (z: Matrix): number => 0.5 * (math.sum(math.dotMultiply(z, z)) as number);

/** The affine map of the worked example of eq. 3.11-3.14: W (m×d = 2×3), u (d×1), b (m×1). */
export const AFFINE = { W: mat([0.5, -1, 0.25], [1, 0.5, -0.5]), u: col(1, 2, -1), b: col(0.25, -0.25) } as const;

/** Eq. 3.11-3.14 through z = Wu + b (default AFFINE); the central difference checks entry (1, 2) of ∂J/∂W, or (1, 1) when d = 1. */
export function matrixChainRuleExample(W: Matrix = AFFINE.W, u: Matrix = AFFINE.u, b: Matrix = AFFINE.b): WorkedExample {
  const z = affine(W, u, b);
  const [m, d] = W.size() as [number, number];
  const dJdz = z;
  // central difference in W_{1,j}: J is quadratic in W, so the difference quotient is exact up to rounding
  const j = Math.min(2, d);
  const E = math.matrix(Array.from({ length: m }, (_, r) => Array.from({ length: d }, (_, c) => (r === 0 && c === j - 1 ? 1 : 0))));
  const eps = 2 ** -10;
  const shifted = (s: number): number => halfSquaredNorm(affine(math.add(W, math.multiply(s, E)) as Matrix, u, b));
  return {
    title: `The matrix chain rule through an affine map z = Wu + b (m = ${m}, d = ${d}), with J(z) = ½‖z‖² so that ∂J/∂z = z`,
    steps: [
      q('W', W, { ids: ['3.11'] }),
      q('u', u, { ids: ['3.11'] }),
      q('b', b, { ids: ['3.11'] }),
      q('z', z, { how: 'Wu + b', ids: ['3.11'] }),
      q('J', halfSquaredNorm(z), { how: '½‖z‖²', ids: ['3.11'] }),
      q('∂J/∂z', dJdz, { how: 'z' }),
      q('∂J/∂u', dJdu(W, dJdz), { how: 'Wᵀ ∂J/∂z', ids: ['3.12'] }),
      q('∂J/∂W', dJdW(dJdz, u), { how: '∂J/∂z · uᵀ', ids: ['3.13'] }),
      q(`(J(W + εE_1${j}) − J(W − εE_1${j}))/2ε`, (shifted(eps) - shifted(-eps)) / (2 * eps), {
        how: `central difference, ε = 2^-10: entry (1, ${j}) of ∂J/∂W`,
        ids: ['3.13'],
      }),
      q('∂J/∂b', dJdb(dJdz), { how: '∂J/∂z', ids: ['3.14'] }),
    ],
  };
}

export function activationChainRuleExample(): WorkedExample {
  const z = col(0.5, -1, 2);
  const a = elementwise(relu, z);
  const target = col(1, 1, 1);
  const dJda = math.subtract(a, target) as Matrix;
  const sp = elementwise(reluPrime, z);
  return {
    title: 'The chain rule through an element-wise ReLU a = ReLU(z) (d = 3), with J(a) = ½‖a − t‖², t = (1, 1, 1), so that ∂J/∂a = a − t',
    steps: [
      q('z', z, { ids: ['3.4/activation-setup'] }),
      q('a', a, { how: 'ReLU(z), entry by entry', ids: ['3.4/activation-setup'] }),
      q('J', 0.5 * (math.sum(math.dotMultiply(dJda, dJda)) as number), { how: '½‖a − t‖²', ids: ['3.4/activation-setup'] }),
      q('∂J/∂a', dJda, { how: 'a − t' }),
      q("σ'(z)", sp, { how: '1{z ≥ 0}' }),
      q("∂J/∂a ⊙ σ'(z)", hadamard(dJda, sp), { how: "(∂J/∂a)_i · σ'(z)_i, entry by entry", ids: ['3.4/hadamard'] }),
      q('∂J/∂z', dJdzThroughActivation(dJda, z, reluPrime), { how: "∂J/∂a ⊙ σ'(z)", ids: ['3.15'] }),
    ],
  };
}

export function derivativesExample(): WorkedExample {
  const z = [-1, -0.25, 0, 0.25, 1];
  return {
    title: "The activations' derivatives σ'(z) at a few points (ReLU'(0) = 1: the notes' 1{z ≥ 0})",
    steps: [
      q('z', z),
      q("ReLU'(z)", z.map(reluPrime), { how: '1{z ≥ 0}', ids: ['3.4/relu-prime'] }),
      q("σ'(z) sigmoid", z.map(sigmoidPrime), { how: 'σ(z)(1 − σ(z))', ids: ['3.4/sigma-prime'] }),
      q("tanh'(z)", z.map(tanhPrime), { how: '1 − tanh²(z)', ids: ['3.4/sigma-prime'] }),
      q("id'(z)", z.map(identityPrime), { ids: ['3.4/sigma-prime'] }),
    ],
  };
}

/** What W^{[k+1]ᵀ}δ^{[k+1]} (eq. 3.16 as printed) misses against δ^{[k]}: the factor σ'(z^{[k]}). */
function printedDelta(activation: ActivationName, k: number): string {
  const sigma = SIGMA_NAME[activation];
  if (activation === 'relu') return `not δ^{[${k}]} where z^{[${k}]} < 0`;
  if (activation === 'identity') return `equal to δ^{[${k}]} here, as ${sigma}'(z) = 1`;
  return `not δ^{[${k}]}: the factor ${sigma}'(z^{[${k}]}) is missing`;
}

/** Algorithm 5 on (x, y) (default the 2-3-2-1 ReLU network on x = (1, 2), y = 2). */
export function algorithm5Example(theta: Params = THREE_LAYER, x: Matrix = X, y: number = Y, activation: ActivationName = 'relu'): WorkedExample {
  const bp = backprop(theta, x, y, activation);
  const { z, a } = bp.pass;
  const r = theta.W.length;
  const sigma = SIGMA_NAME[activation];
  const { sigmaPrime } = activationByName(activation);
  const forwardSteps = Array.from({ length: r }, (_, i) => i + 1).flatMap((k) => [
    q(`z^{[${k}]}`, z[k]!, { how: `W^{[${k}]}a^{[${k - 1}]} + b^{[${k}]}`, ids: ['alg5.line1', '3.5/forward'] }),
    q(`a^{[${k}]}`, a[k]!, { how: k < r ? `${sigma}(z^{[${k}]})` : `z^{[${r}]} (linear last layer)`, ids: ['alg5.line1', '3.5/forward'] }),
  ]);
  const loop = Array.from({ length: r }, (_, i) => r - 1 - i).flatMap((k): Step[] => {
    const line5 = [
      q(`∂J/∂W^{[${k + 1}]}`, bp.gradient.W[k]!, { how: `line 5: δ^{[${k + 1}]}a^{[${k}]ᵀ}`, ids: ['alg5.line5', '3.5/backward-order'] }),
      q(`∂J/∂b^{[${k + 1}]}`, bp.gradient.b[k]!, { how: `line 5: δ^{[${k + 1}]}`, ids: ['alg5.line5'] }),
    ];
    if (k === 0) return [text(`k = 0 (a^{[0]} = x): line 5 only`, ['alg5.line3']), ...line5];
    const upstream = math.multiply(math.transpose(weight(theta, k + 1)), bp.delta[k + 1]!) as Matrix;
    return [
      text(`k = ${k}:`, ['alg5.line3']),
      ...line5,
      q(`∂J/∂a^{[${k}]}`, upstream, { how: `W^{[${k + 1}]ᵀ}δ^{[${k + 1}]} (what eq. 3.16 printed; ${printedDelta(activation, k)})`, ids: ['3.16'] }),
      q(`${sigma}'(z^{[${k}]})`, elementwise(sigmaPrime, z[k]!)),
      q(`δ^{[${k}]}`, bp.delta[k]!, {
        how: `line 4: (W^{[${k + 1}]ᵀ}δ^{[${k + 1}]}) ⊙ ${sigma}'(z^{[${k}]}) = ∂J/∂z^{[${k}]}`,
        ids: ['alg5.line4', '3.16', '3.5/backward-order'],
      }),
    ];
  });
  return {
    title: `Algorithm 5 (backpropagation) on the ${networkName(theta, activation)} network, ${exampleName(x, y)}`,
    steps: [
      q('a^{[0]} = x', a[0]!, { ids: ['alg5.line1'] }),
      q('y', y),
      ...forwardSteps,
      q('J', bp.J, { how: `½(a^{[${r}]} − y)²`, ids: ['alg5.line1', '3.5/forward'] }),
      q(`δ^{[${r}]}`, bp.delta[r]!, { how: `line 2: ∂J/∂z^{[${r}]} = z^{[${r}]} − y`, ids: ['alg5.line2', '3.16', '3.5/backward-order'] }),
      text(`line 3: for k = ${r - 1} down to 0`, ['alg5.line3', '3.5/backward-order']),
      ...loop,
      text(`the ∂J/∂W^{[k]}, ∂J/∂b^{[k]} above (k = ${r}..1) are ∇_θ J, each in the shape of its parameter`, ['3.5/backward-order']),
    ],
  };
}

export const SECTION_3_EXAMPLES: readonly ExampleGroup[] = [
  { ids: ['3.1', '3.2', '3.3'], build: chainRuleExample },
  { ids: ['3.4', '3.5', '3.6', '3.7', '3.2/do-dwi', '3.2/local-derivs', '3.2/grad-wi', '3.2/grad-w', '3.2/grad-b'], build: oneNeuronExample },
  {
    ids: ['3.8', '3.3/grad-w2', '3.3/grad-w1-chain', '3.3/dJ-dzj', '3.3/dJ-daj', '3.3/grad-w1', 'alg3.line1', 'alg3.line2', 'alg3.line3', '3.9', 'alg3.line4'],
    build: algorithm3Example,
  },
  { ids: ['3.10', '3.4/dA-dB-shape', 'alg4.line1', 'alg4.line2', 'alg4.line3', 'alg4.line4', '3.4/verify-delta1', '3.4/verify-dW1'], build: algorithm4Example },
  { ids: ['3.11', '3.12', '3.13', '3.14'], build: matrixChainRuleExample },
  { ids: ['3.4/activation-setup', '3.15', '3.4/hadamard'], build: activationChainRuleExample },
  { ids: ['3.4/relu-prime', '3.4/sigma-prime'], build: derivativesExample },
  { ids: ['3.5/forward', '3.16', '3.5/backward-order', 'alg5.line1', 'alg5.line2', 'alg5.line3', 'alg5.line4', 'alg5.line5'], build: algorithm5Example },
];
