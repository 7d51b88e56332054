/** Every check of the suite, in the notes' order. */
import type { Check } from '../check.js';
import { forwardChecks } from './forward.js';

export const CHECKS: readonly Check[] = [...forwardChecks];
