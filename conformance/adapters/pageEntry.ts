/**
 * The page side of the browser adapter (browser.ts): the accelerated harness page
 * (accelerated/browser/entry.ts: tfjs with webgl and webgpu registered) plus, on globalThis:
 *   - conformanceCall(backend, operation, request): one operation of the suite's interface on
 *     `backend` (tfjsOperations.ts, the same code as in Node), plain data in and out;
 *   - conformanceTensors(): tf.memory().numTensors of the page;
 *   - conformanceReady = true once this module has run.
 * Bundled by accelerated/browser/bundle.ts (buildPageBundle({ entry })).
 */
import '../../accelerated/browser/entry.js';
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../../accelerated/scenario.types.js';
import { OPERATION_NAMES, type OperationName, type Operations } from '../interface.js';
import { tfjsOperationsOn } from './tfjsOperations.js';

/** The page's backends, each with its operations pinned to it. */
const operations = new Map<BackendName, Operations>();

/** Runs `operation` of the interface on `backend` in this page. */
export async function conformanceCall(backend: BackendName, operation: OperationName, request: unknown): Promise<unknown> {
  if (!OPERATION_NAMES.includes(operation)) throw new Error(`unknown operation '${String(operation)}': the interface has ${OPERATION_NAMES.join(', ')}`);
  let ops = operations.get(backend);
  if (ops === undefined) {
    ops = tfjsOperationsOn(backend);
    operations.set(backend, ops);
  }
  return (ops[operation] as (r: unknown) => unknown).call(ops, request);
}

/** tf.memory().numTensors in this page (every backend's tensors). */
export function conformanceTensors(): number {
  return tf.memory().numTensors;
}

/** What browser.ts finds on the page's globalThis. */
export interface ConformanceGlobals {
  conformanceCall: typeof conformanceCall;
  conformanceTensors: typeof conformanceTensors;
  conformanceReady: boolean;
}

Object.assign(globalThis, { conformanceCall, conformanceTensors, conformanceReady: true } satisfies ConformanceGlobals);
