import type { AmountMention, Claim } from '../claims.js';
import { mentionApprox } from '../claims.js';
import { subtract } from '../../money/interval.js';
import type { ParaClaims } from './across.js';
import { place } from './para.js';
import { barCells, cellAmount, unitOf } from './table-rows.js';
import { yoyColumns } from './table-rates.js';
import { grouped, withoutTrailingBlanks } from './text-table.js';

interface Columns {
  prior: number;
  current: number;
  change: number;
  /** How many cells a row under a header written in two rows may have: the columns the two name. */
  width?: number;
}

/** A header written in two rows (text-table.ts grouped): the columns, when the two name them together. */
function groupedColumns(upper: string[], lower: string[]): Columns | undefined {
  const top = withoutTrailingBlanks(upper);
  const bottom = withoutTrailingBlanks(lower);
  const width = top.length - 1 + bottom.length;
  const names = grouped(top, bottom, width);
  const found = names ? columnsOf(names) : undefined;
  return found ? { ...found, width } : undefined;
}

/** "项目 | 上年决算数 | 本年决算数 | 增、减额 | 增、减幅度": which column is which, when all three are certain. */
function columnsOf(header: string[]): Columns | undefined {
  const years = yoyColumns(header);
  const found = header.flatMap((t, i) =>
    /增、?减(?:额|金额|数)?$|增减变动额|增减变化|比上年增减$/u.test(t) && !/幅|率|%/u.test(t) ? [i] : [],
  );
  const change = found.length === 1 ? found[0] : undefined;
  return years && change !== undefined ? { ...years, change } : undefined;
}

/**
 * A table rendered as text with last year's column, this year's and their change ("上年决算数 | 本年决算数 |
 * 增、减额"): each row's change cell, and whether the column is signed — some row writes a fall as a negative
 * number. Only then can a fall written unsigned be wrong (a column written all unsigned is the unit's way).
 */
export function changeColumnClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  let columns: Columns | undefined;
  let unit: AmountMention['unit'] = '万元';
  let rows: Extract<Claim, { kind: 'change-cell' }>[] = [];
  /** The bar row right above, when it wrote names only: the upper row of a header written in two. */
  let above: string[] | undefined;
  const close = () => {
    // a negative change that is this year's minus last year's: the column's convention, confirmed
    const signed = rows.some((r) => {
      const moved = subtract(mentionApprox(r.current), mentionApprox(r.prior));
      return (
        r.change.value.isNegative() &&
        moved.value
          .minus(r.change.value)
          .abs()
          .lte(moved.radius.plus(mentionApprox(r.change).radius))
      );
    });
    for (const r of rows) r.signed = signed;
    out.push(...rows);
    rows = [];
  };
  for (const { p } of paras) {
    unit = unitOf(p) ?? unit;
    if (!p.n.text.includes('|')) {
      if (columns) close();
      columns = undefined;
      above = undefined;
      continue;
    }
    const row = barCells(p.n.text);
    const names = row.map((c) => c.text);
    // "项目 | 上年 | 本年 | 比上年增减情况" over "增减额 | 增减幅度": the two rows name the columns together
    const figures = row.some((c) => cellAmount(p, c, unit));
    const header = columnsOf(names) ?? (above && !figures ? groupedColumns(above, names) : undefined);
    above = figures ? undefined : names;
    if (header) {
      if (columns) close();
      columns = header;
      continue;
    }
    if (!columns) continue;
    if (columns.width !== undefined && withoutTrailingBlanks(names).length > columns.width) continue;
    const prior = row[columns.prior] && cellAmount(p, row[columns.prior] as { text: string; start: number }, unit);
    const current =
      row[columns.current] && cellAmount(p, row[columns.current] as { text: string; start: number }, unit);
    const change = row[columns.change] && cellAmount(p, row[columns.change] as { text: string; start: number }, unit);
    if (!prior || !current || !change) continue;
    rows.push({
      kind: 'change-cell',
      prior,
      current,
      change,
      signed: false,
      ...place(p, { start: 0, end: p.n.text.length }, change),
    });
  }
  if (columns) close();
  return out;
}
