import type ExcelJS from 'exceljs';
import { inputError } from '../errors/messages.js';
import type { SourceDocument } from '../model/document.js';
import type { WorkbookModel } from '../model/types.js';
import { type ReadOptions, readDocument } from '../reader/read-document.js';
import { loadWorkbook } from './load-workbook.js';
import { isNarrativeFile, readNarrativeDocument } from './narrative/read.js';
import { xlsxDocument } from './xlsx/document.js';

/** One input as read: the document (grids and running text), the tables recognised in it, and the workbook of an .xlsx. */
export interface Input {
  document: SourceDocument;
  model: WorkbookModel;
  /** The loaded workbook, for an .xlsx only (annotating a copy needs it). */
  workbook?: ExcelJS.Workbook;
}

/** How to read an input: what the caller can use, and the reader's options (the template set named). */
export interface InputOptions extends ReadOptions {
  /**
   * 'text' (a narrative named by --narrative or found beside a workbook) or 'tables' (inspect,
   * diff, last year's workbook); a file of another kind is unusable for it. Default: by its kind.
   */
  want?: 'tables' | 'text';
}

/**
 * The one way into juesuan for a file: loads it by its kind (.docx/.txt/.md: running text; any
 * other: a workbook, vetted by the guard) and reads its grids into the model, against the template
 * set named in `options` or detected. `file` as the user gave it (shown in messages and findings),
 * `path` where it is read. A document with neither a recognisable table nor running text is unusable.
 */
export async function readInput(file: string, path: string = file, options: InputOptions = {}): Promise<Input> {
  const { want, ...read } = options;
  if (want === 'text' || (want === undefined && isNarrativeFile(file))) {
    const document = await readNarrativeDocument(file, path);
    return { document, model: readDocument(document, undefined, read) };
  }
  const workbook = await loadWorkbook(path);
  const document = xlsxDocument(workbook, file);
  const model = readDocument(document, undefined, read);
  if (model.tables.length === 0) throw inputError('no-tables', { file });
  return { document, model, workbook };
}
