import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reluPrime, sigmoid, sigmoidPrime, tanh, tanhPrime } from './activations.js';
import { affine, chainRule, dJdb, dJdu, dJdW, dJdzThroughActivation } from './chainRule.js';
import { columnVector, matrixFromRows, toRows } from './matrix.js';
import type { Matrix, Scalar } from './numeric.js';
import { centralDifference, centralDifferenceBound, FD_STEP } from './testing/finiteDifference.js';
import { unitEntry as entry, matrixOf, vectorOf } from './testing/plainArbitraries.js';
import { gamma } from './testing/tolerance.js';

const matrixArb = (rows: number, cols: number): fc.Arbitrary<number[][]> => matrixOf(entry, rows, cols);
const columnArb = (n: number): fc.Arbitrary<number[]> => vectorOf(entry, n);

/** z = Wu + b ∈ R^m, J(z) = ½||z − t||², with W m×d, u d×1, b and t m×1 of random shapes 1..5. */
const affineCase = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([m, d]) => fc.record({ m: fc.constant(m), d: fc.constant(d), W: matrixArb(m, d), u: columnArb(d), b: columnArb(m), t: columnArb(m) }));
type AffineCase = { m: number; d: number; W: number[][]; u: number[]; b: number[]; t: number[] };

/** J(z) = ½ Σ_i (z_i − t_i)² and its gradient ∂J/∂z = z − t, with z from eq. 3.11. */
function quadratic(c: AffineCase, W: number[][], u: number[], b: number[]): { J: number; dJdz: Matrix } {
  const z = toRows(affine(matrixFromRows(W), columnVector(u), columnVector(b))).map(([v]) => Number(v));
  const r = z.map((zi, i) => zi - c.t[i]!);
  return { J: 0.5 * r.reduce((s, ri) => s + ri * ri, 0), dJdz: columnVector(r) };
}

/**
 * The tolerance for one central difference of the quadratic J against the analytic derivative g.
 * J is quadratic in every single entry of W, u, b, so the truncation term (J''' = 0) vanishes and
 * centralDifferenceBound(F, 0) = ε·F/h is all rounding, with F the sum of
 *   evaluation: with R_i = Σ_ℓ|W_iℓ||u_ℓ| + |b_i| + |t_i| (every entry inflated by h for the
 *     perturbed point), r_i carries at most d + 2 roundings, r_i² and the m-term sum add m + 2, so
 *     |fl(J) − J| <= γ_{2d+m+6}·½ΣR_i² <= ε·(2d + m + 6)/2·ΣR_i² (ε = 2u, the factor 2 covering
 *     the second-order terms and γ's denominator);
 *   the step: s ± h is rounded to within u(|s| + h), moving J by |g|·u(|s| + h) on each side,
 *     ε·|g|(|s| + 3h)/2 with the final subtraction and division included;
 * plus the analytic value's own rounding γ_{d+m+3}·A, A the same formula on magnitudes; and
 * gradual underflow: each of the n = 2d + m + 6 operations may also err by up to ETA absolutely
 * (subnormal results), n·ETA per evaluation, so n·ETA/h on the difference and n·ETA analytically.
 */
function fdTolerance(c: AffineCase, s: number, g: number, A: number): number {
  const h = FD_STEP;
  const R = c.W.map((row, i) => row.reduce((acc, w, l) => acc + (Math.abs(w) + h) * (Math.abs(c.u[l]!) + h), 0) + Math.abs(c.b[i]!) + h + Math.abs(c.t[i]!));
  const F = ((2 * c.d + c.m + 6) / 2) * R.reduce((acc, v) => acc + v * v, 0) + (Math.abs(g) * (Math.abs(s) + 3 * h)) / 2;
  const n = 2 * c.d + c.m + 6;
  return centralDifferenceBound(F, 0, h) + gamma(c.d + c.m + 3) * A + (n * ETA) / h + n * ETA;
}

/** The smallest subnormal float64: the absolute error a result in the subnormal range may carry. */
const ETA = 2 ** -1074;

/** R_i of fdTolerance at the unperturbed point: the magnitude of r_i = z_i − t_i. */
const residualMagnitude = (c: AffineCase): number[] =>
  c.W.map((row, i) => row.reduce((acc, w, l) => acc + Math.abs(w * c.u[l]!), 0) + Math.abs(c.b[i]!) + Math.abs(c.t[i]!));

