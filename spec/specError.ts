/**
 * The one error type of the project: bad input names the equation or algorithm line it violates,
 * e.g. `eq. 2.12: W[2] must be 3x4 (m2 x m1), got 4x3`. Dependency-free, so the reference, the
 * accelerated path (in Node and in a browser page) and the conformance suite all throw the same.
 */
export class SpecError extends Error {
  /** `where` is the equation or algorithm line: 'eq. 2.12', 'Algorithm 2 line 4'. */
  constructor(
    readonly where: string,
    detail: string,
  ) {
    super(`${where}: ${detail}`);
    this.name = 'SpecError';
  }
}

/**
 * A number the arithmetic cannot represent: h_θ(x), J, a gradient entry or θ after a step came out
 * NaN or ±Infinity (the run diverged, or float64/float32 overflowed), e.g.
 * `eq. 1.5: θ after the step is not finite (W[1] entry (2,3) = Infinity): the run diverged; lower α`,
 * or an input number is NaN or ±Infinity (`eq. 2.12: W[1] must be finite, but entry (1,2) is NaN`).
 * A SpecError, so every caller that catches bad input still catches it; a distinct class, so a caller
 * (the conformance oracle) can tell "this case cannot be computed" from "this input is ill-formed".
 */
export class NonFiniteError extends SpecError {
  /** The message without its leading `where: `. */
  constructor(
    where: string,
    readonly detail: string,
  ) {
    super(where, detail);
    this.name = 'NonFiniteError';
  }
}
