import { docxFlow } from '../io/docx/read-docx.js';
import { numberParagraphs, type Paragraph } from './types.js';

/**
 * Paragraphs of a .docx narrative (word/document.xml, already unpacked): each Word paragraph in
 * document order, a line break inside one starting a new paragraph, and the paragraphs of table
 * cells in row order (a narrative's small tables are text here: their tables are not checked).
 */
export function paragraphsOfDocx(documentXml: string, file: string): Paragraph[] {
  const texts = docxFlow(documentXml).flatMap((item) =>
    item.kind === 'paragraph'
      ? [item.text]
      : item.rows.flatMap((row) => row.cells.flatMap((cell) => cell.text.split('\n'))),
  );
  return numberParagraphs(texts.map((text) => ({ text, origin: { file } })));
}
