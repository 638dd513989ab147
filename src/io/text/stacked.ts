import type { FlowRow } from '../layout/flow.js';
import { isPrintedAmount, squeezeNumeric } from '../../util/amount-text.js';

/**
 * A table written one cell per line, in either of the two forms documents carry it:
 *
 * - bare lines ("项目", "行次", "金额", …, then "一、一般公共预算财政拨款收入", "1", "440.55", …):
 *   converters that flatten an HTML table into a text report write it so (the text reader);
 * - lines ending in a bar ("项 目 |", "预 算 数 |", …, "30.8 |", "|" for a blank cell): some sites
 *   render a table inside the 情况说明 so (the narrative).
 *
 * The lines carry no columns, so one reader lays them out for both, only where the table's shape
 * proves them: the header is the cells before the first data row's name (a 栏次 row after it is
 * the table's furniture, not a row); its width is the column count; rows of that width follow while
 * each keeps the table's pattern. Where a row breaks the pattern (a blank cell left out, the next
 * table's title), the table ends there and the rest stays text: a row read into the wrong columns
 * would be a false finding.
 *
 * The forms differ in what their lines prove (CellForm): a bare short line may be any text, so a
 * bare table must start at 项目, show printed amounts (0.00) and at least two rows, and each column
 * keeps the kind of cell (names or figures) its first row set; a barred line says it is a cell, so
 * a header naming a 预算 or 决算 column and one row of a name then figures are enough.
 *
 * Blank cells: a barred form writes them ("|"). Bare cells standing on lines of their own with one
 * blank line between (the usual converter's output) show each further blank line as one blank cell
 * (a cell with no blank line before it ends the table); when bare cells follow each other directly,
 * blank cells cannot be seen and are not guessed.
 */

/** One line of the text as this reader needs it: a line of text, a blank line, or a line of another kind (a table row). */
export type StackLine =
  | { kind: 'text'; line: number; text: string }
  /** `page`: a page's furniture or a blank line beside it (a page break), no blank cell */
  | { kind: 'blank'; line: number; page?: boolean }
  | { kind: 'cells' | 'aligned'; line: number };

