import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkbook } from '../../src/io/load-workbook.js';
import type { WorkbookModel } from '../../src/model/types.js';
import { readWorkbook } from '../../src/reader/read-workbook.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export interface ManifestCell {
  table: string;
  sheet: string;
  cell: string;
  value?: string | null;
  what?: string;
}

export interface ManifestFile {
  id: string;
  file: string;
  description: string;
  unit: '万元' | '元';
  scale: number;
  tables: Record<string, { sheet: string; hiddenSheet: boolean; title: string; marker: string; titleCell: string; range: string }>;
  keyCells: Record<string, ManifestCell>;
  explicitZeros: ManifestCell[];
  hiddenRows: ManifestCell[];
  formulaCells: ManifestCell[];
  fullWidthCells: ManifestCell[];
}

/** fixtures/variants.json: written by the fixture builder from the readable source data. */
export function manifest(): { files: ManifestFile[] } {
  return JSON.parse(readFileSync(join(FIXTURES, 'variants.json'), 'utf8')) as { files: ManifestFile[] };
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
