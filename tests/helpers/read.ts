import type ExcelJS from 'exceljs';
import { xlsxDocument } from '../../src/io/xlsx/document.js';
import type { WorkbookModel } from '../../src/model/types.js';
import { readDocument } from '../../src/reader/read-document.js';

/** A loaded workbook read into the model, as `check` reads it. */
export function readWorkbook(workbook: ExcelJS.Workbook, file: string): WorkbookModel {
  return readDocument(xlsxDocument(workbook, file));
}
