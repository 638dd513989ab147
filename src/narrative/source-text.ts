import { numberParagraphs, type Paragraph } from './types.js';

/** Markdown markup that is not text: heading marks, list bullets, emphasis, block quotes. */
function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*[-*+]\s+/, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1');
}

/**
 * Paragraphs of a .txt or .md narrative: one per non-blank line (Word's "save as text" and most
 * editors write a paragraph per line; blank lines between paragraphs are common and ignored).
 */
export function paragraphsOfText(text: string, file: string, markdown: boolean): Paragraph[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  return numberParagraphs(lines.map((line) => ({ text: markdown ? stripMarkdown(line) : line, origin: { file } })));
}
