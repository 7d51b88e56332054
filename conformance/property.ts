/**
 * Property-based checking with fast-check: random cases from the check's seed, shrunk to the
 * smallest failing one, reported with the seed and path that replay it (`--seed`).
 */
import fc from 'fast-check';
import { namedCases, type NamedCase } from './cases.js';
import { CheckFailure, supported, type CheckContext } from './check.js';

/**
 * Runs `body` on the hand-made cases (cases.ts#namedCases) of every activation the implementation
 * supports, those `which` keeps; resolves to a one-line summary.
 */
export async function forNamedCases(ctx: CheckContext, body: (c: NamedCase) => Promise<void>, which: (c: NamedCase) => boolean = () => true): Promise<string> {
  let count = 0;
  for (const activation of supported(ctx)) {
    for (const c of namedCases(activation).filter(which)) {
      await body(c);
      count++;
    }
  }
  return `${count} hand-made networks`;
}

/**
 * Runs `body` on ctx.runs cases of `arb`; resolves to a one-line summary, or throws the
 * CheckFailure of the shrunk counterexample with the replay information appended.
 */
export async function forAll<T>(ctx: CheckContext, arb: fc.Arbitrary<T>, body: (value: T) => Promise<void>): Promise<string> {
  // After an unanswered call (crash, hang, garbage) shrinking would only repeat it: fail fast instead.
  let unanswered: CheckFailure | undefined;
  const guarded = async (value: T): Promise<void> => {
    if (unanswered !== undefined) throw unanswered;
    try {
      await body(value);
    } catch (error) {
      if (error instanceof CheckFailure && (error.unanswered || error.unsupported)) unanswered = error;
      throw error;
    }
  };
  const details = await fc.check(fc.asyncProperty(arb, guarded), { seed: ctx.seed, numRuns: ctx.runs, endOnFailure: false });
  if (!details.failed) return `${details.numRuns} random cases (seed ${ctx.seed})`;
  const replay = `fast-check seed ${details.seed}, path "${details.counterexamplePath ?? ''}", shrunk ${details.numShrinks} times; rerun with --seed ${details.seed}`;
  const error = details.errorInstance;
  if (error instanceof CheckFailure) {
    if (error.unanswered || error.unsupported) throw error;
    throw new CheckFailure(`${error.message} [${replay}]`, error.mismatch, error.reproducer);
  }
  throw new CheckFailure(`${error instanceof Error ? error.message : String(error)} [${replay}]`);
}
