/**
 * `npm run verify`: the conformance suite on anyone's implementation — a TypeScript/JavaScript
 * module, or any program speaking spec/protocol.md over stdio. Prints the per-equation table and
 * every failure, writes the reports and one reproducer per failed check, and exits 0 only when
 * every required check passed (scripts/lib/verifyOptions.ts lists the options).
 */
import { parseVerifyArgs, USAGE, UsageError } from './lib/verifyOptions.js';

try {
  const options = parseVerifyArgs(process.argv.slice(2));
  if (options.help) console.log(USAGE);
  else {
    const { runVerify } = await import('./lib/verifyRun.js');
    process.exitCode = await runVerify(options);
  }
} catch (error) {
  const usage = error instanceof UsageError;
  console.error(`verify: ${error instanceof Error ? error.message : String(error)}${usage ? ' (see --help)' : ''}`);
  process.exitCode = 2;
}
