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
}

export interface CatalogTable {
  kind: string;
  name: string;
  standard: boolean;
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
  /** function class code → names */
  functionClasses: Record<string, string[]>;
}
