import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapsedAffine, collapsedWeight, identityNetworkOutput } from './collapse.js';
import { columnVector, matrixFromRows, scalarOf, toRows } from './matrix.js';
import { forward, type Params, predict } from './network.js';
import { type Matrix, math, toBig, withPrecision } from './numeric.js';
import { matrixOf, sizesArb, unitEntry } from './testing/plainArbitraries.js';
import { gamma } from './testing/tolerance.js';

const matrixArb = (rows: number, cols: number): fc.Arbitrary<Matrix> => matrixOf(unitEntry, rows, cols).map(matrixFromRows);

/** W[1] ∈ R^{m×d}, W[2] ∈ R^{1×m}, x ∈ R^d for random m, d in 1..5. */
const caseArb = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([m, d]) => fc.record({ m: fc.constant(m), d: fc.constant(d), W1: matrixArb(m, d), W2: matrixArb(1, m), x: matrixArb(d, 1) }));

const abs = (M: Matrix): Matrix => math.map(M, (v: number) => Math.abs(v));

/** The smallest subnormal float64: a result in the subnormal range may err by this much absolutely. */
const ETA = 2 ** -1074;

/**
 * W[2](W[1]x) and (W[2]W[1])x are the same sum Σ_{j,i} W2_j W1_ji x_i associated two ways: each
 * term passes through at most d + m roundings (two products, d − 1 + m − 1 additions), so each
 * result is within γ_{d+m}·|W[2]|(|W[1]||x|) of exact, and they differ by at most twice that.
 * Gradual underflow adds absolute errors of up to ETA per operation: d·ETA in each entry of W[1]x,
 * carried by |W[2]| (d·||W[2]||_1·ETA) plus m·ETA for the outer sum, and m·||x||_1·ETA + d·ETA the
 * other way round.
 */
function collapseTolerance(W1: Matrix, W2: Matrix, x: Matrix, d: number, m: number): number {
  const l1 = (M: Matrix): number => (math.flatten(M).toArray() as number[]).reduce((s, v) => s + Math.abs(v), 0);
  const underflow = (d * l1(W2) + m + m * l1(x) + d) * ETA;
  return 2 * gamma(d + m) * Number(scalarOf(math.multiply(abs(W2), math.multiply(abs(W1), abs(x))) as Matrix)) + underflow;
}

const W1 = matrixFromRows([
  [1, 2],
  [3, 4],
  [5, 6],
]);
const W2 = matrixFromRows([[1, 0, -1]]);

describe('[2.20] W̃ = W[2]W[1]', () => {
  it('computes a worked example by hand', () => {
    // [1, 0, −1]·[[1, 2], [3, 4], [5, 6]] = [1 − 5, 2 − 6] = [−4, −4] ∈ R^{1×2}.
    expect(toRows(collapsedWeight(W1, W2))).toEqual([[-4, -4]]);
  });

  it('is 1×d for random shapes', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(collapsedWeight(c.W1, c.W2).size()).toEqual([1, c.d]);
      }),
      { numRuns: 20 },
    );
  });

  it('loses the non-linearity: the ReLU network is not a W̃x, the identity one is', () => {
    // W[1] = [[1], [−1]], W[2] = [1, 1], zero biases: with ReLU h(x) = ReLU(x) + ReLU(−x) = |x|, so
    // h(1) + h(−1) = 2 but h(0) = 0, which no linear W̃x allows; with σ(z) = z, h(x) = x − x = 0 = W̃x.
    const theta = { W: [matrixFromRows([[1], [-1]]), matrixFromRows([[1, 1]])], b: [columnVector([0, 0]), columnVector([0])] };
    const h = (x: number): number => Number(predict(theta, columnVector([x]), 'relu'));
    expect([h(1), h(-1), h(0)]).toEqual([1, 1, 0]);
    expect(toRows(collapsedWeight(theta.W[0]!, theta.W[1]!))).toEqual([[0]]);
  });

  it('rejects mismatched and non-finite weights naming eq. 2.20', () => {
    expect(() => collapsedWeight(W1, matrixFromRows([[1, 0]]))).toThrow('eq. 2.20: W[2] must be 1x3 (1 x m, m = rows of W[1]), got 1x2');
    expect(() => collapsedWeight(W1, math.transpose(W2))).toThrow('eq. 2.20: W[2] must be 1x3');
    expect(() => collapsedWeight(matrixFromRows([[Number.NaN]]), matrixFromRows([[1]]))).toThrow('eq. 2.20: W[1] must be finite');
    expect(() => collapsedWeight(W1, matrixFromRows([[1, Infinity, 0]]))).toThrow('eq. 2.20: W[2] must be finite');
  });
});

