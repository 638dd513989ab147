import { joinBrokenLines as joinPlaced, stripMarkdown } from '../io/text/paragraphs.js';
import { numberParagraphs, type Paragraph } from './types.js';

/** Lines broken mid-sentence by a PDF page joined again (see src/io/text/paragraphs.ts). */
export function joinBrokenLines(lines: string[]): string[] {
  return joinPlaced(lines.map((text) => ({ text, place: undefined }))).map((p) => p.text);
}

/**
 * Paragraphs of a .txt or .md narrative: one per line (Word's "save as text" and most editors
 * write a paragraph per line; blank lines between paragraphs are common and ignored), lines broken
 * mid-sentence by a PDF page joined again.
 */
export function paragraphsOfText(text: string, file: string, markdown: boolean): Paragraph[] {
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => (markdown ? stripMarkdown(line) : line));
  return numberParagraphs(joinBrokenLines(lines).map((line) => ({ text: line, origin: { file } })));
}
