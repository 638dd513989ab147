/**
 * The published fixtures are generated (npm run fixtures) from the sources in fixtures/src and are
 * deterministic: a rebuild gives the committed bytes.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublished, PUBLISHED_FILES } from '../../scripts/fixtures/published.js';
import { FIXTURES } from '../helpers/fixtures.js';

let outDir = '';

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'juesuan-published-'));
  await buildPublished(outDir);
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('published fixtures rebuild byte for byte', () => {
  for (const file of PUBLISHED_FILES) {
    it(file, async () => {
      const rebuilt = await readFile(path.join(outDir, 'published', file));
      const committed = await readFile(path.join(FIXTURES, 'published', file));
      expect(rebuilt.equals(committed)).toBe(true);
    });
  }
});
