import { describe, expect, it } from 'vitest';
import { referenceImplementation } from '../../adapters/reference.js';
import { runChecks } from '../../core/runner.js';
import { faultyImplementation, runCheck } from '../../testing/faulty.js';
import { lossChecks } from './loss.js';

describe('loss checks', () => {
  it('[1.1, 1.2] pass on the reference (runs = 25) and on plain float64 and float32 implementations', async () => {
    for (const impl of [referenceImplementation(), faultyImplementation('plain64'), faultyImplementation('plain32', {}, 'float32')]) {
      for (const r of await runChecks(impl, lossChecks)) {
        expect(r.status, `${impl.name} ${r.check}: ${r.message}`).toBe('pass');
      }
    }
  });

  it('[1.1] rejects J^{(i)} = (o − y)² (the ½ forgotten), naming the example', async () => {
    for (const id of ['loss/random', 'loss/named-cases']) {
      const result = await runCheck(faultyImplementation('no ½', { lossFactor: 1 }), lossChecks, id);
      expect(result.status, result.message).toBe('fail');
      expect(result.mismatch).toMatchObject({ specId: '1.1', operation: 'loss', quantity: 'J^{(i)}' });
      expect(result.mismatch?.element).toHaveLength(1);
      expect(result.message).toMatch(/^1\.1: loss J\^\{\(i\)\} entry \d+/);
    }
  });

  it('[1.2] rejects the sum of the losses instead of their mean (no 1/n), and 1/(2n)', async () => {
    for (const divisor of [() => 1, (n: number) => 2 * n]) {
      for (const id of ['loss/random', 'loss/named-cases']) {
        const result = await runCheck(faultyImplementation('not 1/n', { lossDivisor: divisor }), lossChecks, id);
        expect(result.status, result.message).toBe('fail');
        expect(result.mismatch).toMatchObject({ specId: '1.2', operation: 'loss' });
        expect(result.message).toContain('1.2: loss J(θ)');
      }
    }
  });
});
