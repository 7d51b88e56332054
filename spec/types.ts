/**
 * The shapes of spec/ data. spec/ imports nothing: it is what the notes say (corrected),
 * readable by any tool, and everything else in the project points at it.
 */

/** What kind of statement of the notes an inventory entry transcribes. */
export type SpecKind = 'equation' | 'algorithm-line' | 'theorem' | 'formula' | 'definition';

/**
 * One mathematical statement of the notes.
 *
 * Ids: the notes' own number where it has one ('1.1' ... '4.4'); 'algN.lineK' for a line of
 * Algorithm N; 'thm3.1'; and '<section>/<slug>' for an unnumbered formula ('3.2/grad-w').
 */
export interface SpecEntry {
  readonly id: string;
  /** The notes' section: '1', '2', '3.1' ... '3.5', '4'. */
  readonly section: string;
  readonly kind: SpecKind;
  /** One line saying what the statement is. */
  readonly title: string;
  /** The statement as it should read (LaTeX), after every correction in errata. */
  readonly latex: string;
  /** Shape of every symbol: 'scalar', 'd×1', 'm_k×m_{k-1}', 'function R→R', 'index in {1..n}'. */
  readonly shapes: Readonly<Record<string, string>>;
  /** Reference functions that transcribe it: 'reference/<file>.ts#<exportName>'. */
  readonly implementedBy: readonly string[];
  /** Ids of errata that touch this statement. */
  readonly errata?: readonly string[];
}

/**
 * error-in-notes: the notes (the PDF itself) state something false.
 * conversion-artifact: the text conversion of the PDF garbled a formula or a number.
 * ambiguity: the notes can be read two ways; we say which one we implement and why.
 * convention: a choice the notes leave open or fix implicitly, made explicit.
 */
export type ErratumKind = 'error-in-notes' | 'conversion-artifact' | 'ambiguity' | 'convention';

export interface Erratum {
  /** Stable slug, e.g. 'alg5.line2-o-for-y'. */
  readonly id: string;
  readonly kind: ErratumKind;
  /** Where a reader finds it: 'Section 3.5, Algorithm 5, line 2'. */
  readonly where: string;
  /** Spec ids the erratum corrects or constrains. */
  readonly affects: readonly string[];
  /** The text as it stands in the notes (verbatim from the text conversion). */
  readonly asPrinted: string;
  /** What it should say (LaTeX or prose). */
  readonly correction: string;
  /** Why: a derivation, a shape argument, or the numeric check that proves it. */
  readonly derivation: string;
}
