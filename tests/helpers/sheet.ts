import ExcelJS from 'exceljs';
import type { WorkbookModel } from '../../src/model/types.js';
import { readWorkbook } from './read.js';

export type CellInput = string | number | null | ExcelJS.CellValue;

export interface SheetInput {
  name: string;
  rows: CellInput[][];
  merges?: string[];
  hidden?: boolean;
  hiddenRows?: number[];
}

/** An in-memory workbook from literal rows (null = empty cell), read by the real reader. */
export function workbookOf(sheets: SheetInput[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null && value !== undefined) ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      });
    });
    for (const range of sheet.merges ?? []) ws.mergeCells(range);
    for (const r of sheet.hiddenRows ?? []) ws.getRow(r).hidden = true;
    if (sheet.hidden) ws.state = 'hidden';
  }
  return wb;
}

export function readSheets(sheets: SheetInput[]): WorkbookModel {
  return readWorkbook(workbookOf(sheets), 'test.xlsx');
}
