import type { Node } from '../../util/yaml-node.js';
import type { Link, RowRef } from './types.js';

const LINK_KEYS = ['table', 'block', 'row', 'column'];
const ROW_KEYS = ['role', 'code', 'total', 'single'];

/** A closed mapping of the claims files (every unknown key reported at its line). */
export function closedMap(node: Node, keys: readonly string[], what: string): void {
  if (!node.isMap()) node.fail('bad-shape', `${what} 应为映射（键: 值）`);
  node.closed(keys, (key) => `${what} 中不认识的键「${key}」，可用：${keys.join('、')}`);
}

/** The value of a key that must be there. */
export function need(node: Node, key: string, what: string): Node {
  const value = node.get(key);
  if (!value) return node.fail('missing-key', `${what} 缺少「${key}」`);
  return value;
}

/** Non-empty text (a number keeps its source text). */
export function text(node: Node, what: string): string {
  const value = node.isScalar() && !node.isNull() ? node.text() : '';
  if (value === '') node.fail('bad-value', `${what} 应为非空文本`);
  return value;
}

/** A list of texts; absent is empty. */
export function texts(node: Node | undefined, what: string): string[] {
  if (!node) return [];
  if (!node.isSeq()) node.fail('bad-shape', `${what} 应为文本列表`);
  return node.each((item) => text(item, what));
}

/** A regular expression written as data: its source, checked to compile with the flags it is used with. */
export function regex(node: Node, what: string, flags = 'gu'): string {
  const source = text(node, what);
  try {
    new RegExp(source, flags);
  } catch (error) {
    node.fail('bad-value', `${what} 的正则表达式无效：${error instanceof Error ? error.message : String(error)}`);
  }
  return source;
}

function rowRef(node: Node, what: string): RowRef {
  closedMap(node, ROW_KEYS, what);
  const entries = node.entries();
  if (entries.length !== 1)
    node.fail('bad-value', `${what} 应恰好是 { role } | { code } | { total: true } | { single: true } 之一`);
  const [key, value] = entries[0] as [string, Node, Node];
  if (key === 'role') return { role: text(value, `${what}.role`) };
  if (key === 'code') return { code: text(value, `${what}.code`) };
  if (value.scalar() !== true) value.fail('bad-value', `${what}.${key} 只能写 true`);
  return key === 'total' ? { total: true } : { single: true };
}

/** A table link `{ table, block?, row, column }`; {code}-style slots of generators are filled later. */
export function readLink(node: Node, what: string): Link {
  closedMap(node, LINK_KEYS, what);
  const link: Link = {
    table: text(need(node, 'table', what), `${what}.table`),
    row: rowRef(need(node, 'row', what), `${what}.row`),
    column: text(need(node, 'column', what), `${what}.column`),
  };
  const block = node.get('block');
  if (block) link.block = text(block, `${what}.block`);
  return link;
}

/** Replaces {name}-style slots in a generator's text. */
export function fillSlots(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