describe('[2.16, 2.17, 2.18, 2.19, 2.20] the identity-activation network collapses to W̃x', () => {
  it('computes a worked example by hand', () => {
    // x = (1, 1): z[1] = W[1]x = (3, 7, 11) = a[1] (σ(z) = z); h = W[2]a[1] = 3 − 11 = −8;
    // W̃x = [−4, −4]·(1, 1) = −8.
    const out = identityNetworkOutput(W1, W2, columnVector([1, 1]));
    expect(toRows(out.z1)).toEqual([[3], [7], [11]]);
    expect(toRows(out.a1)).toEqual([[3], [7], [11]]);
    expect(out.h).toBe(-8);
    expect(scalarOf(math.multiply(collapsedWeight(W1, W2), columnVector([1, 1])) as Matrix)).toBe(-8);
  });

  it('has a[1] = z[1] (2.18) and h = W̃x (2.19, 2.20) for random shapes', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const out = identityNetworkOutput(c.W1, c.W2, c.x);
        expect(toRows(out.a1)).toEqual(toRows(out.z1));
        const collapsed = Number(scalarOf(math.multiply(collapsedWeight(c.W1, c.W2), c.x) as Matrix));
        expect(Math.abs(Number(out.h) - collapsed)).toBeLessThanOrEqual(collapseTolerance(c.W1, c.W2, c.x, c.d, c.m));
      }),
      { numRuns: 60 },
    );
  });

  it('equals reference/network.ts#forward with activation identity and zero biases', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const theta = { W: [c.W1, c.W2], b: [math.zeros(c.m, 1) as Matrix, math.zeros(1, 1) as Matrix] };
        const pass = forward(theta, c.x, 'identity');
        const out = identityNetworkOutput(c.W1, c.W2, c.x);
        // The same products and sums in the same order; adding the zero biases is exact (up to the
        // sign of a zero): bounded by the W̃x tolerance, which covers any association.
        expect(Math.abs(Number(pass.o) - Number(out.h))).toBeLessThanOrEqual(collapseTolerance(c.W1, c.W2, c.x, c.d, c.m));
        toRows(pass.a[1]!).forEach(([v], j) => expect(Math.abs(Number(v) - Number(out.a1.get([j, 0])))).toBe(0));
      }),
      { numRuns: 40 },
    );
  });

  it('rejects bad shapes naming eq. 2.16', () => {
    expect(() => identityNetworkOutput(W1, W2, columnVector([1, 2, 3]))).toThrow('eq. 2.16: x must be 2x1 (d x 1, d = columns of W[1]), got 3x1');
    expect(() => identityNetworkOutput(W1, matrixFromRows([[1]]), columnVector([1, 2]))).toThrow('eq. 2.16: W[2] must be 1x3');
    expect(() => identityNetworkOutput(W1, W2, columnVector([1, Number.NaN]))).toThrow('eq. 2.16: x must be finite');
  });
});

/** Entries in [−2, 2], at least 2^-10 in magnitude or exactly 0: no product of <= 7 of them is subnormal. */
const boundedEntry = fc.oneof(
  fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true }).filter((v) => Math.abs(v) >= 2 ** -10),
  fc.constant(0),
);
const deepArb = sizesArb({ minLayers: 1, maxLayers: 5, maxWidth: 4 }).chain((sizes) =>
  fc.record({
    sizes: fc.constant(sizes),
    W: fc.tuple(...sizes.slice(1).map((m, k) => matrixOf(boundedEntry, m, sizes[k]!))),
    b: fc.tuple(...sizes.slice(1).map((m) => matrixOf(boundedEntry, m, 1))),
    x: matrixOf(boundedEntry, sizes[0]!, 1),
  }),
);
const absParams = (theta: Params): Params => ({ W: theta.W.map(abs), b: theta.b.map(abs) });

