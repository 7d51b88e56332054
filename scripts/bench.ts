/**
 * `npm run bench [-- --quick] [--json FILE] [--backends LIST] [--networks LIST] [--sweep [--out DIR]]`:
 * one SGD step (eq. 1.5, ReLU) of the same network on the same data, side by side:
 * accelerated/trainer.ts (Algorithm 5 by hand), accelerated/autograd.ts (tf.grads) and tfjs-layers
 * trainOnBatch on each Node backend (tfjs cpu, wasm with 2 threads, stock single-thread wasm), the
 * mathjs reference (small net only) and numpy with handwritten backprop; with --backends webgl,webgpu
 * also the accelerated step in headless Chromium (scripts/bench/browser.ts, the tests' page machinery).
 * Prints examples/s with the spread of the samples, achieved GFLOP/s, ratios to each peer, the
 * fraction of the backend's matmul rate (the roofline), time(fwd+bwd)/time(fwd) (Theorem 3.1), peak
 * RSS per implementation, and issue 13's targets as MET/MISSED.
 *
 * Every Node measurement runs in its own child process (peak RSS = that process's maxRSS); --quick runs
 * tiny sizes in this process (RSS then cumulative) as a smoke test of a few seconds. --sweep runs the
 * scaling sweep (scripts/bench/sweep.ts) and writes docs/figures/bench-sweep.json and its figures.
 * The command line is parsed (scripts/bench/options.ts) before anything heavy loads; the job is
 * scripts/bench/run.ts.
 */

import { parseBenchArgs, USAGE } from './bench/options.js';
import { runCli } from './lib/cli.js';

await runCli('bench', USAGE, parseBenchArgs, async (options) => (await import('./bench/run.js')).runBench(options));
