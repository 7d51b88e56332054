/**
 * `npm run bench [-- --quick] [--json FILE] [--backends LIST] [--networks LIST]`: one SGD step (eq. 1.5, ReLU) of the same network
 * on the same data, side by side: accelerated/model.ts (Algorithm 5 by hand), accelerated/autograd.ts
 * (tf.grads) and tfjs-layers trainOnBatch on each Node backend (tfjs cpu, wasm with 2 threads, stock
 * single-thread wasm), the mathjs reference (small net only) and numpy with handwritten backprop.
 * Prints examples/s, achieved GFLOP/s, ratios to each peer, the fraction of the backend's matmul
 * rate (the roofline), time(fwd+bwd)/time(fwd) (Theorem 3.1), and peak RSS per implementation.
 *
 * Every measurement runs in its own child process (peak RSS = that process's maxRSS); --quick runs
 * tiny sizes in this process (RSS then cumulative) as a smoke test of a few seconds. The command
 * line is parsed (scripts/bench/options.ts) before anything heavy loads; the job is scripts/bench/run.ts.
 */

import { parseBenchArgs, USAGE } from './bench/options.js';
import { runCli } from './lib/cli.js';

await runCli('bench', USAGE, parseBenchArgs, async (options) => (await import('./bench/run.js')).runBench(options));
