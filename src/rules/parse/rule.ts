import type { Catalog } from '../../catalog/types.js';
import type { Severity } from '../../model/finding.js';
import type { Assertion, ForEach, Op, Rule, When } from '../types.js';
import { checkKeys, oneOrMany, required, resolveColumn, resolveTable, type ParseContext } from './context.js';
import { parseExpr, usesPrevious } from './expr.js';
import { parseFilter } from './filter.js';
import type { Node } from '../../util/yaml-node.js';
import { joinChineseLines } from '../../util/text.js';
import { slotsOf } from '../messages.js';
import { IMPLEMENTATIONS, implementationOf } from '../registry.js';

export const RULE_KEYS = [
  'id',
  'title',
  'severity',
  'explain',
  'table',
  'when',
  'forEach',
  'assert',
  'check',
  'message',
];
const SEVERITIES: readonly Severity[] = ['error', 'warn', 'info'];
const OPS: Record<string, Op> = { '=': '=', '<=': '<=', '>=': '>=', '≤': '<=', '≥': '>=' };
/** kebab-case segments joined by dots: t03.row-total, x.t05-t06.basic-split (no nested quantifier: linear) */
const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const MAX_ID_LENGTH = 128;

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

/** The rule's body: a named implementation (`check`), or a table, optional `when` and `forEach`, and an `assert`. */
function body(
  node: Node,
  catalog: Catalog,
  what: string,
): Pick<Rule, 'check' | 'table' | 'when' | 'forEach' | 'assert' | 'previous'> {
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
    for (const key of ['table', 'forEach', 'when']) node.get(key)?.fail('bad-shape', `check 规则不接受「${key}」`);
    return { check };
  }
  if (!assertNode) return node.fail('missing-key', `${what}缺少「assert」（或 check）`);
  const table = resolveTable(required(node, 'table', what), catalog);
  const rule: ReturnType<typeof body> = { table: table.kind };
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

/**
 * Validates one rule mapping against the closed vocabulary and the table catalog. Its parts (id,
 * severity, title, explain, body, message) are read one by one, so a rule's independent mistakes
 * are all reported; the rule itself is left out when any of them failed.
 */
export function parseRule(node: Node, catalog: Catalog): Rule {
  checkKeys(node, RULE_KEYS, '规则');
  let failed = false;
  const part = <T>(read: () => T): T | undefined => {
    const result = node.attempt(() => ({ value: read() }));
    if (!result) failed = true;
    return result?.value;
  };
  const id = part(() => {
    const idNode = required(node, 'id', '规则');
    const value = idNode.text();
    if (value.length > MAX_ID_LENGTH || !ID.test(value))
      idNode.fail('bad-value', `规则 id「${value}」应为小写 kebab-case，用点分段（如 t03.row-total）`);
    return value;
  });
  const what = id === undefined ? '规则' : `规则 ${id} `;
  const severity = part(() => {
    const severityNode = required(node, 'severity', what);
    const value = severityNode.text() as Severity;
    if (!SEVERITIES.includes(value))
      severityNode.fail('bad-value', `severity 应为 error、warn 或 info，而不是「${value}」`);
    return value;
  });
  const title = part(() => text(required(node, 'title', what), 'title'));
  const explain = part(() => text(required(node, 'explain', what), 'explain'));
  const rest = part(() => body(node, catalog, what));
  // a rule's own message may use the slots of its implementation's findings (unknown when its
  // `check:` could not be read: that problem is reported, the slots are not checked)
  const slots = rest ? implementationOf(rest).slots : node.get('check') ? undefined : implementationOf({}).slots;
  const message = part(() => {
    const messageNode = node.get('message');
    if (!messageNode) return undefined;
    const value = text(messageNode, 'message');
    const unknown = slots ? slotsOf(value).filter((slot) => !slots.includes(slot)) : [];
    if (slots && unknown.length > 0)
      messageNode.fail('bad-value', `message 中的 {{${unknown[0]}}} 不是可用的占位符，可用：${slots.join('、')}`);
    return value;
  });
  if (failed || id === undefined || severity === undefined || title === undefined || explain === undefined || !rest)
    return node.stop();
  return {
    id,
    title,
    severity,
    explain: joinChineseLines(explain),
    source: { file: node.file, line: node.line },
    ...(message !== undefined ? { message } : {}),
    ...rest,
  };
}
