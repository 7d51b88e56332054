/** Mistakes in the optimizers (eq. 1.3-1.5, Algorithms 1-2), one part of the reference each. */
import { compose, REFERENCE_PARTS } from './compose.js';
import { mapParams, sumParams } from './params.js';
import type { GalleryEntry } from './types.js';

export const OPTIMIZER_ENTRIES: readonly GalleryEntry[] = [
  {
    impl: compose('bad: 1/B forgotten', { mean: sumParams }),
    bug: 'the mean gradient of eq. 1.5 returns Σ_k ∇J^{(j_k)} without the 1/B (so GD steps by α Σ_i ∇J^{(i)})',
    caughtBy: ['gradient/mean', 'identities/dataset-gradient', 'identities/gd-is-minibatch', 'optimizers/gd-step'],
    specId: '1.5',
    specIdBy: { 'identities/dataset-gradient': '1/dataset-gradient', 'identities/gd-is-minibatch': '1.3', 'optimizers/gd-step': '1.3' },
  },
  {
    impl: compose('bad: bias gradient summed', {
      mean: (gradients) => mapParams(sumParams(gradients), (v, which) => (which === 'W' ? v / gradients.length : v)),
    }),
    bug: 'the mean gradient divides ∂J/∂W by B but sums ∂J/∂b (the vectorized db = Δ·1 without /B)',
    caughtBy: ['gradient/mean', 'identities/dataset-gradient', 'optimizers/gd-step'],
    specIdBy: { 'identities/dataset-gradient': '1/dataset-gradient', 'optimizers/gd-step': '1.3' },
    specId: '1.5',
  },
  {
    impl: compose('bad: minibatch step α instead of α/B', { minibatchRate: (alpha) => alpha }),
    bug: 'the mini-batch step is θ − α Σ_k ∇J^{(j_k)}: α where eq. 1.5 has α/B',
    caughtBy: ['optimizers/minibatch-step', 'identities/gd-is-minibatch', 'optimizers/train', 'optimizers/train-multi-step'],
    specIdBy: { 'identities/gd-is-minibatch': '1.3', 'optimizers/train': 'alg2.line3', 'optimizers/train-multi-step': 'alg2.line3' },
    specId: '1.5',
  },
  {
    impl: compose('bad: SGD uses the next example', { sgdExample: (index, n) => (index + 1) % n }),
    bug: 'the SGD step of eq. 1.4 uses example j + 1 (wrapping at n) for the 0-based index j: an off-by-one between 0- and 1-based indices',
    caughtBy: ['optimizers/sgd-step', 'identities/sgd-is-minibatch'],
    specId: '1.4',
  },
  {
    impl: compose('bad: stale gradient in train', { trainGradientAt: (_current, initial) => initial }),
    bug: 'the training loop evaluates every step’s gradient at θ_0 instead of the current θ_t',
    caughtBy: ['optimizers/train', 'optimizers/train-multi-step', 'identities/train-is-steps'],
    specId: 'alg2.line3',
  },
  {
    impl: compose('bad: gradient ascent', { update: (params, g, c) => REFERENCE_PARTS.update(params, g, -c) }),
    bug: 'every update is θ + α∇J: the sign of eq. 1.3-1.5 flipped',
    caughtBy: ['optimizers/gd-step', 'optimizers/sgd-step', 'optimizers/minibatch-step', 'optimizers/train-multi-step'],
    specId: '1.3',
    specIdBy: { 'optimizers/sgd-step': '1.4', 'optimizers/minibatch-step': '1.5', 'optimizers/train-multi-step': 'alg2.line3' },
  },
];
