import { describe, expect, it } from 'vitest';
import { referenceImplementation } from '../../adapters/reference.js';
import { ACTIVATIONS, type Operations } from '../../core/interface.js';
import { type CheckResult, runChecks } from '../../core/runner.js';
import { expectForward } from '../../oracles/oracle.js';
import { toleranceProfile } from '../../oracles/tolerances.js';
import { corrupted, runCheck as runOn } from '../../testing/checkTesting.js';
import { bumped, faultyImplementation, primeOf, runCheck } from '../../testing/faulty.js';
import { gradientChecks, highPrecisionCases } from './gradient.js';

function expectRejected(result: CheckResult, where: { specId: string; operation?: string; layer?: number; element?: readonly number[] }): void {
  expect(result.status, result.message).toBe('fail');
  expect(result.mismatch).toMatchObject({ operation: 'gradient', ...where });
  expect(result.mismatch?.element?.length).toBeGreaterThanOrEqual(1);
  expect(result.message).toContain(where.specId);
}

/** r of the failing request. */
const layers = (result: CheckResult): number => (result.reproducer!.request as { params: { W: unknown[] } }).params.W.length;

describe('gradient checks', () => {
  it('[alg5.line1, alg5.line2, alg5.line3, alg5.line4, alg5.line5, 1.5, 4/multi-layer, 1/dataset-gradient, 3/unreached-zero-gradient] pass on the reference (runs = 25)', async () => {
    const results = await runChecks(referenceImplementation(), gradientChecks);
    expect(results.map((r) => r.check)).toEqual(gradientChecks.map((c) => c.id));
    for (const r of results) {
      expect(r.status, `${r.check}: ${r.message}`).toBe('pass');
    }
  });

  it('[alg5.line2, alg5.line4, alg5.line5, 3.3] pass on plain float64 and float32 implementations', async () => {
    for (const dtype of ['float64', 'float32'] as const) {
      for (const r of await runChecks(faultyImplementation(`plain ${dtype}`, {}, dtype), gradientChecks, { runs: 10 })) {
        expect(r.status, `${dtype} ${r.check}: ${r.message}`).toBe('pass');
      }
    }
  });

  it("[alg5.line4] gradient/named-cases rejects δ without ReLU' (Algorithm 5 line 4), at a hidden layer", async () => {
    const result = await runCheck(faultyImplementation("no ReLU'", { sigmaPrime: primeOf('relu', () => 1) }), gradientChecks, 'gradient/named-cases');
    expectRejected(result, { specId: 'alg5.line4' });
    expect(result.mismatch!.layer).toBeLessThan(layers(result));
  });

  it('[alg5.line2] gradient/random rejects δ[r] = y − o, at ∂J/∂b[r] entry 1', async () => {
    const result = await runCheck(faultyImplementation('y − o', { residual: (o, y) => y - o }), gradientChecks, 'gradient/random');
    expectRejected(result, { specId: 'alg5.line2', element: [1] });
    expect(result.mismatch!.layer).toBe(layers(result));
  });

  it('[alg5.line5, 3.13] gradient/named-cases rejects line 5 with z[k] for a[k], at a layer above the first', async () => {
    const result = await runCheck(faultyImplementation('z for a', { zForA: true }), gradientChecks, 'gradient/named-cases');
    expectRejected(result, { specId: 'alg5.line5' });
    expect(result.mismatch!.layer).toBeGreaterThanOrEqual(2);
  });

  it("[3.3, 1.1] gradient/finite-differences names a wrong ∂J/∂W[1] entry (1,1) without the reference's values", async () => {
    const result = await runCheck(
      faultyImplementation('bumped', { tamper: (g) => bumped(g, 'W', 1, [1, 1], 1e-4) }),
      gradientChecks,
      'gradient/finite-differences',
    );
    expectRejected(result, { specId: 'alg5.line5', layer: 1, element: [1, 1] });
    expect(result.message).toContain("implementation's own loss");
  });

  it('[3.3, 1.1] gradient/finite-differences judges consistency only: J and ∇J both doubled pass it, and fail gradient/random', async () => {
    const doubled = faultyImplementation('2J', { lossFactor: 1, residual: (o, y) => 2 * (o - y) });
    expect((await runCheck(doubled, gradientChecks, 'gradient/finite-differences')).status).toBe('pass');
    expectRejected(await runCheck(doubled, gradientChecks, 'gradient/random'), { specId: 'alg5.line2' });
  });

  it('[alg5.line4, 3.3] gradient/high-precision rejects a relative error of 1e-12 in one entry (float64), naming it', async () => {
    const result = await runCheck(
      faultyImplementation('1e-12 off', { tamper: (g) => bumped(g, 'b', 1, [2], 1e-12 * Math.abs(g.b[0]![1]!)) }),
      gradientChecks,
      'gradient/high-precision',
    );
    expectRejected(result, { specId: 'alg5.line4', layer: 1, element: [2] });
  });

  it('[alg5.line4] the high-precision cases keep every hidden pre-activation away from 0 (|z| > 0.01)', () => {
    const profile = toleranceProfile({ dtype: 'float64' });
    for (const c of highPrecisionCases(ACTIVATIONS)) {
      const z = expectForward(profile, c.params, c.activation, c.x)
        .z.slice(0, -1)
        .flatMap((e) => e.value);
      expect(Math.min(...z.map(Math.abs)), c.activation).toBeGreaterThan(0.01);
    }
  });

  it('[1.5, 4/multi-layer] gradient/mean rejects the sum of the batch gradients (no 1/B)', async () => {
    const result = await runCheck(faultyImplementation('no 1/B', { batchDivisor: () => 1 }), gradientChecks, 'gradient/mean');
    expect(result.status, result.message).toBe('fail');
    expect(result.mismatch).toMatchObject({ specId: '1.5', operation: 'meanGradient' });
    expect(result.mismatch?.layer).toBeGreaterThanOrEqual(1);
  });

  it('[3/unreached-zero-gradient] gradient/unreached-zero rejects weight decay folded into the gradient (λW[1] where x_ℓ = 0)', async () => {
    const ops = referenceImplementation().operations as Operations;
    const bad = corrupted('weight decay', {
      gradient: async (r) => {
        const g = await ops.gradient(r);
        return { ...g, W: g.W.map((W, k) => W.map((row, i) => row.map((v, j) => v + 1e-3 * r.params.W[k]![i]![j]!))) };
      },
    });
    const result = await runOn(gradientChecks, bad, 'gradient/unreached-zero');
    expect(result.status, result.message).toBe('fail');
    expect(result.mismatch).toMatchObject({ specId: '3/unreached-zero-gradient', operation: 'gradient', layer: 1, quantity: '∂J/∂W[1] where x_ℓ = 0' });
    const [, l] = result.mismatch!.element!;
    expect((result.reproducer!.request as { x: number[] }).x[l! - 1]).toBe(0);
  });

  it('[1/dataset-gradient, 1.5] gradient/mean rejects dividing by n instead of B', async () => {
    const result = await runCheck(faultyImplementation('1/n', { batchDivisor: (_, n) => n }), gradientChecks, 'gradient/mean');
    expect(result.status, result.message).toBe('fail');
    expect(result.mismatch).toMatchObject({ specId: '1.5', operation: 'meanGradient' });
  });
});
