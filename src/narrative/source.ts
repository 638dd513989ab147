import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { docxBodyXml } from '../io/published.js';
import { decodeText } from '../io/text/decode.js';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { InputError } from '../errors/input-error.js';
import { inputError } from '../errors/messages.js';
import type { WorkbookModel } from '../model/types.js';
import { paragraphsOfDocx } from './source-docx.js';
import { narrativeInWorkbook } from './source-sheet.js';
import { paragraphsOfText } from './source-text.js';
import { numberParagraphs, type Narrative, type NarrativeSourceKind } from './types.js';
import type { SourceDocument } from '../model/document.js';

/** Narrative files, in the order a same-named file beside a workbook is looked for. */
export const NARRATIVE_EXTENSIONS = ['.docx', '.txt', '.md'] as const;
/** A narrative is a few dozen pages of text; anything much larger is not one. */
const MAX_NARRATIVE_BYTES = 50 * 2 ** 20;

export function isNarrativeFile(file: string): boolean {
  return (NARRATIVE_EXTENSIONS as readonly string[]).includes(extname(file).toLowerCase());
}

function unusable(file: string, why: string): InputError {
  return new InputError(
    'bad-narrative',
    `情况说明文件「${basename(file)}」${why}：请在 Word 或 WPS 中另存为 .docx 或 .txt（UTF-8）后再试。`,
  );
}

/** Reads a .docx/.txt/.md narrative; `file` is shown as given, `path` is read. */
export async function readNarrativeFile(file: string, path: string, source: NarrativeSourceKind): Promise<Narrative> {
  if (!existsSync(path)) throw inputError('file-not-found', { file });
  if (!statSync(path).isFile()) throw inputError('is-directory', { file });
  if (!isNarrativeFile(path)) throw unusable(file, '不是 .docx、.txt 或 .md 文件');
  if (statSync(path).size > MAX_NARRATIVE_BYTES) throw unusable(file, '过大，不像情况说明');
  const bytes = await readFile(path);
  const ext = extname(path).toLowerCase();
  if (ext !== '.docx') {
    // BOM, strict UTF-8, then GB18030 (Notepad and WPS save GBK or UTF-16 on Chinese Windows)
    const decoded = decodeText(bytes);
    if (!decoded) throw inputError('undecodable-text', { file });
    return { file, source, paragraphs: paragraphsOfText(decoded.text, file, ext === '.md') };
  }
  let xml: string;
  try {
    // the workbook's zip bounds apply before anything is inflated
    xml = await docxBodyXml(file, path, bytes);
  } catch (error) {
    if (error instanceof InputError && error.code !== 'zip-bomb') throw unusable(file, '不是有效的 .docx 文件');
    throw error;
  }
  return { file, source, paragraphs: paragraphsOfDocx(xml, file) };
}

/** The running text of a document (outside its tables) as numbered paragraphs, each with its page or line. */
export function narrativeOfDocument(document: SourceDocument, source: NarrativeSourceKind): Narrative {
  return { file: document.file, source, paragraphs: numberParagraphs(document.text ?? []) };
}

/** X.docx, X.txt or X.md beside X.xlsx: the first that exists. */
function sibling(workbookPath: string): string | undefined {
  const stem = join(dirname(workbookPath), basename(workbookPath, extname(workbookPath)));
  return NARRATIVE_EXTENSIONS.map((ext) => stem + ext).find((p) => existsSync(p) && statSync(p).isFile());
}

const found = new WeakMap<object, Map<string, Promise<Narrative | undefined>>>();

/**
 * The narrative of a workbook: --narrative FILE first, then a 情况说明 sheet of the workbook,
 * then a same-named .docx/.txt/.md beside it (the n.source finding says which was used).
 * Read once per loaded workbook: the checks of the text and --previous both ask for it.
 */
export function narrativeFor(
  file: string,
  workbook: ExcelJS.Workbook | undefined,
  model: WorkbookModel,
  option: string | undefined,
  cwd: string,
  document?: SourceDocument,
): Promise<Narrative | undefined> {
  const owner: object = workbook ?? document ?? model;
  let byKey = found.get(owner);
  if (!byKey) {
    byKey = new Map();
    found.set(owner, byKey);
  }
  const key = JSON.stringify([file, option ?? null, cwd]);
  let narrative = byKey.get(key);
  if (!narrative) {
    narrative = findNarrative(file, workbook, model, option, cwd, document);
    byKey.set(key, narrative);
  }
  return narrative;
}

async function findNarrative(
  file: string,
  workbook: ExcelJS.Workbook | undefined,
  model: WorkbookModel,
  option: string | undefined,
  cwd: string,
  document: SourceDocument | undefined,
): Promise<Narrative | undefined> {
  if (option !== undefined) return readNarrativeFile(option, resolve(cwd, option), 'option');
  // a report as published: the text outside its tables is its 情况说明
  if (document?.text && document.text.length > 0) return narrativeOfDocument(document, 'document');
  if (!workbook) return undefined;
  const inSheet = narrativeInWorkbook(workbook, file, new Set(model.ignoredSheets.map((s) => s.sheet)));
  if (inSheet) return inSheet;
  const found = sibling(resolve(cwd, file));
  if (!found) return undefined;
  const shown = join(dirname(file), basename(found));
  return readNarrativeFile(shown, found, 'sibling');
}
