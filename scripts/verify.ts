/**
 * `npm run verify`: the conformance suite on anyone's implementation — a TypeScript/JavaScript
 * module, or any program speaking spec/protocol.md over stdio. Prints the per-equation table and
 * every failure, writes the reports and one reproducer per failed check, and exits 0 only when
 * every required check passed (scripts/lib/verifyOptions.ts lists the options).
 */
import { readFileSync } from 'node:fs';
import type { Implementation } from '../conformance/core/interface.js';
import { runCli } from './lib/cli.js';
import { parseVerifyArgs, USAGE } from './lib/verifyOptions.js';

/** The package's version, from its package.json: one folder up from scripts/ in the repository, two from dist/scripts/ when built. */
function packageVersion(): string {
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'cs229-dl-conformance' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not this one: try the next folder up
    }
  }
  return 'unknown';
}

await runCli('verify', USAGE, parseVerifyArgs, async (options) => {
  if (options.version) {
    console.log(`cs229-verify ${packageVersion()}`);
    return 0;
  }
  // a program starts (and answers its handshake) while the suite loads; a replay file is read first, a module is imported with the suite
  let starting: Promise<Implementation> | undefined;
  if (options.target?.kind === 'command' && options.replay === undefined && !options.listChecks) {
    const { openTarget, runDeadline } = await import('./lib/verifyOpen.js');
    starting = openTarget(options.target, options, runDeadline(options));
    starting.catch(() => undefined); // awaited, and its failure reported, by runVerify
  }
  return (await import('./lib/verifyRun.js')).runVerify(options, starting);
});
