import { describe, expect, it } from 'vitest';
import { referenceImplementation } from '../../adapters/reference.js';
import { faultyImplementation, reluPrimeAtZero, runCheck } from '../../testing/faulty.js';
import { conventionChecks } from './conventions.js';

const ID = 'conventions/relu-prime-at-zero';
const withC = (c: number, declared: number | 'none' = c) =>
  faultyImplementation(`ReLU'(0) = ${c}`, { sigmaPrime: reluPrimeAtZero(c), reluPrimeAtZero: declared }, 'float32');

describe("ReLU'(0) probe", () => {
  it("[3.4/relu-prime, 2/relu] the reference (ReLU'(0) = 1) passes, also under --strict", async () => {
    for (const strict of [false, true]) {
      const result = await runCheck(referenceImplementation(), conventionChecks, ID, { strict });
      expect(result.status, result.message).toBe('pass');
      expect(result.message).toBe("ReLU'(0) = 1 as in the notes (1{z ≥ 0})");
    }
  });

  it("[3.4/relu-prime] any subgradient c ∈ [0, 1] is a 'convention' (not a failure), and fails under --strict", async () => {
    for (const c of [0, 0.5]) {
      const result = await runCheck(withC(c), conventionChecks, ID);
      expect(result.status, result.message).toBe('convention');
      expect(result.message).toBe(`ReLU'(0) = ${c} (notes: 1)`);
      const strict = await runCheck(withC(c), conventionChecks, ID, { strict: true });
      expect(strict.status).toBe('fail');
      expect(strict.mismatch).toMatchObject({
        specId: '3.4/relu-prime',
        operation: 'gradient',
        quantity: "ReLU'(0)",
        layer: 1,
        element: [1],
        expected: 1,
        got: c,
      });
    }
  });

  it('[3.4/relu-prime] c outside [0, 1] is not a subgradient and fails', async () => {
    for (const c of [2, -1]) {
      const result = await runCheck(withC(c), conventionChecks, ID);
      expect(result.status).toBe('fail');
      expect(result.message).toContain('is not a subgradient of ReLU at 0');
      expect(result.mismatch).toMatchObject({ specId: '3.4/relu-prime', expected: '[0, 1]', got: c, layer: 1 });
    }
  });

  it("[3.4/relu-prime] a declared ReLU'(0) that differs from the observed one fails", async () => {
    const result = await runCheck(withC(0, 1), conventionChecks, ID);
    expect(result.status).toBe('fail');
    expect(result.message).toContain("declares ReLU'(0) = 1 but its gradient uses 0");
    expect((await runCheck(withC(0, 'none'), conventionChecks, ID)).status).toBe('convention');
  });

  it('[3.4/relu-prime] different values for the two units on the kink fail, naming unit 2', async () => {
    const impl = faultyImplementation('per unit', { tamper: (g) => ({ ...g, b: [[g.b[0]![0]!, 0], g.b[1]!] }) });
    const result = await runCheck(impl, conventionChecks, ID);
    expect(result.status).toBe('fail');
    expect(result.mismatch).toMatchObject({ specId: '3.4/relu-prime', layer: 1, element: [2] });
  });
});
