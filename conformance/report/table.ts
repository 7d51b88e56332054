/**
 * The terminal report of a suite run: one row per statement of the notes (spec/inventory), one
 * column per implementation, each cell the aggregate status of the checks covering that
 * statement; then every failure with its message, the conventions and known failures, and a
 * summary per implementation. Plain text that reads at 120 columns; ANSI colour only on request.
 */
import { STATUSES, type Status } from '../core/check.js';
import { type CheckResult, verdictIds } from '../core/runner.js';
import type { EntryCoverage } from './coverage.js';
import { printable } from './printable.js';

/**
 * A cell: a check status; 'not verified' when the checks that cover the statement failed on
 * another statement before reaching it; or why there is none.
 */
export type Cell = Status | 'not verified' | 'not run' | 'no check' | '—';

/** Most serious first: a cell shows the first of these that any covering check contributes. */
const PRECEDENCE: readonly Cell[] = ['fail', 'unexpected-pass', 'expected-fail', 'convention', 'pass', 'not verified', 'not-implemented'];

/**
 * What one result says about statement `id`: its status where the status is about `id`
 * (CheckResult.verdictSpecIds); for a failure elsewhere, 'not verified'; for a pass that did not
 * exercise `id` (an activation the implementation lacks, no fixture vector of it), not-implemented.
 */
export function contribution(result: CheckResult, id: string): Cell {
  if (verdictIds(result).includes(id)) return result.status;
  return result.status === 'fail' || result.status === 'expected-fail' ? 'not verified' : 'not-implemented';
}

/** The most serious of the cells the covering results contribute; undefined when none ran. */
export function aggregateStatus(cells: readonly Cell[]): Cell | undefined {
  if (cells.length === 0) return undefined;
  return PRECEDENCE.find((s) => cells.includes(s)) ?? 'not-implemented';
}

/** The cell of `row` for `implementation`: '—' (not checkable), 'no check' (a gap in the suite), 'not run' (not selected). */
export function cellFor(row: EntryCoverage, implementation: string, results: readonly CheckResult[]): Cell {
  if (row.uncheckable !== undefined) return '—';
  const id = row.entry.id;
  const covering = results.filter((r) => r.implementation === implementation && (r.specIds.includes(id) || verdictIds(r).includes(id)));
  return aggregateStatus(covering.map((r) => contribution(r, id))) ?? (row.checks.length === 0 ? 'no check' : 'not run');
}

export interface TableInput {
  /** Column order. */
  readonly implementations: readonly string[];
  readonly results: readonly CheckResult[];
  /** The inventory with the checks covering each entry (conformance/report/coverage.ts#specCoverage). */
  readonly coverage: readonly EntryCoverage[];
  /** Line width to fit (default 120). */
  readonly width?: number;
  /** ANSI colours (see useColour). */
  readonly colour?: boolean;
  /**
   * The run was restricted (--only): show only the statements a selected check covers. Otherwise
   * every statement has its row, gaps ('no check') and uncheckable ones ('—') included.
   */
  readonly restricted?: boolean;
  /** Reproducer files written, keyed by implementation + NUL + check id (printed under each failure). */
  readonly reproducers?: ReadonlyMap<string, string>;
}

/** Colour only for a terminal, and never when NO_COLOR or CI is set (https://no-color.org). */
export function useColour(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return stream.isTTY === true && env.NO_COLOR === undefined && env.CI === undefined;
}

const COLOURS: Partial<Record<Cell, string>> = {
  pass: '32',
  fail: '31',
  'unexpected-pass': '31',
  'no check': '31',
  'expected-fail': '33',
  convention: '33',
  'not-implemented': '2',
  'not verified': '2',
  'not run': '2',
  '—': '2',
};

/** Length in code points (titles hold θ, ∂, ≠; a non-BMP character counts once). */
const len = (s: string): number => [...s].length;
const fitTo = (s: string, width: number): string => (len(s) > width ? `${[...s].slice(0, Math.max(0, width - 1)).join('')}…` : s + ' '.repeat(width - len(s)));

/**
 * Greedy word wrap to `width`: the first line prefixed by `indent`, the others by `hang`
 * (default `indent`); words longer than a line are cut.
 */
