import type { Node } from './yaml-node.js';

/**
 * The field readers the data files share (catalog, claims, rules): each failure is a problem at
 * the value's line, in the words of `what` (the field's name as the file writes it).
 */

/** "规则" + "缺少" but "classes" + " " + "缺少": a space only after Latin text. */
function join(what: string, text: string): string {
  return /[\x21-\x7e]$/.test(what) ? `${what} ${text}` : `${what}${text}`;
}

/** A mapping whose every key is one of `keys` (each unknown one reported at its line; the part ends). */
export function closedMap(node: Node, keys: readonly string[], what: string): void {
  if (!node.isMap()) node.fail('bad-shape', join(what, '应为映射（键: 值）'));
  node.closed(keys, (key) => join(what, `中不认识的键「${key}」，可用：${keys.join('、')}`));
}

/** The value of a key that must be there. */
export function required(node: Node, key: string, what: string): Node {
  const value = node.get(key);
  if (!value) return node.fail('missing-key', join(what, `缺少「${key}」`));
  return value;
}

/** Text that is not blank (a number keeps its source text: `kind: 01` is "01"). */
export function nonEmptyText(node: Node, what: string): string {
  const value = node.isScalar() && !node.isNull() ? node.text() : '';
  if (value.trim() === '') node.fail('bad-value', join(what, '应为非空文本'));
  return value;
}

/** A list read item by item (each failure reported, the item left out); absent is empty. */
export function listOf<T>(node: Node | undefined, what: string, read: (item: Node, what: string) => T): T[] {
  if (!node) return [];
  if (!node.isSeq()) node.fail('bad-shape', join(what, '应为列表'));
  return node.each((item, i) => read(item, `${what}[${i}]`));
}

/** A list of non-blank texts; absent is empty. */
export function textList(node: Node | undefined, what: string): string[] {
  return listOf(node, what, (item) => nonEmptyText(item, what));
}

/** true or false; absent is false. */
export function flag(node: Node | undefined, what: string): boolean {
  if (!node) return false;
  const value = node.scalar();
  if (typeof value !== 'boolean') node.fail('bad-value', join(what, '应为 true 或 false'));
  return value === true;
}
