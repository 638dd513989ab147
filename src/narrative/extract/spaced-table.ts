import { Decimal } from 'decimal.js';
import { checkPercent, sizesAgree, subtract } from '../../money/interval.js';
import { type AmountMention, type Claim, mentionApprox, type PercentMention } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { writtenAmount } from './mentions.js';
import { type ParaText, place } from './para.js';

/**
 * A table printed as running text, its cells separated by spaces only (a page's text layer): a header naming the
 * columns in words, then rows, each a name followed by its figures — "基金来源 577,999,446 591,969,646 -13,970,200
 * -2.36", "5.社区发展及环境保护支出 1,175,412,000 1,124,431,231(-) 50,980,769(-) 4.34 6.74". Read only under a header
 * of one of two forms whose columns are certain:
 * - 本年度 | 上年度 | 比较增减 | % (a fund's 财务摘要): the change is this year's less last year's, the % the change over
 *   last year's;
 * - 预算数 | 决算数 | 比较增减数 | 百分比 | 占决算总额% (a 简明比较分析表): the change is the 决算 less the 预算, the % the
 *   change over the 预算 (over the one the header's formula names: "(4)=(3)/(1)"; with none written, over either), the
 *   share the row's 决算 over the 决算 of the 合计 row above it whose share is 100.
 * A row is read when it writes every column (or all but a last % left blank). Signs are left aside (the forms print a
 * fall as "(-)" beside the figure, or before the next one): only sizes are checked. Each relation is checked on a
 * table only when at least two of its rows hold it — the proof that the columns were told apart; a table whose
 * rows mostly do not is not read as this form.
 */
type Column = 'current' | 'prior' | 'budget' | 'actual' | 'change' | 'rate' | 'share';

interface Form {
  columns: Column[];
  /** The level the rate is over: prior, budget, actual, or either of the two levels (no formula written). */
  base: 'prior' | 'budget' | 'actual' | 'either';
}

/** "本年度 上年度 比较增减（-） %" (上年度 is 上年 in the matching text). */
const YEAR_FORM =
  /本年度?(?:数|决算数|预算数)?上年(?:数|决算数|预算数)?比较增减(?:数|额)?(?:（[-－]）)?(?<rate>%|百分比|增减率)?/u;
/** "预算数 决算数 比较增减数 百分比 增减（%） … 占决算总额（%）". */
const BUDGET_FORM =
  /预算数决算数比较增减(?:数|额)?(?<rate>百分比(?:增减)?(?:（%）)?|增减(?:（%）|率)|%)?(?<rest>[^。；]{0,60})/u;
const SHARE_OF_TOTAL = /占决算总额/u;

function formOf(header: string): Form | undefined {
  const year = YEAR_FORM.exec(header);
  if (year)
    return { columns: ['current', 'prior', 'change', ...(year.groups?.rate ? ['rate' as const] : [])], base: 'prior' };
  const budget = BUDGET_FORM.exec(header);
  if (!budget) return undefined;
  const rest = budget.groups?.rest ?? '';
  const columns: Column[] = ['budget', 'actual', 'change'];
  if (budget.groups?.rate) columns.push('rate');
  if (budget.groups?.rate && SHARE_OF_TOTAL.test(rest)) columns.push('share');
  // "（4）=（3）/（1）": the rate's base is the first column (the 预算), or the second
  const formula = /（4）=（3）\/（([12])）/u.exec(header);
  return { columns, base: formula ? (formula[1] === '1' ? 'budget' : 'actual') : 'either' };
}

/** A figure of a row: its place in the paragraph's matching text, its size as written (sign dropped). */
interface Figure {
  start: number;
  end: number;
  /** Signed when a minus stands right before it ("-13,970,200"); a "（-）" beside it is left aside. */
  digits: string;
  decimals: number;
}

