import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{spec,numerics,reference,accelerated,conformance,fixtures,scripts,examples}/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
