import type { Catalog, CatalogTable } from '../../catalog/types.js';
import type { Node } from '../../util/yaml-node.js';

export { required } from '../../util/yaml-fields.js';

/** What a rule's expressions may refer to, known while parsing one rule. */
export interface ParseContext {
  catalog: Catalog;
  /** The rule's own table (the default for references without `table`). */
  table: CatalogTable;
  /** Inside a forEach: `$code` is allowed. */
  inForEach: boolean;
  /** forEach.columns given: `$column` is allowed. */
  perColumn: boolean;
}

/** A table named by kind id ("03") or by the catalog's Chinese short name. */
export function resolveTable(node: Node, catalog: Catalog): CatalogTable {
  const name = node.text().trim();
  const found = catalog.tables.find(
    (t) => t.kind === name || t.name === name || t.name.replace(/[“”"]/g, '') === name.replace(/[“”"]/g, ''),
  );
  if (!found)
    return node.fail(
      'unknown-table',
      `未知的表「${name}」，应为 ${catalog.tables.map((t) => t.kind).join('、')} 或其表名`,
    );
  return found;
}

export function checkBlock(node: Node, table: CatalogTable): string {
  const id = node.text();
  if (!table.blocks.some((b) => b.id === id)) {
    node.fail('unknown-block', `${table.name}没有列块「${id}」，可用：${table.blocks.map((b) => b.id).join('、')}`);
  }
  return id;
}

/** A column by catalog id or catalog name (e.g. `basic` or `基本支出`); `$column` in per-column rules. */
export function resolveColumn(node: Node, table: CatalogTable, ctx: ParseContext, block?: string): string {
  const text = node.text().trim();
  if (text === '$column') {
    if (!ctx.perColumn) node.fail('bad-value', '只有在 forEach.columns 中才能使用 $column');
    return text;
  }
  const columns = table.blocks.filter((b) => !block || b.id === block).flatMap((b) => b.columns);
  const found = columns.find((c) => c.id === text) ?? columns.find((c) => c.name === text);
  if (!found) {
    const ids = [...new Set(columns.map((c) => c.id))].join('、');
    return node.fail('unknown-column', `${table.name}${block ? `（${block}）` : ''}没有列「${text}」，可用：${ids}`);
  }
  return found.id;
}

export function checkRole(node: Node, table: CatalogTable, block?: string): string {
  const role = node.text();
  const roles = [
    ...table.blocks.filter((b) => !block || b.id === block).flatMap((b) => b.roles),
    ...table.summaryRoles,
  ];
  if (!roles.some((r) => r.role === role)) {
    const known = [...new Set(roles.map((r) => r.role))].join('、') || '（无）';
    node.fail('unknown-role', `${table.name}没有行角色「${role}」，可用：${known}`);
  }
  return role;
}

const CODE = /^\d{3}(?:\d{2}){0,2}$/;

/** A literal code (3, 5 or 7 digits) or `$code` inside a forEach. */
export function parseCode(node: Node, ctx: ParseContext): string {
  const code = node.text().trim();
  if (code === '$code') {
    if (!ctx.inForEach) node.fail('bad-value', '只有在 forEach 中才能使用 $code');
    return code;
  }
  if (!CODE.test(code)) node.fail('bad-value', `「${code}」不是科目编码（3、5 或 7 位数字）`);
  return code;
}

/** One value or a list of values, e.g. `level: 类` or `level: [类, 款]`. */
export function oneOrMany<T>(node: Node, each: (n: Node) => T): T[] {
  return node.isSeq() ? node.items().map(each) : [each(node)];
}

export function bool(node: Node): boolean {
  const value = node.scalar();
  if (typeof value !== 'boolean') node.fail('bad-value', '此处应为 true 或 false');
  return value;
}

/**
 * Rejects keys outside the closed vocabulary, each at its line; the part (rule, expression) is not
 * read further when there was one.
 */
export function checkKeys(node: Node, allowed: readonly string[], what: string): void {
  node.closed(allowed, (key) => `${what}中不认识的键「${key}」，可用：${allowed.join('、')}`);
}
