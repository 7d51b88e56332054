/**
 * Identities the notes state or imply, checked on the implementation's OWN answers: two answers
 * that are the same exact quantity must agree (GD = mini-batch on all indices, a training run =
 * its steps, 'rows' = 'columns'ᵀ, ...), and formulas applied by the check to the implementation's
 * answers (eq. 2.21 on its a^{[r−1]}, the mean of its per-example gradients) must reproduce its
 * other answers. Tolerances are sums of the oracle's BOUNDS (tolerances.ts#betweenAnswers) plus
 * the check's own exact-then-rounded evaluation (tolerances.ts#roundedOnceBound); the one value
 * taken from the reference is 2/collapse-affine's W̃x + b̃ (oracles/collapse.ts, 64 digits).
 */
import type { Check } from '../core/check.js';
import { section1Identities } from './section1/identities.js';
import { linearityChecks } from './section1/linearity.js';
import { section2Identities } from './section2/identities.js';
import { section4Identities } from './section4/identities.js';

/** Every identity check, in the suite's order: Section 2's, then Section 1's (its linearity in θ last), then Section 4's. */
export const identityChecks: Check[] = [...section2Identities, ...section1Identities, ...linearityChecks, ...section4Identities];
