/**
 * Worked examples of Section 2: the kink model and the single neuron (eq. 2.1-2.2), the housing
 * network (eq. 2.3-2.4), the two-layer network unpacked and vectorized (eq. 2.5-2.11), the
 * multi-layer network (eq. 2.12-2.13) and its counts, the activations (eq. 2.14-2.15), the identity
 * collapse (eq. 2.16-2.20) and the feature map (eq. 2.21).
 */
import { type ActivationName, relu, sigmoid, tanh } from '../../../reference/activations.js';
import { collapsedAffine, collapsedWeight, identityNetworkOutput } from '../../../reference/collapse.js';
import { featureMap, linearHead } from '../../../reference/featureMap.js';
import { fullyConnectedHidden, housingHidden, housingNetwork, housingOutputGradient } from '../../../reference/housing.js';
import { scalarOf } from '../../../reference/matrix.js';
import { forward, layerSizes, neuronCount, type Params, parameterCount } from '../../../reference/network.js';
import { kinkModel, singleNeuron } from '../../../reference/neuron.js';
import { type Matrix, math } from '../../../reference/numeric.js';
import { hiddenPreactivation, twoLayerForwardUnpacked } from '../../../reference/twoLayerUnpacked.js';
import { stackRows, twoLayerForward, unpackParams } from '../../../reference/twoLayerVectorized.js';
import { SIGMA_NAME, sizesName } from './naming.js';
import { col, HOUSING_THETA, HOUSING_X, THREE_LAYER, TWO_LAYER, X, Y } from './networks.js';
import { layerName, paramSteps } from './params.js';
import { type ExampleGroup, formatNumber, q, type Step, sumText, text, type WorkedExample } from './worked.js';

const THETA = layerName();

export function kinkExample(): WorkedExample {
  const [w, b] = [0.5, -0.25];
  return {
    title: `The kink model h_θ(x) = max(wx + b, 0) with w = ${w}, b = ${b}, at a size x above and below the kink x = ${-b / w}`,
    steps: [0.25, 2].flatMap((x) => [q('x', x), q('wx + b', w * x + b), q('h_θ(x)', kinkModel(w, b, x), { how: 'max(wx + b, 0)', ids: ['2.1'] })]),
  };
}

export function reluExample(): WorkedExample {
  const t = [-0.5, 0, 1.5];
  return {
    title: 'ReLU(t) = max{t, 0} at a negative t, at the kink t = 0 and at a positive t',
    steps: [q('t', t), q('ReLU(t)', t.map(relu), { how: 'max{t, 0}, entry by entry', ids: ['2/relu'] })],
  };
}

export function singleNeuronExample(): WorkedExample {
  const w = col(0.5, -0.25);
  const b = 0.25;
  return {
    title: 'One neuron with d = 2 inputs',
    steps: [
      q('w', w),
      q('b', b),
      q('x', X),
      q('wᵀx + b', (scalarOf(math.multiply(math.transpose(w), X) as Matrix) as number) + b),
      q('h_θ(x)', singleNeuron(w, b, X), { how: 'ReLU(wᵀx + b)', ids: ['2.2'] }),
    ],
  };
}

/** Eq. 2.3 on θ_1..θ_12 and x = (size, # bedrooms, zip code, wealth) (default HOUSING_THETA, HOUSING_X). */
export function housingExample(theta: readonly number[] = HOUSING_THETA, input: Matrix = HOUSING_X): WorkedExample {
  const hidden = housingHidden(theta, input);
  const t = (i: number): string => formatNumber(theta[i - 1]!);
  const x = (i: number): string => formatNumber(input.get([i - 1, 0]) as number);
  const reluOf = (...terms: string[]): string => `ReLU(${sumText(terms)})`;
  return {
    title: 'The housing network of Figure 2: x = (size, # bedrooms, zip code, wealth)',
    steps: [
      q('θ_1..θ_12', theta),
      q('x', input),
      q('a_1 ("family size")', hidden.a1, {
        how: `ReLU(θ_1 x_1 + θ_2 x_2 + θ_3) = ${reluOf(`${t(1)}·${x(1)}`, `${t(2)}·${x(2)}`, t(3))}`,
        ids: ['2/housing-a1'],
      }),
      q('a_2 ("walkable")', hidden.a2, { how: `ReLU(θ_4 x_3 + θ_5) = ${reluOf(`${t(4)}·${x(3)}`, t(5))}`, ids: ['2/housing-a2'] }),
      q('a_3 ("school quality")', hidden.a3, {
        how: `ReLU(θ_6 x_3 + θ_7 x_4 + θ_8) = ${reluOf(`${t(6)}·${x(3)}`, `${t(7)}·${x(4)}`, t(8))}`,
        ids: ['2/housing-a3'],
      }),
      q('h_θ(x)', housingNetwork(theta, input), { how: 'θ_9 a_1 + θ_10 a_2 + θ_11 a_3 + θ_12', ids: ['2.3'] }),
      q('∂h_θ(x)/∂θ_1..θ_12', housingOutputGradient(theta, input).grad, { how: 'the chain rule (eq. 3.3) through a_1, a_2, a_3' }),
    ],
  };
}

