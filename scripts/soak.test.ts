import { describe, expect, it } from 'vitest';
import { CHECKS } from '../conformance/checks/index.js';
import { soak } from './lib/soak.js';

describe('npm run soak', () => {
  // A modest soak in every test run: seeds other than the default, on the reference and the plain
  // JavaScript example (a program behind the stdio protocol). `npm run soak` runs the full one.
  it('[1.5, alg2.line3, alg5.line5] correct implementations pass every check at seeds 2-4; later seeds rerun only the seeded checks', async () => {
    const result = await soak({ targets: ['reference', 'js'], first: 2, seeds: 3, runs: 10 });
    expect(result.failures).toEqual([]);
    for (const t of result.targets) {
      expect(t.passed).toBeGreaterThan(0);
      expect(t.seededChecks.length).toBeGreaterThan(0);
      expect(t.seededChecks.length).toBeLessThan(CHECKS.length);
      // every check at the first seed, the seeded ones at the two others
      expect(t.checkRuns).toBe(CHECKS.length + 2 * t.seededChecks.length);
    }
    expect(result.targets[0]!.seededChecks).toContain('optimizers/train');
    expect(result.targets[0]!.seededChecks).not.toContain('forward/named-cases');
  });
});
