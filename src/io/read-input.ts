import { inputError } from '../errors/messages.js';
import type { SourceDocument } from '../model/document.js';
import type { WorkbookModel } from '../model/types.js';
import { type ReadOptions, readDocument } from '../reader/read-document.js';
import { openWorkbookPackage } from './guard.js';
import { documentOfFlow } from './layout/document.js';
import { LIMITS } from './limits.js';
import { narrativeDocument, readNarrativeDocument, type TextSource, textSourceOf } from './narrative/read.js';
import { inputKindOf, MAX_BYTES, readPublished } from './published.js';
import { readGuarded } from './read-guarded.js';
import { textDocument } from './text/read-text.js';
import { readXlsxGrids } from './xlsx/read-xlsx.js';

/** One input as read: the document (grids and running text) and the tables recognised in it. */
export interface Input {
  document: SourceDocument;
  model: WorkbookModel;
}

/** How to read an input: what the caller can use, and the reader's options (the template set named). */
export interface InputOptions extends ReadOptions {
  /** 'text' (a 情况说明 named by --narrative or found beside a workbook) or 'tables' (inspect, diff, last year's workbook). */
  want?: 'tables' | 'text';
}

/**
 * The one way into juesuan for a file, by its kind: a workbook (.xlsx, through the zip guard and
 * our own sheet reader) or a report as published (PDF, Word, HTML, text) — every file read
 * through the input guard within its kind's limit (src/io/limits.ts), every reader's output a
 * SourceDocument (grids and running text) read into the model. `file` as the user gave it (shown
 * in messages and findings), `path` where it is read; the tables are read against the template
 * set named in `options` or detected.
 *
 * - want 'text': a .docx/.txt/.md read as a 情况说明: all its text, no grids;
 * - want 'tables': a document without a recognisable table is unusable;
 * - neither: the same, except that a document without a table but with text is a 情况说明 given
 *   alone (a draft, or the page a 情况说明 is published on; checked for its own arithmetic).
 */
export async function readInput(file: string, path: string = file, options: InputOptions = {}): Promise<Input> {
  const { want, ...read } = options;
  const modelled = (document: SourceDocument): Input => ({ document, model: readDocument(document, undefined, read) });
  if (want === 'text') return modelled(withinLimit(await readNarrativeDocument(file, path)));
  const kind = inputKindOf(path);
  if (kind === 'xlsx') {
    const input = modelled(await readWorkbookDocument(file, path));
    if (input.model.tables.length === 0) throw inputError('no-tables', { file });
    return input;
  }
  const bytes = await readGuarded(path, { maxBytes: MAX_BYTES[kind], what: '决算公开文件' });
  if (want === undefined && (kind === 'docx' || kind === 'text')) {
    // read once; a table in it makes it a report as published, else it is a 情况说明 alone
    const source = await textSourceOf(file, path, bytes);
    const report = modelled(withinLimit(reportOf(file, source)));
    return report.model.tables.length > 0 ? report : modelled(withinLimit(narrativeDocument(file, source)));
  }
  const input = modelled(withinLimit(await readPublished(file, path, bytes, kind)));
  // a web page or PDF of running text alone is a 情况说明 published on its own, as a .docx is
  if (input.model.tables.length === 0 && !(want === undefined && hasText(input.document)))
    throw inputError('no-tables-published', { file });
  return input;
}

/** A workbook file as a document: the guard vets the bytes, the sheet reader makes the grids. */
export async function readWorkbookDocument(file: string, path: string = file): Promise<SourceDocument> {
  const pkg = await openWorkbookPackage(path);
  return { file, kind: 'xlsx', grids: readXlsxGrids(pkg, file) };
}

/** A Word or text source as a report: its tables as grids, the text outside them. */
function reportOf(file: string, source: TextSource): SourceDocument {
  return source.kind === 'docx'
    ? documentOfFlow(file, 'docx', source.flow)
    : textDocument(source.text, file, source.markdown);
}

/** Whether a document has any running text (not only blank paragraphs). */
function hasText(document: SourceDocument): boolean {
  return (document.text ?? []).some((p) => p.text.trim() !== '');
}

/** A document's running text within LIMITS.narrativeChars, else one sentence. */
function withinLimit(document: SourceDocument): SourceDocument {
  let chars = 0;
  for (const p of document.text ?? []) chars += p.text.length;
  if (chars > LIMITS.narrativeChars)
    throw inputError('over-limit', { file: document.file, what: `正文超过 ${LIMITS.narrativeChars} 字` });
  return document;
}
