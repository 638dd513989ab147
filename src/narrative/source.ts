import { existsSync, statSync } from 'node:fs';
import { inputError } from '../errors/messages.js';
import { LIMITS } from '../io/limits.js';
import { readGuarded } from '../io/read-guarded.js';
import { checkOfficePackage } from '../io/guard.js';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { SourceDocument } from '../model/document.js';
import { InputError } from '../errors/input-error.js';
import type { WorkbookModel } from '../model/types.js';
import { paragraphsOfDocx } from './source-docx.js';
import { narrativeInWorkbook } from './source-sheet.js';
import { paragraphsOfText } from './source-text.js';
import type { Narrative, NarrativeSourceKind } from './types.js';

/** Narrative files, in the order a same-named file beside a workbook is looked for. */
export const NARRATIVE_EXTENSIONS = ['.docx', '.txt', '.md'] as const;

export function isNarrativeFile(file: string): boolean {
  return (NARRATIVE_EXTENSIONS as readonly string[]).includes(extname(file).toLowerCase());
}

function unusable(file: string, why: string, cause?: unknown): InputError {
  return new InputError(
    'bad-narrative',
    `情况说明文件「${basename(file)}」${why}：请在 Word 或 WPS 中另存为 .docx 或 .txt（UTF-8）后再试。`,
    cause === undefined ? undefined : { cause },
  );
}

/** Reads a .docx/.txt/.md narrative; `file` is shown as given, `path` is read. */
export async function readNarrativeFile(file: string, path: string, source: NarrativeSourceKind): Promise<Narrative> {
  if (!isNarrativeFile(path)) throw unusable(file, '不是 .docx、.txt 或 .md 文件');
  const ext = extname(path).toLowerCase();
  const bytes = await readGuarded(path, {
    maxBytes: ext === '.docx' ? LIMITS.docxBytes : LIMITS.textBytes,
    what: '情况说明',
  });
  if (ext !== '.docx')
    return withinLimit({ file, source, paragraphs: paragraphsOfText(bytes.toString('utf8'), file, ext === '.md') });
  try {
    // the workbook's zip bounds apply: mammoth would inflate a bomb whole
    await checkOfficePackage(path, bytes, 'word/document.xml', LIMITS.docxInflatedBytes);
  } catch (error) {
    if (error instanceof InputError && error.code !== 'zip-bomb') throw unusable(file, '不是有效的 .docx 文件');
    throw error;
  }
  try {
    return withinLimit({ file, source, paragraphs: await paragraphsOfDocx(bytes, file) });
  } catch (error) {
    if (error instanceof InputError) throw error;
    // the parser's own words (English, internal) are for --debug only
    throw unusable(file, '内容已损坏，无法读取其中的文字', error);
  }
}

/** A narrative's text within LIMITS.narrativeChars, else one sentence. */
function withinLimit(narrative: Narrative): Narrative {
  let chars = 0;
  for (const p of narrative.paragraphs) chars += p.text.length;
  if (chars > LIMITS.narrativeChars)
    throw inputError('over-limit', { file: narrative.file, what: `情况说明超过 ${LIMITS.narrativeChars} 字` });
  return narrative;
}

/** X.docx, X.txt or X.md beside X.xlsx: the first that exists. */
function sibling(workbookPath: string): string | undefined {
  const stem = join(dirname(workbookPath), basename(workbookPath, extname(workbookPath)));
  return NARRATIVE_EXTENSIONS.map((ext) => stem + ext).find((p) => existsSync(p) && statSync(p).isFile());
}

const found = new WeakMap<SourceDocument, Map<string, Promise<Narrative | undefined>>>();

/**
 * The narrative of a workbook: --narrative FILE first, then a 情况说明 sheet of the workbook,
 * then a same-named .docx/.txt/.md beside it (the n.source finding says which was used).
 * Read once per loaded workbook: the checks of the text and --previous both ask for it.
 */
export function narrativeFor(
  file: string,
  workbook: SourceDocument,
  model: WorkbookModel,
  option: string | undefined,
  cwd: string,
): Promise<Narrative | undefined> {
  let byKey = found.get(workbook);
  if (!byKey) {
    byKey = new Map();
    found.set(workbook, byKey);
  }
  const key = JSON.stringify([file, option ?? null, cwd]);
  let narrative = byKey.get(key);
  if (!narrative) {
    narrative = findNarrative(file, workbook, model, option, cwd);
    byKey.set(key, narrative);
  }
  return narrative;
}

async function findNarrative(
  file: string,
  workbook: SourceDocument,
  model: WorkbookModel,
  option: string | undefined,
  cwd: string,
): Promise<Narrative | undefined> {
  if (option !== undefined) return readNarrativeFile(option, resolve(cwd, option), 'option');
  const inSheet = narrativeInWorkbook(workbook, file, new Set(model.ignoredSheets.map((s) => s.sheet)));
  if (inSheet) return inSheet;
  const found = sibling(resolve(cwd, file));
  if (!found) return undefined;
  const shown = join(dirname(file), basename(found));
  return readNarrativeFile(shown, found, 'sibling');
}
