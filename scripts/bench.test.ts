import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const IMPLEMENTATIONS = ['accelerated', 'autograd', 'tfjs-layers', 'reference', 'numpy'];

/** Runs `npx tsx scripts/bench.ts ...args` in its own process group; kills the group after `ms`. */
function bench(args: string[], ms: number): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const proc = spawn('npx', ['tsx', 'scripts/bench.ts', ...args], { cwd: projectRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (proc.pid !== undefined) process.kill(-proc.pid, 'SIGKILL');
    }, ms);
    proc.stdout.on('data', (c: Buffer) => (output += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (output += c.toString()));
    proc.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

const positive = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x > 0;

describe('npm run bench', () => {
  it('bench --quick writes the required JSON fields, the browser rows (webgl, webgpu in Chromium) with the same fields as the wasm rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-test-'));
    try {
      const file = join(dir, 'bench.json');
      const run = await bench(['--quick', '--json', file, '--backends', 'cpu,wasm-threaded,wasm-single,mathjs,numpy,webgl,webgpu'], 150_000);
      expect(run.timedOut, run.output).toBe(false);
      expect(run.code, run.output).toBe(0);
      expect(run.output).toContain('fwd+bwd/fwd');
      const records = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
      expect(Array.isArray(records)).toBe(true);
      for (const r of records) {
        const where = JSON.stringify(r).slice(0, 200);
        expect(IMPLEMENTATIONS, where).toContain(r.implementation);
        expect(typeof r.backend, where).toBe('string');
        const network = r.network as { sizes?: unknown; batch?: unknown } | undefined;
        expect(Array.isArray(network?.sizes) && (network.sizes as unknown[]).every((m) => Number.isInteger(m) && (m as number) >= 1), where).toBe(true);
        expect(Number.isInteger(network?.batch) && (network!.batch as number) >= 1, where).toBe(true);
        expect(positive(r.examplesPerSecond), where).toBe(true);
        expect(positive(r.gflops), where).toBe(true);
        // Theorem 3.1 made concrete: a ratio of two measured times (its bound is not asserted here).
        expect(positive(r.forwardBackwardOverForward), where).toBe(true);
        // Peak RSS is not measured for the Chromium rows (browser.ts).
        expect(positive(r.peakRssMB) || (['webgl', 'webgpu'].includes(r.backend as string) && r.peakRssMB === null), where).toBe(true);
        expect(typeof r.ratios, where).toBe('object');
        const step = (r.timings as { step?: Record<string, number> } | undefined)?.step;
        expect(step !== undefined && step.q1Ms! <= step.medianMs! && step.medianMs! <= step.q3Ms!, where).toBe(true);
        expect((r.loadAverage as { before?: unknown[] } | undefined)?.before, where).toHaveLength(3);
      }
      // The browser rows: what Chromium reports runs them, and every field a wasm row has.
      const fields = (r: Record<string, unknown>): string[] =>
        Object.keys(r)
          .filter((k) => k !== 'device' && k !== 'notice')
          .sort();
      const wasm = records.find((r) => r.implementation === 'accelerated' && r.backend === 'wasm-single')!;
      for (const backend of ['webgl', 'webgpu']) {
        const rows = records.filter((r) => r.backend === backend);
        expect(rows.map((r) => r.implementation)).toEqual(['accelerated', 'accelerated']);
        for (const r of rows) {
          expect(fields(r)).toEqual(fields(wasm));
          expect(r.device, backend).toMatch(/Chromium \d+/);
          expect(r.tensorsLeaked, backend).toBe(0);
        }
      }
      expect(run.output).toMatch(/webgl device \(as Chromium reports it\): .+/);
      expect(run.output).toMatch(/webgpu device \(as Chromium reports it\): .+/);
      // Every implementation is present, the reference on the small network only.
      expect(new Set(records.map((r) => r.implementation))).toEqual(new Set(IMPLEMENTATIONS));
      const sizesOf = (impl: string): string[] => [
        ...new Set(records.filter((r) => r.implementation === impl).map((r) => JSON.stringify((r.network as { sizes: number[] }).sizes))),
      ];
      expect(sizesOf('reference')).toHaveLength(1);
      expect(sizesOf('accelerated')).toHaveLength(2);
      // The three Node backends for each tfjs implementation, on both networks; the accelerated path also in Chromium.
      const node = ['cpu', 'cpu', 'wasm-single', 'wasm-single', 'wasm-threaded', 'wasm-threaded'];
      for (const impl of ['accelerated', 'autograd', 'tfjs-layers']) {
        expect(
          records
            .filter((r) => r.implementation === impl)
            .map((r) => r.backend)
            .sort(),
        ).toEqual(impl === 'accelerated' ? [...node, 'webgl', 'webgl', 'webgpu', 'webgpu'].sort() : node);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
