import type ExcelJS from 'exceljs';
import { readWorkbookDocument } from '../../src/io/read-input.js';
import { xlsxDocument } from '../../src/io/xlsx/document.js';
import type { Grid } from '../../src/model/grid.js';
import type { WorkbookModel } from '../../src/model/types.js';
import { readDocument } from '../../src/reader/read-document.js';

/**
 * A workbook file read into the model as `check` reads it: our own sheet reader, not exceljs (the
 * two read every fixture alike: tests/hostile/xlsx-reader.test.ts), in half exceljs's time.
 */
export async function readWorkbookFile(file: string): Promise<WorkbookModel> {
  return readDocument(await readWorkbookDocument(file));
}

/** A workbook built with exceljs in a test, its sheets read into the model as `check` reads a file's. */
export function readWorkbook(workbook: ExcelJS.Workbook, file: string): WorkbookModel {
  return readDocument(xlsxDocument(workbook, file));
}

/** A grid's cell texts row by row, a cell covered by a merge written '^'. */
export function gridTexts(grid: Grid | undefined): string[][] {
  if (!grid) return [];
  const out: string[][] = [];
  for (let r = 1; r <= grid.rowCount; r += 1) {
    const row: string[] = [];
    for (let c = 1; c <= grid.colCount; c += 1) {
      const cell = grid.cell(r, c);
      row.push(cell.mergedSlave ? '^' : cell.text);
    }
    out.push(row);
  }
  return out;
}
