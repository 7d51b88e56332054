/** Mistakes in the cost (eq. 1.1, 1.2), one part of the reference each. */
import { compose } from './compose.js';
import type { GalleryEntry } from './types.js';

export const LOSS_ENTRIES: readonly GalleryEntry[] = [
  {
    impl: compose('bad: loss without ½', { exampleLoss: (o, y) => (o - y) * (o - y) }),
    bug: 'J^{(i)} = (h_θ(x) − y)², the ½ of eq. 1.1 dropped (while the gradient keeps δ^{[r]} = o − y)',
    caughtBy: ['loss/random', 'loss/named-cases', 'networks/extreme-forward/sigmoid', 'gradient/finite-differences', 'optimizers/train-multi-step'],
    specId: '1.1',
    specIdBy: { 'networks/extreme-forward/sigmoid': '2.14', 'gradient/finite-differences': 'alg5.line2', 'optimizers/train-multi-step': 'alg2.line3' },
  },
  {
    impl: compose('bad: dataset loss summed', { datasetLoss: (perExample) => perExample.reduce((s, J) => s + J, 0) }),
    bug: 'J(θ) = Σ_i J^{(i)}(θ): the 1/n of eq. 1.2 missing',
    caughtBy: ['loss/random', 'loss/named-cases', 'optimizers/train-multi-step'],
    specId: '1.2',
    specIdBy: { 'optimizers/train-multi-step': 'alg2.line3' },
    scalarBy: ['loss/random', 'loss/named-cases'],
  },
];
