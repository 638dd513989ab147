import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { InputError } from '../../errors/input-error.js';
import { inputError } from '../../errors/messages.js';
import type { SourceDocument } from '../../model/document.js';
import { checkOfficePackage } from '../guard.js';
import { paragraphsOfDocx } from './docx-text.js';
import { paragraphsOfText } from './plain-text.js';

/** Narrative files, in the order a same-named file beside a workbook is looked for. */
export const NARRATIVE_EXTENSIONS = ['.docx', '.txt', '.md'] as const;
/** A narrative is a few dozen pages of text; anything much larger is not one. */
const MAX_NARRATIVE_BYTES = 50 * 2 ** 20;

/** A .docx, .txt or .md: running text (a 情况说明), read by readNarrativeDocument. */
export function isNarrativeFile(file: string): boolean {
  return (NARRATIVE_EXTENSIONS as readonly string[]).includes(extname(file).toLowerCase());
}

function unusable(file: string, why: string): InputError {
  return new InputError(
    'bad-narrative',
    `情况说明文件「${basename(file)}」${why}：请在 Word 或 WPS 中另存为 .docx 或 .txt（UTF-8）后再试。`,
  );
}

/**
 * Reads a .docx/.txt/.md as a document of running text and no grids; `file` is shown as given,
 * `path` is read. Anything else, or a file that cannot be read as one, is unusable (exit 2).
 */
export async function readNarrativeDocument(file: string, path: string): Promise<SourceDocument> {
  if (!existsSync(path)) throw inputError('file-not-found', { file });
  if (!statSync(path).isFile()) throw inputError('is-directory', { file });
  if (!isNarrativeFile(path)) throw unusable(file, '不是 .docx、.txt 或 .md 文件');
  if (statSync(path).size > MAX_NARRATIVE_BYTES) throw unusable(file, '过大，不像情况说明');
  const bytes = await readFile(path);
  const ext = extname(path).toLowerCase();
  if (ext !== '.docx')
    return { file, kind: 'text', grids: [], text: paragraphsOfText(bytes.toString('utf8'), file, ext === '.md') };
  try {
    // the workbook's zip bounds apply: mammoth would inflate a bomb whole
    await checkOfficePackage(path, bytes, 'word/document.xml');
  } catch (error) {
    if (error instanceof InputError && error.code !== 'zip-bomb') throw unusable(file, '不是有效的 .docx 文件');
    throw error;
  }
  try {
    return { file, kind: 'docx', grids: [], text: await paragraphsOfDocx(bytes, file) };
  } catch (error) {
    throw unusable(file, `无法读取（${error instanceof Error ? error.message.split('\n')[0] : String(error)}）`);
  }
}
