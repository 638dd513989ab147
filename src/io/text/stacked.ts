import type { FlowRow } from '../layout/flow.js';
import { AMOUNT_PIECE } from './amount-piece.js';

/**
 * A table copied out of a web page or a PDF one cell per line ("项目", "行次", "金额", …, then
 * "一、一般公共预算财政拨款收入", "1", "440.55", …): converters that flatten an HTML table write
 * it so. The lines carry no columns, so the table is read only where its shape proves them:
 *
 * - its header is one row of words starting with 项目, ended by the first row's label (or by a
 *   栏次 row, which is the table's furniture, not a row);
 * - its column count is the header's; every data row after it has that many cells, each column
 *   keeps one kind of cell (labels or figures) from row to row, each 行次 column rises, and each
 *   label column keeps to one side of a 收入 | 支出 table.
 *
 * Where a row breaks the pattern (a blank cell left out, the next table's title), the table ends
 * there and the rest stays running text: a row read into the wrong columns would be a false finding.
 *
 * Blank cells: when the cells stand on lines of their own with one blank line between (the usual
 * converter's output), each further blank line is one blank cell (a cell with no blank line before
 * it ends the table); when cells follow each other directly, blank cells cannot be seen and are not
 * guessed.
 */

/** One line of the text as this reader needs it: a line of text, a blank line, or a line of another kind (a table row). */
export type StackLine =
  | { kind: 'text'; line: number; text: string }
  /** `page`: a page's furniture or a blank line beside it (a page break), no blank cell */
  | { kind: 'blank'; line: number; page?: boolean }
  | { kind: 'cells' | 'aligned'; line: number };

interface StackCell {
  text: string;
  /** Line number (1-based) in the text; blank cells take the line they were inferred at. */
  line: number;
  /** Index of the line in the caller's array. */
  index: number;
}

const HEADER_START = /^[项項]\s*目$/;
const STUB = /^[栏欄]\s*次$/;
const LINE_NUMBER = /^行\s*次$/;
/** Words of a header row: a line reading one of them above 项目 means 项目 is not the header's first cell. */
const COLUMN_WORD = /^(?:[项項]\s*目|行\s*次|金\s*[额額]|[决決]算[数數]|[预預]算[数數]|合\s*[计計])$/;
const NUMBER = /^[-−]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．]\d+)?%?$/;
/** A 功能分类 or 经济分类 code standing in a column of its own: 201, 20101, 2010101. */
const CODE = /^\d{3}(?:\d{2}){0,2}$/;
/** A cell is short and no sentence: no full stop or clause mark (a label's 、 and brackets are fine). */
const SENTENCE_MARK = /[。；;！!？?，]/;
const MAX_CELL = 40;
const HEADER_REACH = 100;

type Kind = 'label' | 'figure' | 'blank';

function kindOf(text: string): Kind {
  if (text === '') return 'blank';
  return NUMBER.test(text) ? 'figure' : 'label';
}

/** Whether a line of text can be one cell of a flattened table. */
function isCellLine(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= MAX_CELL && !SENTENCE_MARK.test(t.replace(/\d[,，]\d/g, '0'));
}

/** Whether the cells from `from` are set off by blank lines: a blank line between the first two. */
function spacedAt(lines: StackLine[], from: number): boolean {
  return lines[from + 1]?.kind === 'blank';
}

/**
 * The cells from `from` on, read as they are needed: each cell line and, when the cells are
 * `spaced`, a blank cell for each blank line beyond the first between two cells. Ends at the first
 * line that is no cell, or (spaced) at a cell with no blank line before it.
 */
function* cellsFrom(lines: StackLine[], from: number, spaced: boolean): Generator<StackCell> {
  let blanks = 0;
  // a page break between two cells stands for the blank line between them
  let pageBreak = false;
  for (let k = from; k < lines.length; k += 1) {
    const l = lines[k] as StackLine;
    if (l.kind === 'blank') {
      if (l.page === true) pageBreak = true;
      else blanks += 1;
      continue;
    }
    if (l.kind !== 'text' || !isCellLine(l.text)) return;
    if (spaced && k > from) {
      if (blanks === 0 && !pageBreak) return;
      // (a blank cell ends on the blank line before the next cell: a table ending there goes on from that cell)
      for (let b = 1; b < blanks; b += 1) yield { text: '', line: l.line, index: k - 1 };
    }
    yield { text: l.text.trim(), line: l.line, index: k };
    blanks = 0;
    pageBreak = false;
  }
}

/** Cells pulled from a reader into an array as far as they are asked for. */
class Cells {
  readonly list: StackCell[] = [];
  constructor(private readonly source: Generator<StackCell>) {}
  /** Whether there are at least `n` cells. */
  has(n: number): boolean {
    while (this.list.length < n) {
      const next = this.source.next();
      if (next.done === true) return false;
      this.list.push(next.value);
    }
    return true;
  }
}

/**
 * Where the data rows start: the label (or code and label) in front of the first amount, looked
 * for within HEADER_REACH cells (a header and its 栏次 row are short; a long run of short lines
 * without an amount near its 项目 is no table, and is not read to its end for each 项目 in it).
 */
