/**
 * Replays the language-neutral test vectors of fixtures/ (generated from the reference in 64-digit
 * arithmetic, correctly rounded) through the implementation: one check per operation, each vector
 * sent as it is (ctx.call(vector.operation, vector.request)) and its answer compared entry by entry
 * with vector.expected within vector.tolerance[dtype]. The manifest is imported as a module; the
 * vector files are read relative to this module's URL, never to the working directory, or, in a
 * browser page (the site's playground), by the reader the page sets with readFixturesWith.
 */
import manifestJson from '../../fixtures/manifest.json' with { type: 'json' };
import { type Check, type CheckContext, CheckFailure } from '../core/check.js';
import type { FixtureFile, FixtureOperation, FixtureVector, Manifest } from '../core/fixtureTypes.js';
import type { ForwardBatchRequest, ForwardBatchResult, ForwardResult, LossResult, NetParams, TrainResult } from '../core/interface.js';
import { expectClose, expectMatrixClose, expectParamsClose, expectVectorClose, type Site } from '../oracles/compare.js';

const manifest = manifestJson as unknown as Manifest;

/** Reads one vector file of fixtures/ by its name in the manifest (e.g. 'forward.json'). */
export type FixtureReader = (file: string) => Promise<string>;

/**
 * Node: the file beside this module. The module name is a variable so that a browser bundle of the
 * checks does not pull node:fs in; a page sets its own reader before a replay runs.
 */
