import type { AmountMention, Claim } from '../claims.js';
import { mentionApprox } from '../claims.js';
import { subtract } from '../../money/interval.js';
import type { ParaClaims } from './across.js';
import { place } from './para.js';
import { barCells, cellAmount, unitOf } from './table-rows.js';
import { yoyColumns } from './table-rates.js';

interface Columns {
  prior: number;
  current: number;
  change: number;
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
      continue;
    }
    const row = barCells(p.n.text);
    const header = columnsOf(row.map((c) => c.text));
    if (header) {
      if (columns) close();
      columns = header;
      continue;
    }
    if (!columns) continue;
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
