/** Stands in the value for the long array whose elements jsonPieces writes one at a time. */
export const ITEMS = '\u0001juesuan-items\u0001';

/**
 * JSON.stringify(value, null, 2) as pieces, where the property `key` whose value is ITEMS (the
 * last property written: only closing brackets follow it) holds `items`: the text around the array
 * once, then each element, so a report of 10,000 findings is never one string, nor one object
 * tree. Joined, the pieces are exactly JSON.stringify of the value with the items in place (a JSON
 * string holds no raw line break, so an element's lines are indented by prefixing each one).
 */
export function* jsonPieces(value: object, key: string, items: Iterable<unknown>): Generator<string> {
  const text = JSON.stringify(value, null, 2);
  const marker = `${JSON.stringify(key)}: ${JSON.stringify(ITEMS)}`;
  const at = text.lastIndexOf(marker);
  if (at < 0) throw new Error(`jsonPieces: no ${key} to fill`);
  const indent = text.slice(text.lastIndexOf('\n', at) + 1, at);
  const inner = `${indent}  `;
  let first = true;
  yield `${text.slice(0, at)}${JSON.stringify(key)}: [`;
  for (const item of items) {
    yield `${first ? '' : ','}\n${inner}${JSON.stringify(item, null, 2).replace(/\n/g, `\n${inner}`)}`;
    first = false;
  }
  yield `${first ? ']' : `\n${indent}]`}${text.slice(at + marker.length)}`;
}
