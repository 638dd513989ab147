export type RowKeying = 'line' | 'function-code' | 'economic-code' | 'single';

export interface CatalogColumn {
  id: string;
  name: string;
  aliases: string[];
  /** 'percent': cells hold percentages ("42.29%"), read as percent points (42.29). Default 'amount'. */
  type?: 'amount' | 'percent';
}

/**
 * A labelled value of a form-like table (绩效自评表: "项目名称 | 行政运行项目", "基本支出总额 |
 * 533.65 万元"): the first non-empty cell right of a cell holding one of the labels. Read as a row
 * with this role: text fields put the value in the row label, amount fields in cell `amount`.
 */
export interface CatalogField {
  role: string;
  labels: string[];
  type: 'text' | 'amount';
}

export interface CatalogRole {
  role: string;
  labels: string[];
  /** Only rows below the row of this role may take the role. */
  after?: string;
}

export interface CatalogBlock {
  id: string;
  name: string;
  aliases: string[];
  columns: CatalogColumn[];
  roles: CatalogRole[];
  /** Rows of this block may be function classes named in words (01, 04 expenditure side). */
  classRows: boolean;
  /**
   * Row by row, the first column of each list is the sum of the others (本年支出合计 = 基本支出 +
   * 项目支出 …). What places the figures of a line printed with single spaces, whose blank cells
   * left no trace (src/reader/spaced): only a placement that keeps every sum is possible.
   */
  sums: string[][];
}

export interface CatalogTable {
  kind: string;
  name: string;
  standard: boolean;
  /** A standard kind this table takes the place of in some sets (Beijing districts print 财政拨款基本支出经济分类决算表 for 06): that kind is not missing. */
  standsFor?: string;
  titles: string[];
  rowKey: RowKeying;
  blocks: CatalogBlock[];
  summaryRoles: CatalogRole[];
  /** Form fields read anywhere in the table's region (绩效自评表); a table with fields needs no amount header. */
  fields: CatalogField[];
}

export type StructuralRole = 'label' | 'line' | 'code' | 'codeClass' | 'codeKuan' | 'codeXiang';

export interface Catalog {
  structural: Record<StructuralRole, string[]>;
  tables: CatalogTable[];
  /** function class code → names, the name in force first, former names after it */
  functionClasses: Record<string, string[]>;
  /** A former class name → the first year whose 科目 use the name in force instead (absent: never called outdated). */
  functionClassRenamed: Record<string, number>;
}

/** One table of a template set, as the set prints it. */
export interface TemplateTable {
  /** Shared table kind (rules/catalog/tables.yaml). */
  kind: string;
  /** Titles as this set prints them, the first canonical; the set claims them for this kind. */
  titles: string[];
  /** Number or marker as printed ("公开02表", "表1-1", "七"). */
  number?: string;
  required: boolean;
}

/** A part of the published report the set requires (部门职责, 名词解释 …), found by its heading. */
export interface ReportPart {
  id: string;
  name: string;
  /** Heading words; a paragraph that is a heading holding one of them is the part. */
  labels: string[];
}

/**
 * A province's (or an official export's) table set: which kinds it publishes, under which titles
 * and markers, in which order, and which report parts it requires. Detected from the titles and
 * markers found, or named with `--template` / `template:`.
 */
export interface TemplateSet {
  name: string;
  title: string;
  /** Marker patterns typical of the set (regular expressions over the squeezed marker or sheet name). */
  markers: string[];
  /** Where the tables stand in a full report: before or after the 情况说明 (information only). */
  tablesAt?: 'before-narrative' | 'after-narrative';
  tables: TemplateTable[];
  /** Report parts required in a full published report, in order. */
  parts: ReportPart[];
  /** The file it was read from. */
  source: string;
}
