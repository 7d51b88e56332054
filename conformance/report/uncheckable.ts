/**
 * Inventory entries that no check can observe through the interface (conformance/core/interface.ts),
 * each with the reason and where the project checks it instead. conformance/report/coverage.test.ts
 * requires every other entry to be covered by at least one check, and none of these to be.
 */
export const UNCHECKABLE: ReadonlyMap<string, string> = new Map([
  ['thm3.1', 'a statement about cost (the gradient in O(N) time), not about values: measured by `npm run bench` (fwd+bwd/fwd time)'],
  [
    '1/scale-invariance',
    'a statement about the minimizers of the cost, not about a value an implementation returns (no operation computes c·J): tested in reference/loss.test.ts',
  ],
  [
    '3.3/naive-cost',
    'a statement about the cost of computing partial derivatives one at a time, not about values: counted and measured in reference/theorem31.test.ts',
  ],
  ['1/example-model', 'h_θ(x) = Σ θ_i² x_i² is an example model, not a network: no operation computes it (tested in reference/squaresModel.test.ts)'],
]);
