import type { AmountMention, Claim } from '../claims.js';
import { mentionApprox } from '../claims.js';
import { sizesAgree, subtract } from '../../money/interval.js';
import type { ParaClaims } from './across.js';
import { type ParaText, place } from './para.js';
import { type BarCell, barCells, cellAmount, unitOf } from './table-rows.js';
import { yoyColumns } from './table-rates.js';
import { grouped, withoutTrailingBlanks } from './text-table.js';

interface Columns {
  prior: number;
  current: number;
  change: number;
  /** The header's run of figure columns, first and last. */
  figures?: [number, number];
  /** Rows may stand left of their columns: read (packed) and kept only when two rows of the table hold. */
  proven?: boolean;
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
    /增、?减(?:额|金额|数)?$|增减变动额|增减变化|比上年增减$|^本年度?(?:预算数?)?与上年(?:预算数?)?比较$/u.test(t) &&
    !/幅|率|%/u.test(t)
      ? [i]
      : [],
  );
  const change = found.length === 1 ? found[0] : undefined;
  if (!years || change === undefined) return undefined;
  // the columns of figures: from the first of the three to the last before a column of words (说明, 备注)
  const first = Math.min(years.prior, years.current, change);
  let last = Math.max(years.prior, years.current, change);
  while (last + 1 < header.length && !/原因|备注|说明/u.test(header[last + 1] as string) && header[last + 1] !== '')
    last += 1;
  // "本年度与上年度比较": a budget book's form, converted with its rows' leading cells dropped
  const proven = /与上年/u.test(header[change] as string);
  return { ...years, change, figures: [first, last], ...(proven ? { proven } : {}) };
}

/**
 * "| total | 合计 | 1,378 | 1,495 | 1,340 | -81 |" under "| 款 | 项 | … | 名称 | 本年度预算数 | 上年度预算数 | 前年度决算数 |
 * 本年度与上年度比较 | 说明 |": a converted page drops the empty cells before a row's name, so its figures stand left of
 * their columns. A row whose run of figures after its name is exactly as long as the header's run of figure columns
 * fills them in order (none blank); any other row is not read so.
 */
function packed(
  p: ParaText,
  row: BarCell[],
  columns: Columns & { figures: [number, number] },
  unit: AmountMention['unit'],
): { prior: AmountMention; current: AmountMention; change: AmountMention } | undefined {
  const cells = row.slice();
  while (cells.length > 0 && (cells.at(-1) as BarCell).text.trim() === '') cells.pop();
  let k = cells.length;
  while (k > 0 && cellAmount(p, cells[k - 1] as BarCell, unit)) k -= 1;
  const run = cells.slice(k);
  const [from, to] = columns.figures;
  if (k === 0 || run.length !== to - from + 1) return undefined;
  const at = (column: number) => cellAmount(p, run[column - from] as BarCell, unit);
  const prior = at(columns.prior);
  const current = at(columns.current);
  const change = at(columns.change);
  return prior && current && change ? { prior, current, change } : undefined;
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
    // a header whose rows may stand left of their columns (proven): its rows are read only when two of them hold
    const holds = rows.filter((r) =>
      sizesAgree(subtract(mentionApprox(r.current), mentionApprox(r.prior)), mentionApprox(r.change)),
    );
    if (!columns?.proven || holds.length >= 2) out.push(...rows);
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
    let prior = row[columns.prior] && cellAmount(p, row[columns.prior] as { text: string; start: number }, unit);
    let current = row[columns.current] && cellAmount(p, row[columns.current] as { text: string; start: number }, unit);
    let change = row[columns.change] && cellAmount(p, row[columns.change] as { text: string; start: number }, unit);
    if ((!prior || !current || !change) && columns.proven && columns.figures) {
      const read = packed(p, row, { ...columns, figures: columns.figures }, unit);
      if (read) ({ prior, current, change } = read);
    }
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