export function fullyConnectedExample(): WorkedExample {
  const w = [col(0.5, 0.25, 0, 0), col(0, 0, 1, 0.5), col(0.25, 0, -1, 1)];
  const b = [-1, -0.25, 0.25];
  const a = fullyConnectedHidden(w, b, HOUSING_X);
  return {
    title: 'Fully-connected hidden units: each a_i sees all four inputs of the housing x',
    steps: [
      q('x', HOUSING_X),
      ...w.flatMap((wi, i) => [q(`w_${i + 1}`, wi), q(`b_${i + 1}`, b[i]!), q(`a_${i + 1}`, a[i]!, { how: `ReLU(w_${i + 1}ᵀx + b_${i + 1})`, ids: ['2.4'] })]),
    ],
  };
}

export function twoLayerUnpackedExample(): WorkedExample {
  const theta = unpackParams(TWO_LAYER);
  const pass = twoLayerForwardUnpacked(theta, X, Y);
  const x = [1, 2].map((i) => formatNumber(X.get([i - 1, 0]) as number));
  const perUnit = theta.w1.flatMap((wj, i): Step[] => {
    const j = i + 1;
    const terms = sumText([...[1, 2].map((l) => `${formatNumber(wj.get([l - 1, 0]) as number)}·${x[l - 1]}`), formatNumber(theta.b1[i]! as number)]);
    return [
      q(`w_${j}^{[1]}`, wj),
      q(`b_${j}^{[1]}`, theta.b1[i]!),
      q(`z_${j}`, hiddenPreactivation(wj, theta.b1[i]!, X), {
        how: `w_${j}^{[1]ᵀ}x + b_${j}^{[1]} = Σ_i (w_${j}^{[1]})_i x_i + b_${j}^{[1]} = ${terms}`,
        ids: ['2.5', '2/fig3-caption'],
      }),
      q(`a_${j}`, pass.a[i]!, { how: `ReLU(z_${j})`, ids: ['2/two-layer-aj', '2/fig3-caption'] }),
    ];
  });
  return {
    title: 'The two-layer network unpacked: d = 2 inputs, m = 2 hidden units (the 2-2-1 network)',
    steps: [
      q('x', X),
      ...perUnit,
      q('a', pass.aVector, { how: '[a_1, a_2]ᵀ', ids: ['2/two-layer-a'] }),
      q('w^{[2]}', theta.w2),
      q('b^{[2]}', theta.b2),
      q('h_θ(x)', pass.o, { how: 'w^{[2]ᵀ}a + b^{[2]}', ids: ['2.6'] }),
    ],
  };
}

/** Eq. 2.7-2.11 on a two-layer ReLU θ and x (default the 2-2-1 TWO_LAYER on x = (1, 2)). */
export function twoLayerVectorizedExample(theta: Params = TWO_LAYER, x: Matrix = X): WorkedExample {
  const unpacked = unpackParams(theta);
  const pass = twoLayerForward(theta, x);
  return {
    title: `The two-layer network vectorized (the ${sizesName(theta)} network): the rows of W^{[1]} are the w_j^{[1]ᵀ}`,
    steps: [
      ...unpacked.w1.map((wj, i) => q(`w_${i + 1}^{[1]}`, wj)),
      q('W^{[1]}', stackRows(unpacked.w1), { how: 'the w_j^{[1]ᵀ} stacked as rows', ids: ['2.7'] }),
      q('w^{[2]}', unpacked.w2),
      q('W^{[2]}', stackRows([unpacked.w2]), { how: '[w^{[2]ᵀ}], a single row', ids: ['2/W2-def'] }),
      q('x', x),
      q('b^{[1]}', theta.b[0]!),
      q('z', pass.z, { how: 'W^{[1]}x + b^{[1]}', ids: ['2.8', '2.9'] }),
      q('a', pass.a, { how: 'ReLU(z), entry by entry', ids: ['2.10', '2.11'] }),
      q('b^{[2]}', theta.b[1]!),
      q('h_θ(x)', pass.o, { how: 'W^{[2]}a + b^{[2]}', ids: ['2.11'] }),
    ],
  };
}

