/**
 * The accelerated path in a real headless Chromium, on the webgl and webgpu backends, against the
 * reference (accelerated/testing/compare.ts, with its per-backend float32 bounds). One browser for
 * the whole file. The Chromium is the npm package @sparticuz/chromium's (a devDependency, unpacked
 * on first use by chromium.ts) or $CHROMIUM_PATH's: when it is missing or does not start, every
 * test here FAILS saying why (never skipped).
 *
 * Runs use tfjs's default flags (what users get). tfjs may hand an op whose inputs are all small
 * and still CPU-resident to its CPU kernels (WEBGL_CPU_FORWARD / WEBGPU_CPU_FORWARD); one test per
 * backend shows that this never happens on the accelerated path (bit-identical results with that
 * forwarding off), so these small scenarios really test the GPU backend's own shaders.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRng, uniform01 } from '../../reference/sampler.js';
import type { ActivationName, BackendName, Scenario, ScenarioOutput } from '../scenario.types.js';
import { compareWithReference, type Comparison } from '../testing/compare.js';
import { ACTIVATIONS, scenarioArb } from '../testing/scenarioArb.js';
import { CHROMIUM_FLAGS, openBrowser, type BrowserSession, type TfFlags } from './session.js';

/** Per run: the first run of a page compiles tfjs's shaders on a software renderer (~5 s here). */
const RUN_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 90_000;

let session: BrowserSession | undefined;
let openError: unknown;

beforeAll(async () => {
  try {
    session = await openBrowser();
  } catch (e) {
    openError = e;
  }
}, TEST_TIMEOUT_MS);

/** The open session, or the reason there is none (e.g. "Chromium not found at /path (from CHROMIUM_PATH): ..."). */
function browser(): BrowserSession {
  if (session === undefined) throw openError instanceof Error ? openError : new Error(`the browser did not open: ${String(openError)}`);
  return session;
}

/** What the runs measured, printed after the file: worst error/bound ratio and max |error| per output group. */
const summary: string[] = [];
const worst = new Map<string, { ratio: number; maxError: Record<string, number> }>();

function record(label: string, comparison: Comparison): void {
  const entry = worst.get(label) ?? { ratio: 0, maxError: {} };
  const w = comparison.worst;
  if (w !== undefined) entry.ratio = Math.max(entry.ratio, w.bound > 0 ? w.error / w.bound : w.error === 0 ? 0 : Infinity);
  for (const [group, error] of Object.entries(comparison.maxError)) entry.maxError[group] = Math.max(entry.maxError[group] ?? 0, error);
  worst.set(label, entry);
}

afterAll(async () => {
  await session?.close();
  for (const [label, { ratio, maxError }] of worst) {
    const errors = Object.entries(maxError).map(([g, e]) => `${g} ${e.toExponential(2)}`).join(', ');
    summary.push(`[browser harness] ${label}: worst |error|/bound ${ratio.toFixed(3)}; max |error|: ${errors}`);
  }
  for (const line of summary) console.info(line);
});

/** Runs `scenario` in the page and checks the contract that does not depend on the numbers. */
async function run(backend: BackendName, scenario: Scenario, flags: TfFlags = {}): Promise<ScenarioOutput> {
  const output = await browser().runInBrowser(backend, scenario, { timeoutMs: RUN_TIMEOUT_MS, flags });
  expect(output.backend, 'the page must really run on the requested backend').toBe(backend);
  expect(output.tensorsAfter, 'tf.memory().numTensors after the scenario').toBe(output.tensorsBefore);
  return output;
}

/** Checks `output` against the reference within `backend`'s float32 bounds (not output.backend's). */
function expectMatchesReference(backend: BackendName, scenario: Scenario, output: ScenarioOutput): void {
  const comparison = compareWithReference(scenario, output, backend);
  record(backend, comparison);
  expect(comparison.problems).toEqual([]);
  expect(comparison.checked).toBeGreaterThan(0);
}

