import type ExcelJS from 'exceljs';
import { inputError } from '../errors/messages.js';
import type { WorkbookModel } from '../model/types.js';
import { type ReadOptions, readDocument } from '../reader/read-document.js';
import { loadWorkbook } from './load-workbook.js';
import { xlsxDocument } from './xlsx/document.js';

/**
 * Loads one workbook and reads it into the model: `file` as the user gave it (shown in messages
 * and findings), `path` where it is read. A workbook without any recognisable table is unusable.
 */
export async function readInput(
  file: string,
  path: string = file,
  options: ReadOptions = {},
): Promise<{ workbook: ExcelJS.Workbook; model: WorkbookModel }> {
  const workbook = await loadWorkbook(path);
  const model = readDocument(xlsxDocument(workbook, file), undefined, options);
  if (model.tables.length === 0) throw inputError('no-tables', { file });
  return { workbook, model };
}
