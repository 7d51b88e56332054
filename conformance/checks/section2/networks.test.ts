import { describe, expect, it } from 'vitest';
import type { Activation, ForwardRequest, ForwardResult, Implementation } from '../../core/interface.js';
import { type CheckResult, runChecks } from '../../core/runner.js';
import { corrupted, expectAllPass, reference, runCheck } from '../../testing/checkTesting.js';
import { section2Checks } from './networks.js';

const ref = reference;
const run = (impl: Implementation, check: string): Promise<CheckResult> => runCheck(section2Checks, impl, check, 10);

const SIGMA: Record<Activation, (z: number) => number> = {
  relu: (z) => Math.max(z, 0),
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: Math.tanh,
  identity: (z) => z,
};

interface Bugs {
  readonly sigma?: Partial<Record<Activation, (z: number) => number>>;
  /** Sum over the first d − 1 inputs only (the range of Figure 3's caption misread). */
  readonly dropLastInput?: boolean;
  /** ReLU on the output layer too. */
  readonly outputRelu?: boolean;
}

/** A plain forward pass (eq. 2.12-2.13) with optional bugs. */
function buggyForward(bugs: Bugs) {
  return ({ params, activation, x }: ForwardRequest): ForwardResult => {
    const sigma = bugs.sigma?.[activation] ?? SIGMA[activation];
    const z: number[][] = [];
    const a: number[][] = [];
    let prev: readonly number[] = x;
    params.W.forEach((W, k) => {
      const inputs = k === 0 && bugs.dropLastInput ? prev.length - 1 : prev.length;
      const zk = W.map((row, i) => row.slice(0, inputs).reduce((s, w, j) => s + w * prev[j]!, 0) + params.b[k]![i]!);
      const last = k === params.W.length - 1;
      const ak = last ? (bugs.outputRelu ? zk.map(SIGMA.relu) : zk) : zk.map(sigma);
      z.push(zk);
      a.push(ak);
      prev = ak;
    });
    return { z, a, output: a[a.length - 1]![0]! };
  };
}

describe('section 2 checks', () => {
  it('[2.1, 2.2, 2/relu, 2.3, 2.11, 2.14, 2.15, 2/neuron-count, 2/param-count, 3.3/param-count] pass on the reference', async () => {
    await expectAllPass(ref, section2Checks);
  });

  it('[2.1, 2/relu, 2.10] the plain forward used to plant bugs passes every forward check unmodified', async () => {
    const plain = corrupted('plain', { forward: buggyForward({}) });
    const results = await runChecks(plain, section2Checks, { runs: 10 });
    for (const r of results) expect(r.status, `${r.check}: ${r.message}`).toBe('pass');
  });

  it('[2/relu, 2.10] rejects ReLU(t) = |t| at the first negative t, naming a[1] entry 1', async () => {
    const bad = corrupted('abs', { forward: buggyForward({ sigma: { relu: Math.abs } }) });
    const result = await run(bad, 'section2/relu');
    expect(result.mismatch).toMatchObject({ specId: '2/relu', operation: 'forward', quantity: 'a[1]', layer: 1, element: [1], expected: 0, got: 1000 });
    expect((await run(bad, 'section2/single-neuron')).mismatch).toMatchObject({ specId: '2.1', quantity: 'a[1]', layer: 1, element: [1] });
  });

  it('[2/housing-a3, 2/fig3-caption, 2.5] rejects a first layer that sums the inputs only to d − 1', async () => {
    const bad = corrupted('sum to d − 1', { forward: buggyForward({ dropLastInput: true }) });
    expect((await run(bad, 'section2/housing')).mismatch).toMatchObject({ specId: '2/housing-a3', quantity: 'z[1]', layer: 1, element: [3] });
    expect((await run(bad, 'section2/two-layer')).mismatch).toMatchObject({ specId: '2.4', quantity: 'z[1]', layer: 1, element: [1] });
  });

  it('[2.3, 2.12] rejects a ReLU on the output layer (footnote 3: the last layer is linear)', async () => {
    const bad = corrupted('output relu', { forward: buggyForward({ outputRelu: true }) });
    const result = await run(bad, 'section2/housing');
    expect(result.mismatch).toMatchObject({ specId: '2.3', operation: 'forward', quantity: 'a[2]', layer: 2, element: [1] });
  });

  it('[2.14, 2.15] rejects sigmoid and tanh that overflow to NaN at |z| = 1000', async () => {
    const bad = corrupted('naive', {
      forward: buggyForward({
        sigma: { sigmoid: (z) => Math.exp(z) / (1 + Math.exp(z)), tanh: (z) => (Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z)) },
      }),
    });
    for (const [check, specId] of [
      ['section2/sigmoid', '2.14'],
      ['section2/tanh', '2.15'],
    ] as const) {
      const result = await run(bad, check);
      expect(result.mismatch, result.message).toMatchObject({ specId, quantity: 'a[1]', layer: 1, element: [1], got: 'NaN' });
      expect(result.message).toContain('not a finite number');
    }
  });

  it('[2/neuron-count] rejects a forward that leaves z[r] out', async () => {
    const bad = corrupted('no z[r]', {
      forward: async (r) => {
        const got = await ref.operations.forward!(r);
        return { ...got, z: got.z.slice(0, -1) };
      },
    });
    expect((await run(bad, 'section2/neuron-count')).mismatch).toMatchObject({ specId: '2/neuron-count', operation: 'forward', layer: 3, expected: 8, got: 7 });
  });

  it('[2/param-count] rejects an initialization without the first bias', async () => {
    const bad = corrupted('no b[1]', {
      initialize: async (r) => {
        const theta = await ref.operations.initialize!(r);
        return { W: theta.W, b: [[], ...theta.b.slice(1)] };
      },
    });
    expect((await run(bad, 'section2/param-count')).mismatch).toMatchObject({
      specId: '2/param-count',
      operation: 'initialize',
      layer: 1,
      expected: 35,
      got: 30,
    });
  });

  it('[3.3/param-count] rejects a two-layer initialization without b[2] (md + 2m parameters, not md + 2m + 1)', async () => {
    const bad = corrupted('no b[2] in two layers', {
      initialize: async (r) => {
        const theta = await ref.operations.initialize!(r);
        return r.sizes.length === 3 ? { W: theta.W, b: [theta.b[0]!, []] } : theta;
      },
    });
    // [6, 8, 1] (LAYER_SIZES' two-layer network): p = 6·8 + 2·8 + 1 = 65; without b[2], 64 (the shortfall is in layer 2)
    expect((await run(bad, 'section2/param-count')).mismatch).toMatchObject({
      specId: '3.3/param-count',
      operation: 'initialize',
      layer: 2,
      expected: 65,
      got: 64,
    });
  });
});
