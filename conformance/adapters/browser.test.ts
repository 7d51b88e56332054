/**
 * The accelerated path behind the suite's interface in headless Chromium, on webgl and webgpu
 * (SwiftShader: no GPU needed): every check of the registry (CHECKS, whatever it holds when this
 * runs) passes or is not-implemented, the suite and 1,000 training steps leave the page's
 * tf.memory().numTensors where it was, the same seed gives bit-identical answers, a hand-made case
 * gives its exact values, and every op runs in the backend's own kernels. One page for the whole
 * file, plus one per test of a page opened differently (tfjs flags, Chromium flags, a timeout).
 * It runs the Chromium of the npm package @sparticuz/chromium (or $CHROMIUM_PATH's) and FAILS
 * saying why when that is missing or does not start (never skipped).
 *
 * tfjs may hand an op whose inputs are all small and still CPU-resident to its CPU kernels
 * (WEBGL_CPU_FORWARD / WEBGPU_CPU_FORWARD); one test shows that this never happens here
 * (bit-identical answers with that forwarding off), so these small requests really test the GPU
 * backends' own shaders.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM_FLAGS } from '../../accelerated/browser/session.js';
import type { TrainResult } from '../core/interface.js';
import {
  expectAcceleratedDeclarations,
  expectHandMadeExact,
  expectSuitePassed,
  HAND_MADE,
  LONG_TRAIN,
  runAllChecks,
  seededRequests,
  summarize,
} from './adapterTesting.js';
import { type BrowserImplementation, type GpuBackendName, openBrowserImplementations } from './browser.js';

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

describe('browser adapter: what it cannot open fails with a clear error', () => {
  it('fails saying how to fix it when Chromium is not at the given path', async () => {
    await expect(openBrowserImplementations(['webgl'], { executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      'Chromium not found at /nonexistent/chromium: pass the path of a Chromium executable, or none to use $CHROMIUM_PATH or the Chromium of the npm package @sparticuz/chromium',
    );
  });

  it('fails naming CHROMIUM_PATH when that points nowhere', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nonexistent/chromium');
    try {
      await expect(openBrowserImplementations(['webgl'])).rejects.toThrow(
        'Chromium not found at /nonexistent/chromium (from CHROMIUM_PATH): point CHROMIUM_PATH at a Chromium executable, or unset it to use the Chromium of the npm package @sparticuz/chromium',
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('a backend the page does not run fails with the ones it runs named', async () => {
    await expect(openBrowserImplementations(['wasm' as GpuBackendName])).rejects.toThrow(
      'the browser adapter runs webgl and webgpu, got wasm (cpu and wasm: conformance/adapters/accelerated.ts)',
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

    it(
      `[2.12, 2.13, 4.4] ${backend}: every check passes or is not-implemented, and the run leaves no tensor behind in the page`,
      async () => {
        const impl = implOn(backend);
        const before = await impl.numTensors();
        const run = await runAllChecks(impl, { runs: BROWSER_RUNS });
        const after = await impl.numTensors();
        lines.push(summarize(impl.name, run));
        expectSuitePassed(run.results);
        expect(after, "the page's tf.memory().numTensors after the whole suite").toBe(before);
      },
      SUITE_TIMEOUT_MS,
    );

    it(
      `[alg5.line1, alg5.line5, 1.5, alg2.line3] ${backend}: the same seed gives bit-identical gradient and train answers`,
      async () => {
        const { operations } = implOn(backend);
        const first = seededRequests(229);
        const again = seededRequests(229);
        const gradients = [await operations.gradient!(first.gradient), await operations.gradient!(again.gradient)];
        const trained = [await operations.train!(first.train), await operations.train!(again.train)];
        expect(gradients[1]).toStrictEqual(gradients[0]);
        expect(trained[1]).toStrictEqual(trained[0]);
        // A different seed gives a different answer: equal answers above are not the answers ignoring their input.
        expect(await operations.gradient!(seededRequests(230).gradient)).not.toStrictEqual(gradients[0]);
      },
      SUITE_TIMEOUT_MS,
    );

    it(
      `${backend}: bad input fails in the page with the equation named, and the page stays usable`,
      async () => {
        const impl = implOn(backend);
        const { gradient } = seededRequests(229);
        const before = await impl.numTensors();
        await expect(impl.operations.gradient!({ ...gradient, x: [1, 2] })).rejects.toThrow(
          `gradient on ${backend} in Chromium: alg5.line1: x must have 3 entries, got 2`,
        );
        expect(await impl.numTensors()).toBe(before);
        expect(await impl.operations.gradient!(gradient)).toHaveProperty('W');
      },
      SUITE_TIMEOUT_MS,
    );

    it(`${backend}: the page is cross-origin isolated, really runs ${backend} and reports what runs it`, () => {
      const { info, device } = implOn(backend);
      expect(info.backend).toBe(backend);
      expect(info.crossOriginIsolated).toBe(true);
      const runs = backend === 'webgl' ? info.webgl?.renderer : info.webgpu?.vendor || info.webgpu?.architecture;
      expect(runs, `${backend} renderer/adapter`).toBeTruthy();
      expect(device.startsWith(`${runs}`)).toBe(true);
    });

    it(
      `[2.12, 1.2, 1.5, 2/relu, 3.2/local-derivs, alg5.line3] ${backend}: hand-made [2, 2, 1] ReLU net with z = 0 exactly gives the exact values (ReLU'(0) = 1)`,
      async () => {
        await expectHandMadeExact(implOn(backend));
      },
      SUITE_TIMEOUT_MS,
    );

    it(
      `[1.5, alg2.line3] ${backend}: 1,000 training steps in the page leave tf.memory().numTensors where it was`,
      async () => {
        const impl = implOn(backend);
        const before = await impl.numTensors();
        const { losses } = (await impl.operations.train!(LONG_TRAIN)) as TrainResult;
        expect(losses).toHaveLength(1000);
        expect(losses!.every(Number.isFinite)).toBe(true);
        expect(await impl.numTensors(), 'tensors alive in the page after 1,000 steps').toBe(before);
      },
      SUITE_TIMEOUT_MS,
    );
  });
}

describe('browser adapter: pages opened differently', () => {
  it(
    "every op runs in the webgl and webgpu kernels: bit-identical answers with tfjs's CPU forwarding of small ops off",
    async () => {
      const flags = { WEBGL_CPU_FORWARD: false, WEBGPU_CPU_FORWARD: false };
      const forwardingOff = await openBrowserImplementations(BACKENDS, { tfFlags: flags });
      try {
        for (const [i, backend] of BACKENDS.entries()) {
          const on = implOn(backend);
          const off = forwardingOff[i]!;
          expect(off.info.backend).toBe(backend);
          const flag = backend === 'webgl' ? 'WEBGL_CPU_FORWARD' : 'WEBGPU_CPU_FORWARD';
          expect([on.info.flags[flag], off.info.flags[flag]], `${flag} in the two pages`).toEqual([true, false]);
          const { gradient, train } = seededRequests(229);
          const forwardBatch = { params: train.params, activation: train.activation, layout: 'rows', X: train.data.X };
          const meanGradient = { ...HAND_MADE, batch: [1, 0] };
          for (const [op, request] of [
            ['forwardBatch', forwardBatch],
            ['loss', train],
            ['gradient', gradient],
            ['meanGradient', meanGradient],
            ['train', train],
          ] as const) {
            const ask = (impl: BrowserImplementation): Promise<unknown> => (impl.operations[op] as (r: unknown) => Promise<unknown>)(request);
            expect(await ask(on), `${op} on ${backend}`).toStrictEqual(await ask(off));
          }
        }
      } finally {
        for (const impl of forwardingOff) await impl.close();
      }
    },
    SUITE_TIMEOUT_MS,
  );

  it(
    'webgpu without --enable-unsafe-webgpu is unavailable, and the error says so with the page console',
    async () => {
      const error = await openBrowserImplementations(['webgpu'], { chromiumFlags: CHROMIUM_FLAGS.filter((f) => f !== '--enable-unsafe-webgpu') }).then(
        async (impls) => {
          for (const impl of impls) await impl.close();
          return new Error('webgpu started without --enable-unsafe-webgpu');
        },
        (e: unknown) => e,
      );
      expect(String(error)).toMatch(/starting webgpu in Chromium: backend 'webgpu' failed to start/);
      // tfjs says why in console warnings, which the error carries along.
      expect(String(error)).toMatch(/page console \(errors and warnings\):\n {2}console\.warning: /);
    },
    SUITE_TIMEOUT_MS,
  );

  it(
    'an operation that outlives its timeout fails with the time named, and the page is then unusable, saying why',
    async () => {
      const [webgl] = await openBrowserImplementations(['webgl'], { timeoutMs: 1 });
      try {
        const { gradient } = seededRequests(229);
        await expect(webgl!.operations.gradient!(gradient)).rejects.toThrow('gradient on webgl in Chromium: did not finish within 1 ms');
        await expect(webgl!.operations.gradient!(gradient)).rejects.toThrow(
          'gradient on webgl: the browser page is unusable: gradient on webgl did not finish within 1 ms',
        );
      } finally {
        await webgl!.close();
      }
    },
    SUITE_TIMEOUT_MS,
  );
});
