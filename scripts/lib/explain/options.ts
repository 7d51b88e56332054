/** The command line of `npm run explain` (scripts/explain.ts). Parsing only: loads no mathjs. */
import { type CliOptions, parseCommandLine, UsageError } from '../cli.js';

export const HELP = `Usage: npm run explain -- <id> [<id> ...]
       npm run explain -- --list

Explains one statement of the notes by its inventory id (e.g. 3.13, alg5.line4, 2.3, 4.4,
3.4/relu-prime): the statement as it should read, every erratum with the text as printed, the
reference function(s) with file and line, a worked example computed live by the reference on a
small network (every intermediate quantity with its shape; ▶ marks what the id states), and the
conformance checks that cover it.

Options:
  --list      every id with its one-line title, in the notes' order
  -h, --help  this text

Exit code 0 when every id was explained; 2 for an unknown id (the nearest ids are suggested) or a
bad option.
`;

export interface ExplainOptions extends CliOptions {
  readonly list: boolean;
  /** The ids to explain, as typed (lookup forgives spellings such as 'Eq. 3.13'). */
  readonly ids: readonly string[];
}

/** Parses explain's arguments; a UsageError for an unknown option, no id, or ids with --list. */
export function parseExplainArgs(args: readonly string[]): ExplainOptions {
  const { values, positionals } = parseCommandLine(args, { list: { type: 'boolean' } }, true);
  const help = values.help ?? false;
  const list = values.list ?? false;
  if (!help && list && positionals.length > 0) throw new UsageError('--list takes no ids');
  if (!help && !list && positionals.length === 0) throw new UsageError('give a spec id (e.g. 3.13), or --list for every id');
  return { help, list, ids: positionals };
}
