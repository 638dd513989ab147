import type { Decimal } from 'decimal.js';
import type { Unit } from '../model/types.js';

/**
 * The year-over-year comparison of two workbooks (src/diff): what `juesuan diff` reports and the
 * formatters render. Every amount is in 万元, exact (a 元 workbook's 12.34 元 is 0.001234 万元).
 */

export interface Thresholds {
  /** A change is flagged when |rate| ≥ this many percent (a change from 0 always meets it) … */
  rate: Decimal;
  /** … and |change| ≥ this many 万元. */
  amount: Decimal;
}

export interface DiffSide {
  file: string;
  department?: string;
  year?: number;
  unit?: Unit;
}

/** One amount cell whose value differs between the years (or whose row exists in one year only). */
export interface CellChange {
  /** Catalog column id, e.g. "basic". */
  column: string;
  /** Column name (zh), e.g. "基本支出". */
  columnName: string;
  /** null: blank, or no such row/column that year. */
  prior: Decimal | null;
  current: Decimal | null;
  /** current − prior (blank counts as 0). */
  change: Decimal;
  /** change / prior × 100; null when the prior amount is 0 (nothing to grow from). */
  rate: Decimal | null;
  flagged: boolean;
  /**
   * Decimal places to show in 万元: as written in a 万元 table (at least 2), 2 for an amount converted
   * from 元 (0.01 元 is 0.000001 万元: exact, but no reader wants it). The values stay exact.
   */
  places: number;
  /** "sheet!A1" of the cell in each file, when the row is there. */
  priorCell?: string;
  currentCell?: string;
}

export type RowStatus = 'matched' | 'added' | 'removed';

export interface RowDiff {
  /** How the two rows were paired: "role:total", "code:2010350", "line:9", "TOTAL", "ROW". */
  match: string;
  /** RowKey.id of the row (this year's when it has one). */
  rowKey: string;
  block: string;
  /**
   * "2010350 事业运行", "第27行「本年收入合计」"; in a table of side-by-side blocks, a label both blocks
   * use is named with its block: "收入 · 第30行「总计」".
   */
  label: string;
  code?: string;
  status: RowStatus;
  changes: CellChange[];
}

export type TableStatus = 'both' | 'added' | 'removed';

export interface TableDiff {
  kind: string;
  name: string;
  status: TableStatus;
  /** Rows with a change, and every added or removed row (with its amounts, if any). */
  rows: RowDiff[];
  /** Rows present in both years with no changed amount. */
  unchangedRows: number;
}

/** A function class (类) of 01's expenditure side, for the chart of class totals. */
export interface ClassTotal {
  code: string;
  name: string;
  /** null: blank (or no such class that year). */
  prior: Decimal | null;
  current: Decimal | null;
  /** Decimal places to show, as for CellChange. */
  places: number;
}

export interface DiffSummary {
  tables: number;
  rowsAdded: number;
  rowsRemoved: number;
  /** Changed amount cells (added/removed rows count with their non-blank amounts). */
  changes: number;
  flagged: number;
}

export interface WorkbookDiff {
  prior: DiffSide;
  current: DiffSide;
  thresholds: Thresholds;
  tables: TableDiff[];
  classTotals: ClassTotal[];
  summary: DiffSummary;
  /** Things a reader of the diff should know (units converted, departments differ …), zh. */
  notes: string[];
}