const readBesideModule: FixtureReader = async (file) => {
  const fsModule = 'node:fs/promises';
  const { readFile } = (await import(fsModule)) as typeof import('node:fs/promises');
  return readFile(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8');
};

let reader: FixtureReader = readBesideModule;
const files = new Map<string, Promise<FixtureFile>>();

/** Where the replay checks read the vector files from from now on (a page fetches them from its site). */
export function readFixturesWith(read: FixtureReader): void {
  reader = read;
  files.clear();
}

/** One fixture file, read and parsed once per process. */
function loadFile(path: string): Promise<FixtureFile> {
  let file = files.get(path);
  if (file === undefined) {
    file = reader(path).then((text) => JSON.parse(text) as FixtureFile);
    files.set(path, file);
  }
  return file;
}

/** Every vector of `operation`, in file order. */
export async function vectorsOf(operation: FixtureOperation): Promise<FixtureVector[]> {
  const paths = manifest.operations[operation]?.files ?? [];
  const loaded = await Promise.all(paths.map(loadFile));
  return loaded.flatMap((f) => f.vectors.filter((v) => v.operation === operation));
}

/** expected and tolerance of one vector, viewed as the answer type T of its operation. */
const pair = <T>(v: FixtureVector, tolerance: unknown): [T, T] => [v.expected as unknown as T, tolerance as T];
const bounded = <T>(value: T, bound: T): { value: T; bound: T } => ({ value, bound });

/** Where each θ-shaped answer sits in the notes: the equation that produces W^{[k]}, b^{[k]}. */
const PARAMS_SITES: Partial<Record<FixtureOperation, { specId: string; quantity: string }>> = {
  gradient: { specId: 'alg5.line5', quantity: '∂J/∂' },
  meanGradient: { specId: '1.5', quantity: '(1/B)Σ ∂J/∂' },
  gdStep: { specId: '1.3', quantity: 'after the step: ' },
  sgdStep: { specId: '1.4', quantity: 'after the step: ' },
  minibatchStep: { specId: '1.5', quantity: 'after the step: ' },
  train: { specId: 'alg2.line4', quantity: 'after the last iteration: ' },
};

/** Compares one answer with a vector's expected value, quantity by quantity, layer by layer. */
function compare(v: FixtureVector, tolerance: unknown, got: unknown): void {
  const reproducer = { operation: v.operation, request: v.request };
  const site = (specId: string, quantity: string, layer?: number): Site => ({
    specId,
    operation: v.operation,
    quantity,
    ...(layer !== undefined && { layer }),
    reproducer,
  });
  const paramsSite = (which: 'W' | 'b', k: number): Site => {
    const at = PARAMS_SITES[v.operation]!;
    return site(at.specId, `${at.quantity}${which}[${k}]`, k);
  };
  const g = (got ?? {}) as Record<string, unknown>;
  const layer = (name: string, k: number): unknown => (g[name] as unknown[] | undefined)?.[k - 1];
  const r = v.request.params.W.length;
  switch (v.operation) {
    case 'forward': {
      const [e, t] = pair<ForwardResult>(v, tolerance);
      for (let k = 1; k <= r; k++) {
        const id = k < r ? '2.13' : '2.12';
        expectVectorClose(site(id, `z[${k}]`, k), bounded(e.z[k - 1]!, t.z[k - 1]!), layer('z', k));
        expectVectorClose(site(id, `a[${k}]`, k), bounded(e.a[k - 1]!, t.a[k - 1]!), layer('a', k));
      }
      return expectClose(site('2.12', 'h_θ(x)'), bounded(e.output, t.output), g.output);
    }
    case 'loss': {
      const [e, t] = pair<LossResult>(v, tolerance);
      expectVectorClose(site('1.1', 'J^{(i)} of each example'), bounded(e.perExample, t.perExample), g.perExample);
      return expectClose(site('1.2', 'J(θ)'), bounded(e.mean, t.mean), g.mean);
    }
    case 'forwardBatch': {
      const [e, t] = pair<ForwardBatchResult>(v, tolerance);
      const columns = (v.request as ForwardBatchRequest).layout === 'columns';
      for (let k = 1; k <= r; k++) {
        const specId = k === 1 ? (columns ? '4.2' : '4.4') : columns ? '4/multi-layer' : '4/row-major-conversion';
        const shape = columns ? `m${k} x B` : `B x m${k}`;
        expectMatrixClose(site(specId, `Z[${k}]`, k), bounded(e.Z[k - 1]!, t.Z[k - 1]!), layer('Z', k), shape);
        expectMatrixClose(site(specId, `A[${k}]`, k), bounded(e.A[k - 1]!, t.A[k - 1]!), layer('A', k), shape);
      }
      return;
    }
    case 'train': {
      const [e, t] = pair<Required<TrainResult>>(v, tolerance);
      expectParamsClose(paramsSite, bounded(e.params as NetParams, t.params as NetParams), g.params);
      // losses are optional in the interface: compared when the implementation reports them.
      if (g.losses !== undefined) expectVectorClose(site('1.2', 'J(θ) after each iteration'), bounded(e.losses, t.losses), g.losses);
      return;
    }
    default: {
      const [e, t] = pair<NetParams>(v, tolerance);
      return expectParamsClose(paramsSite, bounded(e, t), got);
    }
  }
}

/**
 * Sends one vector and compares the answer; a failure names the vector and counts against the
 * vector's own statements (or the one its mismatch names). Resolves to false when the
 * implementation answers that it does not support this request (e.g. one of forwardBatch's two
 * layouts): the vector is skipped, not failed.
 */
export async function replayVector(ctx: CheckContext, v: FixtureVector): Promise<boolean> {
  try {
    const got = await ctx.call(v.operation, v.request as never);
    compare(v, v.tolerance[ctx.impl.dtype], got);
    return true;
  } catch (error) {
    if (!(error instanceof CheckFailure)) throw error;
    if (error.unsupported) return false;
    const reproducer = error.reproducer ?? { operation: v.operation, request: v.request };
    throw new CheckFailure(`fixture ${v.id}: ${error.message}`, error.mismatch, reproducer, error.unanswered, false, undefined, v.specIds);
  }
}

const TITLES: Record<FixtureOperation, string> = {
  forward: 'forward pass (eq. 2.12-2.13)',
  loss: 'per-example and mean cost (eq. 1.1-1.2)',
  gradient: 'backpropagation on one example (Algorithm 5)',
  meanGradient: 'mean gradient over a batch (eq. 1.5)',
  gdStep: 'gradient-descent step (eq. 1.3)',
  sgdStep: 'SGD step (eq. 1.4)',
  minibatchStep: 'mini-batch SGD step (eq. 1.5)',
  train: "Algorithm 2's loop on given batches",
  forwardBatch: 'forward pass on a batch, columns (eq. 4.1-4.3) and rows (eq. 4.4)',
};

function replayCheck(operation: FixtureOperation): Check {
  const summary = manifest.operations[operation]!;
  return {
    id: `fixtures/replay/${operation}`,
    specIds: summary.specIds,
    title: `fixture vectors of ${operation}: ${TITLES[operation]}, against correctly rounded answers`,
    // Hand-written: the fixture files this check replays; their statements are the spec ids above.
    quote: `the ${summary.vectors} vectors of fixtures/${summary.files.join(', fixtures/')}: |answer − expected| ≤ tolerance, entry by entry`,
    requires: [operation],
    async run(ctx) {
      const vectors = await vectorsOf(operation);
      const runnable = vectors.filter((v) => ctx.impl.activations.includes(v.request.activation));
      const verified: FixtureVector[] = [];
      for (const v of runnable) if (await replayVector(ctx, v)) verified.push(v);
      const unsupported = runnable.length - verified.length;
      const skipped = [
        ...(vectors.length > runnable.length ? [`${vectors.length - runnable.length} of an activation not declared`] : []),
        ...(unsupported > 0 ? [`${unsupported} answered unsupported`] : []),
      ];
      const note = skipped.length > 0 ? ` (skipped: ${skipped.join(', ')})` : '';
      if (verified.length === 0) throw new CheckFailure(`no vector of ${operation} could be verified${note}`, undefined, undefined, false, true);
      // the statements of the vectors that ran, not of the whole file
      const specIds = [...new Set(verified.flatMap((v) => v.specIds))];
      return { status: 'pass', message: `${verified.length} vectors within their ${ctx.impl.dtype} tolerances${note}`, specIds };
    },
  };
}

/** One replay check per operation the fixtures cover (fixtures/manifest.json). */
export const fixtureChecks: Check[] = (Object.keys(manifest.operations) as FixtureOperation[]).map(replayCheck);
