/**
 * What a check is (test262-style metadata a tool can read: id, spec ids, the equation quoted),
 * what it reports, and the context it runs in. A check never knows which implementation it runs
 * on: it sees only ctx.call (the interface's operations, guarded) and the implementation's
 * declarations (dtype, activations, conventions).
 */

import type { ToleranceProfile } from '../oracles/tolerances.js';
import type { Activation, Implementation, OperationName, Operations } from './interface.js';

export const STATUSES = ['pass', 'fail', 'not-implemented', 'convention', 'expected-fail', 'unexpected-pass'] as const;
export type Status = (typeof STATUSES)[number];

/** Where a wrong value is: the equation, the operation, the quantity, the layer, the element. */
export interface Mismatch {
  readonly specId: string;
  readonly operation: OperationName;
  /** The quantity in the notes' names, e.g. '∂J/∂W[2]', 'z[1]', 'h_θ(x)', 'J'. */
  readonly quantity: string;
  /** The notes' 1-based layer k, where the quantity belongs to a layer. */
  readonly layer?: number;
  /** 1-based entry: [i] of a vector, [i, j] of a matrix. */
  readonly element?: readonly number[];
  readonly expected: number | string;
  readonly got: number | string;
  readonly tolerance?: number;
  readonly error?: number;
}

/** The smallest failing input known: one request to one operation, plain data, replayable. */
export interface Reproducer {
  readonly operation: OperationName;
  readonly request: unknown;
}

/** How a property check's counterexample replays (fast-check's seed and path; in the JSON report, not on the terminal). */
export interface Replay {
  readonly seed: number;
  readonly path: string;
  readonly shrinks: number;
}

/** A check's finding that the implementation does not conform. */
export class CheckFailure extends Error {
  constructor(
    message: string,
    readonly mismatch?: Mismatch,
    public reproducer?: Reproducer,
    /** The implementation did not answer at all (crashed, hung, spoke garbage): asking again with smaller inputs is pointless. */
    readonly unanswered = false,
    /** The implementation said it does not support what was asked: the check is not-implemented, not failed. */
    readonly unsupported = false,
    readonly replay?: Replay,
    /** The statements this failure breaks, where the mismatch does not name one (e.g. a fixture vector's ids). */
    readonly specIds?: readonly string[],
  ) {
    super(message);
    this.name = 'CheckFailure';
  }
}

/** Thrown by an adapter when the implementation answers that it does not support a request (protocol error code "unsupported"). */
export class NotSupported extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotSupported';
  }
}

/**
 * Thrown by an adapter when the implementation could not answer (its process died, timed out,
 * wrote something that is not a protocol message), as opposed to answering wrongly.
 */
export class ImplementationFault extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImplementationFault';
  }
}

/**
 * Thrown by the oracle when a case lies outside the domain where the notes' mathematics is
 * computable in the implementation's dtype (tolerances.ts#domainLimit): the reference itself
 * overflowed or left the range (a diverging run). Property checks discard such a case and count
 * it (property.ts#forAll); it is never blamed on the implementation.
 */
export class OutsideDomain extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutsideDomain';
  }
}

/** What a check returns when it does not fail. */
export interface Verdict {
  readonly status: 'pass' | 'convention';
  readonly message: string;
  /** The statements actually verified, where fewer than the check's specIds (default: all of them). */
  readonly specIds?: readonly string[];
}

type RequestOf<Op extends OperationName> = Parameters<Operations[Op]>[0];
export type ResultOf<Op extends OperationName> = Awaited<ReturnType<Operations[Op]>>;

export interface CheckContext {
  readonly impl: Pick<Implementation, 'name' | 'dtype' | 'precision' | 'activations' | 'conventions'>;
  /** Calls one operation; a throw, a rejection or a non-answer becomes a CheckFailure naming the operation. */
  call<Op extends OperationName>(operation: Op, request: RequestOf<Op>): Promise<ResultOf<Op>>;
  readonly tolerance: ToleranceProfile;
  /** --strict: conventions must be the notes' own (ReLU'(0) = 1). */
  readonly strict: boolean;
  /** The seed of every random case (fast-check and data); reported with every property failure. */
  readonly seed: number;
  /** Runs per property-based check. */
  readonly runs: number;
  /** Notes a failure found on the way (property.ts#forAll while shrinking): reported should the check run out of time. */
  found?(failure: CheckFailure): void;
}

export interface Check {
  /** Stable id, e.g. 'gradient/finite-differences'. */
  readonly id: string;
  /** The inventory ids (spec/inventory) this check covers. */
  readonly specIds: readonly string[];
  /** One line: what is checked. */
  readonly title: string;
  /** The equation as it should read (spec/inventory's LaTeX or the notes' words). */
  readonly quote: string;
  /** Operations the implementation must provide; otherwise the check is not-implemented. */
  readonly requires: readonly OperationName[];
  /** Activations it needs (all of them); otherwise not-implemented. Default: none beyond what it picks itself. */
  readonly activations?: readonly Activation[];
  run(ctx: CheckContext): Promise<Verdict | void>;
}

/** Pass with a message. */
export const pass = (message: string): Verdict => ({ status: 'pass', message });

/** The activations the implementation supports among `wanted` (default all it supports). */
export function supported(ctx: CheckContext, wanted?: readonly Activation[]): Activation[] {
  return (wanted ?? ctx.impl.activations).filter((a) => ctx.impl.activations.includes(a));
}
