import { type Approx, compareEq, exact, sum } from '../../money/interval.js';
import type { AmountMention, Claim, ListItem, ListReading } from '../claims.js';
import { mentionApprox } from '../claims.js';
import { place } from './para.js';
import type { RowMark, TableRow, TextTable } from './text-table.js';
import { yoyColumns } from './table-rates.js';

/** A row that totals the table: "合计", "总计", "总分", "年度资金总额", "“三公”经费合计". */
const TOTAL = /(?:合计|总计|总额|总分)$/u;
/** A table with subtotals has several levels of totals: which rows make which is not certain. */
const SUBTOTAL = /小计/u;
/** Rows that number the columns ("栏次 | 1 | 2 | 3"): no figures. */
const COLUMN_NUMBERS = /^(?:栏次|行次|序号)$/u;
/** Columns whose figures do not add up: rates, shares, codes, indicator values, years. */
const NOT_ADDED =
  /率|%|幅|比重|占|行次|栏次|序号|编码|代码|编号|单价|标准|人均|平均|指标值|完成值|实际值|目标值|^年度$|^年份$|备注|说明/u;

/** Points ("分值 | 得分"): given as written, never rounded from something else, and no amount of money. */
const POINTS = /分值|得分|权重|分数|满分/u;

function asPoints(m: AmountMention): AmountMention {
  return { ...m, exact: true, text: m.text.replace(/（[^）]*）$/u, '') };
}

/** More ways to read a table's nesting than this: the table is left unread. */
const MAX_READINGS = 64;

interface Item {
  row: TableRow;
  value: AmountMention | undefined;
}

/**
 * Every way the rows under a total may nest, as the sets of rows read as the total's own parts (top) and the
 * breakdowns read as parts of the row above them. Certain: a row numbered like the first item is a top row; a
 * row starting 其中, or numbered in another kind, breaks down the top row above it. Open: how far a breakdown
 * runs when the rows after it are not numbered (or an unnumbered row among numbered ones), and a run of
 * unnumbered rows right after a row that add up to exactly it (its breakdown written without 其中).
 */
function nestings(items: Item[]): ListReading<Item>[] | undefined {
  // 其中 right under a total first ("年度资金总额 | 其中：财政拨款 | 其他资金") lists the total's own parts
  const marks: RowMark[] = items.map((it, i) => (i === 0 && it.row.mark === 'of-which' ? 'none' : it.row.mark));
  const topMark = marks[0];
  const out: ListReading<Item>[] = [];
  const walk = (i: number, top: number[], groups: Map<number, number[]>, open: number | undefined): boolean => {
    if (out.length > MAX_READINGS) return false;
    if (i === items.length) {
      out.push({
        items: top.map((k) => items[k] as Item),
        nested: [...groups].flatMap(([parent, parts]) => {
          const value = items[parent]?.value;
          const shown = parts.flatMap((k) => items[k]?.value ?? []);
          return value && shown.length > 0 ? [{ parent: value, parts: shown }] : [];
        }),
      });
      return true;
    }
    const mark = marks[i] as RowMark;
    const parent = top.at(-1);
    const asTop = () => {
      if (!walk(i + 1, [...top, i], groups, undefined)) return false;
      return implicitBreakdowns(i);
    };
    const asPart = () => {
      if (parent === undefined) return asTop();
      const next = new Map(groups);
      next.set(parent, [...(groups.get(parent) ?? []), i]);
      return walk(i + 1, top, next, parent);
    };
    // a run of unnumbered rows right after row i that adds up to it: its breakdown, read as such
    const implicitBreakdowns = (at: number): boolean => {
      const whole = items[at]?.value;
      if (!whole || marks[at] !== topMark) return true;
      const parts: Approx[] = [];
      for (let j = at + 1; j < items.length && marks[j] === 'none' && topMark === 'none'; j += 1) {
        const v = items[j]?.value;
        parts.push(v ? mentionApprox(v) : exact('0'));
        if (parts.length < 2 || !compareEq(sum(parts), mentionApprox(whole)).consistent) continue;
        const next = new Map(groups);
        next.set(
          at,
          Array.from({ length: parts.length }, (_, k) => at + 1 + k),
        );
        if (!walk(j + 1, [...top, at], next, at)) return false;
      }
      return true;
    };
    if (mark === topMark && mark !== 'none') return asTop();
    if (mark !== 'none') return asPart();
    if (open !== undefined || topMark !== 'none') return asPart() && asTop();
    return asTop();
  };
  if (!walk(0, [], new Map(), undefined) || out.length > MAX_READINGS) return undefined;
  return out;
}

function listItem(item: Item): ListItem {
  return { amount: item.value as AmountMention, para: item.row.p.para };
}

/**
 * n.list-sum on a table rendered as text: in each column of amounts, the rows under the total add up to the
 * total row ("合计 | 80.70 | 74.23"), read with every nesting the rows may have (nestings). A table with
 * subtotals, several totals, or a total neither first nor last among its rows is not read.
 */
export function tableSumClaims(table: TextTable): Claim[] {
  const figured = table.rows.filter((r) => r.cells.some((c) => c.kind !== 'blank') && !COLUMN_NUMBERS.test(r.name));
  if (figured.some((r) => SUBTOTAL.test(r.name))) return [];
  const totals = figured.filter((r) => TOTAL.test(r.name));
  const total = totals[0];
  if (totals.length !== 1 || !total || (figured[0] !== total && figured.at(-1) !== total)) return [];
  const rows = figured.filter((r) => r !== total);
  const out: Claim[] = [];
  // beside last year's and this year's columns, each row's change is checked against them (change-column.ts)
  const rowChecked = yoyColumns(table.columns) !== undefined;
  table.columns.forEach((name, c) => {
    const cell = total.cells[c];
    if (c === 0 || name === '' || NOT_ADDED.test(name) || cell?.kind !== 'amount') return;
    if (rowChecked && /增|减|变动|差/u.test(name)) return;
    if (rows.some((r) => r.cells[c]?.kind === 'percent')) return;
    const points = POINTS.test(name);
    const read = (m: AmountMention) => (points ? asPoints(m) : m);
    const items: Item[] = rows.map((row) => {
      const x = row.cells[c];
      return { row, value: x?.kind === 'amount' ? read(x.amount) : undefined };
    });
    if (!items.some((it) => it.value)) return;
    const found = nestings(items);
    if (!found) return;
    // a column that writes falls as negative figures (增减): a breakdown may exceed its row there
    const signed = items.some((it) => it.value?.value.isNegative()) || cell.amount.value.isNegative();
    const readings = found.map((r) => ({
      items: r.items.flatMap((it) => (it.value ? [listItem(it)] : [])),
      nested: signed ? [] : r.nested,
    }));
    const first = readings[0] as ListReading;
    out.push({
      kind: 'list',
      listId: 'table-column',
      column: { name, number: c + 1 },
      total: read(cell.amount),
      totalPlace: total.p.para,
      items: first.items,
      compare: 'equal',
      readings,
      ...place(total.p, { start: 0, end: total.p.n.text.length }, cell.amount),
    });
  });
  return out;
}
