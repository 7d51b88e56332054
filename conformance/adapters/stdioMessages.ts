/**
 * The messages of spec/protocol.md as this suite reads them: the handshake a program declares
 * (section 3), validated field by field, and the protocol's spelling of non-finite numbers.
 */
import { ImplementationFault } from '../core/check.js';
import { ACTIVATIONS, type Activation, type Dtype, OPERATION_NAMES, type OperationName } from '../core/interface.js';
import { printable } from '../report/printable.js';

export const PROTOCOL_VERSION = 1;

/** What a program declares in its handshake (spec/protocol.md section 3). */
export interface Handshake {
  readonly protocol: number;
  readonly name: string;
  readonly dtype: Dtype;
  readonly activations: readonly Activation[];
  readonly operations: readonly OperationName[];
  readonly conventions?: { readonly reluPrimeAtZero?: number };
}

/** Protocol numbers: the strings "NaN", "Infinity", "-Infinity" stand for the non-finite values. */
export function decodeNumbers(value: unknown): unknown {
  if (value === 'NaN') return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (Array.isArray(value)) return value.map(decodeNumbers);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeNumbers(v)]));
  return value;
}

/** The handshake's result, checked against spec/protocol.md section 3. */
export function parseHandshake(result: unknown): Handshake {
  const h = result as Partial<Handshake> | null;
  const problem = (what: string): never => {
    throw new ImplementationFault(`handshake: ${what} (spec/protocol.md section 3)`);
  };
  if (h === null || typeof h !== 'object') problem('the result must be an object');
  const shown = (value: unknown): string => printable(String(JSON.stringify(value)), 120);
  if (h!.protocol !== PROTOCOL_VERSION) problem(`the program speaks protocol ${shown(h!.protocol)}, this suite speaks protocol ${PROTOCOL_VERSION}`);
  if (typeof h!.name !== 'string' || h!.name === '') problem(`name must be a non-empty string, got ${shown(h!.name)}`);
  if (h!.dtype !== 'float64' && h!.dtype !== 'float32') problem(`dtype must be "float64" or "float32", got ${shown(h!.dtype)}`);
  if (!Array.isArray(h!.activations) || h!.activations.some((a) => !ACTIVATIONS.includes(a))) {
    problem(`activations must be a list among ${ACTIVATIONS.join(', ')}, got ${shown(h!.activations)}`);
  }
  if (!Array.isArray(h!.operations) || h!.operations.some((op) => !OPERATION_NAMES.includes(op))) {
    problem(`operations must be a list among ${OPERATION_NAMES.join(', ')}, got ${shown(h!.operations)}`);
  }
  const conventions = h!.conventions as unknown;
  if (conventions !== undefined) {
    if (conventions === null || typeof conventions !== 'object' || Array.isArray(conventions))
      problem(`conventions must be an object, got ${shown(conventions)}`);
    const c = (conventions as { reluPrimeAtZero?: unknown }).reluPrimeAtZero;
    if (c !== undefined && (typeof c !== 'number' || !Number.isFinite(c) || c < 0 || c > 1)) {
      problem(`conventions.reluPrimeAtZero must be a number in [0, 1], got ${shown(c)}`);
    }
  }
  return {
    protocol: h!.protocol!,
    name: printable(h!.name!, 200),
    dtype: h!.dtype!,
    activations: [...h!.activations!],
    operations: [...h!.operations!],
    ...(conventions !== undefined && { conventions: { ...(conventions as object) } }),
  };
}
