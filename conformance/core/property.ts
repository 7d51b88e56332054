/**
 * Property-based checking with fast-check: random cases from the check's seed, shrunk to the
 * smallest failing one, reported with the seed and path that replay it (`--seed`).
 */
import fc from 'fast-check';
import { DOMAIN_LIMIT } from '../oracles/tolerances.js';
import { type NamedCase, namedCases } from './cases.js';
import { type CheckContext, CheckFailure, OutsideDomain, type Replay, supported } from './check.js';

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

/** error/tolerance of a numeric mismatch: how far outside the bound the answer is. */
export function toleranceRatio(failure: CheckFailure): number | undefined {
  const m = failure.mismatch;
  return m?.error !== undefined && m.tolerance !== undefined && m.tolerance > 0 ? m.error / m.tolerance : undefined;
}

/**
 * Runs `body` on ctx.runs cases of `arb`; resolves to a one-line summary, or throws the
 * CheckFailure of the shrunk counterexample with the replay information attached. A case the
 * reference cannot compute inside the domain (the oracle throws OutsideDomain) is discarded and
 * counted, never blamed on the implementation; fast-check draws another in its place.
 */
export async function forAll<T>(ctx: CheckContext, arb: fc.Arbitrary<T>, body: (value: T) => Promise<void>): Promise<string> {
  // After an unanswered call (crash, hang, garbage) shrinking would only repeat it: fail fast instead.
  let unanswered: CheckFailure | undefined;
  // The failing case farthest outside its bound: shrinking may end on a case just outside it.
  let worst: { ratio: number; message: string } | undefined;
  const guarded = async (value: T): Promise<void> => {
    if (unanswered !== undefined) throw unanswered;
    try {
      await body(value);
    } catch (error) {
      if (error instanceof OutsideDomain) fc.pre(false);
      if (error instanceof CheckFailure) {
        if (error.unanswered || error.unsupported) unanswered = error;
        const ratio = toleranceRatio(error);
        if (ratio !== undefined && (worst === undefined || ratio > worst.ratio)) worst = { ratio, message: error.message };
        if (!error.unanswered && !error.unsupported)
          ctx.found?.(
            new CheckFailure(`${error.message} [seed ${ctx.seed}, not fully shrunk]`, error.mismatch, error.reproducer, false, false, undefined, error.specIds),
          );
      }
      throw error;
    }
  };
  const details = await fc.check(fc.asyncProperty(arb, guarded), { seed: ctx.seed, numRuns: ctx.runs, endOnFailure: false });
  const discarded =
    details.numSkips > 0
      ? `; ${details.numSkips} more drawn and discarded: outside the domain the reference computes (|v| ≤ ${DOMAIN_LIMIT.toPrecision(2)})`
      : '';
  if (!details.failed) return `${details.numRuns} random cases (seed ${ctx.seed}${discarded})`;
  if (details.counterexample === null) {
    throw new Error(
      `only ${details.numRuns} of ${ctx.runs} random cases could be drawn inside the domain${discarded} (seed ${ctx.seed}): a fault of the suite's case generator, not of the implementation`,
    );
  }
  const replay: Replay = { seed: details.seed, path: details.counterexamplePath ?? '', shrinks: details.numShrinks };
  const error = details.errorInstance;
  if (error instanceof CheckFailure) {
    if (error.unanswered || error.unsupported) throw error;
    const ratio = toleranceRatio(error);
    const farther = worst !== undefined && ratio !== undefined && worst.ratio > 2 * ratio ? `; the largest error seen before shrinking: ${worst.message}` : '';
    throw new CheckFailure(
      `${error.message}${farther} [rerun with --seed ${details.seed}; shrunk ${details.numShrinks} times]`,
      error.mismatch,
      error.reproducer,
      false,
      false,
      replay,
    );
  }
  throw new CheckFailure(
    `${error instanceof Error ? error.message : String(error)} [rerun with --seed ${details.seed}]`,
    undefined,
    undefined,
    false,
    false,
    replay,
  );
}
