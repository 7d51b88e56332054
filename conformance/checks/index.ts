/** Every check of the suite, in the notes' order (Sections 1 to 4), then the fixture vectors. */
import type { Check } from '../core/check.js';
import { fixtureChecks } from './fixtures.js';
import { identityChecks } from './identities.js';
import { lossChecks } from './section1/loss.js';
import { optimizerChecks } from './section1/optimizers.js';
import { samplingChecks } from './section1/sampling.js';
import { forwardChecks } from './section2/forward.js';
import { section2Checks } from './section2/networks.js';
import { conventionChecks } from './section3/conventions.js';
import { gradientChecks } from './section3/gradient.js';
import { networkChecks } from './section3/networks.js';
import { batchChecks } from './section4/batch.js';

export const CHECKS: readonly Check[] = [
  ...lossChecks, // Section 1: eq. 1.1-1.2
  ...optimizerChecks, // eq. 1.3-1.5, Algorithms 1-2
  ...samplingChecks, // Algorithms 1-2 lines 2 and 4
  ...section2Checks, // Section 2: the notes' networks
  ...forwardChecks, // eq. 2.12-2.13
  ...identityChecks, // eq. 2.16-2.21 and identities between operations
  ...networkChecks, // Section 3: one neuron, two layers, matrix chain rule
  ...gradientChecks, // Algorithm 5
  ...conventionChecks, // ReLU'(0)
  ...batchChecks, // Section 4
  ...fixtureChecks, // fixtures/*.json
];