const replaced = <T>(list: readonly T[], i: number, v: T): T[] => list.map((x, k) => (k === i ? v : x));

describe('[3.1, 3.2, 3.3] the chain rule ∂J/∂θ_i = Σ_j ∂J/∂g_j ∂g_j/∂θ_i', () => {
  it('computes a worked example by hand', () => {
    // g_1 = θ1θ2, g_2 = θ1 + θ2, J = g_1·g_2, at θ = (1, 2): g = (2, 3), ∂J/∂g = (g_2, g_1) = (3, 2),
    // ∂g_1/∂θ = (θ2, θ1) = (2, 1), ∂g_2/∂θ = (1, 1): ∂J/∂θ1 = 3·2 + 2·1 = 8, ∂J/∂θ2 = 3·1 + 2·1 = 5.
    // Directly: J = θ1²θ2 + θ1θ2², ∂J/∂θ1 = 2θ1θ2 + θ2² = 8, ∂J/∂θ2 = θ1² + 2θ1θ2 = 5.
    expect(
      chainRule(
        [3, 2],
        [
          [2, 1],
          [1, 1],
        ],
      ),
    ).toEqual([8, 5]);
  });

  it('for g = Wθ (k×p) gives Wᵀ ∂J/∂g, the special case eq. 3.12', () => {
    fc.assert(
      fc.property(affineCase, (c) => {
        const got = chainRule(c.t, c.W);
        const want = toRows(dJdu(matrixFromRows(c.W), columnVector(c.t))).map(([v]) => Number(v));
        // Both are m-term sums of products of entries in [−1, 1]: each within γ_m·m of exact.
        got.forEach((v, i) => expect(Math.abs(Number(v) - want[i]!)).toBeLessThanOrEqual(2 * gamma(c.m) * c.m));
      }),
      { numRuns: 40 },
    );
  });

  it('rejects empty, ragged and non-finite derivative tables naming eq. 3.3', () => {
    expect(() => chainRule([], [])).toThrow('eq. 3.3: there must be k >= 1 intermediate variables g_j');
    expect(() => chainRule([1, 2], [[1, 2]])).toThrow('eq. 3.3: ∂g_j/∂θ_i must have k = 2 rows (one per g_j), got 1');
    expect(() => chainRule([1], [[]])).toThrow('eq. 3.3: there must be p >= 1 input variables θ_i');
    expect(() => chainRule([1, 2], [[1, 2], [3]])).toThrow('eq. 3.3: row 2 of ∂g_j/∂θ_i must have p = 2 entries, got 1');
    expect(() => chainRule([1], [[Number.NaN]])).toThrow('eq. 3.3: ∂g_1/∂θ_1 must be a finite number, got NaN');
    expect(() => chainRule([Infinity], [[1]])).toThrow('eq. 3.3: ∂J/∂g_1 must be a finite number, got Infinity');
  });
});

describe('[3.11] z = Wu + b', () => {
  it('computes a worked example by hand', () => {
    // W = [[1, 2], [3, 4], [5, 6]], u = (1, −1), b = (0.5, 0, −1): z = (−1 + 0.5, −1, −1 − 1) = (−0.5, −1, −2).
    expect(
      toRows(
        affine(
          matrixFromRows([
            [1, 2],
            [3, 4],
            [5, 6],
          ]),
          columnVector([1, -1]),
          columnVector([0.5, 0, -1]),
        ),
      ),
    ).toEqual([[-0.5], [-1], [-2]]);
  });

  it('rejects mismatched shapes and non-finite entries naming eq. 3.11', () => {
    const W = matrixFromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(() => affine(W, columnVector([1, 2, 3]), columnVector([0, 0, 0]))).toThrow('eq. 3.11: u must be 2x1 (d x 1, the columns of W), got 3x1');
    expect(() => affine(W, columnVector([1, 2]), columnVector([0, 0]))).toThrow('eq. 3.11: b must be 3x1 (m x 1, the rows of W), got 2x1');
    expect(() => affine(matrixFromRows([[Number.NaN]]), columnVector([1]), columnVector([0]))).toThrow('eq. 3.11: W must be finite');
    expect(() => affine(W, matrixFromRows([[1, 2]]), columnVector([0, 0, 0]))).toThrow('eq. 3.11: u must be 2x1');
  });
});

