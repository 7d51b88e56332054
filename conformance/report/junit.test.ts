import { describe, expect, it } from 'vitest';
import type { Status } from '../core/check.js';
import type { CheckResult } from '../core/runner.js';
import type { JsonReport } from './json.js';
import { junitReport, xmlSafe } from './junit.js';

/** An element of the parsed document. */
interface XmlElement {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: (XmlElement | string)[];
}

/**
 * A strict parser for the subset of XML 1.0 the report uses (prolog, elements, attributes, text,
 * the five predefined entities and character references; no DTD, comments, CDATA or PIs).
 * Anything else, and any character XML 1.0 forbids (§2.2), is an error: a document it accepts is
 * well-formed, and text and attribute values come back as an XML parser gives them (line ends
 * §2.11, attribute-value normalization §3.3.3).
 */
function parseXml(input: string): XmlElement {
  // end-of-line handling (§2.11): a literal CR or CR LF reaches the application as LF
  const text = input.replace(/\r\n?/g, '\n');
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed at ${i}: ${why} near ${JSON.stringify(text.slice(i, i + 20))}`);
  };
  const legal = (c: number): boolean =>
    c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
  for (const ch of text) if (!legal(ch.codePointAt(0)!)) fail(`illegal character U+${ch.codePointAt(0)!.toString(16)}`);
  const NAME = /^[A-Za-z_][\w.-]*/;
  const name = (): string => {
    const m = NAME.exec(text.slice(i)) ?? fail('expected a name');
    i += m[0].length;
    return m[0];
  };
  const space = (): void => {
    while (/[ \t\r\n]/.test(text[i] ?? '')) i++;
  };
  const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  const reference = (): string => {
    const end = text.indexOf(';', i);
    if (end < 0) fail('unterminated reference');
    const body = text.slice(i + 1, end);
    i = end + 1;
    if (ENTITIES[body] !== undefined) return ENTITIES[body];
    const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body) ?? fail(`unknown entity &${body};`);
    const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    if (!legal(code)) fail(`reference to an illegal character ${code}`);
    return String.fromCodePoint(code);
  };
  const element = (): XmlElement => {
    if (text[i] !== '<') fail('expected <');
    i++;
    const tag = name();
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = i;
      space();
      if (text.startsWith('/>', i)) {
        i += 2;
        return { name: tag, attrs, children: [] };
      }
      if (text[i] === '>') break;
      if (i === before) fail('expected white space before an attribute');
      const key = name();
      if (key in attrs) fail(`attribute ${key} twice`);
      if (text[i] !== '=') fail('expected =');
      const quote = text[++i];
      if (quote !== '"' && quote !== "'") fail('expected a quote');
      i++;
      let value = '';
      while (text[i] !== quote) {
        if (i >= text.length || text[i] === '<') fail('< or end of input in an attribute value');
        if (text[i] === '&') value += reference();
        // attribute-value normalization: a literal tab, CR or LF becomes a space
        else {
          const c = text[i++]!;
          value += /[\t\r\n]/.test(c) ? ' ' : c;
        }
      }
      i++;
      attrs[key] = value;
    }
    i++;
    const children: (XmlElement | string)[] = [];
    let chars = '';
    for (;;) {
      if (i >= text.length) fail(`unclosed <${tag}>`);
      if (text.startsWith('</', i)) {
        i += 2;
        if (name() !== tag) fail(`mismatched end tag for <${tag}>`);
        space();
        if (text[i++] !== '>') fail('expected >');
        if (chars.trim() !== '') children.push(chars);
        return { name: tag, attrs, children };
      }
      if (text[i] === '<') {
        if (chars.trim() !== '') children.push(chars);
        chars = '';
        children.push(element());
      } else if (text[i] === '&') chars += reference();
      else if (text.startsWith(']]>', i)) fail(']]> in text');
      else chars += text[i++];
    }
  };
  const prolog = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(text);
  if (prolog !== null) i = prolog[0].length;
  const root = element();
  space();
  if (i !== text.length) fail('content after the root element');
  return root;
}

const elements = (e: XmlElement, tag: string): XmlElement[] => e.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === tag);
const textOf = (e: XmlElement | undefined): string => (e?.children ?? []).filter((c) => typeof c === 'string').join('');

const HOSTILE = `a < b && c > d "quoted" 'single' ]]> tab\tnewline\ncr\r nul\u0000 bell\u0007 esc\u001b del\u007f θ 𝜃 😀 lone\ud800 fffe\ufffe end`;

const result = (implementation: string, check: string, status: Status, message: string): CheckResult => ({
  implementation,
  check,
  specIds: ['alg5.line4', '3.15'],
  status,
  message,
  durationMs: 1500,
});

const report: JsonReport = {
  version: 1,
  seed: 229,
  strict: false,
  runs: 25,
  implementations: [
    { name: 'reference', dtype: 'float64', precision: null, capabilities: ['forward', 'gradient'], activations: ['relu'] },
    { name: 'bad <&> impl', dtype: 'float32', precision: 'wasm', capabilities: ['forward'], activations: ['relu'] },
  ],
  results: [
    result('reference', 'gradient/random', 'pass', '25 random cases (seed 229)'),
    result('reference', 'conventions/relu-prime', 'convention', "ReLU'(0) = 0 (notes: 1)"),
    {
      ...result('bad <&> impl', 'gradient/random', 'fail', HOSTILE),
      mismatch: { specId: 'alg5.line4', operation: 'gradient', quantity: '∂J/∂b[1]', layer: 1, element: [2], expected: 0.5, got: 0.25 },
      reproducer: { operation: 'gradient', request: { note: HOSTILE } },
    },
    result('bad <&> impl', 'optimizers/train', 'not-implemented', 'needs operation train'),
    result('bad <&> impl', 'gradient/fd', 'unexpected-pass', 'listed as a known failure (x) but passed'),
    result('bad <&> impl', 'gradient/high-precision', 'expected-fail', 'known: float32 & high precision'),
  ],
};

describe('the --junit report', () => {
  const xml = junitReport(report);
  const root = parseXml(xml);

  it('is well-formed XML: testsuites > testsuite per implementation > testcase per check', () => {
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '6', failures: '2', errors: '0', skipped: '1', time: '9.000' });
    const suites = elements(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(['reference', 'bad <&> impl']);
    expect(suites.map((s) => [s.attrs.tests, s.attrs.failures, s.attrs.skipped])).toEqual([
      ['2', '0', '0'],
      ['4', '2', '1'],
    ]);
    const props = Object.fromEntries(elements(elements(suites[1]!, 'properties')[0]!, 'property').map((p) => [p.attrs.name, p.attrs.value]));
    expect(props).toEqual({ dtype: 'float32', precision: 'wasm', capabilities: 'forward', seed: '229', strict: 'false', runs: '25' });
    const cases = suites.flatMap((s) => elements(s, 'testcase'));
    expect(cases.map((c) => [c.attrs.classname, c.attrs.name, c.attrs.time])).toEqual(
      report.results.map((r) => [r.implementation, `${r.check} [alg5.line4, 3.15]`, '1.500']),
    );
  });

  it('keeps a message with <, &, quotes, ]]>, control and non-BMP characters, as XML can hold it', () => {
    const testcase = elements(elements(root, 'testsuite')[1]!, 'testcase')[0]!;
    const [failure] = elements(testcase, 'failure');
    const kept = xmlSafe(HOSTILE);
    // tab, LF and CR survive both in the attribute and in the text (as character references)
    expect(failure?.attrs).toEqual({ message: kept, type: 'fail' });
    expect(kept).toContain('nul\\u0000 bell\\u0007 esc\\u001B del\u007f θ 𝜃 😀 lone\\uD800 fffe\\uFFFE end');
    expect(kept).toContain('tab\tnewline\ncr\r');
    const body = textOf(failure);
    expect(body.startsWith(kept)).toBe(true);
    expect(body).toContain('mismatch: {"specId":"alg5.line4","operation":"gradient","quantity":"∂J/∂b[1]","layer":1,"element":[2],"expected":0.5,"got":0.25}');
    expect(body).toContain('reproducer: {"operation":"gradient"');
  });

  it('marks not-implemented as skipped with its reason, and keeps convention, expected-fail and pass messages in system-out', () => {
    const [reference, bad] = elements(root, 'testsuite');
    const byCheck = (suite: XmlElement, check: string) => elements(suite, 'testcase').find((c) => c.attrs.name!.startsWith(`${check} `))!;
    expect(elements(byCheck(bad!, 'optimizers/train'), 'skipped')[0]?.attrs).toEqual({ message: 'needs operation train' });
    expect(elements(byCheck(bad!, 'gradient/fd'), 'failure')[0]?.attrs.type).toBe('unexpected-pass');
    expect(textOf(elements(byCheck(bad!, 'gradient/high-precision'), 'system-out')[0])).toBe('expected-fail: known: float32 & high precision');
    expect(elements(byCheck(bad!, 'gradient/high-precision'), 'failure')).toEqual([]);
    expect(textOf(elements(byCheck(reference!, 'conventions/relu-prime'), 'system-out')[0])).toBe("convention: ReLU'(0) = 0 (notes: 1)");
    expect(textOf(elements(byCheck(reference!, 'gradient/random'), 'system-out')[0])).toBe('pass: 25 random cases (seed 229)');
    expect(elements(byCheck(reference!, 'gradient/random'), 'failure')).toEqual([]);
  });

  it('the parser used above rejects what is not well-formed', () => {
    const bad = [
      '<a b="<"/>',
      '<a>\u0001</a>',
      '<a></b>',
      '<a b="1" b="2"/>',
      '<a>&nbsp;</a>',
      '<a>&#1;</a>',
      '<a/><b/>',
      '<a>x ]]> y</a>',
      '<a b="x\ud800"/>',
    ];
    for (const doc of bad) expect(() => parseXml(doc), JSON.stringify(doc)).toThrow(/not well-formed/);
    expect(parseXml('<a b="x&#10;y\nz">t&amp;&#x1D703;\r\n&#13;</a>')).toEqual({ name: 'a', attrs: { b: 'x\ny z' }, children: ['t&𝜃\n\r'] });
  });
});
