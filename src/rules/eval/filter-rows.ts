import type { TableRow } from '../../model/types.js';
import type { CodeRef, RowFilter } from '../types.js';
import type { TableIndex } from './table-index.js';

/** Resolves `$code` against the current row; undefined when the current row has no code. */
export function resolveCode(ref: CodeRef, current: TableRow | undefined): string | undefined {
  return ref === '$code' ? current?.key.code : ref;
}

function startsWithAny(code: string | undefined, prefixes: string[]): boolean {
  return code !== undefined && prefixes.some((p) => code.startsWith(p));
}

/** The rows a code condition can match, from the index; every condition is still applied after. */
function candidates(
  index: TableIndex,
  codes: { under?: string; childOf?: string; codeIn?: string[]; prefix?: string[] },
): readonly TableRow[] {
  const below = codes.under ?? codes.childOf;
  if (below !== undefined) return index.rowsBelow(below);
  // one code or prefix (a per-row rule's `$code`): its list is in table order already
  if (codes.codeIn?.length === 1) return index.rowsWithCode(codes.codeIn[0] as string);
  if (codes.codeIn) return index.inTableOrder(codes.codeIn.flatMap((c) => index.rowsWithCode(c)));
  if (codes.prefix?.length === 1) return index.rowsAtOrBelow(codes.prefix[0] as string);
  if (codes.prefix)
    return index.inTableOrder(codes.prefix.flatMap((p) => [...index.rowsWithCode(p), ...index.rowsBelow(p)]));
  return index.table.rows;
}

/**
 * Rows of the table matching every condition of the filter, in table order; null when the
 * filter cannot be applied (an anchor role row is missing, `$code` has no current code): the
 * expression is then unresolved, never an empty sum that would read as zero.
 */
export function filterRows(
  index: TableIndex,
  filter: RowFilter,
  current: TableRow | undefined,
  block?: string,
): TableRow[] | null {
  const inBlock = filter.block ?? block;
  const codes = (refs: CodeRef[] | undefined): string[] | null | undefined => {
    if (!refs) return undefined;
    const out = refs.map((r) => resolveCode(r, current));
    return out.some((c) => c === undefined) ? null : (out as string[]);
  };
  const prefix = codes(filter.prefix);
  const notPrefix = codes(filter.notPrefix);
  const codeIn = codes(filter.codeIn);
  const codeNotIn = codes(filter.codeNotIn);
  const under = filter.under === undefined ? undefined : (resolveCode(filter.under, current) ?? null);
  const childOf = filter.childOf === undefined ? undefined : (resolveCode(filter.childOf, current) ?? null);
  if (
    prefix === null ||
    notPrefix === null ||
    codeIn === null ||
    codeNotIn === null ||
    under === null ||
    childOf === null
  )
    return null;
  const above = filter.above === undefined ? undefined : (index.roleRow(filter.above, inBlock) ?? null);
  const below = filter.below === undefined ? undefined : (index.roleRow(filter.below, inBlock) ?? null);
  if (above === null || below === null) return null;

  return candidates(index, { under, childOf, codeIn, prefix }).filter((row) => {
    const code = row.key.code;
    if (inBlock !== undefined && row.block !== inBlock) return false;
    if (above && (row.block !== above.block || row.sheetRow >= above.sheetRow)) return false;
    if (below && (row.block !== below.block || row.sheetRow <= below.sheetRow)) return false;
    if (filter.level && (row.key.level === undefined || !filter.level.includes(row.key.level))) return false;
    if (filter.role && (row.role === undefined || !filter.role.includes(row.role))) return false;
    if (filter.hasCode !== undefined && (code !== undefined) !== filter.hasCode) return false;
    if (filter.total !== undefined && (row.key.total === true) !== filter.total) return false;
    if (filter.leaf !== undefined && (code === undefined || index.isLeaf(row) !== filter.leaf)) return false;
    if (filter.top !== undefined && (code === undefined || index.isTop(row) !== filter.top)) return false;
    if (under !== undefined && !(code !== undefined && code.length > under.length && code.startsWith(under)))
      return false;
    if (childOf !== undefined && !index.isChildOf(row, childOf)) return false;
    if (prefix && !startsWithAny(code, prefix)) return false;
    if (notPrefix && (code === undefined || startsWithAny(code, notPrefix))) return false;
    if (codeIn && (code === undefined || !codeIn.includes(code))) return false;
    if (codeNotIn && (code === undefined || codeNotIn.includes(code))) return false;
    return true;
  });
}
