import { Decimal } from 'decimal.js';
import type { AmountMention, Claim } from '../claims.js';
import { mentionApprox } from '../claims.js';
import { subtract } from '../../money/interval.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { type ParaText, place } from './para.js';
import { unitOf } from './table-rows.js';

const NUMBER = /^-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?$/u;

/** The cells of a row written "a | b | c", with where each starts. */
function cells(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i += 1)
    if (i === text.length || text[i] === '|') {
      out.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  return out;
}

interface Columns {
  prior: number;
  current: number;
  change: number;
}

/** "项目 | 上年决算数 | 本年决算数 | 增、减额 | 增、减幅度": which column is which, when all three are named once. */
function columnsOf(header: string[]): Columns | undefined {
  const find = (test: (t: string) => boolean) => {
    const found = header.flatMap((t, i) => (test(t) ? [i] : []));
    return found.length === 1 ? found[0] : undefined;
  };
  const prior = find((t) => /上年|去年|上一年/u.test(t) && !/增|减/u.test(t));
  const current = find((t) => /本年|本期/u.test(t) && !/增|减/u.test(t));
  const change = find((t) => /增、?减(?:额|金额|数)|增减变动额/u.test(t) && !/幅|率|%/u.test(t));
  return prior !== undefined && current !== undefined && change !== undefined ? { prior, current, change } : undefined;
}

function mention(
  p: ParaText,
  cell: { text: string; start: number },
  unit: AmountMention['unit'],
): AmountMention | undefined {
  const m = NUMBER.exec(cell.text);
  if (!m) return undefined;
  return {
    start: cell.start,
    end: cell.start + cell.text.length,
    value: new Decimal(cell.text.replace(/,/gu, '')),
    decimals: m[1]?.length ?? 0,
    unit,
    text: `${sourceSlice(p.n, cell.start, cell.start + cell.text.length)}（${unit}）`,
  };
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
    const row = cells(p.n.text);
    const header = columnsOf(row.map((c) => c.text));
    if (header) {
      if (columns) close();
      columns = header;
      continue;
    }
    if (!columns) continue;
    const prior = row[columns.prior] && mention(p, row[columns.prior] as { text: string; start: number }, unit);
    const current = row[columns.current] && mention(p, row[columns.current] as { text: string; start: number }, unit);
    const change = row[columns.change] && mention(p, row[columns.change] as { text: string; start: number }, unit);
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
