import type ExcelJS from 'exceljs';
import { Workbook } from './excel.js';
import { inputError } from '../errors/messages.js';
import { readWorkbookBytes } from './guard.js';

/**
 * Open a final-accounts workbook for reading: the guard vets the bytes (read-only, no bombs,
 * right container), then exceljs parses them. Whatever exceljs throws on a file that got past
 * the guard is reported as corrupt-workbook; the original exception stays as `cause` for --debug.
 */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const bytes = await readWorkbookBytes(path);
  const workbook = new Workbook();
  try {
    // exceljs's typings declare their own `interface Buffer extends ArrayBuffer`, which a Node
    // Buffer does not satisfy; at run time JSZip takes a Node Buffer directly (no copy needed).
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw inputError('corrupt-workbook', { file: path }, { cause: error });
  }
  return workbook;
}
