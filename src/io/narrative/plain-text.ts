import type { ParagraphOrigin } from '../../model/document.js';
import { joinBrokenLines, stripMarkdown } from '../text/paragraphs.js';

/**
 * Paragraphs of a .txt or .md narrative (already decoded): one per line (Word's "save as text"
 * and most editors write a paragraph per line; blank lines between paragraphs are common and
 * dropped), lines broken mid-sentence by a PDF page joined again (src/io/text/paragraphs.ts).
 * Each paragraph keeps the (1-based) line it starts on: P10 of the seed's .txt is line 19.
 */
export function paragraphsOfText(
  text: string,
  file: string,
  markdown: boolean,
): { text: string; origin: ParagraphOrigin }[] {
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ text: markdown ? stripMarkdown(line) : line, place: index + 1 }));
  return joinBrokenLines(lines).map((p) => ({ text: p.text, origin: { file, line: p.place } }));
}
