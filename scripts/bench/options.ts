/** The command line of `npm run bench` (scripts/bench.ts). Parsing only: loads no tfjs, no mathjs. */
import { type CliOptions, fileName, list, parseCommandLine } from '../lib/cli.js';
import type { BackendKey } from './backends.js';

export interface BenchOptions extends CliOptions {
  readonly quick: boolean;
  readonly json: string | null;
  /** Only these backends (default all): cpu, wasm-threaded, wasm-single, mathjs (the reference), numpy. */
  readonly backends: readonly BackendKey[];
  /** Only these networks by name (default all): small, large. */
  readonly networks: readonly string[] | null;
}

export const ALL_BACKENDS: readonly BackendKey[] = ['cpu', 'wasm-threaded', 'wasm-single', 'mathjs', 'numpy'];
export const NETWORK_NAMES = ['small', 'large'] as const;

export const USAGE = `Usage: npm run bench -- [options]

One SGD step (eq. 1.5, ReLU) of the same network on the same data, side by side: Algorithm 5 by
hand, tf.grads and tfjs-layers on each Node backend, the mathjs reference and numpy. Every
measurement runs in its own child process. Exit code 1 when a measurement failed, 2 for a bad
command line.

Options:
  --quick            tiny sizes in this process: a smoke test of a few seconds
  --json FILE        write the records as JSON
  --backends LIST    among ${ALL_BACKENDS.join(', ')} (default all)
  --networks LIST    among ${NETWORK_NAMES.join(', ')} (default both)
  -h, --help         print this help`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseCommandLine(argv, {
    quick: { type: 'boolean' },
    json: { type: 'string' },
    backends: { type: 'string' },
    networks: { type: 'string' },
  });
  return {
    help: values.help ?? false,
    quick: values.quick ?? false,
    json: fileName('json', values.json) ?? null,
    backends: list('backends', values.backends, ALL_BACKENDS) ?? ALL_BACKENDS,
    networks: list('networks', values.networks, NETWORK_NAMES) ?? null,
  };
}
