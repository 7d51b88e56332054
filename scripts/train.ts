/**
 * `npm run train -- --backend cpu|wasm [--iterations N]`: the housing example of Section 2 (a 4-3-1
 * ReLU network, eq. 2.4 + 2.3) trained by mini-batch SGD (Algorithm 2) on the accelerated path
 * (tfjs, float32) and by the reference (mathjs, float64) from the same θ0 on the same batches
 * (scripts/lib/housingRun.ts): their losses should overlap to float32 accuracy. A progress
 * bar per run on a terminal's stderr; the summary gives each run's time and the total.
 */
import { type CliOptions, integer, oneOf, parseCommandLine, runCli } from './lib/cli.js';
import type { OnIterations } from './lib/housingRun.js';
import type { ProgressBar } from './lib/output.js';
import { NODE_BACKENDS, type NodeBackend } from './lib/startOptions.js';

const USAGE = `Usage: npm run train -- [options]

Trains the housing example of Section 2 (4-3-1 ReLU network) by mini-batch SGD (Algorithm 2) on
the accelerated path (tfjs, float32) and on the reference (mathjs, float64), from the same θ0 on
the same batches, and prints both losses side by side. Exit code 2: bad command line or a backend
that would not start.

Options:
  --backend cpu|wasm   tfjs backend of the accelerated path (default wasm)
  --iterations N       n_iter of Algorithm 2 line 1 (default 1500)
  -h, --help           print this help`;

interface TrainOptions extends CliOptions {
  readonly backend: NodeBackend;
  readonly nIter: number;
}

function parse(argv: readonly string[]): TrainOptions {
  const { values } = parseCommandLine(argv, { backend: { type: 'string' }, iterations: { type: 'string' } });
  return {
    help: values.help ?? false,
    backend: oneOf('backend', values.backend, NODE_BACKENDS, ' (webgl and webgpu run in a browser page)') ?? 'wasm',
    // Algorithm 2 line 1: n_iter, a positive integer
    nIter: integer('iterations', values.iterations, 1500, 1, 10_000_000),
  };
}

await runCli('train', USAGE, parse, async ({ backend, nIter }) => {
  const { releaseWasm, useNodeBackend } = await import('../accelerated/node/backends.js');
  const { progressBar } = await import('./lib/output.js');
  const { HOUSING_RUN, trainHousing } = await import('./lib/housingRun.js');
  const { alpha, B, seed } = HOUSING_RUN;
  const started = performance.now();
  const bars = new Map<string, ProgressBar>();
  /** One bar per run, started at its first report and stopped (cleared) at its last. */
  const onIterations: OnIterations = (run, done) => {
    const bar = bars.get(run) ?? progressBar(`${run.padEnd(11)} iterations`, nIter);
    bars.set(run, bar);
    bar.update(done);
    if (done >= nIter) bar.stop();
  };
  try {
    const running = await useNodeBackend(backend);
    console.log(`Housing example, 4-3-1 ReLU, mini-batch SGD α = ${alpha}, B = ${B}, n_iter = ${nIter}, seed ${seed}`);
    const run = await trainHousing(nIter, onIterations);
    console.log(`iteration  J(θ) accelerated (${running}, float32)  J(θ) reference (float64)`);
    for (const i of [0, 9, 99, 499, 999, 1499, nIter - 1].filter((i, k, all) => i < nIter && all.indexOf(i) === k)) {
      console.log(`${String(i + 1).padStart(9)}  ${run.accelerated[i]!.toFixed(6).padStart(31)}  ${run.reference[i]!.toFixed(6).padStart(24)}`);
    }
    const worst = Math.max(...run.accelerated.map((J, i) => Math.abs(J - run.reference[i]!) / run.reference[i]!));
    console.log(`same ${nIter} batches (Algorithm 2 line 4, seed ${seed}) for both; largest relative difference of J: ${worst.toExponential(2)}`);
    console.log(
      `accelerated ${run.acceleratedSeconds.toFixed(2)} s, reference ${run.referenceSeconds.toFixed(2)} s; took ${((performance.now() - started) / 1000).toFixed(2)} s in all`,
    );
  } catch (error) {
    for (const bar of bars.values()) bar.stop();
    throw error;
  } finally {
    releaseWasm();
  }
});
