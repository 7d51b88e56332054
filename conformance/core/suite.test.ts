import { describe, expect, it } from 'vitest';
import { referenceImplementation } from '../adapters/reference.js';
import type { Check } from './check.js';
import type { Implementation } from './interface.js';
import { runSuite } from './suite.js';

const forwardOnly = (name: string, closed: string[], closeError?: string): Implementation => ({
  ...referenceImplementation(),
  name,
  operations: { forward: referenceImplementation().operations.forward! },
  close() {
    closed.push(name);
    if (closeError !== undefined) throw new Error(closeError);
  },
});

const passing: Check = { id: 'x/pass', specIds: ['2.12'], title: 't', quote: 'q', requires: ['forward'], run: async () => ({ status: 'pass', message: 'ok' }) };
const needsLoss: Check = { ...passing, id: 'x/loss', specIds: ['1.2'], requires: ['loss'] };

describe('runSuite', () => {
  it('runs every check on every implementation in order, reports progress and closes each', async () => {
    const closed: string[] = [];
    const seen: string[] = [];
    const done: string[] = [];
    const run = await runSuite([forwardOnly('a', closed), forwardOnly('b', closed)], {
      checks: [passing, needsLoss],
      onResult: (r) => seen.push(`${r.implementation} ${r.check} ${r.status}`),
      onImplementation: (impl, results) => done.push(`${impl.name} ${results.length}`),
    });
    expect(seen).toEqual(['a x/pass pass', 'a x/loss not-implemented', 'b x/pass pass', 'b x/loss not-implemented']);
    expect(run.results.map((r) => `${r.implementation} ${r.check}`)).toEqual(['a x/pass', 'a x/loss', 'b x/pass', 'b x/loss']);
    expect(done).toEqual(['a 2', 'b 2']);
    expect(closed).toEqual(['a', 'b']);
    expect(run.durationMs).toBeGreaterThan(0);
  });

  it('closes every implementation even when one close throws, then reports it', async () => {
    const closed: string[] = [];
    await expect(runSuite([forwardOnly('a', closed, 'worker hung'), forwardOnly('b', closed)], { checks: [passing] })).rejects.toThrow(
      'closing the implementations failed: a: worker hung',
    );
    expect(closed).toEqual(['a', 'b']);
  });

  it('closes every implementation when the run itself stops, and rethrows that error', async () => {
    const closed: string[] = [];
    const stop = (): never => {
      throw new Error('progress callback broke');
    };
    await expect(runSuite([forwardOnly('a', closed, 'also broken'), forwardOnly('b', closed)], { checks: [passing], onResult: stop })).rejects.toThrow(
      'progress callback broke',
    );
    expect(closed).toEqual(['a', 'b']);
  });
});
