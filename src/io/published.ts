import { extname } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { inputError } from '../errors/messages.js';
import type { SourceDocument, SourceKind } from '../model/document.js';
import { openOfficePackage } from './guard.js';
import type { FlowItem } from './layout/flow.js';
import { documentOfFlow } from './layout/document.js';
import { LIMITS, LimitExceeded } from './limits.js';
import { decodeText } from './text/decode.js';
import { textDocument } from './text/read-text.js';

/** The kind of input a file name says it is; a workbook unless it names a published form. */
export function inputKindOf(file: string): SourceKind {
  const ext = extname(file).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.txt' || ext === '.md') return 'text';
  return 'xlsx';
}

/** The most bytes read of an input of each kind (src/io/limits.ts). */
export const MAX_BYTES: Readonly<Record<SourceKind, number>> = {
  xlsx: LIMITS.workbookBytes,
  pdf: LIMITS.pdfBytes,
  docx: LIMITS.docxBytes,
  html: LIMITS.htmlBytes,
  text: LIMITS.textBytes,
};

/** Why a Word document cannot be read: not a Word package at all, or its body's markup. */
export type DocxProblem = 'package' | 'content';

/**
 * A Word document's body in reading order (the one Word reader, src/io/docx/read-docx.ts), after
 * the workbook's zip bounds with the tighter LIMITS.docxInflatedBytes. A zip bomb is always
 * 'zip-bomb'; any other problem is the caller's sentence (`unusable`), the cause kept for --debug.
 */
export async function docxFlowOf(
  file: string,
  path: string,
  bytes: Buffer,
  unusable: (problem: DocxProblem, cause: unknown) => InputError,
): Promise<FlowItem[]> {
  let xml: Buffer | undefined;
  try {
    const pkg = await openOfficePackage(path, bytes, 'word/document.xml', LIMITS.docxInflatedBytes);
    xml = pkg.part('word/document.xml');
  } catch (error) {
    if (error instanceof InputError && error.code === 'zip-bomb') throw error;
    throw unusable('package', error);
  }
  const { docxFlow } = await import('./docx/read-docx.js');
  try {
    // Word writes UTF-8; another encoding (with its byte-order mark) is decoded first
    const decoded = xml && decodeText(xml);
    if (!xml || !decoded) throw new Error('word/document.xml is not text');
    return docxFlow(decoded.encoding === 'utf-8' ? xml : Buffer.from(decoded.text, 'utf8'));
  } catch (error) {
    throw error instanceof LimitExceeded ? overLimit(file, error) : unusable('content', error);
  }
}

function overLimit(file: string, error: LimitExceeded): InputError {
  return inputError('over-limit', { file, what: error.what }, { cause: error });
}

/** A text file's characters (BOM, strict UTF-8, then GB18030: src/io/text/decode.ts), else one sentence. */
export function textOf(file: string, bytes: Buffer, declared?: string): string {
  const decoded = decodeText(bytes, declared);
  if (!decoded) throw inputError('undecodable-text', { file });
  return decoded.text;
}

/**
 * A published report (PDF, Word, HTML, text) as a document: its tables as grids and the text
 * outside them. `file` is shown in messages, `path` read; the bytes are already read (through the
 * input guard, read-only).
 */
export async function readPublished(
  file: string,
  path: string,
  bytes: Buffer,
  kind: SourceKind,
): Promise<SourceDocument> {
  switch (kind) {
    case 'text':
      return textDocument(textOf(file, bytes), file, extname(path).toLowerCase() === '.md');
    case 'docx':
      return documentOfFlow(
        file,
        'docx',
        await docxFlowOf(file, path, bytes, (_, cause) => inputError('corrupt-docx', { file }, { cause })),
      );
    case 'html': {
      const { htmlFlow, declaredCharset } = await import('./html/read-html.js');
      const text = textOf(file, bytes, declaredCharset(bytes));
      try {
        return documentOfFlow(file, 'html', htmlFlow(text));
      } catch (error) {
        if (error instanceof LimitExceeded) throw overLimit(file, error);
        throw error;
      }
    }
    case 'pdf': {
      const { pdfDocument } = await import('./pdf/read-pdf.js');
      return pdfDocument(bytes, file);
    }
    default:
      throw new Error(`not a published form: ${kind}`);
  }
}
