import type ExcelJS from 'exceljs';
import { inputError } from '../errors/messages.js';
import type { SourceDocument } from '../model/document.js';
import type { WorkbookModel } from '../model/types.js';
import { readDocument } from '../reader/read-document.js';
import { readInputBytes } from './guard.js';
import { loadWorkbook } from './load-workbook.js';
import { inputKindOf, readPublished } from './published.js';
import { xlsxDocument } from './xlsx/document.js';

export interface Input {
  document: SourceDocument;
  model: WorkbookModel;
  /** The loaded workbook, for an .xlsx input (annotations and a 情况说明 sheet need it). */
  workbook?: ExcelJS.Workbook;
}

/**
 * Reads one input of any kind — a workbook, or a report as published (PDF, Word, HTML, text) —
 * into its document and model: `file` as the user gave it (shown in messages and findings),
 * `path` where it is read. The model may hold no table (a narrative alone).
 */
export async function readSource(file: string, path: string = file): Promise<Input> {
  const kind = inputKindOf(path);
  if (kind === 'xlsx') {
    const workbook = await loadWorkbook(path);
    const document = xlsxDocument(workbook, file);
    return { document, model: readDocument(document), workbook };
  }
  const bytes = await readInputBytes(path);
  const document = await readPublished(file, path, bytes, kind);
  return { document, model: readDocument(document) };
}

/** readSource, refusing an input without any recognisable table. */
export async function readInput(file: string, path: string = file): Promise<Input> {
  const input = await readSource(file, path);
  if (input.model.tables.length === 0) {
    throw inputError(input.document.kind === 'xlsx' ? 'no-tables' : 'no-tables-published', { file });
  }
  return input;
}
