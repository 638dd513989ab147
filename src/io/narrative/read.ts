import { basename, extname } from 'node:path';
import { InputError } from '../../errors/input-error.js';
import type { SourceDocument } from '../../model/document.js';
import type { FlowItem } from '../layout/flow.js';
import { docxFlowOf, inputKindOf, MAX_BYTES, textOf } from '../published.js';
import { readGuarded } from '../read-guarded.js';
import { paragraphsOfDocx } from './docx-text.js';
import { paragraphsOfText } from './plain-text.js';

/** Narrative files, in the order a same-named file beside a workbook is looked for. */
export const NARRATIVE_EXTENSIONS = ['.docx', '.txt', '.md'] as const;

/** A .docx, .txt or .md: running text (a 情况说明), or a report as published in Word or text. */
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
 * A .docx/.txt/.md as read once, before it is taken as a report (its tables) or as a 情况说明
 * (all its text): the Word body in reading order, or the decoded text.
 */
export type TextSource = { kind: 'docx'; flow: FlowItem[] } | { kind: 'text'; text: string; markdown: boolean };

/**
 * The bytes of a .docx/.txt/.md (read through the input guard) as a text source; what cannot be
 * read is said as of a 情况说明 (one sentence, the parser's words as the cause, for --debug).
 */
export async function textSourceOf(file: string, path: string, bytes: Buffer): Promise<TextSource> {
  if (extname(path).toLowerCase() !== '.docx')
    return { kind: 'text', text: textOf(file, bytes), markdown: extname(path).toLowerCase() === '.md' };
  const flow = await docxFlowOf(file, path, bytes, (problem, cause) =>
    problem === 'package'
      ? unusable(file, '不是有效的 .docx 文件', cause)
      : unusable(file, '内容已损坏，无法读取其中的文字', cause),
  );
  return { kind: 'docx', flow };
}

/** A text source as a 情况说明: a document of running text (table cells as text too) and no grids. */
export function narrativeDocument(file: string, source: TextSource): SourceDocument {
  return source.kind === 'docx'
    ? { file, kind: 'docx', grids: [], text: paragraphsOfDocx(source.flow, file) }
    : { file, kind: 'text', grids: [], text: paragraphsOfText(source.text, file, source.markdown) };
}

/**
 * Reads a .docx/.txt/.md as a 情况说明 (--narrative, or the file beside a workbook); `file` is
 * shown as given, `path` is read, through the input guard within its kind's limit. Anything else,
 * or a file that cannot be read as one, is unusable (exit 2).
 */
export async function readNarrativeDocument(file: string, path: string): Promise<SourceDocument> {
  if (!isNarrativeFile(path)) throw unusable(file, '不是 .docx、.txt 或 .md 文件');
  const bytes = await readGuarded(path, { maxBytes: MAX_BYTES[inputKindOf(path)], what: '情况说明' });
  return narrativeDocument(file, await textSourceOf(file, path, bytes));
}
