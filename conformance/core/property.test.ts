import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityChecks } from '../checks/identities.js';
import { optimizerChecks } from '../checks/section1/optimizers.js';
import { expectTraining } from '../oracles/oracle.js';
import { toleranceProfile } from '../oracles/tolerances.js';
import { reference, runCheck } from '../testing/checkTesting.js';
import { type Check, CheckFailure, OutsideDomain } from './check.js';
import type { DataSet } from './interface.js';
import { forAll } from './property.js';
import { runChecks } from './runner.js';

const float64 = toleranceProfile({ dtype: 'float64' });

/** A check whose random cases are the integers 0..99, `outside` of them outside the domain. */
const probe = (outside: (n: number) => boolean, fails: (n: number) => boolean = () => false): Check => ({
  id: 'probe/domain',
  specIds: ['1.5'],
  title: 'a property over integers',
  quote: '',
  requires: [],
  async run(ctx) {
    const message = await forAll(ctx, fc.integer({ min: 0, max: 99 }), async (n) => {
      if (outside(n)) throw new OutsideDomain(`case ${n} diverges`);
      if (fails(n)) throw new CheckFailure(`case ${n} is wrong`);
    });
    return { status: 'pass', message };
  },
});

describe('random cases outside the domain', () => {
  it('are discarded, counted and replaced: the check still verifies its runs, and never fails for them', async () => {
    const [result] = await runChecks(reference, [probe((n) => n % 3 === 0)], { runs: 30 });
    expect(result!.status).toBe('pass');
    expect(result!.message).toMatch(/^30 random cases \(seed 229; \d+ more drawn and discarded: outside the domain/);
    expect(Number(/; (\d+) more/.exec(result!.message)![1])).toBeGreaterThan(0);
  });

  it('never become the counterexample while a real failure is shrunk', async () => {
    const [result] = await runChecks(
      reference,
      [
        probe(
          (n) => n < 10,
          (n) => n >= 10,
        ),
      ],
      { runs: 30 },
    );
    expect(result!.status).toBe('fail');
    // the smallest failing case is 10: the cases below it are outside the domain, not failures
    expect(result!.message).toMatch(/^case 10 is wrong \[rerun with --seed 229; shrunk \d+ times\]$/);
    expect(result!.replay).toMatchObject({ seed: 229, shrinks: expect.any(Number) });
  });

  it('a failure found before the per-check limit is reported, with its reproducer, when shrinking is cut', async () => {
    const slow: Check = {
      ...probe(() => false),
      async run(ctx) {
        let failures = 0;
        return {
          status: 'pass',
          message: await forAll(ctx, fc.integer({ min: 0, max: 99 }), async (n) => {
            if (n < 10) return;
            // the first failure is found at once; every later one (while shrinking) outlasts the limit
            if (failures++ > 0) await new Promise((r) => setTimeout(r, 3000));
            throw new CheckFailure(`case ${n} is wrong`, undefined, { operation: 'forward', request: { n } });
          }),
        };
      },
    };
    const [result] = await runChecks(reference, [slow], { runs: 30, checkTimeoutMs: 1000 });
    expect(result!.status).toBe('fail');
    expect(result!.message).toMatch(
      /^case \d+ is wrong \[seed 229, not fully shrunk\] \[shrinking stopped: no result within 1000 ms \(the per-check limit: checkTimeoutMs, --check-timeout in verify\)\]$/,
    );
    expect(result!.reproducer).toMatchObject({ operation: 'forward', request: { n: expect.any(Number) } });
  });

  it('that leave no case inside is a fault of the suite, said so, not a pass', async () => {
    const [result] = await runChecks(reference, [probe(() => true)], { runs: 5 });
    expect(result!.status).toBe('fail');
    expect(result!.message).toMatch(/only 0 of 5 random cases could be drawn inside the domain.*not of the implementation/);
  });
});

describe('the oracle refuses cases it cannot judge', () => {
  // 1-1-1 identity network, one example (x = 1, y = 0): each step multiplies θ's error by about
  // 1 − α·(curvature); with α = 50 the run diverges geometrically and leaves the domain.
  const data: DataSet = { X: [[1]], y: [0] };
  const params = { W: [[[1]], [[1]]], b: [[0], [0]] };

  it('[alg2.line3] a diverging training run: OutsideDomain naming the quantity, not a NonFiniteError or a wrong expectation', () => {
    const batches = Array.from({ length: 40 }, () => [0]);
    expect(() => expectTraining(float64, params, 'identity', data, batches, 50)).toThrow(OutsideDomain);
    expect(() => expectTraining(float64, params, 'identity', data, batches, 50)).toThrow(/outside the domain|ill-conditioned|cannot compute/);
  });

  it('[alg2.line3] the same run with a small α is judged (no discard)', () => {
    const e = expectTraining(float64, params, 'identity', data, [[0], [0], [0]], 0.1);
    expect(e.losses).toHaveLength(3);
    for (const l of e.losses) expect(Number.isFinite(l.bound)).toBe(true);
  });

  // The seeds at which a correct implementation used to be rejected (issue 10): a diverging random
  // run (seed 12345) and a chaotic one whose float64 error bound overflowed to NaN (seed 1).
  for (const [seed, runs] of [
    [12345, 100],
    [1, 25],
  ] as const) {
    it(`[alg2.line3, 1.5] the reference passes optimizers/train and identities/train-is-steps at seed ${seed}, ${runs} runs`, async () => {
      const results = await runChecks(reference, [...optimizerChecks, ...identityChecks], {
        seed,
        runs,
        only: ['optimizers/train', 'identities/train-is-steps'],
      });
      expect(results).toHaveLength(2);
      for (const r of results) expect(r.status, `${r.check}: ${r.message}`).toBe('pass');
    });
  }

  it('[1.5] runCheck helper still reports a plain pass for a property check', async () => {
    expect((await runCheck(optimizerChecks, reference, 'optimizers/minibatch-step', 5)).status).toBe('pass');
  });
});
