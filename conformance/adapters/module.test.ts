/**
 * The module adapter's guards: an operation of an in-process module that never settles is cut by
 * the per-call limit or the run's deadline, and one that calls process.exit fails that call
 * instead of ending the process. The module is scripts/test-data/hostile-module.ts.
 */

import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { moduleImplementation } from './module.js';

/** A test module of the command line's (a path, not an import: conformance/ imports nothing of scripts/). */
const HOSTILE = join(import.meta.dirname, '..', '..', 'scripts', 'test-data', 'hostile-module.ts');
const request = { params: { W: [[[1]]], b: [[0]] }, activation: 'relu' as const, x: [1] };

afterEach(() => {
  delete process.env.HOSTILE_MODULE;
});

async function forwardWith(fault: string, options: Parameters<typeof moduleImplementation>[1] = {}): Promise<unknown> {
  const impl = await moduleImplementation(HOSTILE, options);
  process.env.HOSTILE_MODULE = fault;
  return impl.operations.forward!(request);
}

describe('module adapter', () => {
  it('answers through the guard like the module itself', async () => {
    expect(await forwardWith('none')).toEqual({ z: [[1]], a: [[1]], output: 1 });
  });

  it('turns process.exit inside an operation into a failure of that call, and restores process.exit', async () => {
    const exit = process.exit;
    await expect(forwardWith('exit')).rejects.toThrow('the module called process.exit(0) inside forward');
    expect(process.exit).toBe(exit);
    await expect(forwardWith('async-exit')).rejects.toThrow('the module called process.exit(3) inside forward');
    expect(process.exit).toBe(exit);
  });

  it('cuts an operation that never settles at the per-call limit (--timeout)', async () => {
    const started = Date.now();
    await expect(forwardWith('hang', { timeoutMs: 200 })).rejects.toThrow('no answer from forward within 200 ms (--timeout)');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("cuts an operation at the run's deadline (--max-time) when it comes before the per-call limit, and refuses calls after it", async () => {
    const started = Date.now();
    const deadline = Date.now() + 300;
    await expect(forwardWith('hang', { timeoutMs: 60_000, deadline })).rejects.toThrow(
      "no answer from forward before the run's time limit (--max-time) was reached",
    );
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(forwardWith('none', { deadline })).rejects.toThrow("not asked: the run's time limit (--max-time) has passed");
  });
});
