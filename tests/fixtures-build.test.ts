/**
 * The committed fixtures must be exactly what scripts/build-fixtures.ts makes of
 * fixtures/src/seed-2024.yaml: rebuild into a temp dir and compare cell by cell. A failure here
 * means someone edited the YAML or the builder without rebuilding (run the builder and commit), or
 * edited an .xlsx by hand (don't).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtures, findRepoRoot, MANIFEST_NAME, type Manifest } from '../scripts/fixtures/build.js';
import { expectRebuiltWorkbook } from './helpers/fixtures.js';

const fixturesDir = path.join(findRepoRoot(), 'fixtures');
const committed = JSON.parse(readFileSync(path.join(fixturesDir, MANIFEST_NAME), 'utf8')) as Manifest;

interface CellSnapshot {
  value: ExcelJS.CellValue;
  numFmt: string | null;
}

interface SheetSnapshot {
  name: string;
  state: string;
  merges: string[];
  hiddenRows: number[];
  cells: Record<string, CellSnapshot>;
}

async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Everything a reader can see: sheet names/order/state, merges, hidden rows, every value and its format. */
async function snapshot(file: string): Promise<SheetSnapshot[]> {
  const wb = await openWorkbook(file);
  return wb.worksheets.map((ws) => {
    const cells: Record<string, CellSnapshot> = {};
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.hidden) hiddenRows.push(n);
      row.eachCell({ includeEmpty: false }, (cell) => {
        // exceljs reports a merged cell's master value on every slave; the merges list covers them.
        if (cell.type === ExcelJS.ValueType.Merge || cell.value === null) return;
        cells[cell.address] = { value: cell.value, numFmt: cell.numFmt ?? null };
      });
    });
    return { name: ws.name, state: ws.state, merges: [...ws.model.merges].sort(), hiddenRows, cells };
  });
}

/** The amount a cell shows, for checking the manifest against the workbook (not a reader). */
function shownAmount(value: ExcelJS.CellValue): string | null {
  if (typeof value === 'number') return value.toFixed(2);
  if (value !== null && typeof value === 'object' && 'formula' in value && typeof value.result === 'number') {
    return value.result.toFixed(2);
  }
  if (typeof value === 'string') {
    const s = value.normalize('NFKC').replace(/[\s,]/g, '');
    if (/^[-—]*$/.test(s)) return null;
    return Number(s).toFixed(2);
  }
  return null;
}

describe('committed fixtures match the source data', () => {
  let outDir = '';
  let rebuilt: Manifest;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'juesuan-fixtures-'));
    rebuilt = await buildFixtures(outDir);
  });

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('rebuilds the manifest byte for byte', async () => {
    const fresh = await readFile(path.join(outDir, MANIFEST_NAME), 'utf8');
    const old = await readFile(path.join(fixturesDir, MANIFEST_NAME), 'utf8');
    expect(fresh).toBe(old);
    expect(rebuilt.files.map((f) => f.file)).toEqual(committed.files.map((f) => f.file));
  });

  it.each(committed.files.map((f) => f.file))('%s: every sheet and cell equals the rebuilt one', async (file) => {
    await expectRebuiltWorkbook(path.join(outDir, file), path.join(fixturesDir, file), snapshot);
  });
});

describe('manifest describes the committed workbooks', () => {
  it.each(committed.files)('$file', async (entry) => {
    const wb = await openWorkbook(path.join(fixturesDir, entry.file));
    expect(wb.worksheets.map((ws) => ({ name: ws.name, hidden: ws.state === 'hidden' }))).toEqual(entry.sheets);
    const sheet = (name: string): ExcelJS.Worksheet => {
      const ws = wb.getWorksheet(name);
      if (!ws) throw new Error(`${entry.file}: no sheet ${name}`);
      return ws;
    };
    for (const t of Object.values(entry.tables)) {
      expect(sheet(t.sheet).getCell(t.titleCell).value).toBe(t.title);
    }
    for (const [id, k] of Object.entries(entry.keyCells)) {
      expect(shownAmount(sheet(k.sheet).getCell(k.cell).value), `${entry.file} ${id}`).toBe(k.value);
    }
    for (const z of entry.explicitZeros) expect(sheet(z.sheet).getCell(z.cell).value).toBe(0);
    for (const h of entry.hiddenRows) {
      const ws = sheet(h.sheet);
      expect(ws.getRow(Number(ws.getCell(h.cell).row)).hidden).toBe(true);
    }
    for (const f of entry.formulaCells) {
      expect(sheet(f.sheet).getCell(f.cell).value).toEqual({ formula: f.formula, result: Number(f.result) });
    }
  });

  it('fixtures/README.md lists every file of the manifest', () => {
    const readme = readFileSync(path.join(fixturesDir, 'README.md'), 'utf8');
    for (const f of committed.files) expect(readme).toContain(f.file);
  });
});
