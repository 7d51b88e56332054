/**
 * A TypeScript or JavaScript module as an Implementation: it exports the interface's object
 * (conformance/core/interface.ts) as `default` or as `implementation`, or a function (sync or async)
 * returning one (`createImplementation` or the default export).
 *
 * Its operations run in this process, so each call is guarded like a program's request: an answer
 * that never comes is cut at the per-request limit (--timeout) or at the run's deadline
 * (--max-time), and a call of process.exit inside an operation is refused; either becomes an
 * ImplementationFault of that call (the check that asked fails, the run goes on). A call that
 * blocks the event loop (a synchronous endless loop) cannot be cut in-process.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImplementationFault } from '../core/check.js';
import { ACTIVATIONS, type Implementation, OPERATION_NAMES, type OperationName, type Operations } from '../core/interface.js';

export interface ModuleOptions {
  /** Per-call limit in ms (default 10 s), as --timeout for a program. */
  readonly timeoutMs?: number;
  /** The bound on the whole run (ms since epoch): calls after it fail at once, a call in flight waits at most until it. */
  readonly deadline?: number;
}

function validate(value: unknown, where: string): Implementation {
  const impl = value as Partial<Implementation> | null;
  const problem = (what: string): never => {
    throw new Error(`${where}: ${what} (see conformance/core/interface.ts#Implementation)`);
  };
  if (impl === null || typeof impl !== 'object') problem('the export is not an object');
  if (typeof impl!.name !== 'string' || impl!.name === '') problem('name must be a non-empty string');
  if (impl!.dtype !== 'float64' && impl!.dtype !== 'float32') problem(`dtype must be 'float64' or 'float32', got ${JSON.stringify(impl!.dtype)}`);
  if (!Array.isArray(impl!.activations) || impl!.activations.some((a) => !ACTIVATIONS.includes(a)))
    problem(`activations must be a list among ${ACTIVATIONS.join(', ')}`);
  if (impl!.operations === null || typeof impl!.operations !== 'object') problem('operations must be an object of functions');
  const unknown = Object.keys(impl!.operations!).filter((op) => !(OPERATION_NAMES as readonly string[]).includes(op));
  if (unknown.length > 0) problem(`unknown operations ${unknown.join(', ')}; known are ${OPERATION_NAMES.join(', ')}`);
  return impl as Implementation;
}

/** Thrown from the stand-in process.exit to unwind the module's code; never reaches a check itself. */
class ExitRefused extends ImplementationFault {}

interface InFlight {
  readonly op: OperationName;
  readonly reject: (error: Error) => void;
}

/**
 * While any operation runs, process.exit is a stand-in that fails the calls in flight (the module
 * called it, and this process must not end with no report) and throws to stop the module's code.
 */
const inFlight = new Set<InFlight>();
let realExit: typeof process.exit | undefined;
let listening = false;

function refuseExit(code?: number | string | null): never {
  const ops = [...new Set([...inFlight].map((c) => c.op))].join(', ');
  const fault = new ExitRefused(`the module called process.exit(${code === undefined ? '' : String(code)}) inside ${ops}`);
  for (const call of inFlight) call.reject(fault);
  throw fault;
}

/** An exit refused inside a plain callback (a timer) is an uncaught exception: swallow that one, nothing else. */
function swallowRefusedExit(error: unknown): void {
  if (error instanceof ExitRefused) return;
  if (process.listenerCount('uncaughtException') > 1) return; // someone else handles the others
  console.error(error);
  (realExit ?? process.exit)(1);
}

function enter(call: InFlight): void {
  if (inFlight.size === 0) {
    realExit = process.exit;
    process.exit = refuseExit as typeof process.exit;
  }
  if (!listening) {
    process.on('uncaughtException', swallowRefusedExit);
    listening = true;
  }
  inFlight.add(call);
}

function leave(call: InFlight): void {
  if (!inFlight.delete(call) || inFlight.size > 0) return;
  if (realExit !== undefined) process.exit = realExit;
  realExit = undefined;
  // the stand-in may be throwing right now, out of a timer of the module: swallow that throw first
  setImmediate(() => {
    if (inFlight.size > 0 || !listening) return;
    process.off('uncaughtException', swallowRefusedExit);
    listening = false;
  });
}

/** `fn` guarded: bounded by the per-call limit and the deadline, process.exit refused while it runs. */
function guarded(op: OperationName, fn: (request: unknown) => unknown, self: unknown, options: ModuleOptions): (request: unknown) => Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return (request) => {
    const now = Date.now();
    if (options.deadline !== undefined && now > options.deadline) {
      return Promise.reject(new ImplementationFault(`not asked: the run's time limit (--max-time) has passed`));
    }
    const left = options.deadline === undefined ? Number.POSITIVE_INFINITY : options.deadline - now;
    const [ms, reason] =
      left < timeoutMs
        ? [left, `no answer from ${op} before the run's time limit (--max-time) was reached`]
        : [timeoutMs, `no answer from ${op} within ${timeoutMs} ms (--timeout)`];
    return new Promise<unknown>((resolvePromise, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const call: InFlight = {
        op,
        reject: (error) => {
          clearTimeout(timer);
          leave(call);
          reject(error);
        },
      };
      timer = setTimeout(() => call.reject(new ImplementationFault(reason)), ms);
      enter(call);
      let answer: unknown;
      try {
        answer = fn.call(self, request);
      } catch (error) {
        call.reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      Promise.resolve(answer).then(
        (value) => {
          clearTimeout(timer);
          leave(call);
          resolvePromise(value);
        },
        (error: unknown) => call.reject(error instanceof Error ? error : new Error(String(error))),
      );
    });
  };
}

/**
 * Imports `path` (relative to the current directory) and returns its Implementation, every
 * operation guarded (see the top of this file).
 */
export async function moduleImplementation(path: string, options: ModuleOptions = {}): Promise<Implementation> {
  const url = pathToFileURL(resolve(path)).href;
  const module = (await import(url)) as Record<string, unknown>;
  const candidate = module.implementation ?? module.createImplementation ?? module.default;
  if (candidate === undefined) throw new Error(`${path}: exports neither default, implementation nor createImplementation`);
  const value = typeof candidate === 'function' ? await (candidate as () => unknown)() : candidate;
  const impl = validate(value, path);
  const operations: Partial<Operations> = {};
  for (const op of OPERATION_NAMES) {
    const fn = impl.operations[op] as ((request: unknown) => unknown) | undefined;
    if (typeof fn === 'function') (operations as Record<string, unknown>)[op] = guarded(op, fn, impl.operations, options);
  }
  return {
    name: impl.name,
    dtype: impl.dtype,
    activations: impl.activations,
    ...(impl.precision !== undefined && { precision: impl.precision }),
    ...(impl.conventions !== undefined && { conventions: impl.conventions }),
    operations,
    ...(impl.close !== undefined && { close: () => impl.close!() }),
  };
}
