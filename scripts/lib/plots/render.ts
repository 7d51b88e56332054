/**
 * What every figure shares: a vega-lite spec rendered headless to SVG (no browser, no canvas:
 * vega's 'none' renderer), and the rounding that keeps the bytes of a figure stable.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export type { TopLevelSpec };

/** A figure of docs/figures/: the file name, its title (the test looks for it in the SVG) and its spec. */
export interface Figure {
  readonly file: string;
  readonly title: string;
  readonly spec: () => Promise<TopLevelSpec>;
}

/** Significant digits kept in plotted numbers: last-bit float noise cannot change the bytes. */
export const PLOT_DIGITS = 6;

/** `value` rounded to PLOT_DIGITS significant digits (a plain number again). */
export function plotted(value: number): number {
  return Number(value.toPrecision(PLOT_DIGITS));
}

/** The plot area of every figure, in pixels (title, axes and legend are laid out around it). */
export const CHART_SIZE = { width: 560, height: 340 } as const;

/** Vega-lite → vega → SVG text, deterministic (no timestamps, no random ids). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return `${await view.toSVG()}\n`;
  } finally {
    view.finalize();
  }
}
