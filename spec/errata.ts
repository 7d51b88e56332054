/**
 * Errata of the CS229 "Deep Learning" notes (Ma, Avati, Katanforoosh, Ng), audited line by line
 * against the text conversion the project works from. Every error, conversion garbling, ambiguity
 * and convention choice the reference implementation depends on is listed, in the order of the
 * notes. `asPrinted` is verbatim from the conversion; numeric proofs are the tests named
 * `[erratum:<id>]` in reference/errata.test.ts and errataAlgorithm5.test.ts (which use the deliberately wrong transcriptions of
 * reference/asPrinted.ts), reference/errataSection1.test.ts to errataSection3.test.ts, and
 * spec/latex.test.ts for the LaTeX the conversion damaged.
 *
 * Kind, where we cannot see the PDF: a slip the conversion typically makes (a lost minus sign, a
 * stray tilde, a displaced float or footnote, a mangled LaTeX matrix or superscript) is filed as
 * conversion-artifact; a wrong index, variable, figure or equation number is filed as
 * error-in-notes. Either way the correction is the same.
 */

import { SECTION_1_ERRATA } from './errata/section1.js';
import { SECTION_2_ERRATA } from './errata/section2.js';
import { SECTION_3_ERRATA } from './errata/section3.js';
import { SECTION_4_ERRATA } from './errata/section4.js';
import type { Erratum } from './types.js';

/** Every erratum, in the order of the notes (one file per section under spec/errata/). */
export const ERRATA: readonly Erratum[] = [...SECTION_1_ERRATA, ...SECTION_2_ERRATA, ...SECTION_3_ERRATA, ...SECTION_4_ERRATA];
