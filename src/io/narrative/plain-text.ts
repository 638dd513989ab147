import type { ParagraphOrigin } from '../../model/document.js';

/** Markdown markup that is not text: heading marks, list bullets, emphasis, block quotes. */
function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*[-*+]\s+/, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1');
}

const OUTLINE =
  /^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]{1,2}[.、．](?![0-9]))/;
const ENDS_SENTENCE = /[。；;！!？?：:）)」”]\s*$/;

/**
 * Text copied out of a PDF breaks paragraphs at page ends ("…支出决算" / "为 398.17 万元…"). A line
 * of running text (it has a clause mark) that stops mid-sentence continues on the next line,
 * unless that one starts a new outline item. Headings (no clause mark) are never joined. Each
 * paragraph keeps the (1-based) line it starts on: P10 of the seed's .txt is line 19.
 */
function joinLines(lines: string[]): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let open = false;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const last = out[out.length - 1];
    if (open && last && !OUTLINE.test(line)) last.text += line;
    else out.push({ text: line, line: index + 1 });
    const text = (out[out.length - 1] as { text: string }).text;
    open = /[，,；;。]/.test(text.replace(OUTLINE, '')) && !ENDS_SENTENCE.test(text);
  });
  return out;
}

/**
 * Paragraphs of a .txt or .md narrative: one per line (Word's "save as text" and most editors
 * write a paragraph per line; blank lines between paragraphs are common and dropped when the
 * narrative numbers its paragraphs), lines broken mid-sentence by a PDF page joined again.
 */
export function paragraphsOfText(
  text: string,
  file: string,
  markdown: boolean,
): { text: string; origin: ParagraphOrigin }[] {
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => (markdown ? stripMarkdown(line) : line));
  return joinLines(lines).map((p) => ({ text: p.text, origin: { file, line: p.line } }));
}
