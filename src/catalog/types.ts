export type RowKeying = 'line' | 'function-code' | 'economic-code' | 'single';

export interface CatalogColumn {
  id: string;
  name: string;
  aliases: string[];
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
}

export type StructuralRole = 'label' | 'line' | 'code' | 'codeClass' | 'codeKuan' | 'codeXiang';

export interface Catalog {
  structural: Record<StructuralRole, string[]>;
  tables: CatalogTable[];
  /** function class code → names */
  functionClasses: Record<string, string[]>;
}
