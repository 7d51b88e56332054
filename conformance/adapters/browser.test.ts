/**
 * The accelerated path behind the suite's interface in headless Chromium, on webgl and webgpu
 * (SwiftShader: no GPU needed): every check of the registry (CHECKS, whatever it holds when this
 * runs) passes or is not-implemented, the suite leaves the page's tf.memory().numTensors where it
 * was, and the same seed gives bit-identical answers. One page for the whole file. Like
 * accelerated/browser/browser.test.ts, it runs the Chromium of the npm package @sparticuz/chromium
 * (or $CHROMIUM_PATH's) and FAILS saying why when that is missing or does not start (never skipped).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailures, expectAcceleratedDeclarations, runAllChecks, seededRequests, summarize } from './adapterTesting.js';
import { openBrowserImplementations, type BrowserImplementation, type GpuBackendName } from './browser.js';

const BACKENDS: readonly GpuBackendName[] = ['webgl', 'webgpu'];
/** Opening compiles nothing yet; the first operation on a backend compiles tfjs's shaders on a software renderer (seconds). */
const OPEN_TIMEOUT_MS = 60_000;
const SUITE_TIMEOUT_MS = 120_000;
/**
 * Random cases per property-based check here (the runner's default, used on cpu and wasm by
 * accelerated.test.ts, is 25): on the SwiftShader software renderers one operation takes 10-30 ms
 * instead of well under 1 ms. Measured with 61 checks: 25 runs took 118 s for the two backends,
 * 8 runs 70 s, 3 runs 45 s (about 1.5 s per run per backend over a fixed 20 s). Every fixed case
 * (fixtures, named cases, kinks, extremes) still runs in full; only the number of random draws
 * shrinks, and they go through the same shaders.
 */
const BROWSER_RUNS = 5;

let impls: BrowserImplementation[] | undefined;
let openError: unknown;
const lines: string[] = [];

beforeAll(async () => {
  const started = performance.now();
  try {
    impls = await openBrowserImplementations(BACKENDS);
    lines.push(`Chromium page with ${BACKENDS.join(' and ')} opened in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    openError = e;
  }
}, OPEN_TIMEOUT_MS);

afterAll(async () => {
  for (const impl of impls ?? []) await impl.close();
  for (const line of lines) console.info(`[conformance] ${line}`);
});

/** The implementation on `backend`, or the reason there is none (e.g. "Chromium not found at /path (from CHROMIUM_PATH): ..."). */
function implOn(backend: GpuBackendName): BrowserImplementation {
  if (impls === undefined) throw openError instanceof Error ? openError : new Error(`the browser did not open: ${String(openError)}`);
  return impls[BACKENDS.indexOf(backend)]!;
}

describe('[4.4] browser adapter: Chromium missing', () => {
  it('[4.4] fails saying how to fix it when Chromium is not at the given path', async () => {
    await expect(openBrowserImplementations(['webgl'], { executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      'Chromium not found at /nonexistent/chromium: pass the path of a Chromium executable, or none to use $CHROMIUM_PATH or the Chromium of the npm package @sparticuz/chromium',
    );
  });
});

for (const backend of BACKENDS) {
  describe(`[4.4, 4/row-major-conversion] accelerated (${backend}) in Chromium behind the conformance interface`, () => {
    it(`[4.4, 4/row-major-conversion] ${backend}: provides every operation, float32 judged by the ${backend} error model, ReLU'(0) = 1`, () => {
      const impl = implOn(backend);
      lines.push(`${impl.name} runs on ${impl.device}`);
      expectAcceleratedDeclarations(impl, backend);
    });

    it(`[2.12, 2.13, 4.4] ${backend}: every check passes or is not-implemented, and the run leaves no tensor behind in the page`, async () => {
      const impl = implOn(backend);
      const before = await impl.numTensors();
      const run = await runAllChecks(impl, { runs: BROWSER_RUNS });
      const after = await impl.numTensors();
      lines.push(summarize(impl.name, run));
      expect(run.results.length).toBeGreaterThan(0);
      expect(describeFailures(run.results).join('\n')).toBe('');
      expect(run.results.every((r) => r.status === 'pass' || r.status === 'not-implemented'), run.results.map((r) => `${r.check}: ${r.status}`).join(', ')).toBe(true);
      expect(after, "the page's tf.memory().numTensors after the whole suite").toBe(before);
    }, SUITE_TIMEOUT_MS);

    it(`[alg5.line1, alg5.line5, 1.5, alg2.line3] ${backend}: the same seed gives bit-identical gradient and train answers`, async () => {
      const { operations } = implOn(backend);
      const first = seededRequests(229);
      const again = seededRequests(229);
      const gradients = [await operations.gradient!(first.gradient), await operations.gradient!(again.gradient)];
      const trained = [await operations.train!(first.train), await operations.train!(again.train)];
      expect(gradients[1]).toStrictEqual(gradients[0]);
      expect(trained[1]).toStrictEqual(trained[0]);
      // A different seed gives a different answer: equal answers above are not the answers ignoring their input.
      expect(await operations.gradient!(seededRequests(230).gradient)).not.toStrictEqual(gradients[0]);
    }, SUITE_TIMEOUT_MS);

    it(`[2.12] ${backend}: bad input fails in the page with the equation named, and the page stays usable`, async () => {
      const impl = implOn(backend);
      const { gradient } = seededRequests(229);
      const before = await impl.numTensors();
      await expect(impl.operations.gradient!({ ...gradient, x: [1, 2] })).rejects.toThrow(`gradient on ${backend} in Chromium: alg5.line1: x must have 3 entries, got 2`);
      expect(await impl.numTensors()).toBe(before);
      expect(await impl.operations.gradient!(gradient)).toHaveProperty('W');
    }, SUITE_TIMEOUT_MS);
  });
}
