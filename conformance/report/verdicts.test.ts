/**
 * What the per-equation table says about a run: a failure counts against the statements it
 * breaks (not every id of its check), a statement is pass only where a check verified it, and the
 * exit code is 0 only when something was verified.
 */
import { describe, expect, it } from 'vitest';
import { fixtureChecks } from '../checks/fixtures.js';
import { CHECKS } from '../checks/index.js';
import { NotSupported } from '../core/check.js';
import type { ForwardBatchRequest, Implementation } from '../core/interface.js';
import { EXIT_CODES, runChecks, runVerdict } from '../core/runner.js';
import { GALLERY } from '../gallery/index.js';
import { corrupted, reference } from '../testing/checkTesting.js';
import { specCoverage } from './coverage.js';
import { cellFor, formatTable } from './table.js';

const coverage = specCoverage();
const cells = (impl: Implementation, results: Parameters<typeof cellFor>[2]): Map<string, string> =>
  new Map(coverage.map((row) => [row.entry.id, cellFor(row, impl.name, results)]));

describe('the per-equation table', () => {
  it('[1.5, 1.3] one planted bug (the 1/B of eq. 1.5 forgotten) fails exactly the statements it breaks', async () => {
    const entry = GALLERY.find((g) => g.impl.name === 'bad: 1/B forgotten');
    expect(entry).toBeDefined();
    const results = await runChecks(entry!.impl, CHECKS, {});
    const failing = [...cells(entry!.impl, results)].filter(([, c]) => c === 'fail').map(([id]) => id);
    // the mean gradient (eq. 1.5), GD's ∇J = (1/n)Σ∇J^{(i)} (eq. 1.3), and the dataset gradient it defines
    expect(failing.sort()).toEqual(['1.3', '1.5', '1/dataset-gradient'].sort());
    // the failure lines name those statements only, with the ratio to the tolerance
    const text = formatTable({ implementations: [entry!.impl.name], results, coverage });
    expect(text).toMatch(/✗ fail {2}bad: 1\/B forgotten · gradient\/mean \[1\.5\]/);
    expect(text).toMatch(/× the tolerance\)/);
    expect(text).not.toMatch(/path "/);
  });

  it('fixture replay on a ReLU-only implementation verifies no sigmoid or tanh statement', async () => {
    const reluOnly: Implementation = { ...reference, name: 'relu only', activations: ['relu'] };
    const results = await runChecks(reluOnly, fixtureChecks, {});
    expect(results.every((r) => r.status === 'pass')).toBe(true);
    const table = cells(reluOnly, results);
    expect(table.get('2/relu')).toBe('pass');
    expect(table.get('2.14')).toBe('not-implemented');
    expect(table.get('2.15')).toBe('not-implemented');
    const forward = results.find((r) => r.check === 'fixtures/replay/forward')!;
    expect(forward.verdictSpecIds).toContain('2/relu');
    expect(forward.verdictSpecIds).not.toContain('2.14');
  });

  it('an unsupported answer for one layout of forwardBatch skips those vectors: not a failure', async () => {
    const rowsOnly = corrupted('rows only', {
      forwardBatch(request: ForwardBatchRequest) {
        if (request.layout === 'columns') throw new NotSupported('columns layout');
        return reference.operations.forwardBatch!(request);
      },
    });
    const [result] = await runChecks(rowsOnly, fixtureChecks, { only: ['fixtures/replay/forwardBatch'] });
    expect(result!.status).toBe('pass');
    expect(result!.message).toMatch(/answered unsupported/);
    expect(result!.verdictSpecIds).toContain('4.4');
    expect(result!.verdictSpecIds).not.toContain('4.2');
    const none = corrupted('no layout', {
      forwardBatch() {
        throw new NotSupported('no layout');
      },
    });
    const [nothing] = await runChecks(none, fixtureChecks, { only: ['fixtures/replay/forwardBatch'] });
    expect(nothing!.status).toBe('not-implemented');
  });
});

describe('the verdict of a run', () => {
  it('is exit code 3 when nothing was verified (an implementation that declares nothing), 0 only with a pass', async () => {
    const empty: Implementation = { ...reference, name: 'empty', operations: {} };
    const results = await runChecks(empty, CHECKS, {});
    expect(results.every((r) => r.status === 'not-implemented')).toBe(true);
    expect(runVerdict(results)).toMatchObject({ code: EXIT_CODES.nothingVerified, line: expect.stringMatching(/nothing was verified on empty/) });
    expect(runVerdict(results, { allowNothingVerified: true }).code).toBe(EXIT_CODES.conform);
    const some = await runChecks(reference, CHECKS, { only: ['forward/named-cases'] });
    expect(runVerdict(some).code).toBe(EXIT_CODES.conform);
    // each implementation of a run must have verified something
    expect(runVerdict([...some, ...results]).code).toBe(EXIT_CODES.nothingVerified);
  });
});
