/**
 * A known-bad implementation of the gallery: ONE realistic mistake, what it is, and which checks
 * must reject it naming which equation. The gallery is the suite's own test: a check that lets a
 * gallery entry through is too weak.
 */
import type { Implementation } from '../core/interface.js';

export interface GalleryEntry {
  /** name 'bad: <short name>'. */
  readonly impl: Implementation;
  /** The mistake, one line. */
  readonly bug: string;
  /** Ids of the checks that must fail on it. */
  readonly caughtBy: readonly string[];
  /** The inventory id of the equation the mistake breaks: what each caughtBy failure must name (Mismatch.specId). */
  readonly specId: string;
  /**
   * Checks that name another equation for the same mistake, by check id: a check names the
   * equation of the operation it calls (a wrong ∇J seen through gdStep is a wrong eq. 1.3 step).
   */
  readonly specIdBy?: Readonly<Record<string, string>>;
  /** Checks whose failure is on a number (J(θ), h_θ(x)), which has no element to name. */
  readonly scalarBy?: readonly string[];
  /** The notes' 1-based layer each caughtBy failure must name, where it is the same for all of them. */
  readonly layer?: number;
  /**
   * 'throws': the mistake makes the operation fail outright (as the printed Algorithm 5 does), so
   * the check fails with `<operation> failed: ...` and a reproducer, without a Mismatch.
   * Default 'mismatch': a wrong number, named by a Mismatch with its element.
   */
  readonly detectedAs?: 'mismatch' | 'throws';
  /** For 'throws': a fragment the failure message must contain (the implementation's own error). */
  readonly thrown?: string;
}
