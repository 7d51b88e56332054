/**
 * Inventory entries that no check can observe through the interface (conformance/core/interface.ts),
 * each with the reason and where the project checks it instead. conformance/report/coverage.test.ts
 * requires every other entry to be covered by at least one check, and none of these to be.
 */
export const UNCHECKABLE: ReadonlyMap<string, string> = new Map([
  ['thm3.1', 'a statement about cost (the gradient in O(N) time), not about values: measured by `npm run bench` (fwd+bwd/fwd time)'],
  ['1/example-model', 'h_θ(x) = Σ θ_i² x_i² is an example model, not a network: no operation computes it (tested in reference/squaresModel.test.ts)'],
]);
