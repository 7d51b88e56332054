import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnVector, matrixFromRows, toRows } from './matrix.js';
import { bias, forward, initializeParams, layerSizes, neuronCount, type Params, parameterCount, predict, weight } from './network.js';
import { createRng } from './sampler.js';
import { networkCaseArb, sizesArb } from './testing/arbitraries.js';

/** A 2-2-1 network small enough to follow by hand. */
const theta: Params = {
  W: [
    matrixFromRows([
      [1, -1],
      [2, 0.5],
    ]),
    matrixFromRows([[1, -2]]),
  ],
  b: [columnVector([0, -1]), columnVector([0.25])],
};

describe('[2.12, 2.13, 2/a0-ar] the multi-layer network', () => {
  it('computes by hand: x = (1, 2) gives z1 = (−1, 2), a1 = (0, 2), h = −3.75', () => {
    // z1 = W1 x + b1 = (1·1 − 1·2 + 0, 2·1 + 0.5·2 − 1) = (−1, 2); a1 = ReLU(z1) = (0, 2);
    // h = W2 a1 + b2 = 1·0 − 2·2 + 0.25 = −3.75 (the last layer is linear: no ReLU).
    const pass = forward(theta, columnVector([1, 2]));
    expect(toRows(pass.a[0]!)).toEqual([[1], [2]]);
    expect(toRows(pass.z[1]!)).toEqual([[-1], [2]]);
    expect(toRows(pass.a[1]!)).toEqual([[0], [2]]);
    expect(toRows(pass.a[2]!)).toEqual([[-3.75]]);
    expect(pass.o).toBe(-3.75);
  });
  it('keeps the last layer linear, so negative outputs are possible (footnote 3)', () => {
    fc.assert(
      fc.property(networkCaseArb(), (c) => {
        const pass = forward(c.theta, c.x, 'sigmoid');
        const r = c.theta.W.length;
        expect(pass.a[r]).toBe(pass.z[r]);
        for (let k = 1; k < r; k++) for (const [v] of toRows(pass.a[k]!)) expect(Number(v)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 50 },
    );
  });
  it('makes every z[k], a[k] an m_k×1 column (2.13)', () => {
    fc.assert(
      fc.property(networkCaseArb(), (c) => {
        const pass = forward(c.theta, c.x);
        c.sizes.forEach((m, k) => expect(pass.a[k]!.size()).toEqual([m, 1]));
      }),
      { numRuns: 50 },
    );
  });
  it('predict returns h_θ(x) = a[r]', () => {
    expect(predict(theta, columnVector([1, 2]))).toBe(-3.75);
  });
});

describe('[2/layer-shapes] W[k] ∈ R^{m_k × m_{k−1}}, b[k] ∈ R^{m_k}, W[r] ∈ R^{1×m_{r−1}}', () => {
  it('reads the layer sizes [d, m_1, ..., m_r]', () => {
    expect(layerSizes(theta)).toEqual([2, 2, 1]);
    expect(toRows(weight(theta, 2))).toEqual([[1, -2]]);
    expect(toRows(bias(theta, 1))).toEqual([[0], [-1]]);
  });
  it('names the layer, the expected and the actual shape of a wrong W[k]', () => {
    const bad: Params = { W: [theta.W[0]!, matrixFromRows([[1], [2]])], b: theta.b };
    expect(() => layerSizes(bad)).toThrow('eq. 2.12: W[2] must be 1x2 (m2 x m1), got 2x1');
  });
  it('refuses a bias that is not a column, a missing layer, an empty network, m_r != 1, NaN weights', () => {
    expect(() => layerSizes({ W: theta.W, b: [matrixFromRows([[0, -1]]), theta.b[1]!] })).toThrow('eq. 2.12: b[1] must be a column vector m1x1, got 1x2');
    expect(() => layerSizes({ W: theta.W, b: [theta.b[0]!] })).toThrow('eq. 2.12: there are 2 weight matrices but 1 biases');
    expect(() => layerSizes({ W: [], b: [] })).toThrow('eq. 2.12: the network needs at least one layer (r >= 1), got r = 0');
    expect(() => layerSizes({ W: [theta.W[0]!], b: [theta.b[0]!] })).toThrow('eq. 2.12: the output layer must have m1 = 1');
    expect(() =>
      layerSizes({
        W: [
          matrixFromRows([
            [Number.NaN, 1],
            [0, 0],
          ]),
          theta.W[1]!,
        ],
        b: theta.b,
      }),
    ).toThrow('eq. 2.12: W[1] must be finite, but entry (1,1) is NaN');
    expect(() => weight(theta, 3)).toThrow('eq. 2.12: there is no W[3]: the network has r = 2 layers');
  });
});

describe('[2/param-count, 2/neuron-count] counting parameters and neurons', () => {
  it('counts (d+1)m_1 + ... + (m_{r−1}+1)m_r: 4-3-1 has 5·3 + 4·1 = 19', () => {
    expect(parameterCount([4, 3, 1])).toBe(19);
    expect(neuronCount([4, 3, 1])).toBe(4);
  });
  it('equals the number of entries of an initialized θ, and the neuron count the number of rows', () => {
    fc.assert(
      fc.property(sizesArb(), fc.integer(), (sizes, seed) => {
        const p = initializeParams(sizes, createRng(seed));
        const entries = [...p.W, ...p.b].reduce((s, M) => s + toRows(M).flat().length, 0);
        expect(parameterCount(sizes)).toBe(entries);
        expect(neuronCount(sizes)).toBe(p.b.reduce((s, b) => s + b.size()[0]!, 0));
      }),
    );
  });
  it('refuses zero, fractional or missing layer sizes', () => {
    expect(() => parameterCount([4, 0, 1])).toThrow('eq. 2.12: layer size m1 must be a positive integer, got 0');
    expect(() => parameterCount([2.5, 1])).toThrow('eq. 2.12: d (input dimension) must be a positive integer, got 2.5');
    expect(() => parameterCount([4])).toThrow('eq. 2.12: layer sizes must be [d, m_1, ..., m_r] with r >= 1, got [4]');
  });
});

describe('[alg1.line2, alg2.line2] Initialize θ randomly', () => {
  it('is deterministic per seed, differs across seeds, and stays in ±1/√m_{k−1}', () => {
    const a = initializeParams([3, 5, 1], createRng(7));
    const b = initializeParams([3, 5, 1], createRng(7));
    const c = initializeParams([3, 5, 1], createRng(8));
    expect(a.W.map(toRows)).toEqual(b.W.map(toRows));
    expect(a.W.map(toRows)).not.toEqual(c.W.map(toRows));
    for (const v of toRows(a.W[0]!).flat()) expect(Math.abs(Number(v))).toBeLessThanOrEqual(1 / Math.sqrt(3));
    for (const v of toRows(a.W[1]!).flat()) expect(Math.abs(Number(v))).toBeLessThanOrEqual(1 / Math.sqrt(5));
  });
  it('refuses an output layer wider than 1', () => {
    expect(() => initializeParams([3, 2], createRng(1))).toThrow('eq. 2.12: the output layer must have m_r = 1, got layer sizes [3, 2]');
  });
});

describe('[3.3/param-count] the two-layer network has p = (d + 1)m + (m + 1) = md + 2m + 1 >= md parameters', () => {
  it('counts W^{[1]} (md), b^{[1]} (m), w^{[2]} (m) and b^{[2]} (1) for every d, m up to 20', () => {
    for (let d = 1; d <= 20; d++) {
      for (let m = 1; m <= 20; m++) {
        const p = parameterCount([d, m, 1]);
        expect(p).toBe(d * m + 2 * m + 1);
        expect(p).toBeGreaterThanOrEqual(d * m);
      }
    }
    // the entries of an initialized θ, counted: [4, 3, 1] has 12 + 3 + 3 + 1 = 19
    const theta = initializeParams([4, 3, 1], createRng(3));
    expect([...theta.W, ...theta.b].reduce((s, M) => s + M.size()[0]! * M.size()[1]!, 0)).toBe(4 * 3 + 2 * 3 + 1);
  });
});
