import { subtract } from '../../money/interval.js';
import type { AmountMention, Claim, PercentMention } from '../claims.js';
import { mentionApprox } from '../claims.js';
import { place } from './para.js';
import type { TableCell, TableRow, TextTable } from './text-table.js';

const YEAR = /((?:19|20)[0-9]{2})/u;
/** A column of changes or rates of change, not of either year's figures. */
const CHANGING = /增|减|变动|变化|率|幅|%|比较|差/u;
/** A rate of change: "增长率", "增减率", "增、减幅度", "比上年增减%", "变动率". */
const CHANGE_RATE = /(?:增|减|变动|变化).*(?:率|幅|%)/u;

export interface YoyColumns {
  prior: number;
  current: number;
}

/** The one column each test picks, or undefined when none or several do. */
function only(names: string[], test: (name: string) => boolean): number | undefined {
  const found = names.flatMap((t, i) => (i > 0 && test(t) ? [i] : []));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Which column is last year's figure and which this year's: named so ("上年决算数", "本年决算数"), or two
 * columns of figures headed by two different years ("2023年预算数 | 2024年预算数": the later one is this
 * year's). undefined when it is not certain.
 */
export function yoyColumns(names: string[]): YoyColumns | undefined {
  const level = (t: string) => !CHANGING.test(t);
  const prior = only(names, (t) => /上年|去年|上一年|上期/u.test(t) && level(t));
  const current = only(names, (t) => /本年|本期|当年|今年/u.test(t) && level(t));
  if (prior !== undefined && current !== undefined) return { prior, current };
  const years = names.flatMap((t, i) => {
    const y = i > 0 && level(t) ? YEAR.exec(t) : null;
    return y ? [{ i, year: Number(y[1]) }] : [];
  });
  if (years.length !== 2 || prior !== undefined || current !== undefined) return undefined;
  const [a, b] = years as [{ i: number; year: number }, { i: number; year: number }];
  if (a.year === b.year) return undefined;
  return a.year < b.year ? { prior: a.i, current: b.i } : { prior: b.i, current: a.i };
}

/** A rate cell: written with %, or a bare number under a header that says % ("增减（%）"). */
function rateOf(cell: TableCell | undefined, header: string): PercentMention | undefined {
  if (cell?.kind === 'percent') return cell.percent;
  if (cell?.kind !== 'amount' || !/%/u.test(header)) return undefined;
  const { start, end, value, decimals, text } = cell.amount;
  return { start, end, value, decimals, text: `${text.replace(/（[^）]*）$/u, '')}%` };
}

function amountOf(cell: TableCell | undefined): AmountMention | undefined {
  return cell?.kind === 'amount' ? cell.amount : undefined;
}

/**
 * n.yoy / n.direction on a table rendered as text with last year's column, this year's and a rate of change
 * ("项目 | 2023年预算数 | 2024年预算数 | 增减额 | 增长率"): each row's rate is (this year − last year) ÷ last year.
 * A column that writes no rate negative writes falls unsigned: only the size is checked there; in a column that
 * writes some falls with a minus, a rise written negative (or the reverse) is a wrong direction.
 */
export function tableGrowthClaims(table: TextTable): Claim[] {
  const years = yoyColumns(table.columns);
  const rateColumn = only(table.columns, (t) => CHANGE_RATE.test(t) && !/执行|完成/u.test(t));
  if (!years || rateColumn === undefined) return [];
  const header = table.columns[rateColumn] as string;
  const rows = table.rows.flatMap((row: TableRow) => {
    const prior = amountOf(row.cells[years.prior]);
    const current = amountOf(row.cells[years.current]);
    const rate = rateOf(row.cells[rateColumn], header);
    return prior && current && rate ? [{ row, prior, current, rate }] : [];
  });
  const signed = rows.some((r) => r.rate.value.isNegative());
  return rows.map(({ row, prior, current, rate }) => {
    const moved = subtract(mentionApprox(current), mentionApprox(prior)).value;
    const rateWord = signed || !moved.isNegative() ? ('up' as const) : ('down' as const);
    return {
      kind: 'growth' as const,
      current,
      prior,
      rate,
      rateWord,
      ...place(row.p, { start: 0, end: row.p.n.text.length }, rate),
    };
  });
}

/**
 * n.rate on a table rendered as text with a budget column, an actual one and the rate between them ("项目 |
 * 预算数 | 决算数 | 完成率"): each row's rate is 决算 ÷ 预算.
 */
export function tableRateClaims(table: TextTable): Claim[] {
  const names = table.columns;
  const notOther = (t: string) => !/上年|去年|增|减|率|%/u.test(t);
  const budget = only(names, (t) => /预算/u.test(t) && notOther(t));
  const actual = only(names, (t) => /决算|执行数|实际支出|支出数/u.test(t) && !/预算/u.test(t) && notOther(t));
  const rateColumn = only(names, (t) => /完成率|执行率|完成预算|预算完成/u.test(t));
  if (budget === undefined || actual === undefined || rateColumn === undefined) return [];
  const header = names[rateColumn] as string;
  return table.rows.flatMap((row) => {
    const b = amountOf(row.cells[budget]);
    const a = amountOf(row.cells[actual]);
    const percent = rateOf(row.cells[rateColumn], header);
    if (!b || !a || !percent) return [];
    return [
      {
        kind: 'rate' as const,
        budget: b,
        actual: a,
        percent,
        ...place(row.p, { start: 0, end: row.p.n.text.length }, percent),
      },
    ];
  });
}
