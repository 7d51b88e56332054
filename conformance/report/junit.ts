/**
 * The `--junit FILE` report, for CI dashboards: <testsuites> holding one <testsuite> per
 * implementation, one <testcase> per check (classname = the implementation, name =
 * `${check} [${specIds}]`). fail and unexpected-pass are <failure>s, not-implemented is
 * <skipped> with the reason, and every message (convention, expected-fail, pass) is kept in
 * <system-out>. Built from the JSON report, so both say the same thing.
 */
import type { CheckResult } from '../core/runner.js';
import type { JsonReport } from './json.js';

const SUITES_NAME = 'cs229-dl conformance';

/**
 * XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
 * (W3C XML 1.0 §2.2); any other code point (a control character, a lone surrogate, U+FFFE/FFFF)
 * cannot appear even as a character reference, so it is written as the visible text `\uXXXX`.
 * Characters outside the BMP are legal and pass through unchanged (UTF-8 in the file).
 */
export function xmlSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const legal = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    out += legal ? ch : `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

/** Character data: & and < must be escaped, > too (for "]]>"), and CR, which a parser would turn into LF (§2.11). */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes; tab, newline and CR as references, which attribute-value normalization would otherwise turn into spaces (§3.3.3). */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

const attributes = (attrs: Record<string, string | number>): string =>
  Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');

const time = (ms: number): string => (ms / 1000).toFixed(3);
const isFailure = (r: CheckResult): boolean => r.status === 'fail' || r.status === 'unexpected-pass';

/** The body of a <failure>: the message, then where (the mismatch) and how to replay it (the reproducer), as JSON. */
function failureBody(r: CheckResult): string {
  const parts = [r.message];
  if (r.mismatch !== undefined) parts.push(`mismatch: ${JSON.stringify(r.mismatch)}`);
  if (r.reproducer !== undefined) parts.push(`reproducer: ${JSON.stringify(r.reproducer)}`);
  return parts.join('\n');
}

function testcase(r: CheckResult): string {
  const open = `    <testcase${attributes({ classname: r.implementation, name: `${r.check} [${r.specIds.join(', ')}]`, time: time(r.durationMs) })}`;
  const children: string[] = [];
  if (isFailure(r)) children.push(`      <failure${attributes({ message: r.message, type: r.status })}>${escapeText(failureBody(r))}</failure>`);
  else if (r.status === 'not-implemented') children.push(`      <skipped${attributes({ message: r.message })}/>`);
  if (r.message !== '' || r.status === 'convention' || r.status === 'expected-fail')
    children.push(`      <system-out>${escapeText(`${r.status}: ${r.message}`)}</system-out>`);
  return children.length === 0 ? `${open}/>` : [`${open}>`, ...children, '    </testcase>'].join('\n');
}

const counts = (results: readonly CheckResult[], durationMs: number): Record<string, string | number> => ({
  tests: results.length,
  failures: results.filter(isFailure).length,
  errors: 0,
  skipped: results.filter((r) => r.status === 'not-implemented').length,
  time: time(durationMs),
});

const total = (results: readonly CheckResult[]): number => results.reduce((sum, r) => sum + r.durationMs, 0);

/** The JUnit XML document for a report (UTF-8, trailing newline). */
export function junitReport(report: JsonReport): string {
  const suites = report.implementations.map((impl) => {
    const mine = report.results.filter((r) => r.implementation === impl.name);
    const properties: Record<string, string | number | boolean> = {
      dtype: impl.dtype,
      precision: impl.precision ?? 'generic',
      capabilities: impl.capabilities.join(' '),
      seed: report.seed,
      strict: report.strict,
      runs: report.runs,
    };
    return [
      `  <testsuite${attributes({ name: impl.name, ...counts(mine, total(mine)) })}>`,
      '    <properties>',
      ...Object.entries(properties).map(([name, value]) => `      <property${attributes({ name, value: String(value) })}/>`),
      '    </properties>',
      ...mine.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: SUITES_NAME, ...counts(report.results, total(report.results)) })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
