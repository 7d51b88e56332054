/**
 * The shape of a fixture file and of one test vector. A vector is one call of an interface
 * operation (conformance/core/interface.ts) with its correctly rounded answer and, per dtype, the
 * entry-wise bound a conforming implementation's answer must stay within. Read by the suite's
 * replay (checks/fixtures.ts) and by the generator (scripts/lib/fixtures/); fixtures/ holds only
 * the JSON they describe.
 */
import { type Dtype, MATHEMATICAL_OPERATIONS, type OperationName, type Operations } from './interface.js';

/** The operations the fixtures cover: every one whose answer is mathematics, not a generator's choice. */
export const FIXTURE_OPERATIONS = MATHEMATICAL_OPERATIONS;
export type FixtureOperation = (typeof FIXTURE_OPERATIONS)[number];

export type RequestOf<Op extends OperationName> = Parameters<Operations[Op]>[0];
/** The answer of an operation; for `train` the fixtures always carry the optional losses. */
export type ExpectedOf<Op extends OperationName> = Awaited<ReturnType<Operations[Op]>>;

export interface FixtureVector<Op extends FixtureOperation = FixtureOperation> {
  /** Unique across all files, e.g. 'gradient/relu/kink'. */
  readonly id: string;
  /** Inventory ids (spec/inventory) the vector exercises. */
  readonly specIds: readonly string[];
  readonly operation: Op;
  /** Exactly the interface's request for `operation`. */
  readonly request: RequestOf<Op>;
  /** The exact answer rounded to the nearest float64, in the interface's shape. */
  readonly expected: ExpectedOf<Op>;
  /** Entry-wise bounds on |answer − expected|, in the shape of `expected`, per dtype. */
  readonly tolerance: Readonly<Record<Dtype, ExpectedOf<Op>>>;
  readonly note: string;
}

export interface FixtureFile {
  readonly format: string;
  readonly group: string;
  readonly description: string;
  readonly vectors: readonly FixtureVector[];
}

export interface ManifestEntry {
  readonly path: string;
  readonly sha256: string;
  readonly vectors: number;
  readonly operations: readonly FixtureOperation[];
  readonly specIds: readonly string[];
}

export interface OperationSummary {
  readonly files: readonly string[];
  readonly vectors: number;
  readonly specIds: readonly string[];
}

export interface Manifest {
  readonly format: string;
  readonly regenerate: string;
  readonly schema: { readonly path: string; readonly sha256: string };
  readonly files: readonly ManifestEntry[];
  /** Per operation: the file(s) holding its vectors, how many, and their spec ids. */
  readonly operations: Readonly<Partial<Record<FixtureOperation, OperationSummary>>>;
  /** The union of the files' spec ids, in the inventory's order. */
  readonly specIds: readonly string[];
}

export const FORMAT = 'cs229-dl-fixtures/1';
