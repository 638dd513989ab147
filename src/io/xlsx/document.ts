import type ExcelJS from 'exceljs';
import type { SourceDocument } from '../../model/document.js';
import { gridsOfWorkbook } from './grid.js';

/** A loaded workbook as a document: one grid per worksheet, no running text (a 情况说明 sheet is a grid too). */
export function xlsxDocument(workbook: ExcelJS.Workbook, file: string): SourceDocument {
  return { file, kind: 'xlsx', grids: gridsOfWorkbook(workbook) };
}
