/** Wrong σ' in line 4 of Algorithm 5 (eq. 3.15, 3.4/sigma-prime, 3.4/relu-prime), one hook of the hand-written network each. */
import { reluPrime } from '../../reference/activations.js';
import type { Activation } from '../core/interface.js';
import { compose } from './compose.js';
import { CORRECT_HOOKS, type Hooks, handwritten } from './handwritten.js';
import type { GalleryEntry } from './types.js';

/** σ' wrong for `activation` only, right for the others. */
function primeFor(activation: Activation, wrong: (z: number, a: number) => number): Pick<Hooks, 'sigmaPrime'> {
  return { sigmaPrime: (act, z, a) => (act === activation ? wrong(z, a) : CORRECT_HOOKS.sigmaPrime(act, z, a)) };
}

export const DERIVATIVE_ENTRIES: readonly GalleryEntry[] = [
  {
    impl: compose('bad: sigmoid′ = σ', handwritten(primeFor('sigmoid', (_z, a) => a))),
    bug: "sigmoid'(z) computed as σ(z) instead of σ(z)(1 − σ(z))",
    caughtBy: [
      'gradient/named-cases',
      'gradient/high-precision',
      'gradient/random',
      'gradient/finite-differences',
      'networks/sigma-prime/sigmoid',
      'networks/extreme-gradient/sigmoid',
    ],
    specIdBy: { 'networks/sigma-prime/sigmoid': '3.4/sigma-prime', 'networks/extreme-gradient/sigmoid': '3.4/sigma-prime' },
    specId: 'alg5.line4',
  },
  {
    impl: compose('bad: tanh′ = 1 − z²', handwritten(primeFor('tanh', (z) => 1 - z * z))),
    bug: "tanh'(z) computed as 1 − z² (z where tanh(z) belongs) instead of 1 − tanh²(z)",
    caughtBy: ['gradient/named-cases', 'gradient/high-precision', 'networks/sigma-prime/tanh', 'networks/extreme-gradient/tanh', 'optimizers/minibatch-step'],
    specIdBy: { 'networks/sigma-prime/tanh': '3.4/sigma-prime', 'networks/extreme-gradient/tanh': '3.4/sigma-prime', 'optimizers/minibatch-step': '1.5' },
    specId: 'alg5.line4',
  },
  {
    impl: compose('bad: ReLU′ = 0', handwritten(primeFor('relu', () => 0))),
    bug: 'ReLU\' taken as 0 everywhere ("ReLU is piecewise constant"): no gradient reaches the hidden layers',
    caughtBy: [
      'gradient/named-cases',
      'gradient/high-precision',
      'gradient/random',
      'gradient/finite-differences',
      'networks/one-neuron-gradient',
      'networks/two-layer-gradient',
      'gradient/mean',
    ],
    specIdBy: { 'networks/one-neuron-gradient': '3.2/grad-b', 'networks/two-layer-gradient': 'alg4.line3', 'gradient/mean': '1.5' },
    specId: 'alg5.line4',
  },
  {
    impl: compose('bad: ReLU′(a)', handwritten(primeFor('relu', (_z, a) => Number(reluPrime(a))))),
    bug: "ReLU' evaluated at a = ReLU(z) instead of z: with ReLU'(t) = 1{t ≥ 0} it is 1 everywhere and the mask is lost (as in erratum sec3.4-verify-z-from-a)",
    caughtBy: [
      'gradient/named-cases',
      'gradient/high-precision',
      'gradient/random',
      'gradient/finite-differences',
      'networks/two-layer-gradient',
      'networks/matrix-chain-rule',
      'optimizers/gd-step',
    ],
    specId: 'alg5.line4',
    specIdBy: { 'networks/two-layer-gradient': 'alg4.line3', 'networks/matrix-chain-rule': '3.15', 'optimizers/gd-step': '1.3' },
  },
  {
    impl: compose('bad: ReLU′(0) = 0 declared 1', handwritten(primeFor('relu', (z) => (z > 0 ? 1 : 0))), { conventions: { reluPrimeAtZero: 1 } }),
    bug: "ReLU' = 1{z > 0} (0 at the kink) while the implementation declares the notes' ReLU'(0) = 1",
    caughtBy: ['conventions/relu-prime-at-zero'],
    specId: '3.4/relu-prime',
    layer: 1,
  },
];
