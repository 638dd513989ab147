import { isPrintedAmount } from '../../util/amount-text.js';
import { DEPARTMENT_LABEL } from '../../util/department-label.js';

/**
 * A table as a PDF viewer (or pdfplumber) copies it: one line per printed line, ONE space between
 * its cells, blank cells gone, header cells broken over lines (`2070101 行政运行 457.86 457.86`).
 * Nothing on such a line tells its cells apart from the words of a label, so this reader only
 * finds where the table's lines are — from a title line (a short line ending in 表) to its note,
 * the next title or running text — and hands them on whole; the table reader (src/reader/spaced)
 * places their words by the table's known columns and its sums.
 */

/** One line of the text as this reader needs it. */
export type SpacedLine =
  | { kind: 'text'; line: number; text: string }
  /** `page`: a page's furniture or a blank line beside it (a table runs on over it) */
  | { kind: 'blank'; line: number; page?: boolean }
  | { kind: 'cells' | 'aligned'; line: number };

/** A table's title: a short line naming a 表, maybe marked as continued. */
const TITLE = /表(?:[（(]续[）)]|续表?)?$/;
const SENTENCE = /[。，；;,：:！？]/;
/** The lines between a title and its table: 单位：万元, 部门：…, 公开01表. */
const PREAMBLE = /^(?:(?:金额)?单位[:：]|编制单位|公开\s*\d{1,2}\s*表$)/;
/** A note under a table (注：…, 说明：…), where the table ends. */
const NOTE = /^(?:注|说明|备注|填表说明)\s*[:：\d１-９、.]/;
/** A heading of the report's own text: the table is over. */
const REPORT_HEADING = /^第[一二三四五六七八九十]+部分/;
/** A note saying the table is empty (本表无数据, 故本表为空表). */
const EMPTY_NOTE = /无数据|为空表|(?:没有|无)[^，。；]{0,40}(?:收入|支出|数据)/;
const MAX_TITLE = 50;
const MAX_ROW = 160;

function isTitle(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length >= 4 && t.length <= MAX_TITLE && TITLE.test(t) && !SENTENCE.test(t);
}

/** A line of running text, not of a table: a sentence, or longer than any table's line. */
function isProse(text: string): boolean {
  const t = text.trim();
  return t.length > MAX_ROW || /[。！？]/.test(t) || (t.length > 40 && /[，；]/.test(t));
}

/**
 * A line of figures: two or more amounts as tables print them (1,700.57, 0.00), or a word then an
 * amount (行政运行 457.86). A figure printed with a space inside (`1 5.00`, a cell one per line) is
 * neither.
 */
function holdsFigures(text: string): boolean {
  const words = text.trim().split(/\s+/);
  const amounts = words.map((w) => isPrintedAmount(w));
  if (amounts.filter(Boolean).length >= 2) return true;
  const firstAmount = amounts.indexOf(true);
  return firstAmount > 0 && words.slice(0, firstAmount).some((w) => /[^\d.,-]/.test(w));
}

export interface SpacedTable {
  /** Indexes of the title and the lines above the table's first line (paragraphs). */
  lead: number[];
  /** Indexes of the table's lines (text lines only). */
  rows: number[];
  /** Index of the first line after the table. */
  next: number;
}

/**
 * The single-space table whose title is the line at `from`, or undefined: the lines from there
 * to its end must be text lines (a tab-separated or space-aligned table is another reader's) and
 * hold a line of figures, or be a header with a note under it saying the table is empty.
 */
export function spacedTable(lines: readonly SpacedLine[], from: number): SpacedTable | undefined {
  const title = lines[from];
  if (title?.kind !== 'text' || !isTitle(title.text)) return undefined;
  const lead = [from];
  let k = from + 1;
  for (;;) {
    while (lines[k]?.kind === 'blank') k += 1;
    const l = lines[k];
    if (l?.kind !== 'text' || lead.length > 3) break;
    const t = l.text.trim();
    if (!PREAMBLE.test(t) && !DEPARTMENT_LABEL.test(t)) break;
    lead.push(k);
    k += 1;
  }
  const rows: number[] = [];
  let end = k;
  for (; k < lines.length; k += 1) {
    const l = lines[k] as SpacedLine;
    if (l.kind === 'blank') continue;
    if (l.kind !== 'text') break;
    const t = l.text.trim();
    if (NOTE.test(t) || isTitle(t) || isProse(t) || REPORT_HEADING.test(t)) break;
    rows.push(k);
    end = k + 1;
  }
  if (rows.length === 0) return undefined;
  const figures = rows.filter((r) => holdsFigures((lines[r] as { text: string }).text)).length;
  if (figures === 0) {
    // an empty table: its header, then a note (right under it or after the 注) that says so
    const after = lines.slice(end, end + 4).filter((l) => l.kind === 'text');
    const spaced = rows.some((r) => /\S\s\S/.test((lines[r] as { text: string }).text));
    if (!spaced || !after.some((l) => l.kind === 'text' && EMPTY_NOTE.test(l.text))) return undefined;
  }
  return { lead, rows, next: end };
}
