/** Every check of the suite, in the notes' order. */
import type { Check } from '../check.js';
import { forwardChecks } from './forward.js';
import { fixtureChecks } from './fixtures.js';
import { optimizerChecks } from './optimizers.js';
import { samplingChecks } from './sampling.js';
import { section2Checks } from './section2.js';
import { identityChecks } from './identities.js';
import { batchChecks } from './batch.js';
import { lossChecks } from './loss.js';
import { gradientChecks } from './gradient.js';
import { networkChecks } from './networks.js';
import { conventionChecks } from './conventions.js';

export const CHECKS: readonly Check[] = [...forwardChecks, ...fixtureChecks, ...optimizerChecks, ...samplingChecks, ...section2Checks, ...identityChecks, ...batchChecks, ...lossChecks, ...gradientChecks, ...networkChecks, ...conventionChecks];
