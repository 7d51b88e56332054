/**
 * `npm run plots`: writes the figures of docs/figures/ (figure1-kink.svg, loss-curves.svg,
 * fd-step.svg, and the bench sweep's bench-sweep-throughput.svg and bench-sweep-roofline.svg
 * redrawn from the committed bench-sweep.json) with vega-lite. Deterministic: fixed seeds and
 * iteration counts, numbers rounded to 6 significant digits, no timestamps; scripts/plots.test.ts
 * requires the committed files to equal a fresh generation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseNoOptions, runCli } from './lib/cli.js';
import { PROJECT_ROOT } from './lib/coverage.js';

const USAGE = `Usage: npm run plots

Writes the figures of docs/figures/ (figure1-kink.svg, loss-curves.svg, fd-step.svg, and
bench-sweep-throughput.svg, bench-sweep-roofline.svg redrawn from docs/figures/bench-sweep.json,
which \`npm run bench -- --sweep\` measures) with vega-lite, deterministically.

Options:
  -h, --help   print this help`;

await runCli('plots', USAGE, parseNoOptions, async () => {
  const { FIGURE_DIR, FIGURES } = await import('./lib/plots/figures.js');
  const { renderSvg } = await import('./lib/plots/render.js');
  const started = performance.now();
  mkdirSync(FIGURE_DIR, { recursive: true });
  for (const figure of FIGURES) {
    const begun = performance.now();
    const file = join(FIGURE_DIR, figure.file);
    writeFileSync(file, await renderSvg(await figure.spec()));
    console.log(`wrote ${relative(PROJECT_ROOT, file)} (${((performance.now() - begun) / 1000).toFixed(1)} s)`);
  }
  console.log(`${FIGURES.length} figures in ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
