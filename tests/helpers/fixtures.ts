import { readFileSync } from 'node:fs';
import type { Manifest } from '../../scripts/fixtures/build.js';
import { join } from 'node:path';
import { loadWorkbook } from '../../src/io/load-workbook.js';
import type { WorkbookModel } from '../../src/model/types.js';
import { readWorkbook } from './read.js';

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

/** Reads a fixture once per test file (the model is never mutated by tests). */
export function readFixture(relative: string): Promise<WorkbookModel> {
  let model = cache.get(relative);
  if (!model) {
    const path = join(FIXTURES, relative);
    model = loadWorkbook(path).then((wb) => readWorkbook(wb, path));
    cache.set(relative, model);
  }
  return model;
}
