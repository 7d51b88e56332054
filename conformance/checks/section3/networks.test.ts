import { describe, expect, it } from 'vitest';
import { referenceImplementation } from '../../adapters/reference.js';
import type { NetParams } from '../../core/interface.js';
import { type CheckResult, runChecks } from '../../core/runner.js';
import { type Faults, faultyImplementation, primeOf, runCheck } from '../../testing/faulty.js';
import { networkChecks } from './networks.js';

const run = (faults: Faults, id: string): Promise<CheckResult> => runCheck(faultyImplementation(id, faults), networkChecks, id);

function expectRejected(
  result: CheckResult,
  where: { specId: string; operation?: string; layer?: number; quantity?: string; element?: readonly number[] },
): void {
  expect(result.status, result.message).toBe('fail');
  expect(result.mismatch).toMatchObject(where);
  expect(result.message.startsWith(`${where.specId}: `), result.message).toBe(true);
}

/** Sends back σ's overflowing textbook forms: e^z/(1 + e^z) and (e^z − e^{−z})/(e^z + e^{−z}) give ∞/∞ = NaN at |z| = 1000. */
const overflowing: Faults['sigma'] = (activation, z) =>
  activation === 'sigmoid'
    ? Math.exp(z) / (1 + Math.exp(z))
    : activation === 'tanh'
      ? (Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z))
      : activation === 'relu'
        ? Math.max(z, 0)
        : z;