function dataStart(cells: Cells): number | undefined {
  let amount = -1;
  for (let i = 0; amount < 0 && i < HEADER_REACH && cells.has(i + 1); i += 1)
    if (AMOUNT_PIECE.test((cells.list[i] as StackCell).text)) amount = i;
  let label = amount - 1;
  while (label >= 0 && kindOf((cells.list[label] as StackCell).text) !== 'label') label -= 1;
  if (label < 1) return undefined;
  return CODE.test((cells.list[label - 1] as StackCell).text) ? label - 1 : label;
}

/** Whether some rotation of a row's kinds (other than none) gives the same kinds: a row shifted by it would look whole. */
function periodic(kinds: Kind[]): boolean {
  const key = kinds.join();
  return kinds.some((_, k) => k > 0 && [...kinds.slice(k), ...kinds.slice(0, k)].join() === key);
}

/** The side of a 收入 | 支出 table a row label belongs to, when its words say so. */
function sideOf(label: string): 'income' | 'spending' | undefined {
  const income = /收入/.test(label);
  const spending = /支出/.test(label);
  return income === spending ? undefined : income ? 'income' : 'spending';
}

/**
 * Data rows of the header's width from `start`; stops at the first row that breaks what the rows
 * above set: each column keeps one kind (labels or figures), each 行次 column rises, and each label
 * column keeps to one side of a 收入 | 支出 table (a row shifted by one side puts 本年收入合计 under 支出).
 */
function dataRows(cells: Cells, start: number, header: StackCell[]): StackCell[][] {
  const width = header.length;
  const kindAt: Kind[] = header.map(() => 'blank');
  const sideAt: ('income' | 'spending' | undefined)[] = header.map(() => undefined);
  const lastNumber: number[] = header.map(() => -1);
  const numbered = (c: number) => LINE_NUMBER.test((header[c] as StackCell).text);
  const rows: StackCell[][] = [];
  for (let r = start; cells.has(r + width); r += width) {
    const row = cells.list.slice(r, r + width);
    const kinds = row.map((c) => kindOf(c.text));
    if (kinds.every((k) => k === 'blank') || (rows.length === 0 && kinds[0] === 'blank')) break;
    const fits = row.every((cell, c) => {
      const kind = kinds[c] as Kind;
      if (kind === 'blank') return true;
      if (kindAt[c] !== 'blank' && kindAt[c] !== kind) return false;
      if (numbered(c) && Number(cell.text) <= (lastNumber[c] as number)) return false;
      const side = kind === 'label' ? sideOf(cell.text) : undefined;
      return side === undefined || sideAt[c] === undefined || sideAt[c] === side;
    });
    if (!fits) break;
    row.forEach((cell, c) => {
      const kind = kinds[c] as Kind;
      if (kind === 'blank') return;
      kindAt[c] = kind;
      if (numbered(c)) lastNumber[c] = Number(cell.text);
      if (kind === 'label') sideAt[c] ??= sideOf(cell.text);
    });
    rows.push(row);
  }
  return rows;
}

/**
 * The table whose header starts at line `from` (a line reading 项目), and the index of the first
 * line after it; undefined when the lines from there are no table this reader can lay out safely.
 */
export function stackedTable(lines: StackLine[], from: number): { rows: FlowRow[]; next: number } | undefined {
  const first = lines[from];
  if (first?.kind !== 'text' || !HEADER_START.test(first.text.trim())) return undefined;
  // a header starts at its first word: the second 项目 of a 收入 | 支出 header is no table's start
  let above = from - 1;
  while (lines[above]?.kind === 'blank') above -= 1;
  const before = lines[above];
  if (before?.kind === 'text' && COLUMN_WORD.test(before.text.trim())) return undefined;
  const spaced = spacedAt(lines, from);
  const cells = new Cells(cellsFrom(lines, from, spaced));
  const start = dataStart(cells);
  if (start === undefined) return undefined;
  const stub = cells.list.findIndex((c, i) => i < start && STUB.test(c.text));
  const header = cells.list.slice(0, stub < 0 ? start : stub);
  // the 栏次 row: column numbers and blanks only
  const furniture = cells.list.slice(header.length, start);
  if (furniture.some((c) => !STUB.test(c.text) && c.text !== '' && !/^\d{1,2}$/.test(c.text))) return undefined;
  if (header.length < 2 || header.some((c) => kindOf(c.text) !== 'label')) return undefined;
  // without blank lines to show blank cells, a row shifted by a repeat of its own pattern (one side
  // of a 收入|支出 table) cannot be told from a whole one, unless its 行次 say so
  if (!cells.has(start + header.length)) return undefined;
  const kinds = cells.list.slice(start, start + header.length).map((c) => kindOf(c.text));
  if (!spaced && periodic(kinds) && !header.some((c) => LINE_NUMBER.test(c.text))) return undefined;
  const rows = dataRows(cells, start, header);
  if (rows.length < 2 || !rows.some((row) => row.some((c) => AMOUNT_PIECE.test(c.text)))) return undefined;
  const asRow = (row: StackCell[]): FlowRow => ({
    cells: row.map((c) => ({ text: c.text })),
    place: { line: (row.find((c) => c.text !== '') ?? (row[0] as StackCell)).line },
  });
  const last = rows.at(-1)?.at(-1) as StackCell;
  return { rows: [asRow(header), ...rows.map(asRow)], next: last.index + 1 };
}
