/** Mistakes in the network's arithmetic (eq. 2.12, 3.12, 4.1, and the dtype), one hook of the hand-written network each. */
import { compose } from './compose.js';
import { handwritten } from './handwritten.js';
import type { GalleryEntry } from './types.js';

export const NETWORK_ENTRIES: readonly GalleryEntry[] = [
  {
    impl: compose('bad: σ on the output layer', handwritten({ activateOutput: true })),
    bug: 'the forward loop applies σ on layer r too: h_θ(x) = σ(z^{[r]}) instead of z^{[r]} (eq. 2.12: the last layer is linear)',
    caughtBy: ['forward/random', 'forward/named-cases', 'section2/sigmoid', 'loss/named-cases', 'networks/extreme-forward/tanh', 'gradient/random'],
    specId: '2.12',
    specIdBy: { 'loss/named-cases': '1.1', 'networks/extreme-forward/tanh': '2.15', 'gradient/random': 'alg5.line2' },
    scalarBy: ['networks/extreme-forward/tanh'],
  },
  {
    impl: compose('bad: W instead of Wᵀ in δ', handwritten({ transposeInLine4: false })),
    bug: 'line 4 of Algorithm 5 multiplies δ^{[k+1]} by W^{[k+1]} instead of W^{[k+1]ᵀ} (a shape error unless m_{k+1} = m_k, silently wrong when square)',
    caughtBy: ['gradient/named-cases', 'gradient/random', 'networks/gradient-shapes'],
    specId: 'alg5.line4',
    detectedAs: 'throws',
    thrown: 'Algorithm 5 line 4',
  },
  {
    impl: compose('bad: bias along the batch axis', handwritten({ biasAlongExamples: true })),
    bug: "forwardBatch adds b^{[k]}'s entry j to example j instead of unit i (b broadcast along the wrong axis; b_j past m_k is undefined → NaN)",
    caughtBy: ['batch/columns', 'batch/rows', 'batch/broadcast', 'identities/batch-column-is-forward'],
    specId: '4.2',
    specIdBy: { 'batch/rows': '4.4', 'batch/broadcast': '4.3', 'identities/batch-column-is-forward': '4/per-example-z' },
    layer: 1,
  },
  {
    impl: compose('bad: float32 claiming float64', handwritten({ round: Math.fround }), { dtype: 'float64' }),
    bug: 'every input and every operation rounded to binary32 (Math.fround) while the implementation declares dtype float64',
    caughtBy: ['forward/named-cases', 'section2/two-layer', 'loss/named-cases', 'gradient/high-precision', 'batch/broadcast'],
    specId: '2.13',
    specIdBy: { 'section2/two-layer': '2.4', 'loss/named-cases': '1.1', 'gradient/high-precision': 'alg5.line2', 'batch/broadcast': '4.3' },
  },
];