/**
 * Eq. 2.12-2.13 worked on a network (default the 2-3-2-1 THREE_LAYER on x = (1, 2), ReLU); the
 * site's page recomputes it in the browser from inputs the reader edits.
 */
export function multiLayerForwardExample(theta: Params = THREE_LAYER, x: Matrix = X, activation: ActivationName = 'relu'): WorkedExample {
  const pass = forward(theta, x, activation);
  const r = theta.W.length;
  const sigma = SIGMA_NAME[activation];
  const layers = Array.from({ length: r }, (_, i) => i + 1).flatMap((k): Step[] =>
    k < r
      ? [
          q(`z^{[${k}]}`, pass.z[k]!, { how: `W^{[${k}]}a^{[${k - 1}]} + b^{[${k}]}`, ids: ['2.12', '2.13'] }),
          q(`a^{[${k}]}`, pass.a[k]!, { how: `${sigma}(z^{[${k}]})`, ids: ['2.12', '2.13'] }),
        ]
      : [q(`a^{[${r}]} = h_θ(x)`, pass.o, { how: `W^{[${r}]}a^{[${r - 1}]} + b^{[${r}]} (no ${sigma} on the last layer)`, ids: ['2.12', '2/a0-ar'] })],
  );
  return {
    title: `The ${r}-layer ${sigma} network with layer sizes [${layerSizes(theta).join(', ')}]`,
    steps: [...paramSteps(theta, THETA), q('a^{[0]} = x', pass.a[0]!, { ids: ['2/a0-ar'] }), ...layers],
  };
}

export function countsExample(): WorkedExample {
  const sizes = layerSizes(THREE_LAYER);
  const housing = [4, 3, 1];
  const terms = (s: readonly number[]): string =>
    s
      .slice(1)
      .map((m, k) => `(${s[k]} + 1)·${m}`)
      .join(' + ');
  return {
    title: `Shapes and counts of the network with layer sizes [${sizes.join(', ')}] (d = ${sizes[0]}) and of the 4-3-1 housing network`,
    steps: [
      q('[d, m_1, m_2, m_3]', sizes, { how: 'read from the shapes of θ', ids: ['2/layer-shapes'] }),
      ...THREE_LAYER.W.map((W, i) =>
        text(`W^{[${i + 1}]}: ${W.size().join('x')} (m_${i + 1} x m_${i}), b^{[${i + 1}]}: ${THREE_LAYER.b[i]!.size().join('x')}`, ['2/layer-shapes']),
      ),
      q('neurons', neuronCount(sizes), { how: `m_1 + m_2 + m_3 = ${sizes.slice(1).join(' + ')}`, ids: ['2/neuron-count'] }),
      q('parameters', parameterCount(sizes), { how: `(d + 1)m_1 + (m_1 + 1)m_2 + (m_2 + 1)m_3 = ${terms(sizes)}`, ids: ['2/param-count'] }),
      q('neurons (4-3-1)', neuronCount(housing), { how: '3 + 1', ids: ['2/neuron-count'] }),
      q('parameters (4-3-1)', parameterCount(housing), { how: terms(housing), ids: ['2/param-count'] }),
    ],
  };
}

export function activationsExample(): WorkedExample {
  const z = [-2, -0.5, 0, 0.5, 2];
  const sig = forward(TWO_LAYER, X, 'sigmoid');
  const th = forward(TWO_LAYER, X, 'tanh');
  return {
    title: 'Sigmoid and tanh at a few points, and the 2-2-1 network with each as its hidden activation',
    steps: [
      q('z', z),
      q('σ(z) sigmoid', z.map(sigmoid), { how: '1/(1 + e^{−z})', ids: ['2.14'] }),
      q('tanh(z)', z.map(tanh), { how: '(e^z − e^{−z})/(e^z + e^{−z})', ids: ['2.15'] }),
      q('x', X),
      q('z^{[1]}', sig.z[1]!, { how: 'W^{[1]}x + b^{[1]}' }),
      q('a^{[1]} (sigmoid)', sig.a[1]!, { ids: ['2.14'] }),
      q('h_θ(x) (sigmoid)', sig.o, { ids: ['2.14'] }),
      q('a^{[1]} (tanh)', th.a[1]!, { ids: ['2.15'] }),
      q('h_θ(x) (tanh)', th.o, { ids: ['2.15'] }),
    ],
  };
}

