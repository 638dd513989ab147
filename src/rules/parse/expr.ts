import type { CatalogTable } from '../../catalog/types.js';
import type { Expr, RowSelector } from '../types.js';
import {
  checkBlock,
  checkKeys,
  checkRole,
  parseCode,
  required,
  resolveColumn,
  resolveTable,
  type ParseContext,
} from './context.js';
import { parseFilter } from './filter.js';
import type { Node } from '../../util/yaml-node.js';

const EXPR_FORMS = ['cell', 'sum', 'sumRows'];

function tableOf(node: Node, ctx: ParseContext): CatalogTable {
  const ref = node.get('table');
  return ref ? resolveTable(ref, ctx.catalog) : ctx.table;
}

function rowSelector(node: Node, table: CatalogTable, ctx: ParseContext, block?: string): RowSelector {
  checkKeys(node, ['role', 'line', 'code', 'label', 'total'], 'row');
  const entries = node.entries();
  if (entries.length !== 1) node.fail('bad-value', 'row 应恰好给出 role、line、code、label、total 之一');
  const [key, value] = entries[0] as [string, Node, Node];
  switch (key) {
    case 'role':
      return { role: checkRole(value, table, block) };
    case 'line': {
      const line = value.scalar();
      if (typeof line !== 'number' || !Number.isInteger(line) || line < 1)
        return value.fail('bad-value', 'line（行次）应为正整数');
      return { line };
    }
    case 'code':
      return { code: parseCode(value, ctx) };
    case 'label':
      return { label: value.text() };
    default:
      if (value.scalar() !== true) value.fail('bad-value', 'total 只能写 true');
      return { total: true };
  }
}

/** `previous: true`: the previous year's workbook. */
function previous(node: Node): true | undefined {
  const flag = node.get('previous');
  if (flag && flag.scalar() !== true) flag.fail('bad-value', 'previous 只能写 true（指上年的工作簿）');
  return flag ? true : undefined;
}

function cell(node: Node, ctx: ParseContext): Expr {
  checkKeys(node, ['table', 'block', 'row', 'column', 'previous'], 'cell');
  const table = tableOf(node, ctx);
  const blockNode = node.get('block');
  const block = blockNode ? checkBlock(blockNode, table) : undefined;
  const expr: Expr = {
    kind: 'cell',
    row: rowSelector(required(node, 'row', 'cell'), table, ctx, block),
    column: resolveColumn(required(node, 'column', 'cell'), table, ctx, block),
  };
  if (table !== ctx.table) expr.table = table.kind;
  if (block) expr.block = block;
  if (previous(node)) expr.previous = true;
  return expr;
}

function sumRows(node: Node, ctx: ParseContext): Expr {
  checkKeys(node, ['table', 'block', 'where', 'column', 'previous'], 'sumRows');
  const table = tableOf(node, ctx);
  const blockNode = node.get('block');
  const block = blockNode ? checkBlock(blockNode, table) : undefined;
  const where = node.get('where');
  const expr: Expr = {
    kind: 'sumRows',
    where: where ? parseFilter(where, table, ctx, 'sumRows.where', [], block) : {},
    column: resolveColumn(required(node, 'column', 'sumRows'), table, ctx, block),
  };
  if (table !== ctx.table) expr.table = table.kind;
  if (block) expr.block = block;
  if (previous(node)) expr.previous = true;
  return expr;
}

/** Does the expression refer to the previous year's workbook anywhere? */
export function usesPrevious(expr: Expr): boolean {
  if (expr.kind === 'sum') return [...expr.plus, ...expr.minus].some(usesPrevious);
  return expr.kind !== 'column' && expr.previous === true;
}

function terms(node: Node, ctx: ParseContext): Expr[] {
  const items = node.items();
  return items.map((item) => parseExpr(item, ctx));
}

/**
 * EXPR: a column id (the current row's cell), or exactly one of `cell`, `sum`, `sumRows`.
 * The vocabulary is closed: anything else is a RuleFileError at its line.
 */
export function parseExpr(node: Node, ctx: ParseContext): Expr {
  if (node.isScalar()) return { kind: 'column', column: resolveColumn(node, ctx.table, ctx) };
  if (!node.isMap()) return node.fail('bad-value', `表达式应为列名，或 ${EXPR_FORMS.join('、')} 之一`);
  const entries = node.entries();
  const form = entries.some(([key]) => key === 'sum') ? 'sum' : entries[0]?.[0];
  if (form === 'sum') {
    checkKeys(node, ['sum', 'minus'], 'sum');
    const minus = node.get('minus');
    const plus = terms(required(node, 'sum', 'sum'), ctx);
    return { kind: 'sum', plus, minus: minus ? terms(minus, ctx) : [] };
  }
  if (entries.length !== 1 || !form || !EXPR_FORMS.includes(form)) {
    return node.fail('bad-value', `表达式应恰好是 ${EXPR_FORMS.join('、')} 之一（sum 可带 minus）`);
  }
  const body = entries[0]?.[1] as Node;
  return form === 'cell' ? cell(body, ctx) : sumRows(body, ctx);
}
