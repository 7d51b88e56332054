/** `npm run explain -- <id>`: one statement of the notes, its errata, code, a worked example and its checks. */
import { runCli } from './lib/cli.js';
import { HELP, parseExplainArgs } from './lib/explain/options.js';

await runCli('explain', HELP.trimEnd(), parseExplainArgs, async (options) => {
  const { stdout, stderr, code } = (await import('./lib/explain/cli.js')).explain(options);
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  return code;
});
