import { OUTLINE_MARK } from '../../util/outline.js';
import { displayWidth } from '../../util/display-width.js';
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

/** A line opening an outline item (一、 （二） 3. １．) starts a paragraph of its own. */
const OUTLINE = new RegExp(`^\\s*${OUTLINE_MARK}`, 'u');
const CONTINUES = /^[)）\]】》」”。，,、；;：:！!？?%]/;
/** A line that ends here ends a sentence (or a clause a list follows): it may end its paragraph. */
const ENDS_SENTENCE = /[。；;！!？?：:）)」”]\s*$/;

/** Whether a line ends a sentence (ENDS_SENTENCE): a mirror's pinyin after its last character ("支出(chū)") closes none. */
export function endsSentence(line: string): boolean {
  return ENDS_SENTENCE.test(withoutTrailingPinyin(line));
}

/**
 * What may end a line wrapped at the margin in mid-paragraph: a list item's "；" (占 18.52%；/
 * 科学技术支出…), a "：" before its list, a bracket or quote closing a name (…其中：因公出国（境）/
 * 费决算为 0 万元…, …支出（类）/ 370.37 万元…). Only 。！？ end a paragraph there.
 */
const RUNS_ON_AT_MARGIN = /[；;：:）)」”]\s*$/u;

/**
 * "…基本支出 911000.39 元，其中：" at the margin, its items one per line below ("人员经费 a 元，主要包括：…。" /
 * "公用经费 b 元，…。"): a 其中 that ends a paragraph opens a list read over the paragraphs after it, so it
 * ends one there too — joined, its first item would run into it and the others stand apart.
 */
const OPENS_LIST = /其中[：:]\s*$/u;

/** Whether a line that reached the page margin ends its paragraph there (see RUNS_ON_AT_MARGIN). */
function endsAtMargin(line: string): boolean {
  const bare = withoutTrailingPinyin(line);
  return endsSentence(line) && (!RUNS_ON_AT_MARGIN.test(bare) || OPENS_LIST.test(bare));
}

/**
 * A quote or bracket opened on a line and not closed there ("“城乡社区支出（类）…城管执" / "法（项）”
 * 1,289.35 万元…"): the name it opens goes on on the next line.
 */
function leavesOpen(line: string): boolean {
  let quotes = 0;
  let brackets = 0;
  for (const ch of line) {
    if (ch === '“') quotes += 1;
    else if (ch === '”') quotes = Math.max(0, quotes - 1);
    else if (ch === '（' || ch === '(') brackets += 1;
    else if (ch === '）' || ch === ')') brackets = Math.max(0, brackets - 1);
  }
  return quotes > 0 || brackets > 0;
}

/**
 * How wide a line of Chinese running text is set: its display width, with the curly quotes as wide as
 * the characters around them. A terminal draws “ ” ‘ ’ one column wide (East Asian ambiguous width),
 * a Chinese page two: a line wrapped at the margin with a name in quotes ("2025 年度“三公”经费…比 2024
 * 年度减" / "少 3.59 万元…") would otherwise look two columns short of it, and end its paragraph mid-word.
 */
function setWidth(line: string): number {
  return displayWidth(line) + (line.match(/[“”‘’]/gu)?.length ?? 0);
}

/** How far short of the margin a wrapped line may end: half-width digits and Latin letters pack unevenly. */
const WRAP_SLACK = 4;
/** How far short of the widest lines the lines that reach the margin end (when no median can be taken). */
const WIDEST_SLACK = 10;

/**
 * The right margin running text was wrapped at, when it was (`pdftotext -layout`, a text copy of a
 * PDF): the width the body's wrapped lines typically reach. A line of running text (a clause mark
 * in it) that breaks off mid-sentence was wrapped; the median of their widths, less a little slack,
 * is the margin, when half of them end that near it — never the widest line, as a few long notes
 * under the tables run wider than the body. Text with too few such lines (a page or two of figures
 * written out in words) has its margin where the widest lines end, if a quarter of the longer
 * lines reach it. Text whose paragraphs are whole lines has no margin.
 */
export function wrapMargin(lines: string[]): number | undefined {
  const wrapped = lines
    .flatMap((line) =>
      /[，,；;。]/.test(line) && !endsSentence(line.trim()) && setWidth(line.trim()) > 12
        ? [setWidth(line.trimEnd())]
        : [],
    )
    .sort((a, b) => a - b);
  const typical = wrapped[Math.floor(wrapped.length / 2)];
  if (typical !== undefined && wrapped.length >= 3) {
    const near = wrapped.filter((w) => Math.abs(w - typical) <= WRAP_SLACK).length;
    return near >= wrapped.length / 2 ? typical - WRAP_SLACK : undefined;
  }
  // lines of some length (a word alone at the right, 续表 over a wide table, sets no margin)
  const widths = lines.flatMap((l) =>
    setWidth(l.trimEnd()) > 20 && setWidth(l.trim()) > 12 ? [setWidth(l.trimEnd())] : [],
  );
  const widest = Math.max(0, ...widths);
  const near = widths.filter((w) => w >= widest - WIDEST_SLACK).length;
  return near >= 3 && near >= widths.length / 4 ? widest - WIDEST_SLACK : undefined;
}

/** Whether a line reaches the margin its text was wrapped at (none: no line does). */
export function reachesMargin(line: string, margin: number | undefined): boolean {
  return margin !== undefined && setWidth(line.trimEnd()) >= margin;
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
    const full = raw.full === true;
    open =
      ((full || /[，,；;。]/.test(current.replace(OUTLINE, ''))) &&
        !(full ? endsAtMargin(current) : endsSentence(current))) ||
      leavesOpen(line);
  }
  return out;
}
