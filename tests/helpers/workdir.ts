import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { FIXTURES } from './fixtures.js';

/** A temporary folder removed after the test file. */
export function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of a fixture workbook with some cells changed (sheet → cell → new value). */
export async function mutatedCopy(
  fixture: string,
  changes: { sheet: string; cell: string; value: ExcelJS.CellValue }[],
  outFile: string,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(FIXTURES, fixture));
  for (const change of changes) {
    const ws = wb.getWorksheet(change.sheet);
    if (!ws) throw new Error(`no sheet ${change.sheet}`);
    ws.getCell(change.cell).value = change.value;
  }
  await wb.xlsx.writeFile(outFile);
  return outFile;
}

export function writeText(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
