/**
 * A TypeScript or JavaScript module as an Implementation: it exports the interface's object
 * (conformance/interface.ts) as `default` or as `implementation`, or a function (sync or async)
 * returning one (`createImplementation` or the default export).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ACTIVATIONS, OPERATION_NAMES, type Implementation } from '../interface.js';

function validate(value: unknown, where: string): Implementation {
  const impl = value as Partial<Implementation> | null;
  const problem = (what: string): never => {
    throw new Error(`${where}: ${what} (see conformance/interface.ts#Implementation)`);
  };
  if (impl === null || typeof impl !== 'object') problem('the export is not an object');
  if (typeof impl!.name !== 'string' || impl!.name === '') problem('name must be a non-empty string');
  if (impl!.dtype !== 'float64' && impl!.dtype !== 'float32') problem(`dtype must be 'float64' or 'float32', got ${JSON.stringify(impl!.dtype)}`);
  if (!Array.isArray(impl!.activations) || impl!.activations.some((a) => !ACTIVATIONS.includes(a))) problem(`activations must be a list among ${ACTIVATIONS.join(', ')}`);
  if (impl!.operations === null || typeof impl!.operations !== 'object') problem('operations must be an object of functions');
  const unknown = Object.keys(impl!.operations!).filter((op) => !(OPERATION_NAMES as readonly string[]).includes(op));
  if (unknown.length > 0) problem(`unknown operations ${unknown.join(', ')}; known are ${OPERATION_NAMES.join(', ')}`);
  return impl as Implementation;
}

/** Imports `path` (relative to the current directory) and returns its Implementation. */
export async function moduleImplementation(path: string): Promise<Implementation> {
  const url = pathToFileURL(resolve(path)).href;
  const module = (await import(url)) as Record<string, unknown>;
  const candidate = module.implementation ?? module.createImplementation ?? module.default;
  if (candidate === undefined) throw new Error(`${path}: exports neither default, implementation nor createImplementation`);
  const value = typeof candidate === 'function' ? await (candidate as () => unknown)() : candidate;
  return validate(value, path);
}
