/**
 * Markdown that renders on a code host (GitHub) as written: the notes' math and prose never turn
 * into links, emphasis or HTML by accident, and every link we mean resolves.
 *
 * - Display math goes in a ```math fence and inline math between $` and `$ (GitHub's delimiters for
 *   math holding Markdown characters): the content is never parsed as Markdown.
 * - Prose (titles, corrections, shape descriptions) is escaped outside its code spans: `[`, `]`,
 *   `*`, `_`, `<`, `$`, `|` and `\` get a backslash, so z^{[1](i)} stays text instead of becoming the
 *   link `[1](i)`.
 * - `linkProblems` finds every `](` outside code that is not a link to an existing file, anchor or
 *   http(s) address: the test of the generated documents (scripts/markdown.test.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Characters with a meaning in Markdown prose (and in a table cell, `|`). */
const SPECIAL = /[\\[\]*_<$|`]/g;

/** Plain text (with `code spans` kept as written) as Markdown prose that renders as the same text. */
export function prose(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(SPECIAL, (c) => `\\${c}`)))
    .join('');
}

/** Inline math: $`latex`$. */
export function inlineMath(latex: string): string {
  return `$\`${latex}\`$`;
}

/** Display math: a ```math fence. */
export function displayMath(latex: string): string[] {
  return ['```math', latex, '```'];
}

/** A fenced block (```text, ```ts) of lines shown verbatim. */
export function fence(lang: string, lines: readonly string[]): string[] {
  return [`\`\`\`${lang}`, ...lines, '```'];
}

/** GitHub's anchor of an `<a id>` we write: lower case, runs of other characters as '-'. */
export const anchorOf = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** The text with fenced blocks and code spans blanked (same length, newlines kept), so offsets still match. */
function outsideCode(markdown: string): string {
  const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank).replace(/(`+)[^`\n][\s\S]*?\1/g, blank);
}

/** The anchors a Markdown file defines with `<a id="…">`. */
export function anchorsIn(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!));
}

export interface LinkProblem {
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

/** How a link target of `file` resolves: read another Markdown file's text (for its anchors), or say the path is missing. */
export interface LinkContext {
  /** The Markdown file's path relative to the repository root. */
  readonly file: string;
  /** The repository root. */
  readonly root: string;
  /** Text of other generated Markdown files not yet on disk, by path relative to the root. */
  readonly generated?: ReadonlyMap<string, string>;
}

function checkTarget(target: string, markdown: string, ctx: LinkContext): string | undefined {
  if (/^https?:\/\/\S+$/.test(target)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return `unexpected scheme in ${target}`;
  const [path, hash] = target.split('#') as [string, string | undefined];
  if (path === '') return hash !== undefined && anchorsIn(markdown).has(hash) ? undefined : `no anchor #${hash} in this file`;
  const resolved = join(dirname(ctx.file), path).split('\\').join('/');
  const text =
    ctx.generated?.get(resolved) ??
    (existsSync(join(ctx.root, resolved)) ? (statSync(join(ctx.root, resolved)).isFile() ? readFileSync(join(ctx.root, resolved), 'utf8') : '') : undefined);
  if (text === undefined) return `${path} does not exist (resolved to ${resolved})`;
  if (hash === undefined) return undefined;
  const line = /^L(\d+)$/.exec(hash);
  if (line) return Number(line[1]) <= text.split('\n').length ? undefined : `${resolved} has no line ${line[1]}`;
  return resolved.endsWith('.md') && anchorsIn(text).has(hash) ? undefined : `no anchor #${hash} in ${resolved}`;
}

/**
 * Every `](` outside code, checked: it must close a link [text](target) whose target is an http(s)
 * address, an anchor of this file, or an existing file (with an existing anchor or line). A `](`
 * that math or prose produced (z^{[1](i)}) is a problem: on a code host it renders as a link.
 */
export function linkProblems(markdown: string, ctx: LinkContext): LinkProblem[] {
  const code = outsideCode(markdown);
  const problems: LinkProblem[] = [];
  const lineOf = (i: number): number => markdown.slice(0, i).split('\n').length;
  for (const m of code.matchAll(/\]\(/g)) {
    const at = m.index;
    if (code[at - 1] === '\\') continue; // an escaped bracket is text
    const close = code.indexOf(')', at);
    const target = markdown.slice(at + 2, close < 0 ? at + 2 : close);
    const start = code.lastIndexOf('[', at);
    const snippet = markdown.slice(Math.max(0, at - 30), at + 30).replace(/\n/g, ' ');
    if (start < 0 || code[start - 1] === '\\' || close < 0 || /\s/.test(target)) {
      problems.push({ line: lineOf(at), text: snippet, reason: 'a `](` that is not a link (math or prose outside $…$?)' });
      continue;
    }
    const reason = checkTarget(target, markdown, ctx);
    if (reason !== undefined) problems.push({ line: lineOf(at), text: snippet, reason });
  }
  return problems;
}
