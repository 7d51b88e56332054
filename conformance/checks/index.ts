/** Every check of the suite, in the notes' order (Sections 1 to 4), then the fixture vectors. */
import type { Check } from '../check.js';
import { batchChecks } from './batch.js';
import { conventionChecks } from './conventions.js';
import { fixtureChecks } from './fixtures.js';
import { forwardChecks } from './forward.js';
import { gradientChecks } from './gradient.js';
import { identityChecks } from './identities.js';
import { lossChecks } from './loss.js';
import { networkChecks } from './networks.js';
import { optimizerChecks } from './optimizers.js';
import { samplingChecks } from './sampling.js';
import { section2Checks } from './section2.js';

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
