/**
 * The test files of `npm run mutation` (stryker.config.json): the conformance suite as it runs on
 * the reference. Tests of the other implementations (tfjs in Node and in Chromium, programs over
 * stdio) are left out: they check those implementations, not the reference, and take minutes.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['conformance/**/*.test.ts'],
    exclude: ['conformance/adapters/!(reference)*.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
