/**
 * A readable plain-text rendering of the inventory's LaTeX for a terminal: \frac{∂J}{∂W} → ∂J/∂W,
 * \theta → θ, ^\top → ᵀ, matrices as [a; b]. Only the macros the inventory uses; the LaTeX itself
 * is always printed too, so this is a reading aid, not the statement.
 */

const SYMBOLS: Readonly<Record<string, string>> = {
  partial: '∂',
  theta: 'θ',
  delta: 'δ',
  Delta: 'Δ',
  sigma: 'σ',
  alpha: 'α',
  beta: 'β',
  phi: 'φ',
  ell: 'ℓ',
  nabla: '∇',
  top: 'ᵀ',
  cdot: '·',
  odot: '⊙',
  times: '×',
  in: '∈',
  ge: '≥',
  le: '≤',
  dots: '…',
  ldots: '…',
  cdots: '⋯',
  vdots: '⋮',
  forall: '∀',
  to: '→',
  mapsto: '↦',
  implies: '⟹',
  triangleq: '≜',
  sum: 'Σ',
  max: 'max',
  tanh: 'tanh',
  left: '',
  right: '',
  big: '',
  Big: '',
  quad: '\u0000',
  qquad: '\u0000',
};

/** Commands whose one argument is kept as is (fonts and text). */
const UNWRAP = new Set(['mathrm', 'text', 'textbf', 'mathbf', 'operatorname']);

/** The brace group starting at s[i] === '{': its content and the index after it. */
function readGroup(s: string, i: number): [string, number] {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return [s.slice(i + 1, j), j + 1];
  }
  return [s.slice(i + 1), s.length];
}

/** Reads `count` brace groups after position i (spaces allowed between them). */
function readArgs(s: string, i: number, count: number): [string[], number] {
  const args: string[] = [];
  let at = i;
  for (let k = 0; k < count; k++) {
    while (s[at] === ' ') at++;
    if (s[at] !== '{') return [args, at];
    const [content, next] = readGroup(s, at);
    args.push(content);
    at = next;
  }
  return [args, at];
}

const simple = (t: string): boolean => /^[^\s+\-−=,]+$/.test(t);
const wrap = (t: string): string => (simple(t) ? t : `(${t})`);

function convert(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const name = /^[a-zA-Z]+/.exec(s.slice(i + 1))?.[0];
    if (name === undefined) {
      // \{ \} \, \  \\ and friends
      const next = s[i + 1] ?? '';
      out += next === '\\' ? '; ' : next === ',' || next === ' ' ? ' ' : next;
      i += 2;
      continue;
    }
    const after = i + 1 + name.length;
    if (name === 'frac' || name === 'tfrac') {
      const [[num = '', den = ''], next] = readArgs(s, after, 2);
      const [n, d] = [tidy(convert(num)), tidy(convert(den))];
      out += n === '1' && d === '2' ? '½' : `${wrap(n)}/${wrap(d)} `;
      i = next;
    } else if (UNWRAP.has(name)) {
      const [[arg = ''], next] = readArgs(s, after, 1);
      out += convert(arg);
      i = next;
    } else if (name === 'mathbb') {
      const [[arg = ''], next] = readArgs(s, after, 1);
      out += arg === 'R' ? 'ℝ' : arg;
      i = next;
    } else if (name === 'tilde') {
      const [[arg = ''], next] = readArgs(s, after, 1);
      out += `${convert(arg)}\u0303`;
      i = next;
    } else if (name === 'begin') {
      // a matrix (or cases): rows split at \\, rows of only column rules '|' dropped
      const [, start] = readArgs(s, after, 1);
      const end = s.indexOf('\\end{', start);
      const body = s.slice(start, end < 0 ? s.length : end);
      const rows = body.split('\\\\').filter((row) => !/^[\s|&]*$/.test(row));
      out += `[${rows.map((row) => tidy(convert(row))).join('; ')}]`;
      i = end < 0 ? s.length : readArgs(s, end + '\\end'.length, 1)[1];
    } else {
      out += SYMBOLS[name] ?? name;
      i = after;
    }
  }
  return out;
}

/** Spacing and superscript clean-up of converted text. */
function tidy(text: string): string {
  return (
    text
      .replace(/\^\{?ᵀ\}?/g, 'ᵀ')
      .replace(/ *& */g, ', ')
      .replace(/∂\s+/g, '∂')
      .replace(/ +/g, ' ')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is this module's own column marker
      .replace(/ ?\u0000+ ?/g, '   ')
      .replace(/ ([),;\]])/g, '$1')
      .trim()
  );
}

export function plainMath(latex: string): string {
  return tidy(convert(latex));
}
