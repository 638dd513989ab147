import type { Decimal } from 'decimal.js';
import type { CellPlace } from './grid.js';

/** Monetary unit declared in a table's preamble (单位：万元 / 单位：元). */
export type Unit = '万元' | '元';

/** Level of a classification code: function codes 类 3 / 款 5 / 项 7 digits, economic 类 3 / 款 5. */
export type CodeLevel = '类' | '款' | '项';

export type CodeScheme = 'function' | 'economic';

/** Where a value came from: every amount the validator talks about can be traced to one cell. */
export interface CellRef {
  file: string;
  sheet: string;
  /** A1 address, e.g. "C7" (in a published report: of the grid its reader made). */
  cell: string;
  /** A published report (PDF, Word, HTML, text): where the cell stands there (page, line, table, row, column). */
  place?: CellPlace;
}

/**
 * One amount cell as read.
 * - `number`: a value was read (from a number, a cached formula result or parseable text);
 * - `blank`: empty, "-", "--", "—": counts as zero but is distinct from an explicit 0;
 * - `unreadable`: text that is not an amount, an error value, a formula without a cached result.
 *   Rules must report it, never treat it as zero.
 */
export type AmountState = 'number' | 'blank' | 'unreadable';

export interface AmountCell {
  ref: CellRef;
  /** The cell as the user sees it (text, or the number as text; '' when empty). */
  raw: string;
  state: AmountState;
  /** The amount in the table's unit; null unless state is `number`. */
  value: Decimal | null;
  /** Decimal places written (for the rounding interval); 2 for blank cells. */
  decimals: number;
  /** Why the cell is unreadable (zh), only when state is `unreadable`. */
  reason?: string;
  fromFormula?: boolean;
  hidden?: boolean;
  /** Unreadable because a line printed with single spaces does not show which column its figures stand in. */
  unplaced?: boolean;
}

/** How a row is identified. Flat on purpose: rules and JSON consumers read fields directly. */
export interface RowKey {
  /** Stable textual id: "L27" (行次), "F2010350" (function code), "E30101" (economic code), "R:income-total" (role), "TOTAL", "ROW" (single-row tables), "T:<label>". */
  id: string;
  /** 行次 */
  line?: number;
  code?: string;
  scheme?: CodeScheme;
  level?: CodeLevel;
  /** The 合计 row of a code-keyed table. */
  total?: boolean;
}

export interface TableRow {
  key: RowKey;
  /** Row label as written (项目 / 科目名称); '' when the row has none. */
  label: string;
  /** Catalog role of a named row (e.g. "income-total"), when the catalog knows it. */
  role?: string;
  /** Block id from the catalog (e.g. "income" | "expenditure"; "budget" | "actual"). */
  block: string;
  /** Amount cells by catalog column id. */
  cells: Record<string, AmountCell>;
  /** 1-based worksheet row number. */
  sheetRow: number;
  hidden: boolean;
}

export interface TableColumn {
  id: string;
  block: string;
  /** Catalog name (zh) of the column. */
  name: string;
  /** Header text as found (merged/multi-row header cells joined with "/"). */
  header: string;
  /** Column letter(s), e.g. "C". */
  col: string;
}

export interface Table {
  /** Catalog kind id, e.g. "01". */
  kind: string;
  /** Catalog short name, e.g. "收入支出决算总表". */
  name: string;
  /** Title text as found in the sheet. */
  title: string;
  /** "公开01表" style marker if present. */
  marker?: string;
  file: string;
  sheet: string;
  /** A1 range the table occupies, title to last data/note row. */
  range: string;
  unit: Unit;
  unitSource: 'table' | 'workbook' | 'default';
  columns: TableColumn[];
  rows: TableRow[];
  /** Note lines below the table (注：…, "本部门…无…"). */
  notes: string[];
  /** True when no amount cell holds a non-zero number (or may: an unreadable cell, a clipped table). */
  empty: boolean;
  hiddenSheet: boolean;
  /**
   * Header texts of columns that hold amounts but name none of the table's columns (人员经费 and
   * 公用经费 where the catalog has 基本支出): a sum missing one of the table's columns may stand in
   * them, so the identities that need such a column are not checked. Absent when there are none.
   */
  unmapped?: string[];
  /**
   * Pages where the page's right edge cut the table (a PDF of a table wider than its page): its
   * columns are not all read, so no rule checks it (tables.clipped says so). Absent when whole.
   */
  clipped?: number[];
  /**
   * With `clipped`: what is missing is not past the page's edge but on pages of the sheet printed
   * side by side that could not be laid beside this part (its labels, or its columns further right).
   */
  unjoined?: boolean;
}

export interface IgnoredSheet {
  sheet: string;
  reason: string;
  hidden: boolean;
  /** Not a table, but read all the same: `narrative`, the 情况说明 check verifies (inspect says so). */
  readAs?: 'narrative';
}

export interface MissingTable {
  kind: string;
  name: string;
  /** Number or marker as the template set prints it ("公开01表", "表1-1", "七"). */
  number?: string;
}

/** A paragraph of running text outside the tables (a 情况说明 or 目录 sheet's cell, a report's paragraph). */
export interface ReportParagraph {
  text: string;
  /** 0-based position in the document's running text. */
  index: number;
  file: string;
  sheet?: string;
  cell?: string;
  page?: number;
  line?: number;
  /** Word and HTML: the paragraph's number in the document. */
  paragraph?: number;
  /** PDF: the page's right edge cut its last line; the rest of it is not printed (text.clipped). */
  clipped?: boolean;
  /** With `clipped`: cut at the print area, its rest on pages beside it not read back (side-text.ts). */
  piece?: boolean;
}

/** The template set (table set of a province or export) the document was read against. */
export interface TemplateUse {
  name: string;
  title: string;
  /** detected from the titles and markers found, or named by --template / the configuration. */
  how: 'detected' | 'option' | 'config';
  reason: string;
}

export interface WorkbookModel {
  file: string;
  /** Absent when the catalog has no template sets (a custom catalog). */
  template?: TemplateUse;
  department?: string;
  year?: number;
  /** The unit most tables declare. */
  unit?: Unit;
  tables: Table[];
  ignoredSheets: IgnoredSheet[];
  missingTables: MissingTable[];
  /**
   * Tables of a published report no catalog kind describes (国有资产占用情况表, 项目支出决算表 …): their
   * title as printed and where it stands. Not read and not checked; inspect lists them. Absent when none.
   */
  unknownTables?: {
    title: string;
    place: string;
    /** The catalog's name when the title is one it knows but the header names none of its columns. */
    kind?: string;
  }[];
  /** Every unreadable amount cell of every table, in reading order. */
  unreadable: AmountCell[];
  /**
   * Running text outside the tables, in reading order: a published report's paragraphs, or the text
   * cells of a workbook's sheets without tables (情况说明, 目录). For the completeness checks.
   */
  text?: ReportParagraph[];
}
