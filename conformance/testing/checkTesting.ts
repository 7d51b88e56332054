/** What the tests of the checks share: a reference to corrupt, one check run on one implementation, all checks passing. */
import { expect } from 'vitest';
import { referenceImplementation } from '../adapters/reference.js';
import type { Check } from '../core/check.js';
import type { Implementation, Operations } from '../core/interface.js';
import { type CheckResult, runChecks } from '../core/runner.js';

export const reference = referenceImplementation();

/** The reference with some operations replaced: one planted bug. */
export function corrupted(name: string, operations: Partial<Operations>, base: Implementation = reference): Implementation {
  return { ...base, name, operations: { ...base.operations, ...operations } };
}

/** The result of the check `id` of `checks` on `impl`. */
export async function runCheck(checks: readonly Check[], impl: Implementation, id: string, runs = 10): Promise<CheckResult> {
  const [result] = await runChecks(impl, checks, { only: [id], runs });
  if (result === undefined) throw new Error(`no check ${id}`);
  return result;
}

/** Every check of `checks` passes on `impl` (the message of the first that does not is shown). */
export async function expectAllPass(impl: Implementation, checks: readonly Check[], runs?: number): Promise<void> {
  const results = await runChecks(impl, checks, runs === undefined ? {} : { runs });
  for (const r of results) expect(r.status, `${r.check}: ${r.message}`).toBe('pass');
  expect(results).toHaveLength(checks.length);
}
