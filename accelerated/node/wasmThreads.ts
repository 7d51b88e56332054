/**
 * The two-thread wasm backend for Node. The stock `wasm` registration of
 * @tensorflow/tfjs-backend-wasm runs ONE thread in Node (its WASM_HAS_MULTITHREAD_SUPPORT flag is
 * false under IS_NODE, and forcing it fails: the pthread worker and the main script are handed to
 * `new Worker` as Blob URLs, which Node refuses with ERR_WORKER_PATH). The package nevertheless
 * ships the threaded SIMD build in wasm-out/; this file starts that build by hand:
 *
 *   (a) `mainScriptUrlOrBlob` = the absolute path of wasm-out/tfjs-backend-wasm-threaded-simd.js,
 *       so each pthread worker can `importScripts` (= eval the file) the real main script;
 *   (b) `locateFile('…worker.js')` = a real file holding the worker source, written once to the OS
 *       temp directory (the package ships it only as a JS string, `wasmWorkerContents`);
 *   (c) `instantiateWasm` overrides the import `env.emscripten_num_logical_cores` before
 *       instantiating: the C++ side (backend.cc) computes num_cores = logical_cores / 2 at static
 *       init and caps the thread pool at it, which is 1 on a 2-core machine. We report 2·threads.
 *
 * Then the backend object is built from that module exactly as the stock registration does
 * (`module.tfjs = {cwraps}`, `new BackendWasm(module)`), and registered under the name 'wasm', so
 * the kernels the package registered for 'wasm' are reused unchanged.
 *
 * PIN-SENSITIVE: this depends on @tensorflow/tfjs-backend-wasm 4.22.0 internals, namely
 *   - the file names wasm-out/tfjs-backend-wasm-threaded-simd.{js,wasm,worker.js} and the
 *     `wasmWorkerContents` export of the .worker.js file (with `\n` escapes to restore, as the
 *     stock `locateFile` does);
 *   - the Emscripten factory options mainScriptUrlOrBlob / locateFile / instantiateWasm and the
 *     wasm import name `emscripten_num_logical_cores` (asmLibraryArg of the threaded build);
 *   - the C exports init_with_threads_count, get_threads_count, register_tensor, dispose_data,
 *     dispose and the `module.tfjs` shape BackendWasm expects;
 *   - `setThreadsCount` being read by the BackendWasm constructor;
 *   - tfjs-core 4.22's findBackendFactory / removeBackend / registerBackend.
 * package.json pins both packages to exactly 4.22.0; wasmThreads.test.ts checks it still starts.
 *
 * Pitfalls handled here:
 *   - With threads, the process does not exit by itself while the backend lives (the pthread
 *     workers are ref'd): call releaseWasm() when done; it removes the backend, which terminates
 *     the workers.
 *   - The Emscripten module installs process 'uncaughtException'/'unhandledRejection' listeners
 *     that rethrow, and its dispose removes EVERY listener present when the module was created
 *     (a precedence bug in its post.js filter), test runners' listeners included. We remove the
 *     module's own listeners right after creation and restore the others on release.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { BackendWasm, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

/** What registerThreadedWasm achieved: the XNNPACK thread count, and why it is not the one asked. */
export interface WasmThreadsResult {
  readonly threads: number;
  readonly notice?: string;
}

const BACKEND = 'wasm';
/** The priority the stock registration uses (tfjs-backend-wasm base.ts, WASM_PRIORITY). */
const WASM_PRIORITY = 2;
/** backend.cc pre-creates 8 pthread workers, the most its thread pool can use. */
const MAX_THREADS = 8;
/** How long the threaded module may take to start (8 workers load the module) before we fall back. */
const START_TIMEOUT_MS = 30_000;
const PROCESS_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
/** `process` as a plain emitter: its typed overloads do not accept a union of event names. */
const processEvents: NodeJS.EventEmitter = process;

const require = createRequire(import.meta.url);

type Listener = (...args: unknown[]) => void;

/** The parts of the Emscripten module object (threaded build) that we touch. */
interface ThreadedModule {
  cwrap: (name: string, ret: string | null, args: string[]) => (...a: number[]) => number;
  tfjs?: unknown;
  PThread?: { terminateAllThreads: () => void };
}

