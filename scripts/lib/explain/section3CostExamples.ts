/**
 * Worked examples of Section 3's statements about cost: Theorem 3.1's operation counts, its
 * footnote 4 (unreached parameters get gradient 0) and Section 3.3's parameter count and the cost
 * of computing partial derivatives one at a time.
 */
import { backprop } from '../../../reference/backprop.js';
import { squaredLoss } from '../../../reference/loss.js';
import { type Params, parameterCount, predict } from '../../../reference/network.js';
import {
  backwardCost,
  backwardOperationCounts,
  forwardCost,
  forwardOperationCounts,
  naiveFirstLayerCost,
  partialDerivativeOperationCounts,
} from '../../../reference/theorem31.js';
import { unreachedParameters } from '../../../reference/unreached.js';
import { col, TWO_LAYER, Y } from './networks.js';
import { type ExampleGroup, q, rows, type Step, type WorkedExample } from './worked.js';

export function theoremExample(): WorkedExample {
  const networks = [
    [2, 3, 2, 1],
    [4, 3, 1],
    [256, 512, 512, 1],
  ];
  return {
    title: 'Theorem 3.1 made concrete: scalar operations of the forward pass and of backpropagation (forward included)',
    steps: networks.flatMap((sizes): Step[] => {
      const f = forwardOperationCounts(sizes);
      const b = backwardOperationCounts(sizes);
      const label = `[${sizes.join(', ')}]`;
      return [
        q(`forward ${label}: ×, +, σ, σ'`, [f.multiplications, f.additions, f.activations, f.derivatives]),
        q(`backprop ${label}: ×, +, σ, σ'`, [b.multiplications, b.additions, b.activations, b.derivatives]),
        q(`N = forward cost ${label}`, forwardCost(sizes), { ids: ['thm3.1'] }),
        q(`gradient cost ${label}`, backwardCost(sizes), { ids: ['thm3.1'] }),
        q(`ratio ${label}`, backwardCost(sizes) / forwardCost(sizes), { how: 'at most 3.5 for every network: O(N)', ids: ['thm3.1'] }),
      ];
    }),
  };
}

/** θ with W^{[1]}_{jℓ} (1-based) moved by t. */
function nudged(theta: Params, j: number, l: number, t: number): Params {
  const W1 = theta.W[0]!.clone();
  W1.set([j - 1, l - 1], (W1.get([j - 1, l - 1]) as number) + t);
  return { W: [W1, ...theta.W.slice(1)], b: theta.b };
}

export function unreachedExample(): WorkedExample {
  const x = col(1, 0);
  const bp = backprop(TWO_LAYER, x, Y);
  const J = (theta: Params): number => squaredLoss(predict(theta, x), Y) as number;
  return {
    title: 'Footnote 4 on the 2-2-1 ReLU network at x = (1, 0): J does not depend on column 2 of W^{[1]}',
    steps: [
      q('x', x, { how: 'x_2 = 0' }),
      q('unreached W^{[1]} entries (1 = yes)', rows(unreachedParameters(TWO_LAYER, x).W[0]!.map((row) => row.map(Number))), {
        ids: ['3/unreached-zero-gradient'],
      }),
      q('J', bp.J),
      q('J with W^{[1]}_{12} + 1', J(nudged(TWO_LAYER, 1, 2, 1)), {
        how: 'the same: W^{[1]}_{12} enters only as W^{[1]}_{12}·x_2 = 0',
        ids: ['3/unreached-zero-gradient'],
      }),
      q('δ^{[1]}', bp.delta[1]!),
      q('∂J/∂W^{[1]}', bp.gradient.W[0]!, { how: 'δ^{[1]}xᵀ: column 2 is δ^{[1]}·0 = 0', ids: ['3/unreached-zero-gradient'] }),
    ],
  };
}

export function naiveCostExample(): WorkedExample {
  const networks = [
    [2, 2],
    [4, 3],
    [100, 50],
  ];
  return {
    title: 'Section 3.3: p parameters, and the cost of each partial derivative on its own against backpropagation',
    steps: networks.flatMap(([d, m]): Step[] => {
      const one = partialDerivativeOperationCounts(d!, m!);
      const label = `d = ${d}, m = ${m}`;
      return [
        q(`p (${label})`, parameterCount([d!, m!, 1]), { how: '(d + 1)m + (m + 1) = md + 2m + 1 >= md', ids: ['3.3/param-count'] }),
        q(`one ∂J/∂(w_j^{[1]})_ℓ on its own: ×, +, σ, σ'`, [one.multiplications, one.additions, one.activations, one.derivatives], {
          how: 'a forward pass, J, then (o − y)(w^{[2]})_j 1{z_j >= 0} x_ℓ: 2md + 3m + 8 >= md',
          ids: ['3.3/naive-cost'],
        }),
        q(`all md of them that way (${label})`, naiveFirstLayerCost(d!, m!), { how: 'md(2md + 3m + 8) >= (md)²', ids: ['3.3/naive-cost'] }),
        q(`(md)² (${label})`, (d! * m!) ** 2),
        q(`the whole gradient by backprop (${label})`, backwardCost([d!, m!, 1]), { how: '3md + 7m + 4: O(md)', ids: ['3.3/naive-cost'] }),
      ];
    }),
  };
}

export const SECTION_3_COST_EXAMPLES: readonly ExampleGroup[] = [
  { ids: ['thm3.1'], build: theoremExample },
  { ids: ['3/unreached-zero-gradient'], build: unreachedExample },
  { ids: ['3.3/param-count', '3.3/naive-cost'], build: naiveCostExample },
];
