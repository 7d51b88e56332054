import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{spec,numerics,reference,accelerated,conformance,fixtures,scripts,examples}/**/*.test.ts'],
    testTimeout: 60_000,
    // Two test files at a time on the 2-core CI machine (vitest's default there is one: cores − 1).
    // Much of the run waits on child processes (Chromium, Python, stdio programs), so the second
    // worker pays: a fresh clone's `npm test` took 577 s with one worker, 445 s with two
    // (2026-12-08, 805 tests), every test passing in both.
    maxWorkers: 2,
  },
});