/**
 * Hand-made: sizes [2, 2, 1], ReLU, n = 2, two batches of B = 1, α = 1/2. Every number is dyadic
 * with few bits, so float32 is exact on every backend and the expected values are exact.
 *   x1 = (1/2, 1/2): z = (1/4 − 1/8 − 1/8, 1/8 + 3/8 + 1/8) = (0, 5/8), a = (0, 5/8),
 *       o = 0·1 + (5/8)(−1/2) + 1/4 = −1/16, o − y = −1/16 − 7/16 = −1/2.
 *       z_1 = 0 EXACTLY: the notes' ReLU'(0) = 1{0 >= 0} = 1 (tfjs's own ReLU gradient gives 0).
 *       δ[2] = −1/2; δ[1] = (1·(−1/2), (−1/2)(−1/2)) ⊙ (1, 1) = (−1/2, 1/4).
 *   x2 = (1, −1): z = (1/2 + 1/4 − 1/8, 1/4 − 3/4 + 1/8) = (5/8, −3/8), a = (5/8, 0),
 *       o = 5/8 + 1/4 = 7/8, o − y = 7/8 − 3/8 = 1/2; δ[1] = (1/2, −1/4) ⊙ (1, 0) = (1/2, 0).
 *   J = (½·¼ + ½·¼)/2 = 1/8 (eq. 1.2).
 *   Mean gradient, row-major (∂W[k] = A[k−1]ᵀΔ[k]/n, ∂b[k] = column sums of Δ[k]/n):
 *     ∂W[1] = (x1ᵀ(−1/2, 1/4) + x2ᵀ(1/2, 0))/2 = ([[−1/4, 1/8], [−1/4, 1/8]] + [[1/2, 0], [−1/2, 0]])/2
 *           = [[1/8, 1/16], [−3/8, 1/16]];  ∂b[1] = ((−1/2, 1/4) + (1/2, 0))/2 = (0, 1/8)
 *           (with ReLU'(0) = 0 the first entries would be 1/4 and 1/4 instead of 1/8 and 0);
 *     ∂W[2] = ((0, 5/8)ᵀ(−1/2) + (5/8, 0)ᵀ(1/2))/2 = [[5/32], [−5/32]];  ∂b[2] = 0.
 *   Training, eq. 1.5 with B = 1 (θ := θ − α·∇J^{(j)}):
 *     batch [0]: θ1 = θ − ½(∂ of x1): W[1] = [[5/8, 3/16], [−1/8, 11/16]], b[1] = (1/8, 0),
 *                W[2] = [[1], [−11/32]], b[2] = 1/2;
 *     batch [1] at θ1: z = (5/8 + 1/8 + 1/8, 3/16 − 11/16) = (7/8, −1/2), a = (7/8, 0),
 *                o = 7/8 + 1/2 = 11/8, o − y = 1, δ[1] = (1, −11/32) ⊙ (1, 0) = (1, 0);
 *                θ2: W[1] = [[1/8, 3/16], [3/8, 11/16]], b[1] = (−3/8, 0), W[2] = [[9/16], [−11/32]], b[2] = 0.
 */
const HAND_MADE: Scenario = {
  params: { W: [[[0.5, 0.25], [-0.25, 0.75]], [[1], [-0.5]]], b: [[-0.125, 0.125], [0.25]] },
  activation: 'relu',
  data: { X: [[0.5, 0.5], [1, -1]], y: [0.4375, 0.375] },
  batches: [[0], [1]],
  alpha: 0.5,
};

type Values = 'typical' | 'edge' | 'extreme';

/** Replaces every number of `scenario` (θ, X, y) by a uniform value in [−1, 1) from a seeded mulberry32. */
function withTypicalValues(scenario: Scenario, seed: number): Scenario {
  const rng = createRng(seed);
  const draw = (): number => 2 * uniform01(rng) - 1;
  const redraw = (rows: readonly (readonly number[])[]): number[][] => rows.map((row) => row.map(draw));
  return {
    ...scenario,
    params: { W: scenario.params.W.map(redraw), b: scenario.params.b.map((b) => b.map(draw)) },
    data: { X: redraw(scenario.data.X), y: scenario.data.y.map(draw) },
  };
}

/**
 * Random small scenarios (fixed seeds): depth 2-4 (so σ is applied), widths 1-5, n up to 9, at
 * least one batch and every batch smaller than n (B != n: a broadcast along the wrong axis fails).
 * Per activation: one with typical values (uniform in [−1, 1)), one with fast-check's generic
 * values (1/16 <= |v| <= 1, many on the edges), and for ReLU and tanh one with unrestricted values
 * (subnormals, ±0, tiny numbers: what GPU shaders may flush to zero).
 */
