import type { Table, TableRow } from '../../model/types.js';
import { labelKey } from '../../util/text.js';

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
  /** code → rows with that code; prefix → rows strictly below it: lookups without a scan, so
   * a per-row rule over a 3,000-row table stays linear. Lists keep table order. */
  private readonly byCode = new Map<string, TableRow[]>();
  private readonly below = new Map<string, TableRow[]>();
  private readonly position = new Map<TableRow, number>();

  constructor(readonly table: Table) {
    this.codeRows = table.rows.filter((r) => r.key.code !== undefined);
    this.codes = new Set(this.codeRows.map((r) => r.key.code as string));
    for (const code of this.codes) {
      for (const ancestor of this.ancestorsListed(code)) this.hasDescendant.add(ancestor);
    }
    for (const [i, row] of table.rows.entries()) this.position.set(row, i);
    for (const row of this.codeRows) {
      const code = row.key.code as string;
      push(this.byCode, code, row);
      for (let len = 3; len < code.length; len += 2) push(this.below, code.slice(0, len), row);
    }
  }

  private columns: Set<string> | undefined;

  /** Some row of the table has this column (a province may drop one altogether). */
  hasColumn(column: string): boolean {
    if (!this.columns) {
      // gathered once, also when there is none (an empty table)
      this.columns = new Set();
      for (const row of this.table.rows) for (const id in row.cells) this.columns.add(id);
    }
    return this.columns.has(column);
  }

  rowsWithCode(code: string): readonly TableRow[] {
    return this.byCode.get(code) ?? [];
  }

  /** Rows whose code starts with `prefix` and is longer. */
  rowsBelow(prefix: string): readonly TableRow[] {
    return this.below.get(prefix) ?? [];
  }

  private atOrBelow: Map<string, TableRow[]> | undefined;

  /**
   * Rows whose code is `prefix` or lies below it (rowsWithCode and rowsBelow together), in table
   * order: one list per prefix, gathered once, instead of a merge and sort per lookup.
   */
  rowsAtOrBelow(prefix: string): readonly TableRow[] {
    if (!this.atOrBelow) {
      this.atOrBelow = new Map();
      for (const row of this.codeRows) {
        const code = row.key.code as string;
        for (let len = 3; len < code.length; len += 2) push(this.atOrBelow, code.slice(0, len), row);
        push(this.atOrBelow, code, row);
      }
    }
    return this.atOrBelow.get(prefix) ?? [];
  }

  /** Rows in table order, without duplicates. */
  inTableOrder(rows: Iterable<TableRow>): TableRow[] {
    return [...new Set(rows)].sort((a, b) => (this.position.get(a) ?? 0) - (this.position.get(b) ?? 0));
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
    return row.key.code !== undefined && this.deepestAncestor(row.key.code) === 0;
  }

  /** The row's code is below `code` and no listed row lies between them. */
  isChildOf(row: TableRow, code: string): boolean {
    const own = row.key.code;
    if (own === undefined || own.length <= code.length || !own.startsWith(code)) return false;
    return this.deepestAncestor(own) <= code.length;
  }

  private readonly deepest = new Map<string, number>();

  /** Length of the longest listed proper prefix of the code; 0 when none is listed. Once per code. */
  private deepestAncestor(code: string): number {
    let length = this.deepest.get(code);
    if (length === undefined) {
      length = 0;
      for (const prefix of this.ancestorsListed(code)) length = Math.max(length, prefix.length);
      this.deepest.set(code, length);
    }
    return length;
  }

  private byLabel: Map<string, TableRow[]> | undefined;

  /** Rows whose label (labelKey) is this key, in table order: the labels are normalised once per table, not once per lookup. */
  rowsWithLabel(key: string): readonly TableRow[] {
    if (!this.byLabel) {
      this.byLabel = new Map();
      for (const row of this.table.rows) push(this.byLabel, labelKey(row.label), row);
    }
    return this.byLabel.get(key) ?? [];
  }

  /** First row holding the role, in the block when one is given. */
  roleRow(role: string, block?: string): TableRow | undefined {
    return this.table.rows.find((r) => r.role === role && (block === undefined || r.block === block));
  }
}

function push(map: Map<string, TableRow[]>, key: string, row: TableRow): void {
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}

/** Looks up a table's index, building it on first use. */
export type IndexOf = (table: Table) => TableIndex;

/** The indexes of one run of the rules over a document: built once per table, dropped with the run. */
export function tableIndexes(): IndexOf {
  const indexes = new Map<Table, TableIndex>();
  return (table) => {
    let index = indexes.get(table);
    if (!index) {
      index = new TableIndex(table);
      indexes.set(table, index);
    }
    return index;
  };
}
