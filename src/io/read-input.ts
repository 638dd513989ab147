import { inputError } from '../errors/messages.js';
import type { SourceDocument } from '../model/document.js';
import type { WorkbookModel } from '../model/types.js';
import { readDocument } from '../reader/read-document.js';
import { openWorkbookPackage } from './guard.js';
import { isNarrativeFile, readNarrativeDocument } from './narrative/read.js';
import { readXlsxGrids } from './xlsx/read-xlsx.js';

/** One input as read: the document (grids and running text) and the tables recognised in it. */
export interface Input {
  document: SourceDocument;
  model: WorkbookModel;
}

/**
 * The one way into juesuan for a file: loads it by its kind (.docx/.txt/.md: running text; any
 * other: a workbook, vetted by the guard and read by our own sheet reader) and reads its grids
 * into the model. `file` as the user gave it (shown in messages and findings), `path` where it is
 * read. A document with neither a recognisable table nor running text is unusable. `want`: what
 * the caller can use — 'text' (a narrative named by --narrative or found beside a workbook) or
 * 'tables' (inspect, diff, last year's workbook); a file of another kind is unusable for it.
 */
export async function readInput(
  file: string,
  path: string = file,
  options: { want?: 'tables' | 'text' } = {},
): Promise<Input> {
  if (options.want === 'text' || (options.want === undefined && isNarrativeFile(file))) {
    const document = await readNarrativeDocument(file, path);
    return { document, model: readDocument(document) };
  }
  const document = await readWorkbookDocument(file, path);
  const model = readDocument(document);
  if (model.tables.length === 0) throw inputError('no-tables', { file });
  return { document, model };
}

/** A workbook file as a document: the guard vets the bytes, the sheet reader makes the grids. */
export async function readWorkbookDocument(file: string, path: string = file): Promise<SourceDocument> {
  const pkg = await openWorkbookPackage(path);
  return { file, kind: 'xlsx', grids: readXlsxGrids(pkg, file) };
}