interface FactoryConfig {
  mainScriptUrlOrBlob: string;
  locateFile: (path: string, prefix: string) => string;
  instantiateWasm: (info: { env: Record<string, unknown> }, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => object;
  onAbort: (what: unknown) => void;
  PThread?: { terminateAllThreads: () => void };
}

type Factory = (config: FactoryConfig) => Promise<ThreadedModule>;
type BackendFactory = () => tf.KernelBackend | Promise<tf.KernelBackend>;

interface State {
  /** The stock 'wasm' factory, kept so that a fallback (or a later call) can register it again. */
  stockFactory: BackendFactory | null;
  result: WasmThreadsResult | null;
}

const state: State = { stockFactory: null, result: null };

/** Paths of the shipped threaded SIMD build (pin: tfjs-backend-wasm 4.22.0 file names). */
function threadedBuildPaths(): { mainScript: string; wasmBinary: string; workerSource: string } {
  const mainScript = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
  const dir = dirname(mainScript);
  return {
    mainScript,
    wasmBinary: join(dir, 'tfjs-backend-wasm-threaded-simd.wasm'),
    workerSource: join(dir, 'tfjs-backend-wasm-threaded-simd.worker.js'),
  };
}

/**
 * (b): the pthread worker as a real CommonJS file. The package ships it as the string
 * `wasmWorkerContents`, whose string literals lost their `\n` escapes in the template literal; the
 * stock locateFile restores them the same way. The name carries a hash of the content, and the
 * file is written atomically (temp name + rename), so concurrent processes never see half a file.
 */
function workerFile(workerSource: string): string {
  const { wasmWorkerContents } = require(workerSource) as { wasmWorkerContents?: unknown };
  if (typeof wasmWorkerContents !== 'string') throw new Error(`${workerSource} no longer exports wasmWorkerContents (tfjs-backend-wasm internals changed)`);
  const source = wasmWorkerContents.replace(/\n/g, '\\n');
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `tfjs-backend-wasm-threaded-simd.${hash}.worker.cjs`);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== source) {
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, source);
    renameSync(partial, file);
  }
  return file;
}

function snapshotListeners(): Map<(typeof PROCESS_EVENTS)[number], Listener[]> {
  return new Map(PROCESS_EVENTS.map((event) => [event, processEvents.listeners(event) as Listener[]]));
}

/** Removes the listeners added since `before` (the Emscripten module's rethrowing handlers). */
function removeAddedListeners(before: Map<(typeof PROCESS_EVENTS)[number], Listener[]>): void {
  for (const event of PROCESS_EVENTS) {
    const old = before.get(event) ?? [];
    for (const listener of processEvents.listeners(event) as Listener[]) {
      if (!old.includes(listener)) processEvents.removeListener(event, listener);
    }
  }
}

