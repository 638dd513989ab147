import { describe, expect, it } from 'vitest';
import type { AmountCell, WorkbookModel } from '../src/model/types.js';
import { canonical } from './helpers/canonical.js';
import { manifest, readFixture, type ManifestCell } from './helpers/fixtures.js';

const files = manifest().files;
const seed = files.find((f) => f.id === 'seed');
if (!seed) throw new Error('fixtures/variants.json has no seed entry');
const variants = files.filter((f) => f.id !== 'seed');

function cellAt(model: WorkbookModel, where: ManifestCell): AmountCell | undefined {
  for (const table of model.tables) {
    if (table.kind !== where.table || table.sheet !== where.sheet) continue;
    for (const row of table.rows) {
      for (const cell of Object.values(row.cells)) if (cell.ref.cell === where.cell) return cell;
    }
  }
  return undefined;
}

describe.each(files)('fixture $file', (file) => {
  it('finds the nine standard tables with their titles, markers, sheets and ranges', async () => {
    const model = await readFixture(file.file);
    expect(model.missingTables).toEqual([]);
    expect(model.unreadable).toEqual([]);
    expect(model.department).toBe('武汉经济技术开发区（汉南区）大数据中心');
    expect(model.year).toBe(2024);
    expect(model.unit).toBe(file.unit);
    const found = Object.fromEntries(
      model.tables.map((t) => [
        t.kind,
        { sheet: t.sheet, hiddenSheet: t.hiddenSheet, title: t.title, marker: t.marker, range: t.range },
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(file.tables).map(([kind, t]) => [
        kind,
        { sheet: t.sheet, hiddenSheet: t.hiddenSheet, title: t.title, marker: t.marker, range: t.range },
      ]),
    );
    expect(found).toEqual(expected);
  });

  it('reads the key amounts at their cell addresses', async () => {
    const model = await readFixture(file.file);
    for (const [name, where] of Object.entries(file.keyCells)) {
      const cell = cellAt(model, where);
      expect(cell, name).toBeDefined();
      if (where.value === null) expect(cell?.state, name).toBe('blank');
      else expect(cell?.value?.toFixed(2), name).toBe(where.value);
    }
  });
});

// Only the variants that mark such cells (the others have none): a test over no cells asserts nothing.
const marked = files.filter((f) => f.explicitZeros.length + f.hiddenRows.length + f.formulaCells.length > 0);

describe.each(marked)('fixture $file', (file) => {
  it('keeps explicit zeros apart from blanks, and marks hidden rows and formula results', async () => {
    const model = await readFixture(file.file);
    for (const where of file.explicitZeros) {
      const cell = cellAt(model, where);
      expect(cell?.state, where.what).toBe('number');
      expect(cell?.value?.isZero(), where.what).toBe(true);
    }
    for (const where of file.hiddenRows) {
      const rows = model.tables.filter((t) => t.kind === where.table).flatMap((t) => t.rows);
      const row = rows.find((r) =>
        Object.values(r.cells).some((c) => c.ref.cell.replace(/\D/g, '') === where.cell.replace(/\D/g, '')),
      );
      expect(row?.hidden, where.what).toBe(true);
    }
    for (const where of file.formulaCells) {
      const cell = cellAt(model, where);
      expect(cell?.fromFormula, where.what).toBe(true);
    }
  });
});

it('some fixture marks explicit zeros, hidden rows and formula results', () => {
  expect(marked.some((f) => f.explicitZeros.length > 0)).toBe(true);
  expect(marked.some((f) => f.hiddenRows.length > 0)).toBe(true);
  expect(marked.some((f) => f.formulaCells.length > 0)).toBe(true);
});

describe('layout variants', () => {
  it.each(variants)(
    '$file reads to the same model as the faithful seed workbook (amounts in 万元)',
    async (variant) => {
      const [reference, model] = await Promise.all([readFixture(seed.file), readFixture(variant.file)]);
      expect(canonical(model)).toEqual(canonical(reference));
    },
  );

  it('does not take the 目录 sheet or the cover for tables', async () => {
    const model = await readFixture('variants/renamed-reordered.xlsx');
    expect(model.ignoredSheets.map((s) => s.sheet).sort()).toEqual(['封面', '目录'].sort());
  });

  it('reads 元 workbooks in 元 and says so', async () => {
    const model = await readFixture('variants/yuan.xlsx');
    expect(new Set(model.tables.map((t) => t.unit))).toEqual(new Set(['元']));
  });
});