describe('[3.11, 3.12, 3.13, 3.14] ∂J/∂u = Wᵀ∂J/∂z, ∂J/∂W = ∂J/∂z·uᵀ, ∂J/∂b = ∂J/∂z', () => {
  it('computes a worked example by hand', () => {
    // W = [[1, 2], [3, 4]], ∂J/∂z = (1, −1), u = (2, 3):
    // Wᵀ∂J/∂z = (1 − 3, 2 − 4) = (−2, −2); ∂J/∂z·uᵀ = [[2, 3], [−2, −3]]; ∂J/∂b = (1, −1).
    const W = matrixFromRows([
      [1, 2],
      [3, 4],
    ]);
    const g = columnVector([1, -1]);
    expect(toRows(dJdu(W, g))).toEqual([[-2], [-2]]);
    expect(toRows(dJdW(g, columnVector([2, 3])))).toEqual([
      [2, 3],
      [-2, -3],
    ]);
    expect(toRows(dJdb(g))).toEqual([[1], [-1]]);
  });

  it('[3.12, 3.13, 3.14, 3.4/dA-dB-shape] have the shapes of u (d×1), W (m×d) and b (m×1), and ∂J/∂b is a copy', () => {
    fc.assert(
      fc.property(affineCase, (c) => {
        const g = columnVector(c.t);
        expect(dJdu(matrixFromRows(c.W), g).size()).toEqual([c.d, 1]);
        expect(dJdW(g, columnVector(c.u)).size()).toEqual([c.m, c.d]);
        const gb = dJdb(g);
        expect(gb.size()).toEqual([c.m, 1]);
        gb.set([0, 0], 42);
        expect(g.get([0, 0])).toBe(c.t[0]);
      }),
      { numRuns: 20 },
    );
  });

  it('match central differences of J = ½||Wu + b − t||² in every entry of u, W and b', () => {
    fc.assert(
      fc.property(affineCase, (c) => {
        const { dJdz } = quadratic(c, c.W, c.u, c.b);
        const gu = toRows(dJdu(matrixFromRows(c.W), dJdz)).map(([v]) => Number(v));
        const gW = toRows(dJdW(dJdz, columnVector(c.u))).map((row) => row.map(Number));
        const gb = toRows(dJdb(dJdz)).map(([v]) => Number(v));
        const R = residualMagnitude(c);
        c.u.forEach((ul, l) => {
          const fd = centralDifference((s) => quadratic(c, c.W, replaced(c.u, l, s), c.b).J, ul);
          const A = c.W.reduce((acc, row, i) => acc + Math.abs(row[l]!) * R[i]!, 0);
          expect(Math.abs(fd - gu[l]!)).toBeLessThanOrEqual(fdTolerance(c, ul, gu[l]!, A));
        });
        c.W.forEach((row, i) =>
          row.forEach((wil, l) => {
            const fd = centralDifference((s) => quadratic(c, replaced(c.W, i, replaced(row, l, s)), c.u, c.b).J, wil);
            expect(Math.abs(fd - gW[i]![l]!)).toBeLessThanOrEqual(fdTolerance(c, wil, gW[i]![l]!, R[i]! * Math.abs(c.u[l]!)));
          }),
        );
        c.b.forEach((bi, i) => {
          const fd = centralDifference((s) => quadratic(c, c.W, c.u, replaced(c.b, i, s)).J, bi);
          expect(Math.abs(fd - gb[i]!)).toBeLessThanOrEqual(fdTolerance(c, bi, gb[i]!, R[i]!));
        });
      }),
      { numRuns: 40 },
    );
  });

  it('reject mismatched and non-column shapes naming eq. 3.12, 3.13, 3.14', () => {
    const W = matrixFromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(() => dJdu(W, columnVector([1, 2]))).toThrow('eq. 3.12: ∂J/∂z must be 3x1 (m x 1, the rows of W), got 2x1');
    expect(() => dJdu(matrixFromRows([[1, Infinity]]), columnVector([1]))).toThrow('eq. 3.12: W must be finite');
    expect(() => dJdW(matrixFromRows([[1, 2]]), columnVector([1]))).toThrow('eq. 3.13: ∂J/∂z must be 1x1 (m x 1), got 1x2');
    expect(() => dJdW(columnVector([1]), columnVector([Number.NaN]))).toThrow('eq. 3.13: u must be finite');
    expect(() => dJdb(matrixFromRows([[1, 2]]))).toThrow('eq. 3.14: ∂J/∂z must be 1x1 (m x 1), got 1x2');
    expect(() => dJdb([1] as unknown as Matrix)).toThrow('eq. 3.14: ∂J/∂z must be a matrix');
  });
});

