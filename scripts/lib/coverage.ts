/**
 * Spec coverage, read statically like test262's metadata: which tests name which spec ids, and
 * where each implementing function lives and whether its doc comment cites the id.
 */
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** Folders whose *.test.ts files count for coverage. */
const TEST_ROOTS = ['spec', 'numerics', 'reference', 'accelerated', 'conformance', 'fixtures', 'scripts'];

/** A test (or a describe block) whose name starts with `[id, id, ...]`. */
export interface TestRef {
  readonly file: string;
  readonly line: number;
  readonly ids: readonly string[];
  readonly name: string;
}

const TEST_NAME = /\b(?:it|test|describe)(?:\.\w+)?\(\s*(['"`])\[([^\]]+)\]\s*([^'"`]*)\1/g;

export function scanTests(root: string = PROJECT_ROOT): TestRef[] {
  const refs: TestRef[] = [];
  for (const file of TEST_ROOTS.flatMap((dir) => listFiles(join(root, dir))).filter((f) => f.endsWith('.test.ts'))) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(TEST_NAME)) {
      refs.push({
        file: relative(root, file),
        line: source.slice(0, match.index).split('\n').length,
        ids: match[2]!
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== ''),
        name: match[3]!.trim(),
      });
    }
  }
  return refs;
}

function listFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.name === 'node_modules' ? [] : e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Where an `implementedBy` reference ('reference/x.ts#name') is declared, with its doc comment. */
export interface ImplementationSite {
  readonly ref: string;
  readonly file: string;
  readonly exportName: string;
  readonly line: number;
  readonly doc: string;
}

export function parseRef(ref: string): { file: string; exportName: string } {
  const [file, exportName] = ref.split('#');
  if (file === undefined || exportName === undefined || exportName === '') {
    throw new Error(`implementedBy '${ref}' must look like 'reference/<file>.ts#<exportName>'`);
  }
  return { file, exportName };
}

/** Finds `export function name` / `export const name` and the JSDoc block right above it. */
export function locate(ref: string, root: string = PROJECT_ROOT): ImplementationSite | undefined {
  const { file, exportName } = parseRef(ref);
  let source: string;
  try {
    source = readFileSync(join(root, file), 'utf8');
  } catch {
    return undefined;
  }
  const lines = source.split('\n');
  const declaration = new RegExp(`^export (?:async )?(?:function\\*? |const |class )${exportName}\\b`);
  const index = lines.findIndex((l) => declaration.test(l));
  if (index < 0) return undefined;
  let start = index;
  if (lines[index - 1]?.trim().endsWith('*/')) {
    start = index - 1;
    while (start > 0 && !lines[start]!.trim().startsWith('/**')) start--;
  }
  return { ref, file, exportName, line: index + 1, doc: lines.slice(start, index).join('\n') };
}

/**
 * Does a doc comment cite a spec id? Numbered equations match as numbers ('2.1' is not '2.12')
 * or inside a range ('2.16-2.20'); 'algN.lineK' matches "Algorithm N" with "line K" or a range
 * of lines holding K; 'thm3.1' matches "Theorem 3.1"; any other id must appear literally.
 */
export function docCites(doc: string, id: string): boolean {
  const numbered = /^(\d)\.(\d+)$/.exec(id);
  if (numbered) {
    const [, chapter, n] = numbered;
    if (new RegExp(`(?<![\\d.])${chapter}\\.${n}(?![\\d])`).test(doc)) return true;
    for (const m of doc.matchAll(new RegExp(`(?<![\\d.])${chapter}\\.(\\d+)\\s*[-–]\\s*(?:${chapter}\\.)?(\\d+)`, 'g'))) {
      if (Number(m[1]) <= Number(n) && Number(n) <= Number(m[2])) return true;
    }
    return false;
  }
  const line = /^alg(\d)\.line(\d+)$/.exec(id);
  if (line) {
    const [, alg, k] = line;
    if (!new RegExp(`Algorithm ${alg}\\b`).test(doc)) return false;
    for (const m of doc.matchAll(/\b[Ll]ines? (\d+)(?:\s*(?:[-–]|to)\s*(\d+))?/g)) {
      if (Number(m[1]) <= Number(k) && Number(k) <= Number(m[2] ?? m[1])) return true;
    }
    return false;
  }
  const theorem = /^thm(\d\.\d)$/.exec(id);
  if (theorem) return doc.includes(`Theorem ${theorem[1]}`);
  const escaped = id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(?<![\\w/-])${escaped}(?![\\w-])`).test(doc);
}
