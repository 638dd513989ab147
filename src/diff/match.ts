import type { Table, TableRow } from '../model/types.js';

/**
 * How a row is recognised in the other year's table, most stable first: a named row by its
 * catalog role (本年收入合计 keeps its role when a template renumbers its 行次), a subject by its
 * code (function 类/款/项, economic 款), the 合计 row, a blank numbered line by its 行次, and
 * anything else by its key (09's single row per block, a row known only by its label).
 */
export function matchKey(row: TableRow): string {
  if (row.role) return `role:${row.role}`;
  if (row.key.code !== undefined) return `code:${row.key.code}`;
  if (row.key.total) return 'TOTAL';
  if (row.key.line !== undefined) return `line:${row.key.line}`;
  return row.key.id;
}

export interface RowPair {
  match: string;
  prior?: TableRow;
  current?: TableRow;
}

function keyOf(row: TableRow): string {
  return `${row.block}\u0000${matchKey(row)}`;
}

/**
 * Pairs the rows of two tables of the same kind, by block and match key (the n-th row with a key
 * pairs with the n-th of the other year: a code listed twice stays two rows). Order: this year's
 * rows as listed, each row only last year had right after the row it followed last year.
 */
export function pairRows(prior: Table | undefined, current: Table | undefined): RowPair[] {
  const waiting = new Map<string, TableRow[]>();
  for (const row of prior?.rows ?? []) {
    const key = keyOf(row);
    waiting.set(key, [...(waiting.get(key) ?? []), row]);
  }
  const pairs: RowPair[] = [];
  const pairOfPrior = new Map<TableRow, RowPair>();
  for (const row of current?.rows ?? []) {
    const candidates = waiting.get(keyOf(row));
    const match = candidates?.shift();
    const pair: RowPair = { match: matchKey(row), current: row };
    if (match) {
      pair.prior = match;
      pairOfPrior.set(match, pair);
    }
    pairs.push(pair);
  }
  // a removed row goes after its predecessor's pair (or after the removed rows placed there before it)
  let anchor: RowPair | undefined;
  for (const row of prior?.rows ?? []) {
    const paired = pairOfPrior.get(row);
    if (paired) {
      anchor = paired;
      continue;
    }
    const removed: RowPair = { match: matchKey(row), prior: row };
    pairs.splice(anchor ? pairs.indexOf(anchor) + 1 : 0, 0, removed);
    anchor = removed;
  }
  return pairs;
}
