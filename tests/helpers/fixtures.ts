import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { Manifest } from '../../scripts/fixtures/build.js';
import { join } from 'node:path';
import type { WorkbookModel } from '../../src/model/types.js';
import { canonical } from './canonical.js';
import { readWorkbookFile } from './read.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/** The manifest's shape is the builder's (scripts/fixtures/build.ts): one definition. */
export type { Manifest } from '../../scripts/fixtures/build.js';

/** A cell named in the manifest (key cells, explicit zeros, hidden rows, formulas). */
export interface ManifestCell {
  table: string;
  sheet: string;
  cell: string;
  value?: string | null;
  what?: string;
}

/** fixtures/variants.json: written by the fixture builder from the readable source data. */
export function manifest(): Manifest {
  return JSON.parse(readFileSync(join(FIXTURES, 'variants.json'), 'utf8')) as Manifest;
}

const cache = new Map<string, Promise<WorkbookModel>>();

/**
 * Reads a fixture once per test worker (the model is never mutated by tests): test files share a
 * worker's modules (vitest's isolate: false), so this memo serves every file the worker runs.
 */
export function readFixture(relative: string): Promise<WorkbookModel> {
  let model = cache.get(relative);
  if (!model) {
    model = readWorkbookFile(join(FIXTURES, relative));
    cache.set(relative, model);
  }
  return model;
}

const canonicals = new Map<string, Promise<Record<string, string>>>();

/** A fixture's tables as canonical entries (helpers/canonical.ts): the expected side of many comparisons, made once per worker. */
export function canonicalFixture(relative: string): Promise<Record<string, string>> {
  let entries = canonicals.get(relative);
  if (!entries) {
    entries = readFixture(relative).then(canonical);
    canonicals.set(relative, entries);
  }
  return entries;
}

/**
 * A rebuilt fixture workbook equals the committed one. The builders are deterministic, so equal
 * bytes settle it without opening either; only unequal bytes are compared as `snapshot` reads them
 * (every sheet and cell), which passes as before when the difference is none a reader sees, and
 * shows where it is when there is one.
 */
export async function expectRebuiltWorkbook(
  rebuilt: string,
  committed: string,
  snapshot: (file: string) => Promise<unknown>,
): Promise<void> {
  const [fresh, old] = await Promise.all([readFile(rebuilt), readFile(committed)]);
  if (fresh.equals(old)) expect(fresh.length).toBe(old.length);
  else expect(await snapshot(rebuilt)).toEqual(await snapshot(committed));
}
