import { extname } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { inputError } from '../errors/messages.js';
import type { SourceDocument, SourceKind } from '../model/document.js';
import { readZipEntry } from './zip-entry.js';
import { checkOfficePackage } from './guard.js';
import { documentOfFlow } from './layout/document.js';
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

/** A Word package's body XML, after the workbook's zip-bomb bounds. */
export async function docxBodyXml(file: string, path: string, bytes: Buffer): Promise<string> {
  try {
    await checkOfficePackage(path, bytes, 'word/document.xml');
  } catch (error) {
    if (error instanceof InputError && error.code === 'zip-bomb') throw error;
    throw inputError('corrupt-docx', { file }, { cause: error });
  }
  let xml: Buffer | undefined;
  try {
    xml = await readZipEntry(bytes, 'word/document.xml');
  } catch (error) {
    throw inputError('corrupt-docx', { file }, { cause: error });
  }
  if (!xml) throw inputError('corrupt-docx', { file });
  const decoded = decodeText(xml);
  if (!decoded) throw inputError('corrupt-docx', { file });
  return decoded.text;
}

/**
 * A published report (PDF, Word, HTML, text) as a document: its tables as grids and the text
 * outside them. `file` is shown in messages, `path` read; the bytes are already read (read-only).
 */
export async function readPublished(
  file: string,
  path: string,
  bytes: Buffer,
  kind: SourceKind,
): Promise<SourceDocument> {
  switch (kind) {
    case 'text': {
      const decoded = decodeText(bytes);
      if (!decoded) throw inputError('undecodable-text', { file });
      return textDocument(decoded.text, file, extname(file).toLowerCase() === '.md');
    }
    case 'docx': {
      const { docxFlow } = await import('./docx/read-docx.js');
      return documentOfFlow(file, 'docx', docxFlow(await docxBodyXml(file, path, bytes)));
    }
    case 'html': {
      const { htmlFlow, declaredCharset } = await import('./html/read-html.js');
      const decoded = decodeText(bytes, declaredCharset(bytes));
      if (!decoded) throw inputError('undecodable-text', { file });
      return documentOfFlow(file, 'html', htmlFlow(decoded.text));
    }
    case 'pdf': {
      const { pdfDocument } = await import('./pdf/read-pdf.js');
      return pdfDocument(bytes, file);
    }
    default:
      throw new Error(`not a published form: ${kind}`);
  }
}
