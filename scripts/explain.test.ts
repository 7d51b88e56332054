/**
 * `npm run explain`: every printed number is read back from the text and compared with what the
 * reference computes here, in the test, from the example's inputs (never a hard-coded number).
 * The CLI runs in-process (runExplain); the real command is spawned once, for the exit codes.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { affine, dJdb, dJdu, dJdW } from '../reference/chainRule.js';
import { matrixFromRows, toRows } from '../reference/matrix.js';
import { INVENTORY } from '../spec/inventory/index.js';
import { PROJECT_ROOT } from './lib/coverage.js';
import { runExplain } from './lib/explain/cli.js';
import { EXAMPLE_GROUPS } from './lib/explain/examples.js';
import { editDistance, nearestIds } from './lib/explain/lookup.js';
import { plainMath } from './lib/explain/plainMath.js';
import { MARK } from './lib/explain/worked.js';

import { coveringChecks, expectFrame, expectPrinted, explain, only } from './testing/explainText.js';

describe('explain 3.13', () => {
  const text = explain('3.13');

  it('prints the statement, its shapes, the errata as printed with their corrections, the code site and the checks', () => {
    expectFrame(text, '3.13');
    expect(text).toContain('∂J/∂W = ∂J/∂z · uᵀ');
    expect(text).toMatch(/\n {2}∂J\/∂W +m×d\n/);
    expect(text).toContain('  reference/chainRule.ts:');
    expect(text).toContain('    Eq. 3.13: ∂J/∂W = ∂J/∂z · uᵀ');
    expect(text).toContain('grad-shape-as-variable (convention)');
    expect(text).toContain(`Conformance checks covering 3.13 (${coveringChecks('3.13').length}):`);
  });

  it("works the affine map: every number is the reference's, ∂J/∂W is marked", () => {
    const W = matrixFromRows(only(text, 'W').value as number[][]);
    const u = matrixFromRows(only(text, 'u').value as number[][]);
    const b = matrixFromRows(only(text, 'b').value as number[][]);
    const z = affine(W, u, b);
    expectPrinted(only(text, 'z'), z, '2x1');
    // J(z) = ½‖z‖², so ∂J/∂z = z
    expectPrinted(only(text, '∂J/∂z'), z);
    expectPrinted(only(text, '∂J/∂u'), dJdu(W, z), '3x1');
    const dW = only(text, '∂J/∂W');
    expectPrinted(dW, dJdW(z, u), '2x3');
    expect(dW.marked).toBe(true);
    expectPrinted(only(text, '(J(W + εE_12) − J(W − εE_12))/2ε'), toRows(dJdW(z, u))[0]![1]!);
    expectPrinted(only(text, '∂J/∂b'), dJdb(z));
    expect(only(text, '∂J/∂u').marked).toBe(false);
  });
});

describe('every inventory id', () => {
  it('explains every id without throwing, each with a worked example marking what the id states', () => {
    for (const entry of INVENTORY) {
      const text = explain(entry.id);
      expect(text, entry.id).toContain(`(${MARK} marks what ${entry.id} states.)`);
      expect(
        text.split('\n').some((l) => l.startsWith(`  ${MARK} `)),
        entry.id,
      ).toBe(true);
      // a worked-example value is `name (shape) = value`; none may be missing or non-finite
      expect(text, entry.id).not.toMatch(/\) = [[(]?(NaN|undefined|-?Infinity)|\(not found\)/);
    }
  });

  it('registers exactly one worked example per id', () => {
    const listed = EXAMPLE_GROUPS.flatMap((g) => g.ids);
    expect([...listed].sort()).toEqual(INVENTORY.map((e) => e.id).sort());
  });

  it('renders every statement as plain text without LaTeX commands', () => {
    for (const entry of INVENTORY) expect(plainMath(entry.latex), entry.id).not.toMatch(/\\[a-zA-Z{}]/);
    expect(plainMath(String.raw`\frac{\partial J}{\partial z_j} = \frac{1}{2}\sigma'(z)`)).toBe("∂J/∂z_j = ½σ'(z)");
  });
});

describe('the command line', () => {
  it("--list prints every id with its title, in the notes' order", () => {
    const { stdout, code } = runExplain(['--list']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(INVENTORY.length);
    lines.forEach((line, i) =>
      expect(line).toMatch(new RegExp(`^${INVENTORY[i]!.id.replace(/[.]/g, '\\.')} +${INVENTORY[i]!.title.replace(/[()[\]{}^.*+?|\\$]/g, '\\$&')}$`)),
    );
  });

  it('an unknown id is exit code 2 with the nearest ids; forgiving spellings are found', () => {
    const bad = runExplain(['3.133']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain("unknown spec id '3.133'");
    expect(nearestIds('3.133')[0]).toBe('3.13');
    expect(nearestIds('alg5.line6')).toContain('alg5.line5');
    expect(nearestIds('3.2/grad')).toEqual(expect.arrayContaining(['3.2/grad-w', '3.2/grad-b', '3.2/grad-wi']));
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(runExplain(['Eq. 3.13']).stdout).toBe(runExplain(['3.13']).stdout);
    expect(runExplain(['ALG5.LINE4']).code).toBe(0);
  });

  it('--help, no argument, and an unknown option', () => {
    expect(runExplain(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('npm run explain -- <id>') });
    expect(runExplain([]).code).toBe(2);
    expect(runExplain(['--frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringContaining("explain: Unknown option '--frobnicate'") });
  });

  it('npm run explain -- 3.13 nope: the real command prints the explanation, names the unknown id and exits 2', async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
        ['scripts/explain.ts', '3.13', 'nope'],
        { cwd: PROJECT_ROOT, timeout: 30_000 },
        (error, out, err) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout: out, stderr: err }),
      );
    });
    expect(code).toBe(2);
    expect(stdout).toBe(runExplain(['3.13']).stdout);
    expect(stderr).toContain("unknown spec id 'nope'");
  }, 30_000);
});
