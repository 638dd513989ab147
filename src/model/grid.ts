/**
 * A table region of any input as plain data: what the table reader needs of each cell, nothing of
 * the file format it came from. Every reader of an input kind (src/io/…) produces grids; the
 * recognisers in src/reader (titles, header, rows) read grids only. Rows and columns are 1-based;
 * missing cells are empty.
 */
export type CellContent =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; formula?: boolean }
  | { kind: 'text'; value: string; formula?: boolean }
  | { kind: 'error'; value: string; formula?: boolean }
  | { kind: 'no-result'; formula: string }
  /**
   * A cell of a line printed with single spaces between its cells (a text copied from a PDF), into
   * which one of the line's figures may or may not go: its blank cells left no trace, and no
   * placement of the figures that keeps the table's sums tells which (src/reader/spaced).
   */
  | { kind: 'unplaced'; figures: string[] };

export interface GridCell {
  content: CellContent;
  /** Display text of the cell; for a merged cell, the text of the merge's top-left cell. */
  text: string;
  /** Part of a merge but not its top-left cell: its own value is empty. */
  mergedSlave: boolean;
}

/**
 * Where a grid cell stands in a document that has no A1 addresses (PDF page, text line, Word or
 * HTML table): what a finding shows so a reader can find the cell. Absent for a worksheet, whose
 * sheet!A1 address is the place.
 */
export interface CellPlace {
  /** 1-based page of a PDF. */
  page?: number;
  /** 1-based line of a text file. */
  line?: number;
  /** 1-based number of the table in the document (Word, HTML, PDF, text). */
  table?: number;
  /** 1-based paragraph of a Word or HTML document (a line of text outside its tables). */
  paragraph?: number;
  /** 1-based row and column inside that table, as printed. */
  row?: number;
  col?: number;
  /**
   * What the cell is, as the report names it, once its table is recognised: the table's name,
   * the row (code and label: "2010350 事业运行") and the column ("基本支出").
   */
  names?: { table: string; row: string; column: string };
  /**
   * The cell's table runs past the page's right edge (a PDF printed from a table wider than its
   * page): the columns beyond the edge were not printed, the one it crosses only in part.
   */
  clipped?: boolean;
  /**
   * With `clipped`: the cell's table is a piece of a sheet printed side by side over pages whose
   * other pieces were not laid beside it (or the table whose columns such a piece holds).
   */
  piece?: boolean;
  /**
   * PDF: the cell's table has no rules: its columns were read from the alignment of its lines, so a
   * word in an amount column may be a label the alignment placed one column off.
   */
  aligned?: boolean;
  /**
   * PDF: the cell's text runs across its right line. A print clips a label too long for its cell
   * there when the cell beside it holds something (年末财政拨款结转和 | 22.00, the rest not
   * printed): the text may be the start of a longer label.
   */
  crossesRight?: boolean;
  /**
   * PDF: a line that starts past the page's left edge: the print lost its start (a title centred
   * over a box narrower than it, running off the page on the left). What is left is its tail.
   */
  cutAtLeft?: boolean;
  /**
   * Text: a whole line of a table printed with single spaces between its cells (a PDF viewer's
   * copy), read as one cell; which words are which cells is for the table's reader to find.
   */
  spaced?: boolean;
}

export interface Grid {
  /** A worksheet's name, or the name a reader gives a region of another document ("第 3–5 页"). */
  sheet: string;
  hidden: boolean;
  rowCount: number;
  colCount: number;
  hiddenRows: Set<number>;
  cell(row: number, col: number): GridCell;
  /** Where a cell is, for inputs without A1 addresses; absent for worksheets. */
  place?(row: number, col: number): CellPlace;
  /**
   * A sparse grid (a worksheet) lists the rows that hold a cell, ascending, and each row's
   * columns, so that work follows the stored cells and not the grid's extent: one cell at
   * XFD1048576 makes a 17-billion-cell rectangle. Absent: every row and column counts.
   */
  storedRows?(): readonly number[];
  storedCols?(row: number): readonly number[];
}

/** The rows from `from` to `to` that may hold something, ascending (see Grid.storedRows). */
export function rowsBetween(grid: Grid, from: number, to: number): number[] {
  const first = Math.max(1, from);
  const last = Math.min(to, grid.rowCount);
  if (!grid.storedRows) {
    const rows: number[] = [];
    for (let r = first; r <= last; r += 1) rows.push(r);
    return rows;
  }
  const stored = grid.storedRows();
  let lo = 0;
  let hi = stored.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((stored[mid] as number) < first) lo = mid + 1;
    else hi = mid;
  }
  const rows: number[] = [];
  for (let i = lo; i < stored.length && (stored[i] as number) <= last; i += 1) rows.push(stored[i] as number);
  return rows;
}

/** The columns of `row` that may hold something, ascending (see Grid.storedCols). */
export function colsOf(grid: Grid, row: number): readonly number[] {
  if (grid.storedCols) return grid.storedCols(row);
  return Array.from({ length: grid.colCount }, (_, i) => i + 1);
}

/** A cell's display text from its content: a formula without a cached result shows as =formula. */
export function contentText(content: CellContent): string {
  switch (content.kind) {
    case 'empty':
    case 'unplaced':
      return '';
    case 'number':
      return String(content.value);
    case 'text':
    case 'error':
      return content.value;
    case 'no-result':
      return `=${content.formula}`;
  }
}

export const EMPTY_CELL: GridCell = { content: { kind: 'empty' }, text: '', mergedSlave: false };

/** Column number → letters ("A", "AB"). */
export function columnLetter(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}
