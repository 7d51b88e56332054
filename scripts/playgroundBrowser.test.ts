/**
 * [1.5, alg2.line3, alg2.line4, 1.2] The site's training playground (playground.html) in the
 * project's headless Chromium, driven through its form as a reader would: 100 iterations of
 * mini-batch SGD on webgpu (what "auto" picks here: WebGPU first) and on webgl (SwiftShader on
 * this machine), each J(θ) within the float32 bound of the reference replaying the same batches
 * from the same θ0 (the suite's training oracle), tf.memory().numTensors the same after every chunk
 * of iterations and back where it started after the run; the reference's curve in the page equal,
 * bit for bit, to the one Node computes (same code, float64); bad input and a diverging run shown
 * with their equation's message; examples/s on every backend; and the conformance suite run in the
 * page on webgl passing, with every statement's row filled.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS } from '../accelerated/browser/session.js';
import { buildSite } from './lib/site/build.js';
import { referenceCurve } from './lib/site/playground/compare.js';
import { PLAYGROUND_DEFAULTS, playgroundProblem } from './lib/site/playground/problem.js';
import { fillPlayground, type PageState, playgroundReady, playgroundState, press, type Status, screenshotRun } from './lib/site/playgroundDriver.js';
import { PLAYGROUND_FILE } from './lib/site/playgroundPage.js';
import { visitSite } from './lib/site/visit.js';

const out = mkdtempSync(join(tmpdir(), 'cs229-playground-'));
/** The site build (esbuild bundles when the cache is cold) may take longer than vitest's 10 s hook default. */
beforeAll(async () => {
  await buildSite(join(out, 'site'));
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The 100 steps, all of them compared with the reference. */
const ITERATIONS = 100;
/**
 * Random cases per property check in the page's suite run: 3, as the Node-side browser adapter's
 * measurements show one run costs ~1.5 s per backend on SwiftShader (conformance/adapters/browser.test.ts);
 * every fixed case (fixtures, named cases, kinks, extremes) still runs in full.
 */
const SUITE_RUNS = 3;

describe('the training playground in Chromium', () => {
  it('trains 100 steps on webgpu and webgl within the float32 bound of the reference, numTensors flat; the in-page suite passes', async () => {
    const shot = join(out, 'playground.png');
    const trained: { choice: string; status: Status; state: PageState }[] = [];
    const refused: Status[] = [];
    let divergedTensors: number | undefined;
    let compared: { status: Status; rows: string[] } | undefined;
    let suite: { status: Status; state: PageState; table: number } | undefined;
    const drive = async (page: Page): Promise<void> => {
      await playgroundReady(page);
      await fillPlayground(page, { iterations: ITERATIONS, compared: ITERATIONS });
      for (const choice of ['auto', 'webgl']) {
        await fillPlayground(page, { backend: choice });
        trained.push({ choice, status: await press(page, 'train', 120_000), state: await playgroundState(page) });
      }
      // The README's picture is taken this way (npm run site -- --playground-screenshot FILE).
      await screenshotRun(page, shot);
      // Bad input: the line's message, before any backend work.
      await fillPlayground(page, { B: 65 });
      refused.push(await press(page, 'train', 10_000));
      await fillPlayground(page, { B: 'eight' });
      refused.push(await press(page, 'train', 10_000));
      // A rate at which SGD diverges: the trainer's own NonFiniteError, and no tensor left behind.
      await fillPlayground(page, { B: PLAYGROUND_DEFAULTS.B, alpha: 50 });
      refused.push(await press(page, 'train', 120_000));
      divergedTensors = (await playgroundState(page)).tensors;
      await fillPlayground(page, { alpha: PLAYGROUND_DEFAULTS.alpha });
      compared = { status: await press(page, 'compare', 120_000), rows: await page.locator('#throughput tbody tr').allInnerTexts() };
      await fillPlayground(page, { runs: SUITE_RUNS });
      suite = { status: await press(page, 'suite', 240_000), state: await playgroundState(page), table: await page.locator('#suite-table tbody tr').count() };
    };
    const [visit] = await visitSite(join(out, 'site'), [PLAYGROUND_FILE], undefined, { [PLAYGROUND_FILE]: drive });
    expect(visit!.errors).toEqual([]);
    expect(statSync(shot).size, 'the screenshot of the form, curve and numbers').toBeGreaterThan(20_000);

    const problem = playgroundProblem({ ...PLAYGROUND_DEFAULTS, iterations: ITERATIONS, compared: ITERATIONS });
    expect(trained.map((t) => t.state.lastRun?.backend)).toEqual(['webgpu', 'webgl']);
    for (const { choice, status, state } of trained) {
      const r = state.lastRun!;
      expect(status, choice).toEqual({ state: 'done', text: `done on ${r.backend}` });
      expect(r.accelerated).toHaveLength(ITERATIONS);
      expect(r.reference.stopped, `${r.backend}: the bound stayed in the domain`).toBeUndefined();
      expect(r.agreement.iterations).toBe(ITERATIONS);
      expect(r.agreement.failure, r.backend).toBeUndefined();
      expect(r.agreement.worstRatio).toBeLessThanOrEqual(1);
      // The reference in the page is the reference: Node replays the same batches to the same bits.
      const node = await referenceCurve(problem, PLAYGROUND_DEFAULTS.activation, PLAYGROUND_DEFAULTS.alpha, ITERATIONS, r.backend);
      expect(r.reference.losses).toEqual(node.losses);
      expect(new Set(r.tensors.chunks).size, `${r.backend}: numTensors after each chunk ${r.tensors.chunks.join(', ')}`).toBe(1);
      expect(r.tensors.after).toBe(r.tensors.before);
      expect(state.tensors).toBe(r.tensors.before);
      expect(r.examplesPerSecond).toBeGreaterThan(0);
    }

    expect(refused[0]).toEqual({ state: 'error', text: 'Algorithm 2 line 1: B must be an integer from 1 to n = 64, got 65' });
    expect(refused[1]).toEqual({ state: 'error', text: "B: 'eight' is not a number" });
    expect(refused[2]!.state).toBe('error');
    expect(refused[2]!.text).toMatch(/^eq\. 1\.5: in the chunk of iterations 1 to 10 of 100: .*the run diverged; lower α$/);
    expect(divergedTensors).toBe(trained[0]!.state.lastRun!.tensors.before);

    // One row per training run, then one per backend of "Compare backends" (best first), each with examples/s.
    expect(compared!.status).toEqual({ state: 'done', text: 'backends compared' });
    const rows = compared!.rows.map((r) => r.split('\t'));
    expect(rows.map((r) => r[0])).toEqual(['webgpu', 'webgl', 'webgpu', 'webgl', 'wasm', 'cpu']);
    for (const r of rows) expect(Number(r[4]!.replace(/,/g, '')), r.join(' | ')).toBeGreaterThan(0);
    expect(rows[4]![1]).toMatch(/threads allowed: cross-origin isolated/);

    expect(suite!.status).toEqual({ state: 'done', text: 'suite done on webgl' });
    const s = suite!.state.lastSuite!;
    expect(s.failures).toEqual([]);
    expect(s.verdict).toEqual({ code: 0, line: 'No check failed' });
    expect(s.rows.filter((row) => row.cell === 'pass').length).toBeGreaterThan(40);
    expect(s.rows.some((row) => row.cell === 'no check' || row.cell === 'not run')).toBe(false);
    expect(suite!.table).toBe(s.rows.length);
  }, 420_000);

  it('[1.5] in a browser without WebGPU, "auto" trains on webgl and says why webgpu did not start', async () => {
    const noWebGpu = CHROMIUM_FLAGS.filter((f) => f !== '--enable-unsafe-webgpu');
    let result: { status: Status; state: PageState } | undefined;
    const drive = async (page: Page): Promise<void> => {
      await playgroundReady(page);
      await fillPlayground(page, { iterations: 10, compared: 10 });
      result = { status: await press(page, 'train', 120_000), state: await playgroundState(page) };
    };
    const [visit] = await visitSite(join(out, 'site'), [PLAYGROUND_FILE], undefined, { [PLAYGROUND_FILE]: drive }, noWebGpu);
    expect(result!.status).toEqual({ state: 'done', text: 'done on webgl' });
    expect(result!.state.backend!.skipped).toEqual([expect.stringMatching(/^webgpu: /)]);
    expect(result!.state.lastRun!.agreement).toMatchObject({ iterations: 10 });
    expect(result!.state.lastRun!.agreement.failure).toBeUndefined();
    // tfjs may warn that WebGPU is missing; an error would be a defect of the page.
    expect(visit!.errors).toEqual([]);
  }, 180_000);
});
