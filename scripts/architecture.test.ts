/**
 * The structure gate: imports between the top-level folders go one way (docs/architecture.md,
 * the rules in scripts/lib/architecture.ts#FOLDER_RULES) and never round in a cycle. A failure
 * lists every offending import as file:line, the specifier and the rule it breaks.
 */
import { describe, expect, it } from 'vitest';
import { FOLDER_RULES, folderCycles, folderOf, importGraph, listSources, ruleViolations, staleAllowances, TEMPORARILY_ALLOWED } from './lib/architecture.js';
import { importSpecifiers } from './lib/importScanner.js';

const files = listSources();
const graph = importGraph(undefined, files);

/** A failure message that prints the whole list, one per line. */
const listing = (title: string, lines: readonly string[]): string => `${title} (${lines.length}):\n  ${lines.join('\n  ')}`;

describe('architecture: the direction of imports between top-level folders', () => {
  it('sees the whole project: every folder with sources, and the imports between them', () => {
    expect(new Set(files.map(folderOf))).toEqual(new Set(['spec', 'numerics', 'reference', 'accelerated', 'conformance', 'scripts', 'examples', 'bin']));
    // a few imports known to exist, of each kind
    const has = (file: string, target: string): boolean => graph.some((s) => s.file === file && s.target === target);
    expect(has('conformance/oracles/oracle.ts', 'numerics/bounds.ts')).toBe(true);
    expect(has('reference/numeric.ts', 'numerics/binary64.ts')).toBe(true);
    expect(has('conformance/checks/fixtures.ts', 'fixtures/manifest.json')).toBe(true);
    expect(graph.some((s) => s.file === 'bin/cs229-verify.mjs' && s.target === 'scripts/verify.ts' && s.kind === 'dynamic')).toBe(true);
  });

  it('has no import against the documented direction', () => {
    const violations = ruleViolations(graph, files).map((v) => v.message);
    expect(violations, listing('imports against docs/architecture.md', violations)).toEqual([]);
  });

  it('has no cycle between top-level folders', () => {
    const cycles = folderCycles(graph);
    expect(cycles, listing('cycles', cycles)).toEqual([]);
  });

  it('keeps the temporary allow-list to imports that still exist (delete an entry when its change lands)', () => {
    const stale = staleAllowances(graph).map((a) => `${a.file} → ${a.target}: ${a.reason}`);
    expect(stale, listing('allow-list entries that match no import any more: delete them from scripts/lib/architecture.ts#TEMPORARILY_ALLOWED', stale)).toEqual(
      [],
    );
    for (const entry of TEMPORARILY_ALLOWED) expect(entry.reason).toMatch(/^removed by /);
  });
});

describe('architecture: the checker itself', () => {
  it('finds static, re-export, side-effect, type-only and literal dynamic imports, with their lines', () => {
    const source = [
      "import a, { b } from './a.js';",
      "import type { T } from '../t.js';",
      "import './side.js';",
      'import {',
      '  c,',
      "} from './multi.js';",
      "export * from './star.js';",
      "export * as ns from './ns.js';",
      "export { d } from './d.js';",
      "export type { E } from './e.js';",
      "import json from './m.json' with { type: 'json' };",
      "const m = await import('./dynamic.js');",
      'const n = await import(name); const u = import.meta.url;',
      'export { a };',
      "export const f = (x: string) => 'from' + x;",
    ].join('\n');
    expect(importSpecifiers(source).map((i) => `${i.line} ${i.kind} ${i.specifier}`)).toEqual([
      '1 static ./a.js',
      '2 static ../t.js',
      '3 static ./side.js',
      '6 static ./multi.js',
      '7 static ./star.js',
      '8 static ./ns.js',
      '9 static ./d.js',
      '10 static ./e.js',
      '11 static ./m.json',
      '12 dynamic ./dynamic.js',
    ]);
  });

  it('ignores imports in comments, strings, template literals and regular expressions', () => {
    const source = [
      "// import x from '../../conformance/a.js';",
      "/* import('../../conformance/b.js') */",
      "/** export * from '../c.js' */",
      'const s = "import y from \'../../conformance/d.js\'";',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text under test holds a template literal
      "const t = `import z from '../e.js' ${`import('../f.js')`} ${import.meta.url}`;",
      "const r = /import ['\"]x['\"]/g; const q = a / 2 / b; const glob = 'reference/**/*.ts';",
      "import real from './real.js';",
    ].join('\n');
    expect(importSpecifiers(source).map((i) => `${i.line} ${i.specifier}`)).toEqual(['7 ./real.js']);
  });

  it('names the file, the import and the rule; finds a cycle with one import per edge', () => {
    const site = (file: string, target: string) => ({ file, line: 3, specifier: `../${target}`, target, kind: 'static' as const });
    const sources = ['numerics/x.ts', 'conformance/oracles/oracle.ts', 'accelerated/model.ts', 'conformance/checks/a.ts', 'fixtures/gen.ts', 'misc/a.ts'];
    const bad = [
      site('numerics/x.ts', 'reference/numeric.ts'),
      site('conformance/checks/a.ts', 'accelerated/model.ts'),
      site('accelerated/model.ts', 'conformance/oracles/oracle.ts'),
      site('conformance/adapters/ok.ts', 'accelerated/model.ts'),
    ];
    const messages = ruleViolations(bad, sources, []).map((v) => v.message);
    expect(messages).toEqual([
      'misc/ holds sources but has no rule in scripts/lib/architecture.ts#FOLDER_RULES (and none in docs/architecture.md)',
      'fixtures/gen.ts: fixtures/ holds data, schema and manifest only; code that generates or reads them belongs in scripts/lib/fixtures/ or conformance/',
      `numerics/x.ts:3 imports '../reference/numeric.ts' (reference/numeric.ts): numerics → reference is against the direction (numerics: ${FOLDER_RULES.numerics!.why})`,
      `conformance/checks/a.ts:3 imports '../accelerated/model.ts' (accelerated/model.ts): conformance → accelerated only from conformance/adapters/ (${FOLDER_RULES.conformance!.why})`,
      `accelerated/model.ts:3 imports '../conformance/oracles/oracle.ts' (conformance/oracles/oracle.ts): accelerated → conformance is against the direction (accelerated: ${FOLDER_RULES.accelerated!.why})`,
    ]);
    const cycles = folderCycles(bad, []);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatch(
      /^cycle between accelerated, conformance:\n {4}accelerated → conformance: accelerated\/model.ts:3 .*\n {4}conformance → accelerated: conformance\/checks\/a.ts:3 /,
    );
  });
});
