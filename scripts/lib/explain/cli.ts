/** `npm run explain` in-process: arguments in, text and an exit code out (scripts/explain.ts prints them). */
import { INVENTORY } from '../../../spec/inventory/index.js';
import { explanationOf, renderText } from './explanation.js';
import { findEntry, nearestIds } from './lookup.js';

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  /** 0: explained; 2: bad command line or unknown id. */
  readonly code: 0 | 2;
}

export const HELP = `Usage: npm run explain -- <id> [<id> ...]
       npm run explain -- --list

Explains one statement of the notes by its inventory id (e.g. 3.13, alg5.line4, 2.3, 4.4,
3.4/relu-prime): the statement as it should read, every erratum with the text as printed, the
reference function(s) with file and line, a worked example computed live by the reference on a
small network (every intermediate quantity with its shape; ▶ marks what the id states), and the
conformance checks that cover it.

Options:
  --list      every id with its one-line title, in the notes' order
  --help, -h  this text

Exit code 0 when every id was explained; 2 for an unknown id (the nearest ids are suggested) or a
bad option.
`;

export function listIds(): string {
  const width = Math.max(...INVENTORY.map((e) => e.id.length));
  return `${INVENTORY.map((e) => `${e.id.padEnd(width)}  ${e.title}`).join('\n')}\n`;
}

export function unknownIdMessage(query: string): string {
  return `explain: unknown spec id '${query}'. Nearest ids: ${nearestIds(query).join(', ')}.\nRun \`npm run explain -- --list\` for every id.\n`;
}

export function runExplain(args: readonly string[]): CliResult {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    return { stdout: HELP, stderr: '', code: args.length === 0 ? 2 : 0 };
  }
  if (args.includes('--list')) return args.length === 1 ? { stdout: listIds(), stderr: '', code: 0 } : { stdout: '', stderr: 'explain: --list takes no ids\n', code: 2 };
  const option = args.find((a) => a.startsWith('-') && findEntry(a) === undefined);
  if (option !== undefined) return { stdout: '', stderr: `explain: unknown option '${option}'\n${HELP}`, code: 2 };
  const texts: string[] = [];
  const unknown: string[] = [];
  for (const query of args) {
    const entry = findEntry(query);
    if (entry === undefined) unknown.push(unknownIdMessage(query));
    else texts.push(renderText(explanationOf(entry)));
  }
  return { stdout: texts.join('\n'), stderr: unknown.join(''), code: unknown.length > 0 ? 2 : 0 };
}
