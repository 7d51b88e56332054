/**
 * `npm run coverage`: the spec coverage table (every inventory entry, its implementation and the
 * number of tests naming it). `--json` prints the same rows with every test's file and line.
 */
import { coverageRows, formatCoverageTable, isCovered } from './lib/specCoverage.js';

const rows = coverageRows();
if (process.argv.includes('--json')) {
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
process.exitCode = rows.every(isCovered) ? 0 : 1;