export interface StackCell {
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
/** A header word that names the budget or the actual column, in either script, spaced or not. */
const BUDGET_OR_ACTUAL = /[预預]\s*算|[决決]\s*算/;
/** A figure, once squeezed to half width without spaces. */
const NUMBER = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/;
/** A 功能分类 or 经济分类 code standing in a column of its own: 201, 20101, 2010101. */
const CODE = /^\d{3}(?:\d{2}){0,2}$/;
/** A cell is short and no sentence: no full stop or clause mark (a label's 、 and brackets are fine). */
const SENTENCE_MARK = /[。；;！!？?，]/;
/** A cell of the barred form: its text, then the bar ("预 算 数 |", "|" when blank). */
const BARRED_CELL = /^([^|]*)\|$/;
const MAX_CELL = 40;
const HEADER_REACH = 100;

type Kind = 'label' | 'figure' | 'blank';

/** A cell's kind; a figure may be letter-spaced as its label is ("9 .5", "预 算 数") or in full width ("２４．６"). */
function kindOf(text: string): Kind {
  if (text === '') return 'blank';
  return NUMBER.test(squeezeNumeric(text)) ? 'figure' : 'label';
}

const isFigure = (text: string): boolean => kindOf(text) === 'figure';

/** Whether the cells from `from` are set off by blank lines: a blank line between the first two. */
function spacedAt(lines: StackLine[], from: number): boolean {
  return lines[from + 1]?.kind === 'blank';
}

/** A stateful test of the data rows of one table, each row in turn: whether it fits the rows accepted before it. */
type RowTest = (row: StackCell[]) => boolean;

/** What the lines of one form prove, so how much of a table's shape the reader asks of them. */
export interface CellForm {
  /** The cell a line of text holds in this form; undefined when the line is none of its cells. */
  cellOf(text: string): string | undefined;
  /** Whether a table may start at line `from` (its first cell), before any line after it is read. */
  opens(lines: StackLine[], from: number): boolean;
  /** The figure that shows the first data row has begun (and that a table must hold). */
  figure(cell: string): boolean;
  /** Whether the first row's name may stand apart from that figure (a 行次 or a blank cell between). */
  nameApart: boolean;
  /** Whether the header's cells can name the columns. */
  names(header: StackCell[]): boolean;
  /** The test of a table's data rows under this header. */
  rows(header: StackCell[]): RowTest;
  /** Data rows a table needs. */
  minRows: number;
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
 * Bare rows keep what the rows above set: each column keeps one kind (labels or figures), each
 * 行次 column rises, and each label column keeps to one side of a 收入 | 支出 table (a row shifted
 * by one side puts 本年收入合计 under 支出); a blank row, or a first row without its name, ends them.
 */
function keepsColumns(header: StackCell[]): RowTest {
  const kindAt: Kind[] = header.map(() => 'blank');
  const sideAt: ('income' | 'spending' | undefined)[] = header.map(() => undefined);
  const lastNumber: number[] = header.map(() => -1);
  const numbered = (c: number) => LINE_NUMBER.test((header[c] as StackCell).text);
  let first = true;
  return (row) => {
    const kinds = row.map((c) => kindOf(c.text));
    if (kinds.every((k) => k === 'blank') || (first && kinds[0] === 'blank')) return false;
    const fits = row.every((cell, c) => {
      const kind = kinds[c] as Kind;
      if (kind === 'blank') return true;
      if (kindAt[c] !== 'blank' && kindAt[c] !== kind) return false;
      if (numbered(c) && Number(cell.text) <= (lastNumber[c] as number)) return false;
      const side = kind === 'label' ? sideOf(cell.text) : undefined;
      return side === undefined || sideAt[c] === undefined || sideAt[c] === side;
    });
    if (!fits) return false;
    row.forEach((cell, c) => {
      const kind = kinds[c] as Kind;
      if (kind === 'blank') return;
      kindAt[c] = kind;
      if (numbered(c)) lastNumber[c] = Number(cell.text);
      if (kind === 'label') sideAt[c] ??= sideOf(cell.text);
    });
    first = false;
    return true;
  };
}

/** A barred row is a name, then figures or blank cells. */
const nameThenFigures: RowTest = (row) =>
  kindOf((row[0] as StackCell).text) === 'label' && row.slice(1).every((c) => kindOf(c.text) !== 'label');

/** Bare lines, a table's header starting with a line reading 项目 (the text reader's form). */
export const BARE_CELLS: CellForm = {
  cellOf(text) {
    const t = text.trim();
    return t.length > 0 && t.length <= MAX_CELL && !SENTENCE_MARK.test(t.replace(/\d[,，]\d/g, '0')) ? t : undefined;
  },
  opens(lines, from) {
    const first = lines[from];
    if (first?.kind !== 'text' || !HEADER_START.test(first.text.trim())) return false;
    // a header starts at its first word: the second 项目 of a 收入 | 支出 header is no table's start
    let above = from - 1;
    while (lines[above]?.kind === 'blank') above -= 1;
    const before = lines[above];
    return before?.kind !== 'text' || !COLUMN_WORD.test(before.text.trim());
  },
  figure: (cell) => isPrintedAmount(cell),
  nameApart: true,
  names: (header) => header.every((c) => kindOf(c.text) === 'label'),
  rows: keepsColumns,
  minRows: 2,
};

/** Lines ending in a bar, a header naming a 预算 or 决算 column (the narrative's form). */
export const BARRED_CELLS: CellForm = {
  cellOf(text) {
    const m = BARRED_CELL.exec(text.trim());
    return m ? (m[1] as string).trim() : undefined;
  },
  opens(lines, from) {
    const first = lines[from];
    return first?.kind === 'text' && this.cellOf(first.text) !== undefined;
  },
  figure: isFigure,
  // (a blank cell is written: one right before the first figure is a row without a name)
  nameApart: false,
  names: (header) => header.some((c) => BUDGET_OR_ACTUAL.test(c.text)) && !header.some((c) => isFigure(c.text)),
  rows: () => nameThenFigures,
  minRows: 1,
};

/**
 * The cells from `from` on, read as they are needed: each cell line and, when the cells are
 * `spaced`, a blank cell for each blank line beyond the first between two cells. Ends at the first
 * line that is no cell, or (spaced) at a cell with no blank line before it.
 */
function* cellsFrom(lines: StackLine[], from: number, form: CellForm, spaced: boolean): Generator<StackCell> {
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
    const text = l.kind === 'text' ? form.cellOf(l.text) : undefined;
    if (text === undefined) return;
    if (spaced && k > from) {
      if (blanks === 0 && !pageBreak) return;
      // (a blank cell ends on the blank line before the next cell: a table ending there goes on from that cell)
      for (let b = 1; b < blanks; b += 1) yield { text: '', line: l.line, index: k - 1 };
    }
    yield { text, line: l.line, index: k };
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
 * Where the data rows start: the name (or code and name) in front of the first figure, looked
 * for within HEADER_REACH cells (a header and its 栏次 row are short; a long run of short lines
 * without a figure near its start is no table, and is not read to its end for each start in it).
 */
function dataStart(cells: Cells, form: CellForm): number | undefined {
  let figure = -1;
  for (let i = 0; figure < 0 && i < HEADER_REACH && cells.has(i + 1); i += 1)
    if (form.figure((cells.list[i] as StackCell).text)) figure = i;
  let name = figure - 1;
  if (form.nameApart) while (name >= 0 && kindOf((cells.list[name] as StackCell).text) !== 'label') name -= 1;
  if (name < 1 || kindOf((cells.list[name] as StackCell).text) !== 'label') return undefined;
  return CODE.test((cells.list[name - 1] as StackCell).text) ? name - 1 : name;
}

/**
 * The table of `form` whose first cell is at line `from`: its header row, then its data rows, and
 * the index of the first line after it; undefined when the lines from there are no table this
 * reader can lay out safely.
 */
export function cellTable(
  lines: StackLine[],
  from: number,
  form: CellForm,
): { rows: StackCell[][]; next: number } | undefined {
  if (!form.opens(lines, from)) return undefined;
  const spaced = spacedAt(lines, from);
  const cells = new Cells(cellsFrom(lines, from, form, spaced));
  const start = dataStart(cells, form);
  if (start === undefined) return undefined;
  const stub = cells.list.findIndex((c, i) => i < start && STUB.test(c.text));
  const header = cells.list.slice(0, stub < 0 ? start : stub);
  // the 栏次 row: column numbers and blanks only
  const furniture = cells.list.slice(header.length, start);
  if (furniture.some((c) => !STUB.test(c.text) && c.text !== '' && !/^\d{1,2}$/.test(c.text))) return undefined;
  if (header.length < 2 || !form.names(header)) return undefined;
  // without blank lines to show blank cells, a row shifted by a repeat of its own pattern (one side
  // of a 收入|支出 table) cannot be told from a whole one, unless its 行次 say so (a barred row, one
  // name then figures, has no such repeat)
  if (!cells.has(start + header.length)) return undefined;
  const kinds = cells.list.slice(start, start + header.length).map((c) => kindOf(c.text));
  if (!spaced && periodic(kinds) && !header.some((c) => LINE_NUMBER.test(c.text))) return undefined;
  const fits = form.rows(header);
  const rows: StackCell[][] = [];
  for (let r = start; cells.has(r + header.length); r += header.length) {
    const row = cells.list.slice(r, r + header.length);
    if (!fits(row)) break;
    rows.push(row);
  }
  if (rows.length < form.minRows || !rows.some((row) => row.some((c) => form.figure(c.text)))) return undefined;
  const last = rows.at(-1)?.at(-1) as StackCell;
  return { rows: [header, ...rows], next: last.index + 1 };
}

/**
 * The bare table whose header starts at line `from` (a line reading 项目) as rows of the text's
 * flow, each where its first cell stands, and the index of the first line after it.
 */
export function stackedTable(lines: StackLine[], from: number): { rows: FlowRow[]; next: number } | undefined {
  const table = cellTable(lines, from, BARE_CELLS);
  if (!table) return undefined;
  const asRow = (row: StackCell[]): FlowRow => ({
    cells: row.map((c) => ({ text: c.text })),
    place: { line: (row.find((c) => c.text !== '') ?? (row[0] as StackCell)).line },
  });
  return { rows: table.rows.map(asRow), next: table.next };
}