/** Re-adds listeners of `before` that the module's dispose removed. */
function restoreListeners(before: Map<(typeof PROCESS_EVENTS)[number], Listener[]>): void {
  for (const event of PROCESS_EVENTS) {
    const now = processEvents.listeners(event) as Listener[];
    for (const listener of before.get(event) ?? []) {
      if (!now.includes(listener)) processEvents.on(event, listener);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`${what} did not start within ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Starts the threaded SIMD module with (a), (b), (c) and builds a BackendWasm from it. */
async function createThreadedBackend(threads: number): Promise<{ backend: tf.KernelBackend; threads: number }> {
  const paths = threadedBuildPaths();
  const factory = require(paths.mainScript) as Factory;
  if (typeof factory !== 'function') throw new Error(`${paths.mainScript} no longer exports the module factory`);
  const worker = workerFile(paths.workerSource);
  const binary = readFileSync(paths.wasmBinary);
  let rejectStart: (error: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    rejectStart = reject;
  });
  failed.catch(() => undefined);
  const config: FactoryConfig = {
    mainScriptUrlOrBlob: paths.mainScript,
    locateFile: (path, prefix) => (path.endsWith('.worker.js') ? worker : path.endsWith('.wasm') ? paths.wasmBinary : prefix + path),
    instantiateWasm: (info, receive) => {
      // (c): backend.cc uses logical_cores / 2 as its cap; report 2·threads so the cap is `threads`.
      info.env.emscripten_num_logical_cores = () => 2 * threads;
      WebAssembly.instantiate(binary, info as WebAssembly.Imports).then(
        (result) => receive(result.instance, result.module),
        (error: unknown) => rejectStart(new Error(`instantiating ${paths.wasmBinary} failed: ${String(error)}`)),
      );
      return {};
    },
    onAbort: (what) => rejectStart(new Error(`the threaded wasm module aborted: ${String(what)}`)),
  };
  const listenersBefore = snapshotListeners();
  let module: ThreadedModule;
  try {
    module = await withTimeout(Promise.race([factory(config), failed]), START_TIMEOUT_MS, 'the threaded wasm module', () =>
      config.PThread?.terminateAllThreads(),
    );
  } catch (error) {
    config.PThread?.terminateAllThreads();
    removeAddedListeners(listenersBefore);
    throw error;
  }
  removeAddedListeners(listenersBefore);
  // As the stock init() does (tfjs-backend-wasm 4.22 backend_wasm.ts).
  module.tfjs = {
    init: module.cwrap('init', null, []),
    initWithThreadsCount: module.cwrap('init_with_threads_count', null, ['number']),
    getThreadsCount: module.cwrap('get_threads_count', 'number', []),
    registerTensor: module.cwrap('register_tensor', null, ['number', 'number', 'number']),
    disposeData: module.cwrap('dispose_data', null, ['number']),
    dispose: module.cwrap('dispose', null, []),
  };
  setThreadsCount(threads);
  const backend = new BackendWasm(module as unknown as ConstructorParameters<typeof BackendWasm>[0]);
  const started = (module.tfjs as { getThreadsCount: () => number }).getThreadsCount();
  return { backend, threads: started };
}

function isRegistered(): boolean {
  return tf.findBackendFactory(BACKEND) != null;
}

function expectNotActive(): void {
  // tf.getBackend() would initialise a backend; engine().backendName only reads the current one.
  if (tf.engine().backendName === BACKEND) {
    throw new Error("registerThreadedWasm: the 'wasm' backend is already active; register before tf.setBackend('wasm') (its tensors would be lost)");
  }
}

/**
 * Replaces the stock 'wasm' registration by the threaded SIMD build with `threads` XNNPACK threads
 * (default 2), started now. Afterwards tf.setBackend('wasm') uses it. If it cannot start, the
 * stock single-thread wasm is registered instead and `notice` says why; it throws only for bad
 * arguments or when tfjs-backend-wasm itself is missing. Calling it again returns the first result.
 * Call releaseWasm() when done, or the worker threads keep the process alive.
 */
export async function registerThreadedWasm(threads = 2): Promise<WasmThreadsResult> {
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS) {
    throw new RangeError(`registerThreadedWasm: threads must be an integer in 1..${MAX_THREADS} (backend.cc's pool size), got ${String(threads)}`);
  }
  if (state.result !== null && isRegistered()) return state.result;
  expectNotActive();
  const found = tf.findBackendFactory(BACKEND) as BackendFactory | null;
  if (found !== null) state.stockFactory = found;
  if (state.stockFactory === null) throw new Error("registerThreadedWasm: no 'wasm' backend is registered (is @tensorflow/tfjs-backend-wasm installed?)");
  let result: WasmThreadsResult;
  try {
    const { backend, threads: started } = await createThreadedBackend(threads);
    if (isRegistered()) tf.removeBackend(BACKEND);
    tf.registerBackend(BACKEND, () => backend, WASM_PRIORITY);
    result =
      started === threads
        ? { threads }
        : { threads: started, notice: `the threaded wasm build started with ${started} thread(s), not the ${threads} asked for` };
  } catch (error) {
    if (isRegistered()) tf.removeBackend(BACKEND);
    tf.registerBackend(BACKEND, state.stockFactory, WASM_PRIORITY);
    const reason = error instanceof Error ? error.message : String(error);
    result = { threads: 1, notice: `the threaded wasm build did not start (${reason}); using the stock single-thread wasm backend` };
  }
  state.result = result;
  return result;
}

/**
 * Removes the 'wasm' backend (threaded or stock), which disposes it and ends its worker threads, so
 * the process can exit by itself. Tensors still on it are gone. A later registerThreadedWasm()
 * starts a fresh one. No-op when none is registered.
 */
export function releaseWasm(): void {
  if (!isRegistered()) return;
  const before = snapshotListeners();
  tf.removeBackend(BACKEND);
  restoreListeners(before);
  state.result = null;
}
