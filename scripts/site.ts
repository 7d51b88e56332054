/**
 * `npm run site [-- --out DIR] [--serve [--port N]] [--screenshot FILE] [--playground-screenshot FILE]`: builds the static site of the notes (an index
 * and one page per section: every statement with its KaTeX-rendered formula, errata, reference
 * code, worked example and checks) into site/ (not committed), and with --serve serves it on
 * 127.0.0.1 with the cross-origin isolation headers threaded wasm needs, until Ctrl-C.
 */
import { join } from 'node:path';
import { fileName, integer, parseCommandLine, runCli } from './lib/cli.js';
import { PROJECT_ROOT } from './lib/coverage.js';

const USAGE = `Usage: npm run site -- [options]

Builds the static site of the notes into site/ (plain files any static server can serve): an index
and one page per section of the notes, each statement with its formula (KaTeX, rendered at build
time), its errata, the reference code, the worked example of npm run explain, and the checks.

Options:
  --out DIR    where to build (default site/)
  --serve      then serve it on 127.0.0.1 (with COOP/COEP headers) until Ctrl-C
  --port N     with --serve: the port (default 0: one the OS picks)
  --screenshot FILE
               then open the page of Section 3 in the project's headless Chromium and save a
               PNG of it (the README's picture: docs/figures/site.png)
  --playground-screenshot FILE
               then train with the playground's defaults on the best backend there and save a
               PNG of the form, the loss curve and the numbers (docs/figures/playground.png)
  -h, --help   print this help`;

await runCli(
  'site',
  USAGE,
  (argv) => {
    const { values } = parseCommandLine(argv, {
      out: { type: 'string' },
      serve: { type: 'boolean' },
      port: { type: 'string' },
      screenshot: { type: 'string' },
      'playground-screenshot': { type: 'string' },
    });
    return {
      help: values.help ?? false,
      out: fileName('out', values.out) ?? join(PROJECT_ROOT, 'site'),
      serve: values.serve ?? false,
      port: integer('port', values.port, 0, 0, 65535),
      screenshot: fileName('screenshot', values.screenshot),
      playgroundScreenshot: fileName('playground-screenshot', values['playground-screenshot']),
    };
  },
  async (options) => {
    const { buildSite, serveSite } = await import('./lib/site/build.js');
    const files = await buildSite(options.out);
    console.log(`wrote ${files.length} files to ${options.out}`);
    if (options.screenshot !== undefined) {
      const { visitSite } = await import('./lib/site/visit.js');
      const [visit] = await visitSite(options.out, ['section-3.html'], { page: 'section-3.html', file: options.screenshot });
      if (visit!.errors.length > 0) throw new Error(`section-3.html logged errors in Chromium: ${visit!.errors.join('; ')}`);
      console.log(`wrote ${options.screenshot}`);
    }
    if (options.playgroundScreenshot !== undefined) {
      const { visitSite } = await import('./lib/site/visit.js');
      const { playgroundReady, press, screenshotRun } = await import('./lib/site/playgroundDriver.js');
      const file = options.playgroundScreenshot;
      const [visit] = await visitSite(options.out, ['playground.html'], undefined, {
        'playground.html': async (page) => {
          await playgroundReady(page);
          const status = await press(page, 'train', 600_000);
          if (status.state !== 'done') throw new Error(`the playground did not train: ${status.text}`);
          await screenshotRun(page, file);
        },
      });
      if (visit!.errors.length > 0) throw new Error(`playground.html logged errors in Chromium: ${visit!.errors.join('; ')}`);
      console.log(`wrote ${file}`);
    }
    if (!options.serve) return;
    const server = await serveSite(options.out, options.port);
    console.log(`serving ${options.out} at ${server.origin}/ (Ctrl-C to stop)`);
    await new Promise<void>(() => undefined);
  },
);
