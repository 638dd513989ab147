/**
 * The committed template-set fixtures are exactly what scripts/fixtures/sets makes of
 * fixtures/src/sets/*.yaml (the builder is deterministic: fixed dates and zip times), byte for byte.
 * A failure means the sources or the builder changed without `npm run fixtures`.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { findRepoRoot } from '../../scripts/fixtures/build.js';
import { buildSetFixtures, SETS_MANIFEST } from '../../scripts/fixtures/sets/build.js';

it('fixtures/sets and sets.json are rebuilt byte for byte from fixtures/src/sets', async () => {
  const root = findRepoRoot();
  const out = await mkdtemp(path.join(os.tmpdir(), 'juesuan-sets-'));
  try {
    const files = await buildSetFixtures(root, out);
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const f of [...files.map((x) => x.file), SETS_MANIFEST]) {
      const built = await readFile(path.join(out, 'fixtures', f));
      const committed = await readFile(path.join(root, 'fixtures', f));
      expect(built.equals(committed), `${f} differs from its source: run npm run fixtures`).toBe(true);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}, 60_000);