describe('Section 3 network checks', () => {
  it('[3.4, 3.5, 3.6, 3.8, 3.10, 3.16, 3.4/sigma-prime, 2.14, 2.15] pass on the reference (runs = 25) and on plain float64/float32', async () => {
    const results = await runChecks(referenceImplementation(), networkChecks);
    expect(results.map((r) => r.check)).toEqual(networkChecks.map((c) => c.id));
    for (const r of results) {
      expect(r.status, `${r.check}: ${r.message}`).toBe('pass');
    }
    for (const dtype of ['float64', 'float32'] as const) {
      for (const r of await runChecks(faultyImplementation(dtype, {}, dtype), networkChecks, { runs: 10 }))
        expect(r.status, `${dtype} ${r.check}: ${r.message}`).toBe('pass');
    }
  });

  it('[3.5, 3.4] one-neuron-forward rejects a leaky ReLU, at o = ReLU(z) (eq. 3.5)', async () => {
    const leaky: Faults['sigma'] = (a, z) => (a === 'relu' ? (z >= 0 ? z : 0.01 * z) : z);
    expectRejected(await run({ sigma: leaky }, 'networks/one-neuron-forward'), {
      specId: '3.5',
      operation: 'forward',
      quantity: 'a[1]',
      layer: 1,
      element: [1],
    });
  });

  it('[3.2/grad-b, 3.2/grad-w, 3.2/local-derivs] one-neuron-gradient rejects ∂o/∂z = 1 for z < 0, at ∂J/∂b (Section 3.2)', async () => {
    expectRejected(await run({ sigmaPrime: primeOf('relu', () => 1) }, 'networks/one-neuron-gradient'), {
      specId: '3.2/grad-b',
      quantity: '∂J/∂b[1]',
      layer: 1,
      element: [1],
    });
  });

  it('[3.6] one-neuron-forward rejects J = (y − o)², at J (eq. 3.6)', async () => {
    expectRejected(await run({ lossFactor: 1 }, 'networks/one-neuron-forward'), { specId: '3.6', operation: 'loss' });
  });

  it('[3.8, alg3.line1, alg4.line1] two-layer-forward rejects a_j = |z_j|', async () => {
    expectRejected(await run({ sigma: (a, z) => (a === 'relu' ? Math.abs(z) : z) }, 'networks/two-layer-forward'), {
      specId: '3.8',
      operation: 'forward',
      quantity: 'a[1]',
      layer: 1,
    });
  });

  it('[3.3/grad-w2, alg4.line4] two-layer-gradient rejects ∂J/∂W[2] = δ[2] zᵀ (z for a)', async () => {
    expectRejected(await run({ zForA: true }, 'networks/two-layer-gradient'), { specId: '3.3/grad-w2', quantity: '∂J/∂W[2]', layer: 2 });
  });

  it('[alg4.line3, 3.9, 3.4/verify-delta1] two-layer-gradient rejects δ[1] without 1{z ≥ 0}, at ∂J/∂b[1] = δ[1]', async () => {
    expectRejected(await run({ sigmaPrime: primeOf('relu', () => 1) }, 'networks/two-layer-gradient'), {
      specId: 'alg4.line3',
      quantity: '∂J/∂b[1]',
      layer: 1,
    });
  });

  it('[alg4.line2, 3.10] two-layer-gradient rejects δ[2] = y − o', async () => {
    expectRejected(await run({ residual: (o, y) => y - o }, 'networks/two-layer-gradient'), {
      specId: 'alg4.line2',
      quantity: '∂J/∂b[2]',
      layer: 2,
      element: [1],
    });
  });

  it("[3.15, 3.4/hadamard] matrix-chain-rule rejects ∂J/∂z = ∂J/∂a (σ' dropped) for every activation but the identity", async () => {
    expectRejected(await run({ sigmaPrime: () => 1 }, 'networks/matrix-chain-rule'), {
      specId: '3.15',
      quantity: expect.stringMatching(/^∂J\/∂b\[\d\]$/) as unknown as string,
    });
  });

  it("[3.4/sigma-prime] sigma-prime/sigmoid rejects σ'(z) = σ(z); sigma-prime/tanh rejects 1 − tanh(z)", async () => {
    expectRejected(await run({ sigmaPrime: primeOf('sigmoid', (_, a) => a) }, 'networks/sigma-prime/sigmoid'), {
      specId: '3.4/sigma-prime',
      operation: 'gradient',
    });
    expectRejected(await run({ sigmaPrime: primeOf('tanh', (_, a) => 1 - a) }, 'networks/sigma-prime/tanh'), {
      specId: '3.4/sigma-prime',
      operation: 'gradient',
    });
  });

  it("[3.12] sigma-prime/identity rejects id'(z) = 0 (∂J/∂u = Wᵀ∂J/∂z lost)", async () => {
    expectRejected(await run({ sigmaPrime: primeOf('identity', () => 0) }, 'networks/sigma-prime/identity'), { specId: '3.12', operation: 'gradient' });
  });

  it('[3.4/dA-dB-shape] gradient-shapes rejects ∂J/∂b[k] sent as an m_k×1 column', async () => {
    const columns = (g: NetParams) => ({ W: g.W, b: g.b.map((v) => v.map((x) => [x])) });
    const result = await run({ tamper: columns }, 'networks/gradient-shapes');
    expectRejected(result, { specId: '3.4/dA-dB-shape', operation: 'gradient' });
    expect(result.message).toContain('not a finite number');
  });

  it('[3.5/backward-order, alg5.line3] depth rejects a backward loop that stops before layer 1 (∂J/∂W[1] = 0)', async () => {
    const stopped = (g: NetParams) => ({ ...g, W: g.W.map((M, k) => (k === 0 ? M.map((row) => row.map(() => 0)) : M)) });
    expectRejected(await run({ tamper: stopped }, 'networks/depth'), { specId: '3.5/backward-order', quantity: '∂J/∂W[1]', layer: 1 });
  });

  it('[2.14, 2.15] extreme-forward rejects the overflowing e^z/(1 + e^z) and tanh forms (NaN at |z| = 1000)', async () => {
    for (const [act, eq] of [
      ['sigmoid', '2.14'],
      ['tanh', '2.15'],
    ] as const) {
      const result = await run({ sigma: overflowing }, `networks/extreme-forward/${act}`);
      expectRejected(result, { specId: eq, operation: 'forward', quantity: 'a[1]', layer: 1 });
      expect(result.message).toContain('not a finite number');
    }
  });

  it("[2.14, 2.15, 3.4/sigma-prime] extreme-gradient rejects them too, and σ' not saturated to 0", async () => {
    for (const [act, eq] of [
      ['sigmoid', '2.14'],
      ['tanh', '2.15'],
    ] as const) {
      expectRejected(await run({ sigma: overflowing }, `networks/extreme-gradient/${act}`), { specId: eq, operation: 'gradient', layer: 2 });
      expectRejected(await run({ sigmaPrime: primeOf(act, () => 0.25) }, `networks/extreme-gradient/${act}`), {
        specId: '3.4/sigma-prime',
        operation: 'gradient',
        layer: 1,
      });
    }
  });
});
