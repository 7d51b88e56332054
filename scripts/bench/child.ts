/**
 * One bench job in its own process (`node --import tsx scripts/bench/child.ts '<job json>'`):
 * prints one line `BENCH_RESULT {...}` with the job's result and this process's peak resident
 * memory (process.resourceUsage().maxRSS), then releases the wasm threads so it exits by itself.
 */
import { tearDownBackends } from './backends.js';
import { type Job, runJob } from './jobs.js';
import { RESULT_PREFIX } from './results.js';

const arg = process.argv[2];
if (arg === undefined) throw new Error('usage: child.ts <job as JSON>');
try {
  const result = await runJob(JSON.parse(arg) as Job);
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ ...result, peakRssMB })}\n`);
} finally {
  tearDownBackends();
}