export function wrap(text: string, width: number, indent: string, hang = indent): string[] {
  const room = Math.max(20, width - Math.max(len(indent), len(hang)));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(' ')) {
      while (len(word) > room) {
        if (line !== '') lines.push(line);
        lines.push([...word].slice(0, room).join(''));
        word = [...word].slice(room).join('');
        line = '';
      }
      if (line !== '' && len(line) + 1 + len(word) > room) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines.map((l, i) => `${i === 0 ? indent : hang}${l}`.trimEnd());
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/**
 * One block per failing result: where (the statements it breaks), the message wrapped, and where
 * its reproducer was saved (`reproducers`: check id → file) when it was.
 */
function failureLines(
  results: readonly CheckResult[],
  width: number,
  paint: (cell: Cell, text: string) => string,
  reproducers: ReadonlyMap<string, string>,
): string[] {
  const failing = results.filter((r) => r.status === 'fail' || r.status === 'unexpected-pass');
  if (failing.length === 0) return [];
  const lines = ['', `Failures (${failing.length}):`];
  for (const r of failing) {
    const [first, ...rest] = wrap(`${printable(r.implementation)} · ${r.check} [${verdictIds(r).join(', ')}]`, width - len(r.status) - 4, '', '    ');
    lines.push(`${paint(r.status, `✗ ${r.status}`)}  ${first}`, ...rest);
    lines.push(...wrap(printable(r.message) || '(no message)', width, '    '));
    const saved = reproducers.get(`${r.implementation}\u0000${r.check}`);
    if (saved !== undefined) lines.push(`    reproducer: ${saved} (ask it again with --replay ${saved})`);
  }
  return lines;
}

/** Results worth a note although they do not fail a run: declared conventions and known failures. */
function noteLines(results: readonly CheckResult[], width: number): string[] {
  const noted = results.filter((r) => r.status === 'convention' || r.status === 'expected-fail');
  if (noted.length === 0) return [];
  return [
    '',
    `Conventions and known failures (${noted.length}):`,
    ...noted.flatMap((r) => wrap(`${r.status}  ${printable(r.implementation)} · ${r.check}: ${printable(r.message)}`, width, '  ', '    ')),
  ];
}

/** Per implementation: how many checks ended in each status, and their time. */
function summaryLines(input: TableInput): string[] {
  return [
    '',
    ...input.implementations.map((name) => {
      const mine = input.results.filter((r) => r.implementation === name);
      const counts = STATUSES.map((s) => [s, mine.filter((r) => r.status === s).length] as const).filter(([, n]) => n > 0);
      const time = mine.reduce((sum, r) => sum + r.durationMs, 0);
      return `${printable(name)}: ${mine.length} checks: ${counts.map(([s, n]) => `${n} ${s}`).join(', ') || 'none run'}; ${seconds(time)}`;
    }),
  ];
}

/** The whole terminal report: the per-equation table, then failures, notes and the summary. */
export function formatTable(input: TableInput): string {
  const width = input.width ?? 120;
  const paint = (cell: Cell, text: string): string => (input.colour && COLOURS[cell] ? `\u001b[${COLOURS[cell]}m${text}\u001b[0m` : text);
  const rows = input.coverage.map((row) => ({ row, cells: input.implementations.map((name) => cellFor(row, name, input.results)) }));
  const ran = (c: Cell): boolean => c !== 'not run' && !(input.restricted && (c === 'no check' || c === '—'));
  const shown = rows.filter((r) => r.cells.some(ran));
  const idWidth = Math.max(2, ...shown.map((r) => len(r.row.entry.id)));
  const cellWidths = input.implementations.map((name, c) => Math.max(len(name), ...shown.map((r) => len(r.cells[c]!))));
  const titleWidth = Math.max(20, width - idWidth - cellWidths.reduce((a, b) => a + b + 2, 0) - 2);
  const line = (id: string, title: string, cells: readonly string[], paintAs?: readonly Cell[]): string =>
    [
      fitTo(id, idWidth),
      fitTo(title, titleWidth),
      ...cells.map((c, i) => {
        const text = fitTo(c, cellWidths[i]!);
        // colour the word only, so that the padding stays plain and trimEnd removes it
        return paintAs ? paint(paintAs[i]!, text.trimEnd()) + ' '.repeat(len(text) - len(text.trimEnd())) : text;
      }),
    ]
      .join('  ')
      .trimEnd();
  const out = [
    line('id', 'statement of the notes', input.implementations),
    line(
      '-'.repeat(idWidth),
      '-'.repeat(titleWidth),
      cellWidths.map((w) => '-'.repeat(w)),
    ),
    ...shown.map(({ row, cells }) => line(row.entry.id, row.entry.title, cells, cells)),
  ];
  const notRun = rows.length - shown.length;
  if (notRun > 0) out.push(`(${notRun} of ${rows.length} statements not shown: no selected check covers them)`);
  const uncheckable = shown.filter((r) => r.row.uncheckable !== undefined);
  if (uncheckable.length > 0) {
    out.push('', '— not checkable through the interface:');
    for (const { row } of uncheckable) out.push(...wrap(`${row.entry.id}: ${row.uncheckable}`, width, '  ', '    '));
  }
  const gaps = shown.filter((r) => r.cells.includes('no check')).map((r) => r.row.entry.id);
  if (gaps.length > 0) out.push('', ...wrap(`no check covers (a gap in the suite): ${gaps.join(', ')}`, width, ''));
  out.push(...failureLines(input.results, width, paint, input.reproducers ?? new Map()), ...noteLines(input.results, width), ...summaryLines(input));
  return out.join('\n');
}
