/**
 * `npm run soak -- --seeds N`: the whole suite over N seeds on implementations known to be
 * correct (the reference, the accelerated path on cpu and wasm, the example programs in examples/),
 * printing every failure; a correct implementation must never fail, whatever the seed
 * (scripts/lib/soak.ts). Exit code 0: no failure; 1: some; 2: a bad command line.
 */
import { DEFAULT_RUNS } from '../conformance/core/runner.js';
import { type CliOptions, integer, list, parseCommandLine, runCli } from './lib/cli.js';
import { type SoakTarget, SOAK_TARGETS as TARGETS } from './lib/soakTargets.js';

const USAGE = `Usage: npm run soak -- [options]

Runs every check at the first seed and the seed-dependent ones at each later seed, on
implementations known to be correct, and prints every failure (there must be none).

Options:
  --seeds N        how many seeds (default 20)
  --first S        the first seed (default 1)
  --runs N         random cases per property check (default ${DEFAULT_RUNS})
  --targets LIST   among ${TARGETS.join(', ')} (default all)
  -h, --help       print this help`;

interface SoakOptions extends CliOptions {
  readonly seeds: number;
  readonly first: number;
  readonly runs: number;
  readonly targets: SoakTarget[];
}

function parse(argv: readonly string[]): SoakOptions {
  const { values } = parseCommandLine(argv, { seeds: { type: 'string' }, first: { type: 'string' }, runs: { type: 'string' }, targets: { type: 'string' } });
  return {
    help: values.help ?? false,
    seeds: integer('seeds', values.seeds, 20, 1, 100_000),
    first: integer('first', values.first, 1, -(2 ** 31), 2 ** 31 - 1),
    runs: integer('runs', values.runs, DEFAULT_RUNS, 1, 10_000),
    targets: list('targets', values.targets, TARGETS) ?? [...TARGETS],
  };
}

await runCli('soak', USAGE, parse, async (options) => {
  const { soak } = await import('./lib/soak.js');
  const started = performance.now();
  console.log(`Soak: seeds ${options.first}..${options.first + options.seeds - 1}, ${options.runs} runs per property, on ${options.targets.join(', ')}`);
  const result = await soak({
    ...options,
    onSeed: (target, seed, results) => {
      const bad = results.filter((r) => r.status !== 'pass' && r.status !== 'convention' && r.status !== 'not-implemented');
      if (bad.length > 0 || process.stdout.isTTY) console.log(`  ${target} seed ${seed}: ${results.length} checks, ${bad.length} failed`);
      for (const r of bad) console.log(`    ✗ ${r.check}: ${r.message}`);
    },
  });
  if (options.targets.some((t) => t === 'wasm')) (await import('../accelerated/node/backends.js')).releaseWasm();
  console.log('\ntarget     implementation             check runs  passed  not-impl  discarded  seeded checks  time');
  for (const t of result.targets) {
    console.log(
      `${t.target.padEnd(10)} ${t.implementation.slice(0, 26).padEnd(26)} ${String(t.checkRuns).padStart(10)}  ${String(t.passed).padStart(6)}  ${String(t.notImplemented).padStart(8)}  ${String(t.discarded).padStart(9)}  ${String(t.seededChecks.length).padStart(13)}  ${(t.durationMs / 1000).toFixed(0)} s`,
    );
  }
  console.log(`\n${result.failures.length} failure(s) over ${options.seeds} seeds; wall time ${((performance.now() - started) / 1000).toFixed(0)} s`);
  for (const f of result.failures) console.log(`  ${f.target} seed ${f.seed} ${f.check} (${f.status}): ${f.message}`);
  return result.failures.length === 0 ? 0 : 1;
});
