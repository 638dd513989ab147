import type { Catalog } from '../../catalog/types.js';
import type { Severity } from '../../model/finding.js';
import type { Assertion, ForEach, Op, Rule, When } from '../types.js';
import { checkKeys, oneOrMany, required, resolveColumn, resolveTable, type ParseContext } from './context.js';
import { parseExpr, usesPrevious } from './expr.js';
import { parseFilter } from './filter.js';
import type { Node } from './yaml-node.js';
import { joinChineseLines } from '../../util/text.js';
import { slotsOf } from '../messages.js';
import { IMPLEMENTATIONS, implementationOf } from '../registry.js';

const RULE_KEYS = ['id', 'title', 'severity', 'explain', 'table', 'when', 'forEach', 'assert', 'check', 'message'];
const SEVERITIES: readonly Severity[] = ['error', 'warn', 'info'];
const OPS: Record<string, Op> = { '=': '=', '<=': '<=', '>=': '>=', '≤': '<=', '≥': '>=' };
/** kebab-case segments joined by dots: t03.row-total, x.t05-t06.basic-split */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

function text(node: Node, what: string): string {
  const value = node.text().trim();
  if (value === '') node.fail('bad-value', `${what} 不能为空`);
  return value;
}

function when(node: Node, catalog: Catalog): When {
  checkKeys(node, ['present', 'nonEmpty'], 'when');
  const result: When = {};
  const present = node.get('present');
  if (present) result.present = oneOrMany(present, (n) => resolveTable(n, catalog).kind);
  const nonEmpty = node.get('nonEmpty');
  if (nonEmpty) result.nonEmpty = oneOrMany(nonEmpty, (n) => resolveTable(n, catalog).kind);
  return result;
}

function forEach(node: Node, ctx: ParseContext): ForEach {
  const filter: ForEach = parseFilter(node, ctx.table, ctx, 'forEach', ['columns']);
  const columns = node.get('columns');
  if (columns) {
    if (columns.isScalar() && columns.text() === 'all') filter.columns = 'all';
    else
      filter.columns = columns
        .items()
        .map((c) => resolveColumn(c, ctx.table, { ...ctx, perColumn: false }, filter.block));
  }
  return filter;
}

function assertion(node: Node, ctx: ParseContext): Assertion {
  checkKeys(node, ['left', 'op', 'right'], 'assert');
  const opNode = required(node, 'op', 'assert');
  const op = OPS[opNode.text()];
  if (!op) return opNode.fail('bad-value', `op 应为 =、<= 或 >=，而不是「${opNode.text()}」`);
  return {
    left: parseExpr(required(node, 'left', 'assert'), ctx),
    op,
    right: parseExpr(required(node, 'right', 'assert'), ctx),
  };
}

/** Validates one rule mapping against the closed vocabulary and the table catalog. */
export function parseRule(node: Node, catalog: Catalog): Rule {
  checkKeys(node, RULE_KEYS, '规则');
  const idNode = required(node, 'id', '规则');
  const id = idNode.text();
  if (!ID.test(id)) idNode.fail('bad-value', `规则 id「${id}」应为小写 kebab-case，用点分段（如 t03.row-total）`);
  const what = `规则 ${id} `;
  const severityNode = required(node, 'severity', what);
  const severity = severityNode.text() as Severity;
  if (!SEVERITIES.includes(severity))
    severityNode.fail('bad-value', `severity 应为 error、warn 或 info，而不是「${severity}」`);
  const rule: Rule = {
    id,
    title: text(required(node, 'title', what), 'title'),
    severity,
    explain: joinChineseLines(text(required(node, 'explain', what), 'explain')),
    source: { file: node.file, line: node.line },
  };
  const checkNode = node.get('check');
  const assertNode = node.get('assert');
  if (checkNode && assertNode) checkNode.fail('bad-shape', `${what}不能同时有 check 和 assert`);
  if (checkNode) {
    const check = checkNode.text();
    if (!IMPLEMENTATIONS.has(check))
      checkNode.fail(
        'bad-value',
        `check 应为已注册的实现之一：${[...IMPLEMENTATIONS.keys()].join('、')}；不认识「${check}」`,
      );
    rule.check = check;
    for (const key of ['table', 'forEach', 'when']) node.get(key)?.fail('bad-shape', `check 规则不接受「${key}」`);
  }
  const message = node.get('message');
  if (message) {
    rule.message = text(message, 'message');
    // a rule's own message may use the slots of its implementation's findings
    const { slots } = implementationOf(rule);
    const unknown = slotsOf(rule.message).filter((slot) => !slots.includes(slot));
    if (unknown.length > 0)
      message.fail('bad-value', `message 中的 {{${unknown[0]}}} 不是可用的占位符，可用：${slots.join('、')}`);
  }
  if (checkNode) return rule;
  if (!assertNode) return node.fail('missing-key', `${what}缺少「assert」（或 check）`);
  const table = resolveTable(required(node, 'table', what), catalog);
  rule.table = table.kind;
  const whenNode = node.get('when');
  if (whenNode) rule.when = when(whenNode, catalog);
  const forEachNode = node.get('forEach');
  const ctx: ParseContext = { catalog, table, inForEach: forEachNode !== undefined, perColumn: false };
  if (forEachNode) {
    rule.forEach = forEach(forEachNode, ctx);
    ctx.perColumn = rule.forEach.columns !== undefined;
  }
  rule.assert = assertion(assertNode, ctx);
  if (usesPrevious(rule.assert.left) || usesPrevious(rule.assert.right)) rule.previous = true;
  return rule;
}
