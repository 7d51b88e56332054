/**
 * Finds the module specifiers a JavaScript or TypeScript source imports, with a small tokenizer:
 * enough of the lexical grammar (comments, strings, template literals, regular expressions) that an
 * import written in a comment or inside a string is not taken for an import.
 */

/** How a module is imported: a static declaration or a literal dynamic `import('…')`. */
export type ImportKind = 'static' | 'dynamic';

// ---- A small tokenizer: enough of JavaScript's lexical grammar to find imports. ----

interface Token {
  readonly kind: 'word' | 'string' | 'punct';
  readonly text: string;
  readonly line: number;
}

/** After these, a '/' starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  /** One entry per open template literal: the brace depth of its current ${ } expression. */
  const templates: number[] = [];
  const push = (kind: Token['kind'], text: string, at: number): void => void tokens.push({ kind, text, line: at });
  const regexAllowed = (): boolean => {
    const prev = tokens[tokens.length - 1];
    if (prev === undefined) return true;
    if (prev.kind === 'word') return BEFORE_REGEX.has(prev.text);
    if (prev.kind === 'string') return false;
    return !(prev.text === ')' || prev.text === ']' || prev.text === '}');
  };
  /** Reads the literal part of a template from i (after ` or }) to its end or to ${. */
  const templatePart = (): void => {
    const start = line;
    let text = '';
    while (i < source.length) {
      const c = source[i]!;
      if (c === '\\') {
        text += source.slice(i, i + 2);
        if (source[i + 1] === '\n') line++;
        i += 2;
      } else if (c === '`') {
        i++;
        templates.pop();
        push('string', text, start);
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        i += 2;
        templates[templates.length - 1] = 1;
        push('string', text, start);
        return;
      } else {
        if (c === '\n') line++;
        text += c;
        i++;
      }
    }
  };
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      for (let k = i; k < stop; k++) if (source[k] === '\n') line++;
      i = stop;
    } else if (c === '"' || c === "'") {
      const start = line;
      let text = '';
      i++;
      while (i < source.length && source[i] !== c && source[i] !== '\n') {
        if (source[i] === '\\') {
          text += source.slice(i, i + 2);
          i += 2;
        } else text += source[i++];
      }
      i++;
      push('string', text, start);
    } else if (c === '`') {
      i++;
      templates.push(0);
      templatePart();
    } else if (c === '/' && regexAllowed()) {
      let inClass = false;
      i++;
      while (i < source.length && source[i] !== '\n') {
        const d = source[i]!;
        if (d === '\\') i += 2;
        else {
          i++;
          if (d === '[') inClass = true;
          else if (d === ']') inClass = false;
          else if (d === '/' && !inClass) break;
        }
      }
      while (i < source.length && /[a-z]/i.test(source[i]!)) i++;
      push('punct', '/regex/', line);
    } else if (/[A-Za-z_$\d]/.test(c)) {
      let text = '';
      while (i < source.length && /[\w$]/.test(source[i]!)) text += source[i++];
      push('word', text, line);
    } else {
      i++;
      const depth = templates.length > 0 ? templates[templates.length - 1]! : 0;
      if (depth > 0 && c === '{') templates[templates.length - 1] = depth + 1;
      else if (depth > 0 && c === '}') {
        if (depth === 1) {
          templates[templates.length - 1] = 0;
          templatePart();
          continue;
        }
        templates[templates.length - 1] = depth - 1;
      }
      push('punct', c, line);
    }
  }
  return tokens;
}

/** The module specifiers a source imports (static and literal dynamic), with their lines. */
export function importSpecifiers(source: string): { specifier: string; line: number; kind: ImportKind }[] {
  const tokens = tokenize(source);
  const found: { specifier: string; line: number; kind: ImportKind }[] = [];
  const at = (k: number): Token | undefined => tokens[k];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || (t.text !== 'import' && t.text !== 'export')) continue;
    if (at(k - 1)?.text === '.') continue; // x.import(...)
    if (t.text === 'import' && at(k + 1)?.text === '(') {
      const arg = at(k + 2);
      if (arg?.kind === 'string' && (at(k + 3)?.text === ')' || at(k + 3)?.text === ',')) found.push({ specifier: arg.text, line: arg.line, kind: 'dynamic' });
      continue;
    }
    if (t.text === 'import' && at(k + 1)?.text === '.') continue; // import.meta
    if (t.text === 'import') {
      // import 'x' | import a, { b } from 'x' | import type { c } from 'x' | import * as d from 'x'
      for (let j = k + 1; j < tokens.length && j < k + 400; j++) {
        const u = tokens[j]!;
        if (u.kind === 'string') {
          found.push({ specifier: u.text, line: u.line, kind: 'static' });
          break;
        }
        if (u.text === ';') break;
      }
      continue;
    }
    // export … from 'x': `export *`, `export * as n`, `export {…}`, `export type {…}`, `export type *`
    let j = k + 1;
    if (at(j)?.text === 'type') j++;
    if (at(j)?.text === '*') {
      j++;
      if (at(j)?.text === 'as') j += 2;
    } else if (at(j)?.text === '{') {
      while (j < tokens.length && tokens[j]!.text !== '}') j++;
      j++;
    } else continue;
    const spec = at(j + 1);
    if (at(j)?.text === 'from' && spec?.kind === 'string') found.push({ specifier: spec.text, line: spec.line, kind: 'static' });
  }
  return found;
}
