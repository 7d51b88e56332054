/**
 * Text that came from an implementation (its name, its error messages, its stderr) made safe to
 * print: it cannot move the cursor, clear the screen, change colours, overwrite a line or forge one.
 * Control characters (C0, DEL, C1), line and paragraph separators, bidirectional overrides and lone
 * surrogates are shown as escapes (`\n`, `\r`, `\t`, `\u001b`, ...); everything else is kept as is.
 */

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\0': '\\0' };

/** C0 and C1 controls, DEL, U+2028/2029, the bidi embeddings/overrides/isolates, the BOM, lone surrogates. */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

function escaped(char: string): string {
  return NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every unsafe character escaped; with `maxLength`, at most that many characters
 * (UTF-16 units), the cut marked with '…' and never inside an escape or a surrogate pair.
 */
export function printable(text: string, maxLength?: number): string {
  const safe = String(text).replace(UNSAFE, escaped);
  if (maxLength === undefined || safe.length <= maxLength) return safe;
  if (maxLength <= 0) return '';
  let end = maxLength - 1;
  // do not split a surrogate pair
  if (end > 0 && /[\ud800-\udbff]/.test(safe[end - 1]!)) end--;
  // do not split an escape (\uXXXX, \n, ...) straddling the cut
  const partial = /\\(u[0-9a-f]{0,3})?$/.exec(safe.slice(Math.max(0, end - 5), end));
  if (partial !== null) end -= partial[0].length;
  return `${safe.slice(0, end)}…`;
}
