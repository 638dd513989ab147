import type { SourceDocument } from '../model/document.js';
import type { WorkbookModel } from '../model/types.js';
import { narrativeInGrids } from './source-sheet.js';
import { numberParagraphs, type Narrative, type NarrativeSourceKind } from './types.js';

/** A document's running text as a narrative (a .docx/.txt/.md, or a published report's own text). */
export function narrativeOfText(document: SourceDocument, source: NarrativeSourceKind): Narrative | undefined {
  if (!document.text) return undefined;
  return { file: document.file, source, paragraphs: numberParagraphs(document.text) };
}

/**
 * The narrative a document carries itself: its running text (a report as published: the text
 * outside its tables; a text file given alone: all of it), else a 情况说明 grid among the sheets
 * the reader found no table in. No file is read here: --narrative FILE and a same-named file
 * beside the workbook are the engine's (src/check), which reads them through src/io.
 */
export function narrativeInDocument(document: SourceDocument, model: WorkbookModel): Narrative | undefined {
  if (document.text) return narrativeOfText(document, model.tables.length > 0 ? 'document' : 'alone');
  return narrativeInGrids(document.grids, document.file, new Set(model.ignoredSheets.map((s) => s.sheet)));
}
