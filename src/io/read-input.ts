import { inputError } from '../errors/messages.js';
import type { SourceDocument } from '../model/document.js';
import type { WorkbookModel } from '../model/types.js';
import { readDocument } from '../reader/read-document.js';
import { openWorkbookPackage } from './guard.js';
import { readXlsxGrids } from './xlsx/read-xlsx.js';

/**
 * Loads one workbook and reads it into the model: `file` as the user gave it (shown in messages
 * and findings), `path` where it is read. A workbook without any recognisable table is unusable.
 * `workbook` is the document read (its grids: the narrative may be a sheet of it).
 */
export async function readInput(
  file: string,
  path: string = file,
): Promise<{ workbook: SourceDocument; model: WorkbookModel }> {
  const workbook = await readWorkbookDocument(file, path);
  const model = readDocument(workbook);
  if (model.tables.length === 0) throw inputError('no-tables', { file });
  return { workbook, model };
}

/** A workbook file as a document: the guard vets the bytes, the sheet reader makes the grids. */
export async function readWorkbookDocument(file: string, path: string = file): Promise<SourceDocument> {
  const pkg = await openWorkbookPackage(path);
  return { file, kind: 'xlsx', grids: readXlsxGrids(pkg, file) };
}
