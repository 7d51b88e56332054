/**
 * docs/figures/: the committed SVGs are what `npm run plots` writes now (regenerated here: about
 * 10 s, the reference's 1500 training iterations being most of it), well-formed, titled, and the
 * loss curves of the reference and the accelerated path agree as the figure claims.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOUND_SAFETY, expectTraining } from '../conformance/oracles/oracle.js';
import { toleranceProfile } from '../conformance/oracles/tolerances.js';
import { toRows } from '../reference/matrix.js';
import { HOUSING_RUN, type HousingRun, housingBatches, housingProblem } from './lib/housingRun.js';
import { FIGURE_DIR, FIGURES } from './lib/plots/figures.js';
import { lossCurvesData } from './lib/plots/lossCurves.js';
import { CHART_SIZE, renderSvg } from './lib/plots/render.js';

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);/g;
const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*(\/?)>/y;
const TEXT = /[^<]*/y;

/** Why `xml` is not a well-formed document with one root element, or undefined when it is. */
function malformed(xml: string): string | undefined {
  const open: string[] = [];
  let roots = 0;
  for (let at = 0; ; ) {
    TEXT.lastIndex = at;
    const text = TEXT.exec(xml)![0];
    if (text.replace(ENTITY, '').includes('&')) return `a bare & in text at ${at}`;
    if (open.length === 0 && text.trim() !== '') return `text outside the root element at ${at}`;
    at += text.length;
    if (at === xml.length) break;
    TAG.lastIndex = at;
    const tag = TAG.exec(xml);
    if (tag === null) return `not a tag at ${at}: ${xml.slice(at, at + 40)}`;
    const [whole, closing, name, attributes, selfClosing] = tag as unknown as [string, string, string, string, string];
    if (attributes.replace(ENTITY, '').includes('&')) return `a bare & in the attributes of <${name}> at ${at}`;
    if (closing !== '') {
      if (open.pop() !== name) return `</${name}> at ${at} closes no open <${name}>`;
    } else {
      if (open.length === 0) roots += 1;
      if (selfClosing === '') open.push(name);
    }
    at += whole.length;
  }
  if (open.length > 0) return `<${open.join('> <')}> never closed`;
  return roots === 1 ? undefined : `${roots} root elements`;
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** θ of the reference (column convention) as plain rows in the interface's orientation. */
function plainParams(): { W: number[][][]; b: number[][] } {
  const { theta0 } = housingProblem();
  return { W: theta0.W.map((W) => toRows(W).map((row) => row.map(Number))), b: theta0.b.map((b) => toRows(b).map((row) => Number(row[0]))) };
}

describe('the figures of docs/figures (npm run plots)', () => {
  const fresh = new Map<string, string>();
  let run: HousingRun;
  beforeAll(async () => {
    run = await lossCurvesData();
    for (const figure of FIGURES) fresh.set(figure.file, await renderSvg(await figure.spec()));
  }, 60_000);

  it('every committed figure equals a fresh generation', () => {
    for (const figure of FIGURES) {
      const file = join(FIGURE_DIR, figure.file);
      const committed = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      expect(
        committed === fresh.get(figure.file),
        `docs/figures/${figure.file} is missing or out of date: run \`npm run docs\` (or \`npm run plots\`, the figures alone) and commit it`,
      ).toBe(true);
    }
  });

  it('every figure is a well-formed SVG document that shows its title', () => {
    for (const figure of FIGURES) {
      const svg = fresh.get(figure.file)!;
      expect(malformed(svg), figure.file).toBeUndefined();
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), figure.file).toBe(true);
      expect(svg, figure.file).toContain(`>${escapeText(figure.title)}</text>`);
    }
    expect(malformed('<svg><g></svg>')).toBe('</svg> at 8 closes no open <svg>');
    expect(malformed('<svg>a & b</svg>')).toBe('a bare & in text at 5');
  });

  it('[1.5, alg2.line4] loss curves: the two series come from the two implementations, trained on the same batches', () => {
    expect(run.batches).toEqual(housingBatches(run.batches.length));
    expect([run.reference.length, run.accelerated.length]).toEqual([run.batches.length, run.batches.length]);
    // the accelerated losses were read back from float32 tensors; the reference's are float64 (not all float32 numbers)
    expect(run.accelerated.every((J) => Math.fround(J) === J)).toBe(true);
    expect(run.reference.every((J) => Math.fround(J) === J)).toBe(false);
  });

  it('[1.2, 1.5] loss curves: the accelerated J(θ) is within the derived float32 bound while it is informative', () => {
    // Rigorous: expectTraining carries the entry-wise running-error bound of the tfjs cpu backend
    // (conformance/oracles/tolerances.ts, numerics/bounds.ts) through the steps, ReLU'
    // flips included. That worst-case bound roughly doubles every few steps (it assumes every
    // rounding error adds up and every flip happens), so it says something only while it is below
    // J itself: about 30 iterations here. We check the first 25 (one chunk of the run).
    const steps = 25;
    const { houses } = housingProblem();
    const data = { X: houses.map((h) => h.features), y: houses.map((h) => h.price) };
    const expected = expectTraining(
      toleranceProfile({ dtype: 'float32', precision: 'cpu' }),
      plainParams(),
      'relu',
      data,
      run.batches.slice(0, steps),
      HOUSING_RUN.alpha,
    );
    expected.losses.forEach((e, i) => {
      expect(e.value).toBe(run.reference[i]);
      expect(e.bound, `iteration ${i + 1}: the bound ${e.bound} is no longer informative`).toBeLessThan(e.value);
      expect(Math.abs(run.accelerated[i]! - e.value), `eq. 1.2 J(θ) after iteration ${i + 1}`).toBeLessThanOrEqual(e.bound * BOUND_SAFETY);
    });
  });

  it('[1.2, 1.5] loss curves: over all iterations the two curves agree to within a pixel of the figure, so they overlap', () => {
    // Beyond the rigorous bound's reach the figure's own claim is checked: on a log axis of
    // CHART_SIZE.height pixels covering at least the data's range [min J, max J], one pixel is a
    // factor (max/min)^(1/height); curves closer than that are drawn on top of each other.
    const all = [...run.reference, ...run.accelerated];
    const pixel = (Math.max(...all) / Math.min(...all)) ** (1 / CHART_SIZE.height) - 1;
    const worst = Math.max(...run.accelerated.map((J, i) => Math.abs(J - run.reference[i]!) / run.reference[i]!));
    expect(worst).toBeLessThan(pixel);
  });
});
