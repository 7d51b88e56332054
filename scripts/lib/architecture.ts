/**
 * The direction of the imports between the top-level folders (docs/architecture.md), read
 * statically: every relative `import … from '…'`, `import '…'`, `export … from '…'` and dynamic
 * `import('…')` with a literal path in every source file (.ts, .mts, .cts, .mjs, .cjs, .js) of the
 * project. scripts/architecture.test.ts fails on an import against the rules below or on a cycle
 * between folders, naming the file, the line and the import.
 *
 * The sources are tokenized (comments, strings, template literals and regular expressions told
 * apart), so an import written in a comment or inside a string is not an import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { type ImportKind, importSpecifiers } from './importScanner.js';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** A relative import of one source file. */
export interface ImportSite {
  /** The importing file, relative to the repository root, with '/' separators. */
  readonly file: string;
  readonly line: number;
  /** As written, e.g. '../numerics/bounds.js'. */
  readonly specifier: string;
  /** The imported file relative to the repository root ('.js' read as the '.ts' beside it). */
  readonly target: string;
  readonly kind: ImportKind;
}

/**
 * What each top-level folder may import, besides itself (a folder always imports its own files:
 * a test its folder's testing helpers included). Tests (*.test.ts) follow their folder's rule.
 */
export interface FolderRule {
  readonly mayImport: readonly string[];
  /** Imports allowed only from some subfolders: folder → the importing paths' prefixes. */
  readonly onlyFrom?: Readonly<Record<string, readonly string[]>>;
  /** Why, in a few words (printed with a violation). */
  readonly why: string;
}

const LIBRARY = ['spec', 'numerics', 'reference', 'accelerated', 'conformance', 'fixtures'] as const;

export const FOLDER_RULES: Readonly<Record<string, FolderRule>> = {
  spec: { mayImport: [], why: 'what the notes say, as data: it imports nothing of the project' },
  numerics: { mayImport: ['spec'], why: 'the floating-point error model and exact arithmetic: node built-ins and spec only' },
  reference: { mayImport: ['spec', 'numerics'], why: 'the literal transcription: spec and numerics only' },
  accelerated: { mayImport: ['spec', 'numerics', 'reference'], why: 'a backend never knows it is being checked: spec, numerics, reference only' },
  conformance: {
    mayImport: ['spec', 'numerics', 'reference', 'fixtures', 'accelerated'],
    onlyFrom: { accelerated: ['conformance/adapters/'] },
    why: 'a check never knows which implementation it runs on: accelerated/ only from conformance/adapters/',
  },
  fixtures: { mayImport: [], why: 'data, schema and manifest only (the generator is scripts/lib/fixtures/)' },
  scripts: { mayImport: [...LIBRARY], why: 'the command line: anything below it, not examples/' },
  examples: { mayImport: [...LIBRARY], why: 'other implementations and their tests: anything below them, not scripts/' },
  bin: { mayImport: ['scripts'], why: "the package's executable (package.json bin): a launcher of scripts/ only" },
};

/** Top-level folders that are not the project's sources: installed packages, outputs of runs (git-ignored). */
const NOT_PROJECT = new Set(['node_modules', 'reports', 'reproducers', 'coverage', 'dist', 'site']);

/** A rule broken on purpose for now, with the change that removes it. */
export interface AllowedImport {
  /** The importing file. */
  readonly file: string;
  /** What it may import against the rules: a file, or a folder ending in '/'. */
  readonly target: string;
  readonly reason: string;
}

/**
 * TEMPORARY. Each entry is an import the rules forbid that a change in flight removes; delete the
 * entry when that lands (the test fails on an entry that matches no import any more). Allowed
 * imports are left out of the cycle check too.
 */
export const TEMPORARILY_ALLOWED: readonly AllowedImport[] = [];

const allows = (a: AllowedImport, site: ImportSite): boolean =>
  a.file === site.file && (a.target.endsWith('/') ? site.target.startsWith(a.target) : site.target === a.target);

const SOURCE = /\.(?:ts|mts|cts|mjs|cjs|js)$/;

/** Every source file under the project's top-level folders, relative to `root`, '/'-separated. */
export function listSources(root: string = PROJECT_ROOT): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      if (e.name.startsWith('.') || NOT_PROJECT.has(e.name)) return [];
      const path = join(dir, e.name);
      return e.isDirectory() ? walk(path) : SOURCE.test(e.name) ? [path] : [];
    });
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !NOT_PROJECT.has(e.name))
    .flatMap((e) => walk(join(root, e.name)))
    .map((p) => relative(root, p).split(sep).join('/'))
    .sort();
}

