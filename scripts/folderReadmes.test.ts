/**
 * The folder READMEs (reference/, conformance/, accelerated/, numerics/) cannot go stale
 * silently: every path one names in backticks or in a link exists, and every top-level source
 * file and every subfolder of its folder is named at least once. A move or a new file then fails
 * here, naming the README and the path, instead of leaving the map wrong.
 *
 * What counts as a path: a backticked span or link target made of path characters that ends in a
 * file extension (`backprop.ts`, `core/runner.ts#runChecks`) or in '/' (`testing/`). Globs
 * (`*.test.ts`), URLs and fenced code blocks are not paths. A link resolves against the README's
 * folder, as a Markdown viewer does. A backticked path resolves against the folder too, unless
 * its first segment is a top-level folder of the repository (`numerics/bounds.ts`,
 * `spec/inventory/`): then against the root. After '#' comes a name that the file must contain
 * as a whole word (a function, a constant), so a renamed symbol fails too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './lib/architecture.js';

const FOLDERS = ['reference', 'conformance', 'accelerated', 'numerics'] as const;

/** A path named in a README, as written, with the '#name' that follows it (if any). */
interface Mention {
  readonly written: string;
  readonly path: string;
  readonly anchor?: string;
  readonly kind: 'code' | 'link';
}

const PATH_LIKE = /^(?:\.{1,2}\/)*[\w.-]+(?:\/[\w.-]+)*(?:\/|\.(?:ts|mts|mjs|js|json|md|py|svg))(?:#[\w$.-]+)?$/;

/** The paths a Markdown text names in inline code and in links, outside fenced code blocks. */
function mentionedPaths(markdown: string): Mention[] {
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '');
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => ({ text: m[1]!.trim(), kind: 'code' as const }));
  const links = [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => ({ text: m[1]!, kind: 'link' as const }));
  return [...spans, ...links]
    .filter(({ text }) => !/^[a-z]+:/i.test(text) && PATH_LIKE.test(text))
    .map(({ text, kind }) => {
      const [path, anchor] = text.split('#') as [string, string | undefined];
      return { written: text, path, kind, ...(anchor !== undefined && { anchor }) };
    });
}

const TOP_LEVEL = new Set(
  readdirSync(PROJECT_ROOT, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name),
);

/** The mention as a path relative to the repository root ('/'-separated; a folder keeps its trailing '/'). */
function resolveMention(folder: string, m: Mention): string {
  const fromRoot = m.kind === 'code' && TOP_LEVEL.has(m.path.split('/')[0]!);
  const joined = normalize(fromRoot ? m.path : join(folder, m.path))
    .split(sep)
    .join('/');
  return m.path.endsWith('/') && !joined.endsWith('/') ? `${joined}/` : joined;
}

/** What a README must name: its folder's top-level sources (tests excluded) and its subfolders ('name/'). */
function mustMention(folder: string): string[] {
  return readdirSync(join(PROJECT_ROOT, folder), { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .flatMap((e) =>
      e.isDirectory() ? [`${folder}/${e.name}/`] : /\.(?:ts|mts|mjs)$/.test(e.name) && !/\.test\.[mc]?[jt]s$/.test(e.name) ? [`${folder}/${e.name}`] : [],
    )
    .sort();
}

describe('folder READMEs: a map of each folder that cannot go stale', () => {
  it('reads backticked paths and link targets, not globs, URLs, code or fenced blocks', () => {
    const text = [
      'See `backprop.ts`, `core/runner.ts#runChecks`, `testing/`, [the notes](../spec/inventory.md) and `numerics/roundoff.ts#precisionOf`.',
      'Not `*.test.ts`, not `mul(W, a)`, not `npm run explain -- 3.13`, not [a site](https://example.com/a.md), not `1.5`.',
      '```',
      'ghost.ts `ghost.ts`',
      '```',
    ].join('\n');
    expect(mentionedPaths(text).map((m) => m.written)).toEqual([
      'backprop.ts',
      'core/runner.ts#runChecks',
      'testing/',
      'numerics/roundoff.ts#precisionOf',
      '../spec/inventory.md',
    ]);
    const [runner] = mentionedPaths('`core/runner.ts#runChecks`');
    expect(resolveMention('conformance', runner!)).toBe('conformance/core/runner.ts');
    expect(runner!.anchor).toBe('runChecks');
    expect(resolveMention('conformance', mentionedPaths('`numerics/bounds.ts`')[0]!)).toBe('numerics/bounds.ts');
    expect(resolveMention('reference', mentionedPaths('[x](../spec/)')[0]!)).toBe('spec/');
  });

  for (const folder of FOLDERS) {
    describe(`${folder}/README.md`, () => {
      const readme = join(PROJECT_ROOT, folder, 'README.md');
      const text = existsSync(readme) ? readFileSync(readme, 'utf8') : '';

      it('exists and says what lives in the folder', () => {
        expect(existsSync(readme), `${relative(PROJECT_ROOT, readme)} is missing`).toBe(true);
        expect(text).toMatch(/^# /);
      });

      it('names only paths that exist (relative to the folder, or from the root for a top-level folder), and names after # that the file contains', () => {
        const problems: string[] = [];
        for (const m of mentionedPaths(text)) {
          const path = resolveMention(folder, m);
          const full = join(PROJECT_ROOT, path);
          if (!existsSync(full)) {
            problems.push(`\`${m.written}\` → ${path} does not exist`);
            continue;
          }
          if (path.endsWith('/') && !statSync(full).isDirectory()) problems.push(`\`${m.written}\` → ${path} is not a folder`);
          if (m.anchor !== undefined) {
            if (statSync(full).isDirectory()) problems.push(`\`${m.written}\`: a folder has no #${m.anchor}`);
            else if (!new RegExp(`(?<![\\w$])${m.anchor.replace(/[.$]/g, '\\$&')}(?![\\w$])`).test(readFileSync(full, 'utf8'))) {
              problems.push(`\`${m.written}\`: ${path} has no ${m.anchor}`);
            }
          }
        }
        expect(problems, `${folder}/README.md names what is not there:\n  ${problems.join('\n  ')}`).toEqual([]);
      });

      it('names every top-level source file (tests excluded) and every subfolder of the folder', () => {
        const named = new Set(mentionedPaths(text).map((m) => resolveMention(folder, m)));
        const missing = mustMention(folder).filter((p) => !named.has(p));
        expect(missing, `${folder}/README.md does not name (add a row for each):\n  ${missing.join('\n  ')}`).toEqual([]);
      });
    });
  }
});
