import { defineConfig } from 'vitest/config';

/** The page's tests drive a real browser: a project of their own, so the rest can run without them. */
const BROWSER_TESTS = ['tests/web/**/*.test.ts'];

export default defineConfig({
  test: {
    // every test must assert something: vitest's own check after each test, as expect.hasAssertions()
    // before each did (a beforeEach hook in a setup file cost a hook run and a setup-file import per test file)
    expect: { requireAssertions: true },
    // a guard against hangs, not a speed limit (speed is measured by npm run bench): with a test file
    // on every core of a busy machine a slow test can take three times its usual time
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests share no mutable module state (no module-level cache of a run: module-state.test.ts), so each
    // worker imports the sources once instead of once per test file: the suite runs in about
    // half the time on two cores.
    isolate: false,
    // vitest's default leaves one core to itself (one worker on two cores); its own work here is small
    // (transforming the sources once), so every core runs test files.
    maxWorkers: '100%',
    // A worker runs many files in one heap (isolate: false) and the readers allocate briefly and much
    // (a PDF's pages, a narrative's claims): a larger young generation (V8's default semi-space is
    // 16 MB) collects less often and promotes less, about 3% less CPU for the node project,
    // measured twice against the default over the whole suite.
    execArgv: ['--max-semi-space-size=64'],
    projects: [
      { extends: true, test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: BROWSER_TESTS } },
      { extends: true, test: { name: 'browser', include: BROWSER_TESTS } },
    ],
  },
});
