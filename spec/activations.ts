/**
 * The activations σ the notes use, by name: the one list every layer derives its own from
 * (reference/activations.ts#ACTIVATIONS maps each name to σ and σ', the interface's ACTIVATIONS
 * and accelerated/'s validation list are this list, numerics/bounds.ts propagates errors through
 * each). ReLU is eq. 2.1 and 2/relu, the sigmoid eq. 2.14, tanh eq. 2.15, and the identity is the
 * σ(z) = z of the collapse argument (eq. 2.16-2.20). σ acts on the hidden layers (eq. 2.13); the
 * last layer is always linear (eq. 2.12).
 */
export const ACTIVATION_NAMES = ['relu', 'sigmoid', 'tanh', 'identity'] as const;

/** The name of a hidden-layer activation σ (one of ACTIVATION_NAMES). */
export type ActivationName = (typeof ACTIVATION_NAMES)[number];
