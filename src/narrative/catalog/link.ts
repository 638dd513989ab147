import { closedMap, nonEmptyText, required } from '../../util/yaml-fields.js';
import type { Node } from '../../util/yaml-node.js';
import { NIL_WORDS } from '../text/nil-words.js';
import type { Link, RowRef } from './types.js';

const LINK_KEYS = ['table', 'block', 'row', 'column'];
const ROW_KEYS = ['role', 'code', 'total', 'single'];

/** Word lists a pattern names by a slot instead of repeating them: {nil}, the words that say a figure did not change. */
const SLOTS: Record<string, string> = { '{nil}': `(?:${NIL_WORDS})` };

/**
 * A regular expression written as data: its source with its slots filled, checked to compile with the flags it is
 * used with.
 */
export function regex(node: Node, what: string, flags = 'gu'): string {
  const source = nonEmptyText(node, what).replace(/\{nil\}/gu, (slot) => SLOTS[slot] as string);
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
  if (key === 'role') return { role: nonEmptyText(value, `${what}.role`) };
  if (key === 'code') return { code: nonEmptyText(value, `${what}.code`) };
  if (value.scalar() !== true) value.fail('bad-value', `${what}.${key} 只能写 true`);
  return key === 'total' ? { total: true } : { single: true };
}

/** A table link `{ table, block?, row, column }`; {code}-style slots of generators are filled later. */
export function readLink(node: Node, what: string): Link {
  closedMap(node, LINK_KEYS, what);
  const link: Link = {
    table: nonEmptyText(required(node, 'table', what), `${what}.table`),
    row: rowRef(required(node, 'row', what), `${what}.row`),
    column: nonEmptyText(required(node, 'column', what), `${what}.column`),
  };
  const block = node.get('block');
  if (block) link.block = nonEmptyText(block, `${what}.block`);
  return link;
}

/** Replaces {name}-style slots in a generator's text. */
export function fillSlots(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