export function collapseExample(): WorkedExample {
  const [W1, W2] = TWO_LAYER.W as [Matrix, Matrix];
  const net = identityNetworkOutput(W1, W2, X);
  const Wt = collapsedWeight(W1, W2);
  return {
    title: 'The identity activation σ(z) = z with zero biases: the 2-2-1 network collapses to a linear model',
    steps: [
      q('W^{[1]}', W1),
      q('W^{[2]}', W2),
      q('x', X),
      q('z^{[1]}', net.z1, { how: 'W^{[1]}x (b^{[1]} = 0)', ids: ['2.19'] }),
      q('a^{[1]}', net.a1, { how: 'σ(z^{[1]}) = z^{[1]}', ids: ['2.17', '2.18'] }),
      q('h_θ(x)', net.h, { how: 'W^{[2]}a^{[1]} = W^{[2]}σ(z^{[1]}) = W^{[2]}z^{[1]} = W^{[2]}W^{[1]}x', ids: ['2.16', '2.17', '2.18', '2.19'] }),
      q('W̃', Wt, { how: 'W^{[2]}W^{[1]}', ids: ['2.20'] }),
      q('W̃x', math.multiply(Wt, X) as Matrix, { how: 'the same h_θ(x): a linear model in x', ids: ['2.20'] }),
    ],
  };
}

export function collapseAffineExample(): WorkedExample {
  const { W, b } = collapsedAffine(THREE_LAYER);
  const ids = ['2/collapse-affine'];
  return {
    title: 'The identity activation σ(z) = z with biases: the 2-3-2-1 network (r = 3) is one affine map W̃x + b̃',
    steps: [
      ...THREE_LAYER.W.flatMap((Wk, i) => [q(`W^{[${i + 1}]}`, Wk), q(`b^{[${i + 1}]}`, THREE_LAYER.b[i]!)]),
      q('x', X),
      q('W̃', W, { how: 'W^{[3]}W^{[2]}W^{[1]}', ids }),
      q('b̃', b, { how: 'W^{[3]}W^{[2]}b^{[1]} + W^{[3]}b^{[2]} + b^{[3]}', ids }),
      q('W̃x + b̃', math.add(math.multiply(W, X), b) as Matrix, { ids }),
      q('h_θ(x) by eq. 2.12 with σ(z) = z', forward(THREE_LAYER, X, 'identity').o, { how: 'the same number: no non-linearity, one affine map', ids }),
    ],
  };
}

export function featureMapExample(): WorkedExample {
  const phi = featureMap(THREE_LAYER, X);
  const r = THREE_LAYER.W.length;
  return {
    title: `The 2-3-2-1 ReLU network as a linear model on the learned features φ_β(x) = a^{[${r - 1}]}`,
    steps: [
      q('x', X),
      q('φ_β(x)', phi, { how: `a^{[${r - 1}]}, computed by layers 1..${r - 1} (β = W^{[1]}, b^{[1]}, W^{[2]}, b^{[2]})`, ids: ['2.21'] }),
      q(`W^{[${r}]}`, THREE_LAYER.W[r - 1]!),
      q(`b^{[${r}]}`, THREE_LAYER.b[r - 1]!),
      q('h_θ(x)', linearHead(THREE_LAYER, phi), { how: `W^{[${r}]}φ_β(x) + b^{[${r}]}`, ids: ['2.21'] }),
      q('h_θ(x) by eq. 2.12', forward(THREE_LAYER, X).o, { how: 'the same number' }),
    ],
  };
}

export const SECTION_2_EXAMPLES: readonly ExampleGroup[] = [
  { ids: ['2.1'], build: kinkExample },
  { ids: ['2/relu'], build: reluExample },
  { ids: ['2.2'], build: singleNeuronExample },
  { ids: ['2/housing-a1', '2/housing-a2', '2/housing-a3', '2.3'], build: housingExample },
  { ids: ['2.4'], build: fullyConnectedExample },
  { ids: ['2.5', '2/two-layer-aj', '2/two-layer-a', '2.6', '2/fig3-caption'], build: twoLayerUnpackedExample },
  { ids: ['2.7', '2.8', '2.9', '2.10', '2/W2-def', '2.11'], build: twoLayerVectorizedExample },
  { ids: ['2.12', '2.13', '2/a0-ar'], build: () => multiLayerForwardExample() },
  { ids: ['2/layer-shapes', '2/neuron-count', '2/param-count'], build: countsExample },
  { ids: ['2.14', '2.15'], build: activationsExample },
  { ids: ['2.16', '2.17', '2.18', '2.19', '2.20'], build: collapseExample },
  { ids: ['2/collapse-affine'], build: collapseAffineExample },
  { ids: ['2.21'], build: featureMapExample },
];
