/** Small HTML helpers for the static site: escaping, and KaTeX rendered at build time. */
import katex from 'katex';

import { escapeHtml } from './escape.js';

export { escapeHtml };

/**
 * LaTeX as KaTeX HTML (and MathML), rendered now so the page needs no script to show math.
 * A formula KaTeX cannot parse throws, naming the formula: the build fails instead of shipping it.
 */
export function math(latex: string, display: boolean): string {
  try {
    return katex.renderToString(latex, { displayMode: display, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore' });
  } catch (e) {
    throw new Error(`KaTeX cannot render ${JSON.stringify(latex)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A whole page: the site's stylesheet and KaTeX's, a title and a navigation bar. */
export function page(title: string, nav: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="stylesheet" href="katex/katex.min.css">',
    '<link rel="stylesheet" href="site.css">',
    '</head>',
    '<body>',
    `<nav>${nav}</nav>`,
    `<main>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
