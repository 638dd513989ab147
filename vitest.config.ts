import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // every test must assert something (expect.hasAssertions() before each)
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    // Tests share no mutable module state (no module-level cache of a run: module-state.test.ts), so each
    // worker imports the sources once instead of once per test file: the suite runs in about
    // half the time on two cores.
    isolate: false,
  },
});
