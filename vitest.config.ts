import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/** The page's tests drive a real browser: a project of their own, so the rest can run without them. */
const BROWSER_TESTS = ['tests/web/**/*.test.ts'];

/**
 * What a source's transform depends on beyond its own text, vitest's config and the lockfile (which vitest's file
 * cache keys on): the TypeScript options esbuild reads from tsconfig.json. Part of every cached module's key, so a
 * change there transforms every module afresh.
 */
const TSCONFIG = readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8');

export default defineConfig({
  plugins: [
    {
      name: 'juesuan:tsconfig-in-module-cache-key',
      configureVitest({ experimental_defineCacheKeyGenerator }) {
        experimental_defineCacheKeyGenerator(() => TSCONFIG);
      },
    },
  ],
  test: {
    // Transformed sources kept on disk between runs (node_modules/.experimental-vitest-cache, keyed by each file's
    // text, its path, this config and the lockfile): a run transforms only what changed since the last. Transforming
    // every source, test and script again was about a tenth of the node project's CPU: 260 → 234 s user+sys for
    // `vitest run --project node` on two cores (one run each, load ~10); the prior-year narrative test alone
    // 5.9 → 3.0 s (three runs each).
    experimental: { fsModuleCache: true },
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
