import type { AmountMention, Claim } from '../claims.js';
import { mentionApprox } from '../claims.js';
import { sizesAgree, subtract } from '../../money/interval.js';
import type { ParaClaims } from './across.js';
import { type ParaText, place } from './para.js';
import { type BarCell, cellAmount, unitOf } from './table-rows.js';
import { yoyColumns } from './table-rates.js';
import type { TextTable } from './text-table.js';

/** A line that is one cell of a table written a cell per line: its text, then the bar ("6.49 |"). */
const CELL = /^([^|]*)\|$/u;
/** The cell that opens the row numbering the columns: "行次 |", then "1 |", "2 |", …. */
const NUMBERS_ROW = /^(?:行次|栏次)$/u;
const NUMBER = /^-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$/u;
/** A row of differences: "决算对比", "增减", "增减额", "比上年增减", "差额" (not a rate: 增减率, 增幅). */
const CHANGE_ROW = /(?:对比|比较|增减(?:额|数)?|增减变动|差额)$/u;
const NOT_AMOUNT = /率|%|幅/u;
/** What a row of levels is a figure of: 决算 or 预算. */
const KIND = /决算|预算/u;

/** A figure of a row, and the paragraph it is written in. */
type Figure = { amount: AmountMention; p: ParaText } | undefined;

/** A row of a table: its name and its figures, column by column (the name's column not counted). */
interface Row {
  name: string;
  figures: Figure[];
}

/** The cell a paragraph is when it is a line of such a table. */
function cellOf(pc: ParaClaims | undefined): BarCell | undefined {
  const m = pc ? CELL.exec(pc.p.n.text) : null;
  return m ? { text: (m[1] as string).trim(), start: 0 } : undefined;
}

/**
 * The rows under a 行次 row numbering `width` columns (1, 2, …): each a name, then one cell a column, while the lines
 * stay cells and each row opens with a name. The header above may be in two levels (more names than columns): it is
 * not read.
 */
function rowsAfter(paras: ParaClaims[], from: number, width: number, unit: AmountMention['unit']): Row[] {
  const rows: Row[] = [];
  for (let k = from; k + width < paras.length; k += width + 1) {
    const line = paras.slice(k, k + width + 1).map((pc) => ({ pc, cell: cellOf(pc) }));
    if (line.some((x) => x.cell === undefined)) break;
    const [head, ...rest] = line as { pc: ParaClaims; cell: BarCell }[];
    const name = (head as { cell: BarCell }).cell.text;
    if (name === '' || NUMBER.test(name)) break;
    const figures = rest.map(({ pc, cell }) => {
      const amount = cellAmount(pc.p, cell, unit);
      return amount ? { amount, p: pc.p } : undefined;
    });
    rows.push({ name, figures });
  }
  return rows;
}

/**
 * n.yoy of a table written one cell per line whose rows are two years' figures of one kind and their difference
 * ("2015年度决算数 | 6.49 | 0.00 | 2.94 …", "2014年度决算数 | 4.06 | 0.00 | 3.01 …", "决算对比 | 2.88 | 0.00 | -0.07 …"),
 * its columns numbered by a 行次 row: see changeRowClaims.
 */
export function numberedRowClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  let unit: AmountMention['unit'] = '万元';
  for (const [i, pc] of paras.entries()) {
    unit = unitOf(pc.p) ?? unit;
    if (!NUMBERS_ROW.test(cellOf(pc)?.text ?? '')) continue;
    let width = 0;
    while (cellOf(paras[i + width + 1])?.text === String(width + 1)) width += 1;
    if (width >= 2) out.push(...changeRowClaims(rowsAfter(paras, i + width + 1, width, unit)));
  }
  return out;
}

/** The same of a table rendered a row per line ("项目 | 合计 | …", "2024年决算数 | …", "2023年决算数 | …", "增减 | …"). */
export function tableChangeRowClaims(table: TextTable): Claim[] {
  return changeRowClaims(
    table.rows.map((row) => ({
      name: row.name,
      figures: row.cells.slice(1).map((c) => (c.kind === 'amount' ? { amount: c.amount, p: row.p } : undefined)),
    })),
  );
}

/**
 * A table's rows of two years' figures of one kind and a row of their difference: the usual 上年 | 本年 | 增减额
 * columns turned to rows, so each column's difference is this year's figure minus last year's (as change-column.ts
 * reads the columns). Read only where the rows' names say which two rows the difference is of (the kind it names, or
 * the one kind of the rows above it; two years), and two columns whose figures moved hold — the row is that
 * difference, not another one.
 */
function changeRowClaims(rows: Row[]): Claim[] {
  const out: Claim[] = [];
  for (const [k, row] of rows.entries()) {
    if (!CHANGE_ROW.test(row.name) || NOT_AMOUNT.test(row.name)) continue;
    const kind = KIND.exec(row.name)?.[0];
    const levels = rows
      .slice(0, k)
      .filter((r) => !CHANGE_ROW.test(r.name) && KIND.test(r.name) && (!kind || r.name.includes(kind)));
    // (the kind of the rows compared must be one: 2015 预算, 2015 决算 and 2014 决算 say nothing of which two)
    if (new Set(levels.map((r) => KIND.exec(r.name)?.[0])).size !== 1) continue;
    const years = yoyColumns(['', ...levels.map((r) => r.name)]);
    if (!years) continue;
    out.push(...changeCells(levels[years.prior - 1] as Row, levels[years.current - 1] as Row, row));
  }
  return out;
}

/** Each column's change cell of three rows (last year, this year, their difference), when two moved columns hold. */
function changeCells(prior: Row, current: Row, change: Row): Claim[] {
  const cells = change.figures.flatMap((d, c) => {
    const [p, q] = [prior.figures[c], current.figures[c]];
    return p && q && d ? [{ prior: p.amount, current: q.amount, change: d.amount, p: d.p }] : [];
  });
  const moved = (x: (typeof cells)[number]) => subtract(mentionApprox(x.current), mentionApprox(x.prior));
  const holds = cells.filter((x) => !x.change.value.isZero() && sizesAgree(moved(x), mentionApprox(x.change)));
  if (holds.length < 2) return [];
  // a fall written negative that is this year's minus last year's: the row's convention is signed
  const signed = holds.some((x) => {
    const m = moved(x);
    const tolerance = m.radius.plus(mentionApprox(x.change).radius);
    return x.change.value.isNegative() && m.value.minus(x.change.value).abs().lte(tolerance);
  });
  return cells.map((x) => ({
    kind: 'change-cell' as const,
    prior: x.prior,
    current: x.current,
    change: x.change,
    signed,
    ...place(x.p, { start: 0, end: x.p.n.text.length }, x.change),
  }));
}