function randomScenarios(): { name: string; scenario: Scenario }[] {
  const cases: { activation: ActivationName; values: Values }[] = ACTIVATIONS.flatMap((activation) => [
    { activation, values: 'typical' as const },
    { activation, values: 'edge' as const },
    ...(activation === 'relu' || activation === 'tanh' ? [{ activation, values: 'extreme' as const }] : []),
  ]);
  return cases.map(({ activation, values }, i) => {
    const arb = scenarioArb({ activations: [activation], maxLayers: 4, maxWidth: 5, maxExamples: 9, maxBatches: 3, generic: values !== 'extreme' }).filter(
      (s) => s.params.W.length >= 2 && s.data.X.length >= 2 && s.batches.length > 0 && s.batches.every((b) => b.length < s.data.X.length),
    );
    const [sampled] = fc.sample(arb, { seed: 229 + i, numRuns: 1 });
    const scenario = values === 'typical' ? withTypicalValues(sampled!, 4229 + i) : sampled!;
    const sizes = [scenario.params.W[0]!.length, ...scenario.params.b.map((b) => b.length)];
    const name = `${activation}, ${values} values, sizes [${sizes.join(', ')}], n = ${scenario.data.X.length}, B = ${scenario.batches.map((b) => b.length).join(', ')}`;
    return { name, scenario };
  });
}

const RANDOM = randomScenarios();

/** Bad input, caught in the page before any tensor exists: W[2] transposed. */
const BAD: Scenario = { ...HAND_MADE, params: { ...HAND_MADE.params, W: [HAND_MADE.params.W[0]!, [[1, -0.5]]] } };

const GPU_BACKENDS: readonly BackendName[] = ['webgl', 'webgpu'];
/** The flag that turns tfjs's CPU forwarding of small ops off on `backend`. */
const noCpuForwarding = (backend: BackendName): TfFlags => ({ [backend === 'webgl' ? 'WEBGL_CPU_FORWARD' : 'WEBGPU_CPU_FORWARD']: false });

