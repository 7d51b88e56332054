/** `npm run explain -- <id>`: one statement of the notes, its errata, code, a worked example and its checks. */
import { runExplain } from './lib/explain/cli.js';

const { stdout, stderr, code } = runExplain(process.argv.slice(2));
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = code;
