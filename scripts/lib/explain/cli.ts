/** `npm run explain` in-process: arguments in, text and an exit code out (scripts/explain.ts prints them). */
import { INVENTORY } from '../../../spec/inventory/index.js';
import { UsageError } from '../cli.js';
import { explanationOf, renderText } from './explanation.js';
import { findEntry, nearestIds } from './lookup.js';
import { type ExplainOptions, HELP, parseExplainArgs } from './options.js';

export { HELP };

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  /** 0: explained; 2: bad command line or unknown id. */
  readonly code: 0 | 2;
}

export function listIds(): string {
  const width = Math.max(...INVENTORY.map((e) => e.id.length));
  return `${INVENTORY.map((e) => `${e.id.padEnd(width)}  ${e.title}`).join('\n')}\n`;
}

export function unknownIdMessage(query: string): string {
  return `explain: unknown spec id '${query}'. Nearest ids: ${nearestIds(query).join(', ')}.\nRun \`npm run explain -- --list\` for every id.\n`;
}

/** Explains parsed options: the text of each id, or the id list; unknown ids on stderr with exit code 2. */
export function explain(options: ExplainOptions): CliResult {
  if (options.help) return { stdout: HELP, stderr: '', code: 0 };
  if (options.list) return { stdout: listIds(), stderr: '', code: 0 };
  const texts: string[] = [];
  const unknown: string[] = [];
  for (const query of options.ids) {
    const entry = findEntry(query);
    if (entry === undefined) unknown.push(unknownIdMessage(query));
    else texts.push(renderText(explanationOf(entry)));
  }
  return { stdout: texts.join('\n'), stderr: unknown.join(''), code: unknown.length > 0 ? 2 : 0 };
}

/** The whole command in-process, as scripts/explain.ts runs it: a bad command line is exit code 2 with the message. */
export function runExplain(args: readonly string[]): CliResult {
  let options: ExplainOptions;
  try {
    options = parseExplainArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { stdout: '', stderr: `explain: ${error.message} (see --help)\n`, code: 2 };
  }
  return explain(options);
}