describe('[2/collapse-affine] with σ(z) = z and biases, a network of any depth is W̃x + b̃', () => {
  it('computes a worked example by hand', () => {
    // W[1] = [1; 2], b[1] = [1; −1], W[2] = [3, 1], b[2] = 0.5: W̃ = 3 + 2 = 5,
    // b̃ = W[2]b[1] + b[2] = 3 − 1 + 0.5 = 2.5, and at x = 2: z[1] = (3, 3), h = 9 + 3 + 0.5 = 12.5 = 5·2 + 2.5.
    const theta: Params = { W: [matrixFromRows([[1], [2]]), matrixFromRows([[3, 1]])], b: [columnVector([1, -1]), columnVector([0.5])] };
    const { W, b } = collapsedAffine(theta);
    expect([toRows(W), toRows(b)]).toEqual([[[5]], [[2.5]]]);
    expect(predict(theta, columnVector([2]), 'identity')).toBe(12.5);
  });

  it('equals the forward pass with σ(z) = z, for depth r = 1..5, within the derived float64 bound', () => {
    // Both routes compute the same exact sum over paths, Σ W^{[r]}···W^{[1]}x + Σ_k W^{[r]}···W^{[k+1]}b^{[k]};
    // every term passes through at most N = Σ_{k=1}^{r} (m_{k−1} + 1) + 2 roundings either way (the
    // dot products of each layer, its bias, and W̃x + b̃), so each is within γ_N·S of it, S = the same
    // computation on |θ|, |x| (all terms >= 0: computed S >= S_exact(1 − γ_N), hence the factor 2 on
    // γ_N S below covers both routes and S's own rounding). No subnormal arises (boundedEntry).
    fc.assert(
      fc.property(deepArb, ({ sizes, W, b, x }) => {
        const theta: Params = { W: W.map((M) => matrixFromRows(M)), b: b.map((v) => matrixFromRows(v)) };
        const X = matrixFromRows(x);
        const { W: Wt, b: bt } = collapsedAffine(theta);
        expect(Wt.size()).toEqual([1, sizes[0]]);
        expect(bt.size()).toEqual([1, 1]);
        const collapsed = Number(scalarOf(math.add(math.multiply(Wt, X), bt) as Matrix));
        const N = sizes.slice(0, -1).reduce((s, m) => s + m + 1, 2);
        const S = Number(predict(absParams(theta), abs(X), 'identity'));
        expect(Math.abs(collapsed - Number(predict(theta, X, 'identity')))).toBeLessThanOrEqual(2 * gamma(N) * S * (1 + 2 * gamma(N)));
      }),
      { numRuns: 80 },
    );
  });

  it('runs in BigNumber: at 64 digits W̃x + b̃ and the forward pass agree to 1e-55 of S', () => {
    fc.assert(
      fc.property(deepArb, ({ W, b, x }) => {
        const theta: Params = { W: W.map((M) => matrixFromRows(M)), b: b.map((v) => matrixFromRows(v)) };
        const X = matrixFromRows(x);
        const S = Number(predict(absParams(theta), abs(X), 'identity'));
        withPrecision(64, () => {
          const big = toBig(theta);
          const { W: Wt, b: bt } = collapsedAffine(big);
          const diff = math.subtract(scalarOf(math.add(math.multiply(Wt, toBig(X)), bt) as Matrix), predict(big, toBig(X), 'identity'));
          expect(Math.abs(Number(diff))).toBeLessThanOrEqual(1e-55 * Math.max(S, 1));
        });
      }),
      { numRuns: 20 },
    );
  });

  it('refuses a malformed θ, naming eq. 2.12', () => {
    expect(() => collapsedAffine({ W: [W1, W2], b: [columnVector([0, 0]), columnVector([0])] })).toThrow('eq. 2.12: W[1] must be 2x2 (m1 x m0), got 3x2');
  });
});