describe('[4.4] browser harness: Chromium missing', () => {
  it('[4.4] fails saying how to fix it when Chromium is not at the given path', async () => {
    await expect(openBrowser({ executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      'Chromium not found at /nonexistent/chromium: pass the path of a Chromium executable, or none to use $CHROMIUM_PATH or the Chromium of the npm package @sparticuz/chromium',
    );
  });

  it('[4.4] fails naming CHROMIUM_PATH when that points nowhere', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
    try {
      await expect(openBrowser()).rejects.toThrow(
        'Chromium not found at /nonexistent/chromium (from CHROMIUM_PATH): point CHROMIUM_PATH at a Chromium executable, or unset it to use the Chromium of the npm package @sparticuz/chromium',
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

for (const backend of GPU_BACKENDS) {
  describe(`[4.4, 4/row-major-conversion, alg5.line4] accelerated path on ${backend} in Chromium`, () => {
    it(`[4.4] the page starts ${backend}, cross-origin isolated, and reports what runs it`, async () => {
      const info = await browser().backendInfo(backend, { timeoutMs: RUN_TIMEOUT_MS });
      expect(info.backend).toBe(backend);
      expect(info.crossOriginIsolated).toBe(true);
      const device = backend === 'webgl' ? info.webgl?.renderer : info.webgpu && `${info.webgpu.vendor} ${info.webgpu.architecture}${info.webgpu.isFallbackAdapter ? ' (fallback adapter)' : ''}`;
      expect(device, `${backend} renderer/adapter`).toBeTruthy();
      summary.push(`[browser harness] ${backend}: ${device}; Chromium ${browser().version}; tfjs ${info.tfjsVersion}`);
    }, TEST_TIMEOUT_MS);

    it(`[2.12, 1.2, 1.5, 2/relu, 3.2/local-derivs, alg5.line3] ${backend}: hand-made [2, 2, 1] ReLU net with z = 0 exactly gives the exact values (ReLU'(0) = 1)`, async () => {
      const output = await run(backend, HAND_MADE);
      expect(output.outputs).toEqual([-1 / 16, 7 / 8]);
      expect(output.loss).toBe(1 / 8);
      expect(output.gradient).toEqual({ W: [[[1 / 8, 1 / 16], [-3 / 8, 1 / 16]], [[5 / 32], [-5 / 32]]], b: [[0, 1 / 8], [0]] });
      expect(output.trained).toEqual({ W: [[[1 / 8, 3 / 16], [3 / 8, 11 / 16]], [[9 / 16], [-11 / 32]]], b: [[-3 / 8, 0], [0]] });
      expectMatchesReference(backend, HAND_MADE, output);
    }, TEST_TIMEOUT_MS);

    for (const [i, { name, scenario }] of RANDOM.entries()) {
      it(`[2.12, 2.14, 2.15, 2/relu, 1.2, 1.5, alg5.line1, alg5.line2, alg5.line3, alg5.line5, 4/multi-layer] ${backend}: random ${i + 1} (${name}) within the float32 bounds`, async () => {
        expectMatchesReference(backend, scenario, await run(backend, scenario));
      }, TEST_TIMEOUT_MS);
    }

    it(`[4.4, 2.12] ${backend}: every op runs in the ${backend} kernels: bit-identical with tfjs's CPU forwarding of small ops off`, async () => {
      const { scenario } = RANDOM[0]!;
      const forwardingOff = await run(backend, scenario, noCpuForwarding(backend));
      expect(await run(backend, scenario)).toEqual(forwardingOff);
    }, TEST_TIMEOUT_MS);

    it(`[1.5, alg2.line3] ${backend}: 1,000 training steps in the page leave tf.memory().numTensors where it was`, async () => {
      const n = HAND_MADE.data.y.length;
      const long: Scenario = { ...HAND_MADE, alpha: 1 / 64, batches: Array.from({ length: 1000 }, (_, i) => [i % n]) };
      const output = await run(backend, long);
      expect(output.losses).toHaveLength(1000);
      expect(output.losses.every(Number.isFinite)).toBe(true);
      expect(output.tensorsAfter, 'tensors alive after 1,000 steps').toBe(output.tensorsBefore);
    }, TEST_TIMEOUT_MS);

    it(`[4.4] ${backend}: bad input fails in the page with the equation named, and the page stays usable with no tensor left behind`, async () => {
      const before = await run(backend, HAND_MADE);
      await expect(browser().runInBrowser(backend, BAD, { timeoutMs: RUN_TIMEOUT_MS })).rejects.toThrow(/runScenario on .* failed: .*eq\. 4\.4: W\[2\] must be 2x1/);
      const after = await run(backend, HAND_MADE);
      expect(after.tensorsBefore, 'tensors alive in the page after the failed run').toBe(before.tensorsAfter);
    }, TEST_TIMEOUT_MS);
  });
}

describe('[4.4] browser harness: failures become clear errors', () => {
  it('[4.4] a backend the page does not have fails with the registered ones named', async () => {
    await expect(browser().runInBrowser('wasm', HAND_MADE, { timeoutMs: RUN_TIMEOUT_MS })).rejects.toThrow(
      /runScenario on wasm in Chromium failed: .*backend 'wasm' is not available here: registered backends are .*webgl/,
    );
  }, TEST_TIMEOUT_MS);

  it('[4.4] webgpu without --enable-unsafe-webgpu is unavailable, and the error says so', async () => {
    const plain = await openBrowser({ chromiumFlags: CHROMIUM_FLAGS.filter((f) => f !== '--enable-unsafe-webgpu') });
    try {
      const error = await plain.runInBrowser('webgpu', HAND_MADE, { timeoutMs: RUN_TIMEOUT_MS }).then(
        () => new Error('webgpu started without --enable-unsafe-webgpu'),
        (e: unknown) => e,
      );
      expect(String(error)).toMatch(/runScenario on webgpu in Chromium failed: backend 'webgpu' failed to start/);
      // tfjs says why in console warnings, which the error carries along.
      expect(String(error)).toMatch(/page console \(errors and warnings\):\n {2}console\.warning: /);
    } finally {
      await plain.close();
    }
  }, TEST_TIMEOUT_MS);

  // Last in the file: a timeout closes the page (the next webgl run opens a fresh one and compiles its shaders again).
  it('[4.4] a run that outlives its timeout fails with the time named', async () => {
    await expect(browser().runInBrowser('webgl', RANDOM[1]!.scenario, { timeoutMs: 1 })).rejects.toThrow(/runScenario on webgl in Chromium failed: did not finish within 1 ms/);
    expect((await run('webgl', HAND_MADE)).loss).toBe(1 / 8);
  }, TEST_TIMEOUT_MS);
});
