import type { Link, RowRef } from './types.js';
import { fail, record, text, type Data } from './fields.js';

function rowRef(value: unknown, where: string, fill: (s: string) => string): RowRef {
  const row = record(value, where);
  if (row.role !== undefined) return { role: text(row.role, `${where}.role`) };
  if (row.code !== undefined) return { code: fill(text(row.code, `${where}.code`)) };
  if (row.total === true) return { total: true };
  if (row.single === true) return { single: true };
  return fail(where, 'row 应为 { role } | { code } | { total: true } | { single: true }');
}

/** A table link `{ table, block?, row, column }`; `fill` expands {code}-style slots of generators. */
export function parseLink(value: unknown, where: string, fill: (s: string) => string = (s) => s): Link {
  const data: Data = record(value, where);
  const link: Link = {
    table: text(data.table, `${where}.table`),
    row: rowRef(data.row, `${where}.row`, fill),
    column: text(data.column, `${where}.column`),
  };
  if (data.block !== undefined) link.block = text(data.block, `${where}.block`);
  return link;
}

/** Replaces {name}-style slots in a generator's text. */
export function fillSlots(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
