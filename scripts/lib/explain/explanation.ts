/**
 * Everything `npm run explain -- <id>` says about one inventory entry, gathered once and rendered
 * as terminal text here (the book renders the same parts as Markdown): the statement, the errata,
 * the reference functions, the worked example and the checks.
 */
import type { Erratum, SpecEntry } from '../../../spec/types.js';
import { type Coverage, checksFor } from './checks.js';
import { errataFor } from './errata.js';
import { workedExampleFor } from './examples.js';
import { plainMath } from './plainMath.js';
import { type Implementation, implementation } from './sources.js';
import { renderExample } from './worked.js';

export interface Explanation {
  readonly entry: SpecEntry;
  readonly plain: string;
  readonly errata: readonly Erratum[];
  /** One per implementedBy ref; undefined where the coverage gate would not find it either. */
  readonly implementations: readonly { readonly ref: string; readonly site: Implementation | undefined }[];
  /** The worked example's lines (title first), ▶ on the lines about this id. */
  readonly example: readonly string[];
  readonly coverage: Coverage;
}

export function explanationOf(entry: SpecEntry): Explanation {
  const example = workedExampleFor(entry.id);
  if (example === undefined) throw new Error(`no worked example is registered for ${entry.id} (scripts/lib/explain/examples.ts)`);
  return {
    entry,
    plain: plainMath(entry.latex),
    errata: errataFor(entry),
    implementations: entry.implementedBy.map((ref) => ({ ref, site: implementation(ref) })),
    example: renderExample(example, entry.id),
    coverage: checksFor(entry.id),
  };
}

const indent = (lines: readonly string[], by = '  '): string[] => lines.map((l) => (l === '' ? l : `${by}${l}`));

/** 'error-in-notes' → 'error in the notes', for prose. */
export const KIND_NAMES: Readonly<Record<Erratum['kind'], string>> = {
  'error-in-notes': 'error in the notes',
  'conversion-artifact': 'garbled by the text conversion',
  ambiguity: 'ambiguity',
  convention: 'convention',
};

/** The names a reader types: 'reference/chainRule.ts:78 dJdW'. */
export function siteLabel(i: Explanation['implementations'][number]): string {
  return i.site === undefined ? `${i.ref} (not found)` : `${i.site.file}:${i.site.line} ${i.site.exportName}`;
}

export function renderText(x: Explanation): string {
  const { entry } = x;
  const width = Math.max(...Object.keys(entry.shapes).map((s) => s.length));
  const out = [
    `${entry.id}: ${entry.title}`,
    `Section ${entry.section}, ${entry.kind}`,
    '',
    'Statement, as it should read:',
    ...indent([x.plain]),
    'LaTeX:',
    ...indent([entry.latex]),
    'Shapes:',
    ...indent(Object.entries(entry.shapes).map(([symbol, shape]) => `${symbol.padEnd(width)}  ${shape}`)),
    '',
  ];
  if (x.errata.length === 0) out.push('Errata: none (the notes print it as it should read).', '');
  else {
    out.push(`Errata (${x.errata.length}):`);
    for (const e of x.errata) {
      out.push(
        ...indent([`${e.id} (${KIND_NAMES[e.kind]}), ${e.where}`]),
        ...indent(['As printed:', ...indent(e.asPrinted.split('\n')), `Correction: ${e.correction}`, `Why: ${e.derivation}`], '    '),
        '',
      );
    }
  }
  out.push('Implemented by:', ...indent(x.implementations.flatMap((i) => [siteLabel(i), ...(i.site?.summary ? [`  ${i.site.summary}`] : [])])), '');
  out.push('Worked example (computed now by the reference):', ...indent(x.example), '');
  if (x.coverage.checks.length > 0) {
    const w = Math.max(...x.coverage.checks.map((c) => c.id.length));
    out.push(
      `Conformance checks covering ${entry.id} (${x.coverage.checks.length}):`,
      ...indent(x.coverage.checks.map((c) => `${c.id.padEnd(w)}  ${c.title}`)),
    );
  } else {
    out.push(
      `No conformance check covers ${entry.id}: ${x.coverage.uncheckable ?? 'no check names it and no reason is recorded (conformance/report/uncheckable.ts)'}`,
    );
  }
  return `${out.join('\n')}\n`;
}
