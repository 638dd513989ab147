import { basename, extname } from 'node:path';
import { InputError } from '../../errors/input-error.js';
import { inputError } from '../../errors/messages.js';
import type { SourceDocument } from '../../model/document.js';
import { checkOfficePackage } from '../guard.js';
import { LIMITS } from '../limits.js';
import { readGuarded } from '../read-guarded.js';
import { paragraphsOfDocx } from './docx-text.js';
import { paragraphsOfText } from './plain-text.js';

/** Narrative files, in the order a same-named file beside a workbook is looked for. */
export const NARRATIVE_EXTENSIONS = ['.docx', '.txt', '.md'] as const;

/** A .docx, .txt or .md: running text (a 情况说明), read by readNarrativeDocument. */
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

/**
 * Reads a .docx/.txt/.md as a document of running text and no grids; `file` is shown as given,
 * `path` is read (through the input guard, within the limits of src/io/limits.ts). Anything else,
 * or a file that cannot be read as one, is unusable (exit 2).
 */
export async function readNarrativeDocument(file: string, path: string): Promise<SourceDocument> {
  if (!isNarrativeFile(path)) throw unusable(file, '不是 .docx、.txt 或 .md 文件');
  const ext = extname(path).toLowerCase();
  const bytes = await readGuarded(path, {
    maxBytes: ext === '.docx' ? LIMITS.docxBytes : LIMITS.textBytes,
    what: '情况说明',
  });
  if (ext !== '.docx')
    return withinLimit({
      file,
      kind: 'text',
      grids: [],
      text: paragraphsOfText(bytes.toString('utf8'), file, ext === '.md'),
    });
  try {
    // the workbook's zip bounds apply, tighter: the parser would inflate a bomb whole
    await checkOfficePackage(path, bytes, 'word/document.xml', LIMITS.docxInflatedBytes);
  } catch (error) {
    if (error instanceof InputError && error.code !== 'zip-bomb') throw unusable(file, '不是有效的 .docx 文件');
    throw error;
  }
  try {
    return withinLimit({ file, kind: 'docx', grids: [], text: await paragraphsOfDocx(bytes, file) });
  } catch (error) {
    if (error instanceof InputError) throw error;
    // the parser's own words (English, internal) are for --debug only
    throw unusable(file, '内容已损坏，无法读取其中的文字', error);
  }
}

/** A narrative's text within LIMITS.narrativeChars, else one sentence. */
function withinLimit(document: SourceDocument): SourceDocument {
  let chars = 0;
  for (const p of document.text ?? []) chars += p.text.length;
  if (chars > LIMITS.narrativeChars)
    throw inputError('over-limit', { file: document.file, what: `情况说明超过 ${LIMITS.narrativeChars} 字` });
  return document;
}
