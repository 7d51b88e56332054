/** The command line of `npm run bench` (scripts/bench.ts). Parsing only: loads no tfjs, no mathjs. */
import { type CliOptions, fileName, list, parseCommandLine, UsageError } from '../lib/cli.js';
import type { BackendKey } from './backendKeys.js';

export interface BenchOptions extends CliOptions {
  readonly quick: boolean;
  readonly json: string | null;
  /** These backends: default NODE_BACKENDS (SWEEP_BACKENDS with --sweep); webgl, webgpu only when named. */
  readonly backends: readonly BackendKey[];
  /** Only these networks by name (default all): small, large. */
  readonly networks: readonly string[] | null;
  /** The scaling sweep (sweep.ts) instead of the side-by-side table. */
  readonly sweep: boolean;
  /** Where --sweep writes bench-sweep.json and its figures (default docs/figures). */
  readonly out: string | null;
  /** Chromium flags replacing accelerated/browser/session.ts#CHROMIUM_FLAGS for webgl, webgpu (null: those). */
  readonly chromiumFlags: readonly string[] | null;
}

/** The default run: every Node backend and peer. */
export const NODE_BACKENDS: readonly BackendKey[] = ['cpu', 'wasm-threaded', 'wasm-single', 'mathjs', 'numpy'];
export const ALL_BACKENDS: readonly BackendKey[] = [...NODE_BACKENDS, 'webgl', 'webgpu'];
/** What --sweep measures (and may be narrowed to by --backends). */
export const SWEEP_BACKENDS: readonly BackendKey[] = ['wasm-threaded', 'wasm-single', 'numpy'];
export const NETWORK_NAMES = ['small', 'large'] as const;

export const USAGE = `Usage: npm run bench -- [options]

One SGD step (eq. 1.5, ReLU) of the same network on the same data, side by side: Algorithm 5 by
hand, tf.grads and tfjs-layers on each Node backend, the mathjs reference and numpy, and, when
named, the accelerated path on webgl and webgpu in headless Chromium. Every Node measurement runs
in its own child process. Each time is the median of repeated samples; the table shows their
spread and the JSON their quartiles, min and max, with the load average before and after.
On wasm x1 and x2 the accelerated step is also profiled kernel by kernel
(scripts/bench/profile.ts: matmul, transpose and entry-wise time, and the step's products alone
with operands packed before and with new ones), printed after the table (and, with --json FILE,
written to FILE.profile.json). Exit code 1 when a measurement failed, 2 for a bad command line.

Options:
  --quick            tiny sizes (Node jobs in this process): a smoke test of a few seconds
  --json FILE        write the records as JSON
  --backends LIST    among ${ALL_BACKENDS.join(', ')};
                     default ${NODE_BACKENDS.join(', ')}. webgl and webgpu run the accelerated
                     step and the matmul rates in one Chromium page (accelerated/browser/session.ts,
                     the page the tests use); they are not in the default run because on a machine
                     without a GPU they run on SwiftShader (the CPU): about a minute or more per
                     backend and network, for small numbers
  --networks LIST    among ${NETWORK_NAMES.join(', ')} (default both)
  --sweep            the scaling sweep instead: the accelerated step on wasm x2, wasm x1 and numpy
                     over batch size, width and depth (shorter timing: median of >= 5 samples);
                     writes bench-sweep.json and the figures bench-sweep-throughput.svg and
                     bench-sweep-roofline.svg (examples/s and fraction of the matmul rate against
                     size, log axes) into --out; \`npm run plots\` redraws them from the JSON.
                     --backends narrows it to some of ${SWEEP_BACKENDS.join(', ')}; with --quick:
                     a tiny grid
  --out DIR          with --sweep: where to write (default docs/figures)
  --chromium-flags "FLAGS"
                     with webgl or webgpu: Chromium's flags, space-separated, instead of the
                     SwiftShader set of accelerated/browser/session.ts#CHROMIUM_FLAGS (on a machine
                     with a GPU: that set without --use-angle=swiftshader --enable-unsafe-swiftshader;
                     not tried here, where no GPU is lent; the printed device says what ran)
  -h, --help         print this help`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseCommandLine(argv, {
    quick: { type: 'boolean' },
    json: { type: 'string' },
    backends: { type: 'string' },
    networks: { type: 'string' },
    sweep: { type: 'boolean' },
    out: { type: 'string' },
    'chromium-flags': { type: 'string' },
  });
  const sweep = values.sweep ?? false;
  const backends = list('backends', values.backends, ALL_BACKENDS);
  const out = fileName('out', values.out) ?? null;
  if (sweep) {
    const outside = (backends ?? []).filter((b) => !SWEEP_BACKENDS.includes(b));
    if (outside.length > 0) throw new UsageError(`--sweep measures ${SWEEP_BACKENDS.join(', ')}; not ${outside.join(', ')}`);
    if (values.networks !== undefined) throw new UsageError('--sweep has its own grid of networks: --networks does not apply');
    if (values.json !== undefined) throw new UsageError('--sweep writes bench-sweep.json into --out DIR: --json does not apply');
  } else if (out !== null) {
    throw new UsageError('--out applies to --sweep only');
  }
  const flags = values['chromium-flags']?.trim().split(/\s+/);
  if (flags !== undefined && (flags[0] === '' || !(backends ?? []).some((b) => b === 'webgl' || b === 'webgpu')))
    throw new UsageError('--chromium-flags takes the flags of Chromium for --backends webgl or webgpu');
  return {
    help: values.help ?? false,
    quick: values.quick ?? false,
    json: fileName('json', values.json) ?? null,
    backends: backends ?? (sweep ? SWEEP_BACKENDS : NODE_BACKENDS),
    networks: list('networks', values.networks, NETWORK_NAMES) ?? null,
    sweep,
    out,
    chromiumFlags: flags ?? null,
  };
}
