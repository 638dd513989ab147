import type { Table, TableRow } from '../../model/types.js';

/**
 * Code-tree facts of one table, computed once per table and shared by every rule: which rows
 * are leaves, which are outermost, which row is the nearest listed ancestor of which.
 * "Listed" matters: a file may print 类/款 subtotal rows or only 项 rows, and every roll-up and
 * total rule is phrased over the rows actually present.
 */
export class TableIndex {
  private readonly codeRows: TableRow[];
  private readonly codes: Set<string>;
  private readonly hasDescendant = new Set<string>();

  constructor(readonly table: Table) {
    this.codeRows = table.rows.filter((r) => r.key.code !== undefined);
    this.codes = new Set(this.codeRows.map((r) => r.key.code as string));
    for (const code of this.codes) {
      for (const ancestor of this.ancestorsListed(code)) this.hasDescendant.add(ancestor);
    }
  }

  /** Proper prefixes of the code (3, 5 digits) that are listed rows of the table. */
  private ancestorsListed(code: string): string[] {
    const found: string[] = [];
    for (let len = 3; len < code.length; len += 2) {
      const prefix = code.slice(0, len);
      if (this.codes.has(prefix)) found.push(prefix);
    }
    return found;
  }

  isLeaf(row: TableRow): boolean {
    return row.key.code !== undefined && !this.hasDescendant.has(row.key.code);
  }

  isTop(row: TableRow): boolean {
    return row.key.code !== undefined && this.ancestorsListed(row.key.code).length === 0;
  }

  /** The row's code is below `code` and no listed row lies between them. */
  isChildOf(row: TableRow, code: string): boolean {
    const own = row.key.code;
    if (own === undefined || own.length <= code.length || !own.startsWith(code)) return false;
    return this.ancestorsListed(own).every((a) => a.length <= code.length);
  }

  /** First row holding the role, in the block when one is given. */
  roleRow(role: string, block?: string): TableRow | undefined {
    return this.table.rows.find((r) => r.role === role && (block === undefined || r.block === block));
  }
}

const indexes = new WeakMap<Table, TableIndex>();

export function indexOf(table: Table): TableIndex {
  let index = indexes.get(table);
  if (!index) {
    index = new TableIndex(table);
    indexes.set(table, index);
  }
  return index;
}
