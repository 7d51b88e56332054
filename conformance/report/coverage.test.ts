/**
 * The suite's metadata against the inventory: every statement of the notes is checked through
 * the interface or listed in uncheckable.ts with its reason, never both; every check names only
 * inventory ids; check ids are unique.
 */
import { describe, expect, it } from 'vitest';
import type { SpecEntry } from '../../spec/types.js';
import { CHECKS } from '../checks/index.js';
import { coverageProblems, specCoverage } from './coverage.js';
import { UNCHECKABLE } from './uncheckable.js';

const entry = (id: string): SpecEntry => ({ id, section: '1', kind: 'equation', title: id, latex: 'x', shapes: { x: 'scalar' }, implementedBy: [] });

describe('coverage of the inventory by checks', () => {
  const problems = coverageProblems();

  it('covers every inventory entry by a check or lists it as uncheckable with a reason', () => {
    expect(problems.uncovered).toEqual([]);
    for (const [id, reason] of UNCHECKABLE) expect(reason.trim().length, id).toBeGreaterThan(20);
  });

  it('never both covers an entry and lists it as uncheckable', () => {
    expect(problems.coveredAndUncheckable).toEqual([]);
    expect(problems.unknownUncheckable).toEqual([]);
  });

  it('names only inventory ids in the checks, and every check id once', () => {
    expect(CHECKS.length).toBeGreaterThan(0);
    expect(problems.unknownSpecIds).toEqual([]);
    expect(problems.duplicateCheckIds).toEqual([]);
  });

  it('maps an entry to the checks naming it', () => {
    const row = specCoverage().find((r) => r.entry.id === '2.12');
    expect(row?.checks).toContain('forward/random');
    expect(specCoverage().find((r) => r.entry.id === 'thm3.1')?.uncheckable).toMatch(/npm run bench/);
  });

  it('reports each kind of gap on made-up metadata', () => {
    const found = coverageProblems({
      inventory: [entry('1.1'), entry('1.2'), entry('1.3')],
      checks: [
        { id: 'a', specIds: ['1.1', '9.9'] },
        { id: 'a', specIds: ['1.2'] },
      ],
      uncheckable: new Map([
        ['1.2', 'listed although a check covers it'],
        ['0.0', 'not in the inventory'],
      ]),
    });
    expect(found).toEqual({
      uncovered: ['1.3'],
      coveredAndUncheckable: ['1.2'],
      unknownUncheckable: ['0.0'],
      unknownSpecIds: ['a: 9.9'],
      duplicateCheckIds: ['a'],
    });
  });
});
