/**
 * `npm run verify`: the conformance suite on anyone's implementation — a TypeScript/JavaScript
 * module, or any program speaking spec/protocol.md over stdio. Prints the per-equation table and
 * every failure, writes the reports and one reproducer per failed check, and exits 0 only when
 * every required check passed (scripts/lib/verifyOptions.ts lists the options).
 */
import { runCli } from './lib/cli.js';
import { parseVerifyArgs, USAGE } from './lib/verifyOptions.js';

await runCli('verify', USAGE, parseVerifyArgs, async (options) => {
  if (options.version) {
    const { version } = (await import('../package.json', { with: { type: 'json' } })).default;
    console.log(`cs229-verify ${version}`);
    return 0;
  }
  return (await import('./lib/verifyRun.js')).runVerify(options);
});
