import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activationByName, elementwise, identity, identityPrime, relu, reluPrime, sigmoid, sigmoidPrime, tanh, tanhPrime } from './activations.js';
import { columnVector, toRows } from './matrix.js';
import { math, toBig, withPrecision } from './numeric.js';
import { centralDifference, centralDifferenceBound } from './testing/finiteDifference.js';

const u = 2 ** -53;
const moderate = fc.double({ min: -20, max: 20, noNaN: true });

describe('[2/relu, 2.1] ReLU(t) = max{t, 0}', () => {
  it('is t for t > 0 and 0 otherwise', () => {
    expect([relu(3.5), relu(-2), relu(0)]).toEqual([3.5, 0, 0]);
    fc.assert(
      fc.property(moderate, (t) => {
        expect(relu(t)).toBe(Math.max(t, 0));
      }),
    );
  });
  it('[3.4/relu-prime] has derivative 1{z >= 0}: 1 at the kink, as the notes write it', () => {
    expect([reluPrime(2), reluPrime(0), reluPrime(-1e-300)]).toEqual([1, 1, 0]);
  });
});

describe('[2.10, 3.4/activation-setup] element-wise application a = σ(z)', () => {
  it('applies σ to each coordinate and keeps the m×1 shape', () => {
    const a = elementwise(relu, columnVector([-1, 0, 2]));
    expect(a.size()).toEqual([3, 1]);
    expect(toRows(a)).toEqual([[0], [0], [2]]);
  });
});

describe('[2.14] sigmoid σ(z) = 1/(1 + e^{−z})', () => {
  it('is exactly 1/2 at 0 and symmetric: σ(−z) = 1 − σ(z) to rounding', () => {
    expect(sigmoid(0)).toBe(0.5);
    // σ(−z) and 1 − σ(z) are each within a few ulps of the true value (an exp, an add and a divide: γ_4 relative).
    fc.assert(
      fc.property(moderate, (z) => {
        expect(Math.abs((sigmoid(-z) as number) - (1 - (sigmoid(z) as number)))).toBeLessThanOrEqual(8 * u);
      }),
    );
  });
  it('stays finite and saturates correctly for |z| up to 1e308', () => {
    for (const z of [1e308, -1e308, 1000, -1000, Number.MAX_VALUE, -Number.MAX_VALUE]) {
      const s = sigmoid(z) as number;
      expect(Number.isFinite(s)).toBe(true);
      expect(s).toBe(z > 0 ? 1 : 0);
      expect(sigmoidPrime(z)).toBe(0);
    }
    // e^{-40} ≈ 4.25e-18: σ(−40) is representable and must not underflow to 0.
    expect(Math.abs((sigmoid(-40) as number) / Math.exp(-40) - 1)).toBeLessThan(1e-15);
  });
  it('[3.4/sigma-prime] has derivative σ(1 − σ), matching central differences', () => {
    // |σ| <= 1 and |σ'''| <= 1/8: bound h²/48 + ε/h.
    fc.assert(
      fc.property(moderate, (z) => {
        expect(Math.abs((sigmoidPrime(z) as number) - centralDifference((t) => sigmoid(t) as number, z))).toBeLessThanOrEqual(centralDifferenceBound(1, 1 / 8));
      }),
    );
  });
});

describe('[2.15] tanh (printed as a second "(2.14)")', () => {
  it('is odd, 0 at 0, and ±1 (finite) for |z| up to 1e308 in float64 and in BigNumber', () => {
    expect(tanh(0)).toBe(0);
    expect([tanh(1e308), tanh(-1e308)]).toEqual([1, -1]);
    // decimal.js's tanh does not return for arguments like 1e10: the reference must.
    withPrecision(64, () => {
      expect(tanh(math.bignumber('1e308')).toString()).toBe('1');
      expect(tanh(math.bignumber('-1e10')).toString()).toBe('-1');
      expect(tanhPrime(math.bignumber('1e308')).toString()).toBe('0');
    });
    expect(tanhPrime(1e308)).toBe(0);
  });
  it('keeps tiny arguments exact (tanh(1e−8) = 1e−8 to rounding)', () => {
    expect(tanh(1e-8)).toBe(1e-8);
  });
  it('[3.4/sigma-prime] has derivative 1 − tanh², matching central differences', () => {
    // |tanh| <= 1 and |tanh'''| <= 2: bound h²/3 + ε/h.
    fc.assert(
      fc.property(moderate, (z) => {
        expect(Math.abs((tanhPrime(z) as number) - centralDifference((t) => tanh(t) as number, z))).toBeLessThanOrEqual(centralDifferenceBound(1, 2));
      }),
    );
  });
  it('agrees between float64 and 64-digit BigNumber to float64 rounding', () => {
    fc.assert(
      fc.property(moderate, (z) => {
        const big = withPrecision(64, () => [tanh(toBig(z)), sigmoid(toBig(z))].map((v) => Number(v.toString())));
        // Math.tanh and the exp-based sigmoid are accurate to a few ulps (γ_4 relative).
        expect(Math.abs((tanh(z) as number) - big[0]!)).toBeLessThanOrEqual(8 * u * Math.abs(big[0]!));
        expect(Math.abs((sigmoid(z) as number) - big[1]!)).toBeLessThanOrEqual(8 * u * Math.abs(big[1]!));
      }),
    );
  });
});

describe('[2.16, 2.18, 3.4/sigma-prime] identity activation σ(z) = z', () => {
  it('returns z with derivative 1', () => {
    expect([identity(-3), identityPrime(-3), identityPrime(0)]).toEqual([-3, 1, 1]);
  });
});

describe('[2.14, 2.15] activation lookup', () => {
  it('names eq. 2.14 and the known activations for an unknown name', () => {
    expect(() => activationByName('softmax')).toThrow("eq. 2.14: unknown activation 'softmax'; expected one of relu, sigmoid, tanh, identity");
    expect(() => activationByName('toString')).toThrow('eq. 2.14');
  });
});
