/**
 * `npm run startup`: how long the packaged `cs229-verify` takes before it does any work, side by
 * side with `node -e 0` on the same machine: `--version`, `--help`, and a run's fixed overhead,
 * from spawning verify to the first request its program receives (the handshake). It times the
 * compiled dist/ that the npm package ships (built first when missing, as `npm pack` does) in
 * plain Node, the median of --runs runs each.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integer, parseCommandLine, runCli } from './lib/cli.js';
import { PROJECT_ROOT } from './lib/coverage.js';

const USAGE = `Usage: npm run startup -- [--runs N]

Times node -e 0, cs229-verify --version, cs229-verify --help, and verify's start-to-first-request
overhead (dist/scripts/verify.js in plain Node, as installed from the package); prints medians.

Options:
  --runs N     runs of each (default 7)
  -h, --help   print this help`;

/** A program that notes when its first request arrives, then answers a handshake that declares nothing. */
const PROBE = `
const { writeFileSync } = require('node:fs');
let first = true;
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
  if (first) { writeFileSync(process.argv[1], String(Date.now())); first = false; }
  const { id } = JSON.parse(line);
  process.stdout.write(JSON.stringify({ id, result: { protocol: 1, name: 'startup probe', dtype: 'float64', activations: ['relu'], operations: [] } }) + '\\n');
});`;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function wall(args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  if (run.status !== 0 && run.status !== 3) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(0, 300)}`);
  return performance.now() - started;
}

/** ms from spawning verify to the probe's first request. */
function firstRequest(verify: string, dir: string): number {
  const stamp = join(dir, 'stamp');
  rmSync(stamp, { force: true });
  const started = Date.now();
  spawnSync(process.execPath, [verify, '--reproducers', dir, '--', process.execPath, '-e', PROBE, stamp], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CI: '1' },
  });
  return Number(readFileSync(stamp, 'utf8')) - started;
}

await runCli(
  'startup',
  USAGE,
  (args) => {
    const { values } = parseCommandLine(args, { runs: { type: 'string' } });
    return { help: values.help ?? false, runs: integer('runs', values.runs, 7, 1, 1000) };
  },
  ({ runs }) => {
    const verify = join(PROJECT_ROOT, 'dist', 'scripts', 'verify.js');
    if (!existsSync(verify)) execFileSync('npm', ['run', '-s', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    const dir = mkdtempSync(join(tmpdir(), 'startup-'));
    writeFileSync(join(dir, '.keep'), '');
    try {
      const rows: [string, number][] = [
        ['node -e 0', median(Array.from({ length: runs }, () => wall(['-e', '0'])))],
        ['cs229-verify --version', median(Array.from({ length: runs }, () => wall([verify, '--version'])))],
        ['cs229-verify --help', median(Array.from({ length: runs }, () => wall([verify, '--help'])))],
        ['verify: start to first request', median(Array.from({ length: runs }, () => firstRequest(verify, dir)))],
      ];
      const base = rows[0]![1];
      console.log(`startup of the packaged verify (dist/, plain Node ${process.version}), median of ${runs} runs`);
      for (const [what, ms] of rows) console.log(`  ${what.padEnd(32)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / base).toFixed(1).padStart(5)}× node -e 0`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