/** The relative imports of every source of the project. */
export function importGraph(root: string = PROJECT_ROOT, files: readonly string[] = listSources(root)): ImportSite[] {
  const exists = new Set(files);
  return files.flatMap((file) =>
    importSpecifiers(readFileSync(join(root, file), 'utf8'))
      .filter(({ specifier }) => specifier.startsWith('./') || specifier.startsWith('../'))
      .map(({ specifier, line, kind }) => {
        const joined = normalize(join(dirname(file), specifier))
          .split(sep)
          .join('/');
        const asTs = joined.replace(/\.(m|c)?js$/, '.$1ts');
        const target = !exists.has(joined) && exists.has(asTs) ? asTs : joined;
        return { file, line, specifier, target, kind };
      }),
  );
}

/** The top-level folder of a path relative to the root ('..' for outside it). */
export const folderOf = (path: string): string => path.split('/')[0]!;

export interface Violation {
  readonly site: ImportSite | undefined;
  readonly message: string;
}

const describeSite = (s: ImportSite): string => `${s.file}:${s.line} imports '${s.specifier}' (${s.target})`;

/** Imports against FOLDER_RULES, and sources where none may be (fixtures/, a folder without a rule). */
export function ruleViolations(graph: readonly ImportSite[], files: readonly string[], allowed: readonly AllowedImport[] = TEMPORARILY_ALLOWED): Violation[] {
  const out: Violation[] = [];
  for (const folder of new Set(files.map(folderOf))) {
    if (FOLDER_RULES[folder] === undefined)
      out.push({
        site: undefined,
        message: `${folder}/ holds sources but has no rule in scripts/lib/architecture.ts#FOLDER_RULES (and none in docs/architecture.md)`,
      });
  }
  for (const file of files.filter((f) => folderOf(f) === 'fixtures')) {
    out.push({
      site: undefined,
      message: `${file}: fixtures/ holds data, schema and manifest only; code that generates or reads them belongs in scripts/lib/fixtures/ or conformance/`,
    });
  }
  for (const site of graph) {
    const from = folderOf(site.file);
    const to = folderOf(site.target);
    if (from === to || to === 'node_modules') continue;
    if (allowed.some((a) => allows(a, site))) continue;
    const rule = FOLDER_RULES[from];
    if (rule === undefined) continue; // reported above
    if (to === '..') {
      out.push({ site, message: `${describeSite(site)}: outside the repository` });
    } else if (!rule.mayImport.includes(to)) {
      out.push({ site, message: `${describeSite(site)}: ${from} → ${to} is against the direction (${from}: ${rule.why})` });
    } else if (rule.onlyFrom?.[to] !== undefined && !rule.onlyFrom[to]!.some((prefix) => site.file.startsWith(prefix))) {
      out.push({ site, message: `${describeSite(site)}: ${from} → ${to} only from ${rule.onlyFrom[to]!.join(', ')} (${rule.why})` });
    }
  }
  return out;
}

/** Entries of the allow-list that match no import any more (the change that removes them has landed). */
export function staleAllowances(graph: readonly ImportSite[], allowed: readonly AllowedImport[] = TEMPORARILY_ALLOWED): AllowedImport[] {
  return allowed.filter((a) => !graph.some((s) => allows(a, s)));
}

/**
 * Cycles between top-level folders: each strongly connected group of two or more folders, with
 * one import for each edge inside it. The temporarily allowed imports are left out.
 */
export function folderCycles(graph: readonly ImportSite[], allowed: readonly AllowedImport[] = TEMPORARILY_ALLOWED): string[] {
  const edges = new Map<string, Map<string, ImportSite>>();
  for (const site of graph) {
    if (allowed.some((a) => allows(a, site))) continue;
    const [from, to] = [folderOf(site.file), folderOf(site.target)];
    if (from === to || to === 'node_modules' || to === '..') continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, site);
  }
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return groups.map((group) => {
    const inside = group.flatMap((from) =>
      group.filter((to) => edges.get(from)?.has(to)).map((to) => `    ${from} → ${to}: ${describeSite(edges.get(from)!.get(to)!)}`),
    );
    return `cycle between ${group.join(', ')}:\n${inside.join('\n')}`;
  });
}
