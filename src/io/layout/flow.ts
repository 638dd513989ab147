import type { CellPlace } from '../../model/grid.js';

/**
 * A published document as its readers see it, before any table meaning: paragraphs of running
 * text and tables of cells, in reading order, each with where it stands (page, line, table
 * number). Every reader of a published form (text, Word, HTML, PDF) produces this; one builder
 * (document.ts) turns it into the grids and running text of a SourceDocument.
 */
/** A table's caption on a page it runs on to (spaces removed): 续表, （续表）, 续表2, 续上表, （续）. */
export const CONTINUED_CAPTION = /^[（(]?续(?:表[一二三四五六七八九十\d]*|上表)?[）)]?$/;

export interface FlowCell {
  text: string;
  /** Columns and rows the cell covers (Word gridSpan/vMerge, HTML colspan/rowspan); 1 when absent. */
  colSpan?: number;
  rowSpan?: number;
  /**
   * Whether the text reaches its column's right edge, where a layout wraps a long label (a
   * space-aligned text knows this; a false cell was not wrapped onto the next line). Unknown when absent.
   */
  full?: boolean;
  /** Where this cell was read, when it differs from its row's place (a PDF row over two pages). */
  place?: CellPlace;
}

export interface FlowRow {
  cells: FlowCell[];
  /** Where the row stands: its page or line; the builder adds table, row and col. */
  place: CellPlace;
}

export interface FlowParagraph {
  kind: 'paragraph';
  text: string;
  place: CellPlace;
}

export interface FlowTable {
  kind: 'table';
  rows: FlowRow[];
}

export type FlowItem = FlowParagraph | FlowTable;

/** One cell of a laid-out table: the text of its merge's top-left cell, and whether it is that cell. */
export interface LaidCell {
  text: string;
  mergedSlave: boolean;
  place: CellPlace;
}

/**
 * A table's rows with their spans resolved into a rectangle (the HTML table model: a cell takes
 * the first free slot of its row; rowspans reserve slots below). Bounded: spans are clipped to
 * 1000 columns and the table's own rows, so a hostile colspan cannot allocate without end.
 */
export function layTable(table: FlowTable, tableNumber: number): LaidCell[][] {
  const grid: LaidCell[][] = table.rows.map(() => []);
  table.rows.forEach((row, r) => {
    const line = grid[r] as LaidCell[];
    let col = 0;
    for (const cell of row.cells) {
      while (line[col] !== undefined) col += 1;
      const colSpan = Math.min(Math.max(1, Math.floor(cell.colSpan ?? 1)), 1000 - col);
      const rowSpan = Math.min(Math.max(1, Math.floor(cell.rowSpan ?? 1)), table.rows.length - r);
      if (colSpan <= 0) break;
      for (let dr = 0; dr < rowSpan; dr += 1) {
        const target = grid[r + dr] as LaidCell[];
        for (let dc = 0; dc < colSpan; dc += 1) {
          // Object.assign, not a spread: V8 (Node 20) adds properties to a spread copy on a slow
          // path, about 1 µs each, and a document lays out thousands of cells
          const place = Object.assign({}, cell.place ?? table.rows[r + dr]?.place ?? row.place, {
            table: tableNumber,
            row: r + 1,
            col: col + 1,
          });
          target[col + dc] = { text: cell.text, mergedSlave: dr > 0 || dc > 0, place };
        }
      }
      col += colSpan;
    }
  });
  return grid;
}

/**
 * The rows that hold some text, the rest (a double rule, an empty spacer, the band a page's end
 * leaves under the cells it cuts) left out; a cell merged down over rows left out spans the rows
 * kept, so that it never reaches into the row after them.
 */
export function withoutBlankRows(rows: FlowRow[]): FlowRow[] {
  const blank = rows.map((row) => row.cells.every((c) => c.text === ''));
  return rows.flatMap((row, r) => {
    if (blank[r]) return [];
    const cells = row.cells.map((cell) => {
      const span = Math.max(1, cell.rowSpan ?? 1);
      const kept = blank.slice(r, r + span).filter((b) => !b).length;
      if (kept === span) return cell;
      const { rowSpan: _, ...rest } = cell;
      return kept > 1 ? { ...rest, rowSpan: kept } : rest;
    });
    return [{ ...row, cells }];
  });
}
