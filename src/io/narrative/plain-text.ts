import type { ParagraphOrigin } from '../../model/document.js';
import { joinBrokenLines, reachesMargin, stripMarkdown, wrapMargin } from '../text/paragraphs.js';

/**
 * Paragraphs of a .txt or .md narrative (already decoded): one per line (Word's "save as text"
 * and most editors write a paragraph per line; blank lines between paragraphs are common and
 * dropped), lines broken mid-sentence by a PDF page, or wrapped at its width, joined again
 * (src/io/text/paragraphs.ts).
 * Each paragraph keeps the (1-based) line it starts on: P10 of the seed's .txt is line 19.
 */
export function paragraphsOfText(
  text: string,
  file: string,
  markdown: boolean,
): { text: string; origin: ParagraphOrigin }[] {
  const raws = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => (markdown ? stripMarkdown(line) : line));
  // text copied out of a PDF is wrapped at the page's width: a line reaching it runs on
  const margin = wrapMargin(raws);
  const lines = raws.map((line, index) => ({ text: line, place: index + 1, full: reachesMargin(line, margin) }));
  return joinBrokenLines(lines).map((p) => ({ text: p.text, origin: { file, line: p.place } }));
}
