/**
 * `npm run coverage`: the spec coverage table (every inventory entry, its implementation and the
 * number of tests naming it). `--json` prints the same rows with every test's file and line.
 */
import { parseCommandLine, runCli } from './lib/cli.js';

const USAGE = `Usage: npm run coverage -- [--json]

Prints the spec coverage table: every inventory entry, the function implementing it (whose doc
comment must cite the id) and the number of tests naming it. Exit code 1 when an entry is not
covered, 2 for a bad command line.

Options:
  --json       the same rows as JSON, with every test's file and line
  -h, --help   print this help`;

await runCli(
  'coverage',
  USAGE,
  (argv) => {
    const { values } = parseCommandLine(argv, { json: { type: 'boolean' } });
    return { help: values.help ?? false, json: values.json ?? false };
  },
  async (options) => {
    const { coverageRows, formatCoverageTable, isCovered } = await import('./lib/specCoverage.js');
    const rows = coverageRows();
    if (options.json) {
      const json = rows.map((r) => ({
        id: r.entry.id,
        title: r.entry.title,
        implementedBy: r.implementations.map((i) => ({ ref: i.ref, file: i.site?.file, line: i.site?.line, citesId: i.cites })),
        tests: r.tests.map((t) => ({ file: t.file, line: t.line, name: t.name })),
        covered: isCovered(r),
      }));
      console.log(JSON.stringify(json, null, 2));
    } else {
      console.log(formatCoverageTable(rows));
    }
    return rows.every(isCovered) ? 0 : 1;
  },
);
