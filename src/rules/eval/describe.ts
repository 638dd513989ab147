import { loadCatalog } from '../../catalog/load-catalog.js';
import type { Table, TableRow } from '../../model/types.js';
import type { RowFilter, RowSelector } from '../types.js';

/** Words for rows, columns and row selections in messages a finance officer reads. */

export function blockName(table: Table, block: string): string {
  return (
    loadCatalog()
      .tables.find((t) => t.kind === table.kind)
      ?.blocks.find((b) => b.id === block)?.name ?? block
  );
}

/** "2010350 事业运行", "第27行「本年收入合计」", "合计", "决算数" (09's single row, by block). */
export function describeRow(table: Table, row: TableRow): string {
  const label = row.label.trim();
  if (row.key.total) return label || '合计';
  if (row.key.line !== undefined) return label ? `第${row.key.line}行「${label}」` : `第${row.key.line}行`;
  if (row.key.code !== undefined) return label ? `${row.key.code} ${label}` : row.key.code;
  if (label) return `「${label}」`;
  return blockName(table, row.block);
}

export function columnName(table: Table, column: string, block?: string): string {
  const found =
    table.columns.find((c) => c.id === column && (block === undefined || c.block === block)) ??
    table.columns.find((c) => c.id === column);
  if (found) return found.name;
  const catalog = loadCatalog().tables.find((t) => t.kind === table.kind);
  return catalog?.blocks.flatMap((b) => b.columns).find((c) => c.id === column)?.name ?? column;
}

function roleLabel(table: Table, role: string, block?: string): string {
  const row = table.rows.find((r) => r.role === role && (block === undefined || r.block === block));
  if (row?.label) return row.label.trim();
  const catalog = loadCatalog().tables.find((t) => t.kind === table.kind);
  const roles = [...(catalog?.blocks.flatMap((b) => b.roles) ?? []), ...(catalog?.summaryRoles ?? [])];
  return roles.find((r) => r.role === role)?.labels[0] ?? role;
}

/** "2010350 以下各科目", "「本年收入合计」以上各行" … joined; the row set a sumRows adds up. */
export function describeWhere(table: Table, where: RowFilter, currentCode: string | undefined, block?: string): string {
  const code = (ref: string) => (ref === '$code' ? (currentCode ?? ref) : ref);
  const parts: string[] = [];
  const inBlock = where.block ?? block;
  if (inBlock !== undefined && table.rows.some((r) => r.block !== inBlock))
    parts.push(`${blockName(table, inBlock)}栏`);
  if (where.above) parts.push(`「${roleLabel(table, where.above, inBlock)}」以上各行`);
  if (where.below) parts.push(`「${roleLabel(table, where.below, inBlock)}」以下各行`);
  if (where.role) parts.push(where.role.map((r) => `「${roleLabel(table, r, inBlock)}」`).join('、'));
  if (where.prefix && where.top) parts.push(`${where.prefix.map(code).join('、')} 科目（列有小计行时取小计行）`);
  else if (where.prefix) parts.push(`${where.prefix.map(code).join('、')} 及其下级科目`);
  if (where.notPrefix) parts.push(`${where.notPrefix.map(code).join('、')} 以外的科目`);
  if (where.codeIn) parts.push(`科目 ${where.codeIn.map(code).join('、')}`);
  if (where.codeNotIn) parts.push(`${where.codeNotIn.map(code).join('、')} 以外的科目`);
  if (where.under) parts.push(`${code(where.under)} 以下各科目`);
  if (where.childOf) parts.push(`${code(where.childOf)} 的下级科目`);
  if (where.level) parts.push(`各${where.level.join('/')}级科目`);
  if (where.top && !where.prefix) parts.push('各最上级科目');
  if (where.leaf) parts.push('各末级科目');
  if (where.total) parts.push('合计行');
  return parts.length > 0 ? parts.join('') : '各行';
}

/** The row a `cell` reference names, for "not found" messages: "「本年收入合计」行", "科目 2010350". */
export function describeSelector(
  table: Table,
  selector: RowSelector,
  currentCode: string | undefined,
  block?: string,
): string {
  if (selector.role !== undefined) return `「${roleLabel(table, selector.role, block)}」行`;
  if (selector.line !== undefined) return `第${selector.line}行`;
  if (selector.total) return '合计行';
  if (selector.code !== undefined)
    return `科目 ${selector.code === '$code' ? (currentCode ?? '（当前行）') : selector.code}`;
  return `「${selector.label ?? ''}」行`;
}

/** The rows a sumRows range is anchored on (above/below a role), for "not found" messages. */
export function describeAnchors(table: Table, where: RowFilter, block?: string): string {
  const roles = [where.above, where.below].filter((r): r is string => r !== undefined);
  return roles.length > 0
    ? roles.map((r) => `「${roleLabel(table, r, where.block ?? block)}」行`).join('或')
    : '所选各行';
}
