import { bandsOf, type Span } from '../layout/columns.js';
import { holdsAmount } from '../../util/amount-text.js';
import { joinRun } from './page-text.js';

/**
 * Cells of an unruled table whose columns stand close together (a web page's or a Word table
 * without borders printed to PDF: a cell's padding, a third of an em, is all that parts two cells).
 * A line's pieces at the usual gap join neighbouring cells ("收入 3", "2,156.82 一、一般公共服务支出");
 * its words at a fine gap also part the words of one cell. Cells come from the alignment of the
 * table's lines:
 * - on a line of figures, an amount is a cell of its own (two amounts are never one cell); a whole
 *   number (行次, a code) is one where several other lines of figures start or end one at the same
 *   place (a column's left or right edge); words are never parted from words;
 * - on another line (the header, the 栏次 row, the rest of a wrapped label), words part where they
 *   stand over different columns of the lines of figures.
 * Every part keeps its own text: nothing is invented, a gap only decides where one cell ends.
 */

/** A line of the table: its pieces at the usual gap and its words at the fine gap, in the same order. */
export interface TableLine {
  pieces: Span[];
  words: Span[];
  size: number;
}

/** The gap, in em, that parts the words of a line (a cell's padding is wider; a glyph's spacing narrower). */
export const WORD_GAP_EM = 0.2;

const INTEGER = /^\d+$/;
/** A code printed in segments (201 03 50): its parts stay one cell. */
const CODE_HEAD = /^\d{3}(?: \d{2})*$/;
const CODE_PART = /^\d{2}$/;
/** The label of a numbering row. */
const NUMBERING_LABEL = /^(?:栏次|行次)$/;
/** The header words over a code's segments. */
const CODE_SEGMENT_WORD = /^[类款项]$/;

/** Edges within this share of an em are one edge. */
const EDGE_SLACK_EM = 0.3;
/** Other lines of figures that must share an edge for a whole number to stand alone there. */
const EDGE_LINES = 2;

function gapBetween(a: Span, b: Span): number {
  return b.start - a.end;
}

/** Lines (other than `self`) with a word starting (or ending) within the slack of `x`. */
function edgeLines(lines: Span[][], self: number, x: number, side: 'start' | 'end', slack: number): number {
  let n = 0;
  lines.forEach((words, i) => {
    if (i !== self && words.some((w) => Math.abs(w[side] - x) <= slack)) n += 1;
  });
  return n;
}

/** The words joined into pieces where `parts(i)` says the gap after word i is no cell's edge. */
function joined(words: Span[], size: number, parts: (i: number) => boolean): Span[] {
  const out: Span[] = [];
  words.forEach((word, i) => {
    const last = out.at(-1);
    if (last && !parts(i - 1)) {
      last.text = joinRun(last.text, word.text, word.start - last.end, size);
      last.end = Math.max(last.end, word.end);
    } else out.push({ ...word });
  });
  return out;
}

/** The band of a word: the one it overlaps most, else the nearest by centre. */
function bandOf(word: Span, bands: { start: number; end: number }[]): number {
  let best = -1;
  let most = 0;
  bands.forEach((b, i) => {
    const o = Math.min(b.end, word.end) - Math.max(b.start, word.start);
    if (o > most) [best, most] = [i, o];
  });
  if (best >= 0) return best;
  const centre = (word.start + word.end) / 2;
  let distance = Number.POSITIVE_INFINITY;
  bands.forEach((b, i) => {
    const d = Math.abs((b.start + b.end) / 2 - centre);
    if (d < distance) [best, distance] = [i, d];
  });
  return best;
}

/**
 * The numbering row of a header (栏次 1 2 3 …, after the words of the cells before it): three
 * numbers or more from 1 up by one, nothing after them but 栏次 again. Each number stands in a
 * column of its own.
 */
function numbering(words: Span[]): boolean {
  const first = words.findIndex((w) => INTEGER.test(w.text));
  const rest = first < 0 ? [] : words.slice(first);
  // (a table of two blocks side by side numbers both: 栏次 1 | 栏次 2 3 4)
  const numbers = rest.filter((w) => !NUMBERING_LABEL.test(w.text));
  return numbers.length >= 3 && numbers.every((w, i) => INTEGER.test(w.text) && Number(w.text) === i + 1);
}

/**
 * A line of a table's header whose cells stand close: three words or more, each a few words' length
 * and none with a sentence's punctuation (the words of running text are longer, or end in it).
 */
export function tightRow(words: Span[]): boolean {
  return words.length >= 3 && words.every((w) => [...w.text].length <= 12 && !/[。；;，,]/.test(w.text));
}

/** Each line's pieces, parted further where the table's alignment shows a cell's edge. */
export function tightPieces(lines: TableLine[]): Span[][] {
  const figures = lines.map((l) => l.words.some((w) => holdsAmount(w.text)));
  const numbered = lines.map((l, i) => !figures[i] && numbering(l.words));
  // (an empty table has its 栏次 row to show its columns)
  if (!figures.some(Boolean) && !numbered.some(Boolean)) return lines.map((l) => l.pieces);
  const figureWords = lines.map((l, i) => (figures[i] ? l.words : []));
  // a gap the usual pieces already part at stays a part
  const coarse = (line: TableLine, a: Span, b: Span) =>
    gapBetween(a, b) >= 0 && line.pieces.some((p) => p.start === b.start);
  const out: Span[][] = lines.map((line, li) => {
    if (numbered[li])
      return joined(line.words, line.size, (i) =>
        [line.words[i], line.words[i + 1]].some(
          (w) => INTEGER.test(w?.text ?? '') || NUMBERING_LABEL.test(w?.text ?? ''),
        ),
      );
    if (!figures[li]) return line.pieces;
    const slack = line.size * EDGE_SLACK_EM;
    return joined(line.words, line.size, (i) => {
      const a = line.words[i] as Span;
      const b = line.words[i + 1] as Span;
      if (coarse(line, a, b)) return true;
      if (holdsAmount(a.text) || holdsAmount(b.text)) return true;
      if (CODE_HEAD.test(a.text) && CODE_PART.test(b.text)) return false;
      if (!INTEGER.test(a.text) && !INTEGER.test(b.text)) return false;
      return (
        edgeLines(figureWords, li, b.start, 'start', slack) >= EDGE_LINES ||
        edgeLines(figureWords, li, a.end, 'end', slack) >= EDGE_LINES
      );
    });
  });
  const bands = bandsOf(out.filter((_, i) => figures[i] || numbered[i]));
  if (bands.length < 2) return out;
  return out.map((pieces, li) => {
    const line = lines[li] as TableLine;
    if (figures[li]) return pieces;
    return joined(line.words, line.size, (i) => {
      const a = line.words[i] as Span;
      const b = line.words[i + 1] as Span;
      if (numbered[li] && [a, b].some((w) => INTEGER.test(w.text) || NUMBERING_LABEL.test(w.text))) return true;
      // 类 | 款 | 项 over the segments of a code: their columns may hold nothing below (the code in one)
      if (CODE_SEGMENT_WORD.test(a.text) && CODE_SEGMENT_WORD.test(b.text)) return true;
      return coarse(line, a, b) || bandOf(a, bands) !== bandOf(b, bands);
    });
  });
}