const NUMBER = /(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?/uy;
/** What may stand between two figures of a row: a space, a minus (or △, ▲), "（-）" (the forms' mark of a fall). */
const BETWEEN = /(?: ?(?:（[-－]）)? ?[-△▲]? ?)/uy;

/** An ordinal opening a row's name ("10.其他支出"), read in place (sticky: no copy of the text's rest per digit). */
const ORDINAL = /[0-9]{1,2}\.(?=[^0-9])/uy;

/**
 * The rows of a paragraph: a name (two or more characters, no digit but an ordinal "1." before it), then its figures
 * one after another. A figure right before "." and a character is the next row's ordinal, not a figure.
 */
function rowsOf(p: ParaText): { label: string; figures: Figure[] }[] {
  const text = p.n.text;
  const out: { label: string; figures: Figure[] }[] = [];
  let i = 0;
  let labelStart = 0;
  while (i < text.length) {
    if (!/[0-9]/u.test(text[i] as string)) {
      i += 1;
      continue;
    }
    // an ordinal ("10.其他支出"): part of the name that follows
    ORDINAL.lastIndex = i;
    const ordinal = ORDINAL.exec(text);
    if (ordinal) {
      labelStart = i;
      i += ordinal[0].length;
      continue;
    }
    const label = text
      .slice(labelStart, i)
      .replace(/^[0-9]{1,2}\./u, '')
      .replace(/^[ ，。；：]+|[ \-△▲]+$/gu, '');
    const figures: Figure[] = [];
    let at = i;
    for (;;) {
      NUMBER.lastIndex = at;
      const m = NUMBER.exec(text);
      if (!m) break;
      const end = at + m[0].length;
      // "0.99 10.其他支出": a number ending in "." before a character is the next row's ordinal
      if (text[end] === '.' && !/[0-9]/u.test(text[end + 1] ?? '')) break;
      const minus =
        /[-△▲]\s?$/u.test(text.slice(Math.max(0, at - 2), at)) &&
        !/（-$/u.test(text.slice(Math.max(0, at - 16), at).trimEnd());
      figures.push({
        start: at,
        end,
        digits: `${minus ? '-' : ''}${m[0].replace(/,/gu, '')}`,
        decimals: m[0].split('.')[1]?.length ?? 0,
      });
      BETWEEN.lastIndex = end;
      const gap = BETWEEN.exec(text);
      const next = end + (gap?.[0].length ?? 0);
      if (next === end && text[end] !== undefined && /[0-9]/u.test(text[end] as string)) break;
      if (!/[0-9]/u.test(text[next] ?? '') || next === end) {
        // a mark of a fall closing the row: "1,964,007,199（-）"
        at = next;
        break;
      }
      at = next;
    }
    if (figures.length === 0) {
      i += 1;
      continue;
    }
    out.push({ label, figures });
    i = Math.max(at, (figures.at(-1) as Figure).end);
    labelStart = i;
  }
  return out.filter((r) => (r.label.match(/[\u4e00-\u9fff]/gu) ?? []).length >= 2 && !/[0-9]/u.test(r.label));
}

const UNIT = /单位：?(?:新台币|澳门币|港币|人民币)?(?<unit>千元|万元|百万元|亿元|元)/u;
/** The unit words a table's header may give its figures in; any other reads as 元. */
const UNIT_WORDS = /^(?:元|千元|万元|百万元|亿元)$/u;

function amount(p: ParaText, f: Figure, unitWord: string): AmountMention {
  return {
    start: f.start,
    end: f.end,
    ...writtenAmount(f.digits, UNIT_WORDS.test(unitWord) ? unitWord : '元'),
    text: sourceSlice(p.n, f.start, f.end),
  };
}

function percent(p: ParaText, f: Figure, value = new Decimal(f.digits)): PercentMention {
  return { start: f.start, end: f.end, value, decimals: f.decimals, text: `${sourceSlice(p.n, f.start, f.end)}%` };
}

interface TableRow {
  p: ParaText;
  cells: Partial<Record<Column, Figure>>;
  /** Every column written: a row short of one may be one whose blank was printed as a dash (read as a minus). */
  full: boolean;
}

/** The tables of the text: a header of one of the forms, then the rows of the paragraphs after it. */
function tables(paras: readonly ParaText[]): { form: Form; unit: string; rows: TableRow[] }[] {
  const out: { form: Form; unit: string; rows: TableRow[] }[] = [];
  let header = '';
  let unit = '元';
  let current: { form: Form; unit: string; rows: TableRow[] } | undefined;
  for (const p of paras) {
    const text = p.n.text;
    if (text.includes('|')) {
      current = undefined;
      header = '';
      continue;
    }
    unit = UNIT.exec(text)?.groups?.unit ?? unit;
    const rows = rowsOf(p);
    const rowLike = rows.some((r) => r.figures.length >= 3);
    // a header of its own starts another table
    if (current && formOf(text)) {
      current = undefined;
      header = '';
    }
    if (!current) {
      // the header above, or written in this paragraph before its rows
      const form = rowLike ? (formOf(header) ?? formOf(`${header}${text}`)) : undefined;
      header = `${header}${text}`.slice(-400);
      if (!form) continue;
      current = { form, unit, rows: [] };
      out.push(current);
      header = '';
    }
    current.unit = unit;
    const width = current.form.columns.length;
    for (const r of rows) {
      const n = r.figures.length;
      if (n !== width && !(n === width - 1 && current.form.columns[width - 1] === 'rate')) continue;
      const cells: TableRow['cells'] = {};
      current.form.columns.forEach((c, k) => {
        if (r.figures[k]) cells[c] = r.figures[k];
      });
      current.rows.push({ p, cells, full: n === width });
    }
    // running text (a sentence) ends the table
    if (/。/u.test(text) && !rowLike) current = undefined;
  }
  return out;
}

export function spacedTableClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const table of tables(paras.map((pc) => pc.p))) {
    const { form } = table;
    const [first, second] = form.columns.includes('current')
      ? (['current', 'prior'] as const)
      : (['actual', 'budget'] as const);
    const read = table.rows.flatMap((r) => {
      const a = r.cells[first];
      const b = r.cells[second];
      if (!a || !b) return [];
      const change = r.cells.change;
      return [
        {
          r,
          a: amount(r.p, a, table.unit),
          b: amount(r.p, b, table.unit),
          change: change ? amount(r.p, change, table.unit) : undefined,
        },
      ];
    });
    // the change column: |a − b|
    const changeHolds = (x: (typeof read)[number]) =>
      x.change !== undefined && sizesAgree(subtract(mentionApprox(x.a), mentionApprox(x.b)), mentionApprox(x.change));
    const changeProved = read.filter(changeHolds).length >= 2;
    if (changeProved)
      for (const x of read) {
        // a row short of a column is read only where it holds (its dash may have been a blank)
        if (!x.change || (!x.r.full && !changeHolds(x))) continue;
        out.push({
          kind: 'change-cell',
          prior: x.b,
          current: x.a,
          change: { ...x.change, value: x.change.value.abs() },
          signed: false,
          ...place(x.r.p, { start: 0, end: x.r.p.n.text.length }, x.change),
        });
      }
    // the rate column: |a − b| over the base
    const rates = read.flatMap((x) => {
      const f = x.r.cells.rate;
      return f ? [{ ...x, rate: f }] : [];
    });
    const baseOf = (x: (typeof rates)[number], which: 'first' | 'second') => (which === 'first' ? x.a : x.b);
    const rateHolds = (x: (typeof rates)[number], which: 'first' | 'second') => {
      const moved = subtract(mentionApprox(x.a), mentionApprox(x.b));
      const base = mentionApprox(baseOf(x, which));
      if (!base.value.isPositive()) return false;
      const stated = { value: new Decimal(x.rate.digits).abs(), decimals: x.rate.decimals };
      return checkPercent({ ...moved, value: moved.value.abs() }, base, stated).consistent;
    };
    const bases: ('first' | 'second')[] =
      form.base === 'either'
        ? ['first', 'second']
        : form.base === 'prior' || form.base === 'budget'
          ? ['second']
          : ['first'];
    const rateProved = rates.filter((x) => bases.some((w) => rateHolds(x, w))).length >= 2;
    if (rateProved)
      for (const x of rates) {
        // with no formula written, a rate either level gives is not wrong
        if (bases.length > 1 && bases.some((w) => rateHolds(x, w))) continue;
        if (bases.some((w) => !mentionApprox(baseOf(x, w)).value.isPositive())) continue;
        const moved = subtract(mentionApprox(x.a), mentionApprox(x.b)).value;
        const where = place(x.r.p, { start: 0, end: x.r.p.n.text.length }, x.rate);
        if (form.columns.includes('current'))
          out.push({
            kind: 'growth',
            current: x.a,
            prior: x.b,
            rate: percent(x.r.p, x.rate, new Decimal(x.rate.digits).abs()),
            rateWord: moved.isNegative() ? 'down' : 'up',
            ...where,
          });
        else
          out.push({
            kind: 'rate',
            budget: x.b,
            actual: x.a,
            percent: percent(x.r.p, x.rate, new Decimal(x.rate.digits).abs().mul(moved.isNegative() ? -1 : 1)),
            variance: true,
            ...where,
          });
      }
    // the share column: the row's 决算 over the 合计 row's above it (the one whose share is 100)
    if (form.columns.includes('share')) {
      let total: { amount: AmountMention; p: ParaText } | undefined;
      const shares: {
        part: AmountMention;
        whole: { amount: AmountMention; p: ParaText };
        share: Figure;
        p: ParaText;
      }[] = [];
      for (const x of read) {
        const share = x.r.cells.share;
        if (!share) continue;
        if (new Decimal(share.digits).eq(100)) {
          total = { amount: x.a, p: x.r.p };
          continue;
        }
        if (total) shares.push({ part: x.a, whole: total, share, p: x.r.p });
      }
      const holds = (s: (typeof shares)[number]) =>
        checkPercent(mentionApprox(s.part), mentionApprox(s.whole.amount), {
          value: new Decimal(s.share.digits),
          decimals: s.share.decimals,
        }).consistent;
      if (shares.filter(holds).length >= 2)
        for (const s of shares)
          out.push({
            kind: 'share',
            part: s.part,
            whole: { list: s.whole.amount, para: s.whole.p.para },
            percent: percent(s.p, s.share),
            ...place(s.p, { start: 0, end: s.p.n.text.length }, s.part),
          });
    }
  }
  return out;
}
