import { withoutTrailingPinyin } from './pinyin.js';

/** Markdown markup that is not text: heading marks, list bullets, emphasis, block quotes. */
export function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*[-*+]\s+/, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1');
}

const OUTLINE =
  /^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]{1,2}[.、．](?![0-9]))/;
const CONTINUES = /^[)）\]】》」”。，,、；;：:！!？?%]/;
/** A line that ends here ends a sentence (or a clause a list follows): it may end its paragraph. */
const ENDS_SENTENCE = /[。；;！!？?：:）)」”]\s*$/;

/** Whether a line ends a sentence (ENDS_SENTENCE): a mirror's pinyin after its last character ("支出(chū)") closes none. */
export function endsSentence(line: string): boolean {
  return ENDS_SENTENCE.test(withoutTrailingPinyin(line));
}

/**
 * Text copied out of a PDF breaks paragraphs at page ends ("…支出决算" / "为 398.17 万元…"). A line
 * of running text (it has a clause mark) that stops mid-sentence continues on the next line,
 * unless that one starts a new outline item. Headings (no clause mark) are never joined unless
 * the line reaches the page margin (`full`: wrapped there). Each paragraph keeps the place of
 * its first line.
 */
export function joinBrokenLines<P>(lines: { text: string; place: P; full?: boolean }[]): { text: string; place: P }[] {
  const out: { text: string; place: P }[] = [];
  let open = false;
  for (const raw of lines) {
    const line = raw.text.trim();
    if (line === '') continue;
    const last = out.at(-1);
    // a row of a table rendered as text ("合计 | 128,600.00 | 126,000.00", or its cells between tabs) is a
    // line of its own: its thousands commas are no clause marks, and a row numbered in full width ("１.…")
    // no sentence run on
    if (line.includes('|') || /\S\t+\S/u.test(line)) {
      out.push({ text: line, place: raw.place });
      open = false;
      continue;
    }
    // no paragraph starts with a closing bracket or a clause mark: the line above was cut before it
    if ((open || CONTINUES.test(line)) && last && !OUTLINE.test(line)) last.text += line;
    else out.push({ text: line, place: raw.place });
    const current = (out.at(-1) as { text: string }).text;
    // a line that reaches the page margin was wrapped there, clause mark or not
    open = (raw.full === true || /[，,；;。]/.test(current.replace(OUTLINE, ''))) && !endsSentence(current);
  }
  return out;
}
