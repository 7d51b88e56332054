import { describe, expect, it } from 'vitest';
import { referenceImplementation } from '../adapters/reference.js';
import { type Check, CheckFailure } from './check.js';
import type { Implementation } from './interface.js';
import { failed, runChecks, selected } from './runner.js';

const forwardOnly = (impl: Implementation, forward: NonNullable<Implementation['operations']['forward']>): Implementation => ({
  ...impl,
  operations: { forward },
});

const probe: Check = {
  id: 'probe/forward',
  specIds: ['2.12'],
  title: 'calls forward once',
  quote: 'h_θ(x)',
  requires: ['forward'],
  async run(ctx) {
    await ctx.call('forward', { params: { W: [[[1]]], b: [[0]] }, activation: 'relu', x: [1] });
    return { status: 'pass', message: 'answered' };
  },
};

describe('runner', () => {
  const reference = referenceImplementation();

  it('reports a missing operation or activation as not-implemented, without calling anything', async () => {
    const none: Implementation = { ...reference, operations: {} };
    const [result] = await runChecks(none, [probe]);
    expect(result).toMatchObject({ status: 'not-implemented', message: 'needs operation forward' });
    const [byActivation] = await runChecks({ ...reference, activations: ['relu'] }, [{ ...probe, activations: ['tanh'] }]);
    expect(byActivation).toMatchObject({ status: 'not-implemented', message: 'needs activation tanh' });
  });

  it('turns a throw, a rejection or no answer into a failure naming the operation, and goes on', async () => {
    const throwing = forwardOnly(reference, () => {
      throw new TypeError('boom');
    });
    const rejecting = forwardOnly(reference, () => Promise.reject(new Error('lost')));
    const silent = forwardOnly(reference, () => undefined as never);
    const results = await Promise.all([throwing, rejecting, silent].map((impl) => runChecks(impl, [probe, probe])));
    expect(results.map((r) => r.map((x) => x.status))).toEqual([
      ['fail', 'fail'],
      ['fail', 'fail'],
      ['fail', 'fail'],
    ]);
    expect(results.map((r) => r[0]!.message)).toEqual(['forward failed: boom', 'forward failed: lost', 'forward returned undefined instead of an answer']);
    expect(results[0]![0]!.reproducer).toEqual({ operation: 'forward', request: { params: { W: [[[1]]], b: [[0]] }, activation: 'relu', x: [1] } });
  });

  it('fails a check that does not finish within the limit', async () => {
    const hanging = forwardOnly(reference, () => new Promise(() => undefined));
    const [result] = await runChecks(hanging, [probe], { checkTimeoutMs: 50 });
    expect(result).toMatchObject({
      status: 'fail',
      message: 'probe/forward: no result within 50 ms (the per-check limit: checkTimeoutMs, --check-timeout in verify)',
    });
  });

  it('reports known failures as expected-fail, and a fixed one as unexpected-pass (which fails the run)', async () => {
    const failing: Check = { ...probe, id: 'probe/fails', run: () => Promise.reject(new CheckFailure('2.12: wrong')) };
    const expectations = new Map([
      ['probe/fails', 'issue 7'],
      ['probe/forward', 'flaky adapter'],
    ]);
    const results = await runChecks(reference, [failing, probe], { expectations });
    expect(results.map((r) => r.status)).toEqual(['expected-fail', 'unexpected-pass']);
    expect(results[1]!.message).toContain('flaky adapter');
    expect(results.map(failed)).toEqual([false, true]);
  });

  it('selects checks by check id or spec id, with * as a wildcard', () => {
    expect(selected(probe, undefined)).toBe(true);
    expect(selected(probe, ['probe/*'])).toBe(true);
    expect(selected(probe, ['2.1*'])).toBe(true);
    expect(selected(probe, ['2.1'])).toBe(false);
    expect(selected(probe, ['gradient/*', '3.13'])).toBe(false);
  });
});