describe('[3.15] ∂J/∂z = ∂J/∂a ⊙ σ′(z)', () => {
  it('computes a worked example by hand', () => {
    // ∂J/∂a = (2, 3, 4), z = (1, −1, 0), σ = ReLU: σ'(z) = (1, 0, 1) (ReLU'(0) = 1): (2, 0, 4).
    expect(toRows(dJdzThroughActivation(columnVector([2, 3, 4]), columnVector([1, -1, 0]), reluPrime)).map(([v]) => Math.abs(Number(v)))).toEqual([2, 0, 4]);
  });

  const smooth = [
    // σ, σ', and max |σ'''| on R: tanh''' = −2 + 8tanh² − 6tanh⁴ peaks at 2 (z = 0);
    // sigmoid''' = s(1 − s)(1 − 6s + 6s²) peaks at 1/8 (z = 0).
    { name: 'tanh', sigma: tanh, sigmaPrime: tanhPrime, third: 2 },
    { name: 'sigmoid', sigma: sigmoid, sigmaPrime: sigmoidPrime, third: 1 / 8 },
  ];
  for (const act of smooth) {
    it(`matches central differences of J = gᵀσ(z) (σ = ${act.name})`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 6 }).chain((d) => fc.tuple(columnArb(d), columnArb(d))),
          ([g, z]) => {
            const d = z.length;
            const J = (zz: number[]): number => zz.reduce((s, zk, k) => s + g[k]! * Number(act.sigma(zk)), 0);
            const got = toRows(dJdzThroughActivation(columnVector(g), columnVector(z), act.sigmaPrime)).map(([v]) => Number(v));
            const G = g.reduce((s, gk) => s + Math.abs(gk), 0);
            z.forEach((zi, i) => {
              const fd = centralDifference((s) => J(replaced(z, i, s)), zi);
              // F3 = |g_i|·max|σ'''|. Evaluation: σ within 4u relative (exp/tanh, add, divide; |σ| <= 1),
              // times g_k, summed over d terms: |fl(J) − J| <= (d + 6)u·G <= ε·(d + 6)·G/2; the step
              // adds ε·|g_i|(|z_i| + 3h)/2 (|σ'| <= 1); the analytic g_i·σ'(z_i) carries <= 6 roundings;
              // underflow adds up to (d + 6)·ETA per evaluation and 6·ETA analytically (see fdTolerance).
              const F = (d + 6) * G + (Math.abs(g[i]!) * (Math.abs(zi) + 3 * FD_STEP)) / 2;
              const underflow = ((d + 6) * ETA) / FD_STEP + 6 * ETA;
              const tol = centralDifferenceBound(F, Math.abs(g[i]!) * act.third) + gamma(6) * Math.abs(g[i]!) + underflow;
              expect(Math.abs(fd - got[i]!)).toBeLessThanOrEqual(tol);
            });
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  it('rejects mismatched sizes, a missing σ′ and a σ′ that is not finite naming eq. 3.15', () => {
    expect(() => dJdzThroughActivation(columnVector([1, 2]), columnVector([1]), reluPrime)).toThrow(
      'eq. 3.15: z must be 2x1 (d x 1, the size of ∂J/∂a), got 1x1',
    );
    expect(() => dJdzThroughActivation(columnVector([1]), columnVector([1]), undefined as unknown as (t: Scalar) => Scalar)).toThrow(
      "eq. 3.15: σ' must be a function R → R",
    );
    expect(() => dJdzThroughActivation(columnVector([1]), columnVector([1]), () => Number.NaN)).toThrow("eq. 3.15: σ'(z) must be finite");
    expect(() => dJdzThroughActivation(columnVector([Infinity]), columnVector([1]), reluPrime)).toThrow('eq. 3.15: ∂J/∂a must be finite');
  });
});
