/**
 * The one error type of the project: bad input names the equation or algorithm line it violates,
 * e.g. `eq. 2.12: W[2] must be 3x4 (m2 x m1), got 4x3`. Dependency-free, so the reference, the
 * accelerated path (in Node and in a browser page) and the conformance suite all throw the same.
 */
export class SpecError extends Error {
  /** `where` is the equation or algorithm line: 'eq. 2.12', 'Algorithm 2 line 4'. */
  constructor(readonly where: string, detail: string) {
    super(`${where}: ${detail}`);
    this.name = 'SpecError';
  }
}
