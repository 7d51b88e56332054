/**
 * The playground's verdict: J(θ) of the accelerated run after each of the first iterations against
 * the reference replaying the same batches from the same θ0 in float64, within the float32 bound
 * of the backend's error model carried from step to step (conformance/oracles/oracle.ts, the
 * oracle of the suite's training checks), judged by the suite's own comparison. The worst-case
 * bound grows with every step; where it leaves the domain the comparison stops there and says so.
 * Browser-safe.
 */
import { CheckFailure, OutsideDomain } from '../../../../conformance/core/check.js';
import { expectClose } from '../../../../conformance/oracles/compare.js';
import { type Expected, trainingExpectations } from '../../../../conformance/oracles/oracle.js';
import { toleranceProfile } from '../../../../conformance/oracles/tolerances.js';
import type { ActivationName } from '../../../../spec/activations.js';
import type { PlaygroundProblem } from './problem.js';

export interface ReferenceCurve {
  /** J(θ) after iteration i + 1 (float64) with its bound, for as many iterations as were judged. */
  readonly losses: readonly Expected<number>[];
  /** Why fewer iterations than asked were judged (the bound or the reference left the domain). */
  readonly stopped?: string;
}

/**
 * The reference's curve for the first `count` batches of `problem`, with the bound of `backend`
 * (cpu, wasm, webgl, webgpu), computed `chunk` iterations at a time; `pause` runs between chunks
 * (a page yields to the browser there so it can draw).
 */
export async function referenceCurve(
  problem: PlaygroundProblem,
  activation: ActivationName,
  alpha: number,
  count: number,
  backend: string,
  pause: (losses: readonly Expected<number>[]) => Promise<void> = async () => undefined,
  chunk = 10,
): Promise<ReferenceCurve> {
  const profile = toleranceProfile({ dtype: 'float32', precision: backend });
  const steps = trainingExpectations(profile, problem.theta0, activation, problem.data, problem.batches.slice(0, count), alpha);
  const losses: Expected<number>[] = [];
  try {
    for (const step of steps) {
      losses.push(step.loss);
      if (losses.length % chunk === 0) await pause(losses);
    }
  } catch (error) {
    if (!(error instanceof OutsideDomain)) throw error;
    return { losses, stopped: `compared through iteration ${losses.length}: ${error.message}` };
  }
  return { losses };
}

export interface Agreement {
  /** Iterations compared. */
  readonly iterations: number;
  /** max_i |J_accelerated(i) − J_reference(i)| and the bound at that iteration. */
  readonly maxDifference: number;
  readonly boundAtMax: number;
  /** max_i |difference| / bound: at most 1 (times the suite's safety factor) when the run conforms. */
  readonly worstRatio: number;
  /** The first iteration out of bounds, as the suite reports it; undefined when every one is within. */
  readonly failure?: string;
}

/** Judges `accelerated[i]` against `reference.losses[i]` for every compared iteration. */
export function agreement(reference: ReferenceCurve, accelerated: readonly number[]): Agreement {
  let maxDifference = 0;
  let boundAtMax = 0;
  let worstRatio = 0;
  let failure: string | undefined;
  reference.losses.forEach((expected, i) => {
    const got = accelerated[i];
    const difference = Math.abs((got ?? Number.NaN) - expected.value);
    if (!(difference <= maxDifference)) [maxDifference, boundAtMax] = [difference, expected.bound];
    worstRatio = Math.max(worstRatio, difference / expected.bound);
    try {
      expectClose({ specId: '1.5', operation: 'train', quantity: `J(θ) after iteration ${i + 1}` }, expected, got);
    } catch (error) {
      if (!(error instanceof CheckFailure)) throw error;
      failure ??= error.message;
    }
  });
  return { iterations: reference.losses.length, maxDifference, boundAtMax, worstRatio, ...(failure !== undefined && { failure }) };
}
