import { type AmountMention, type Claim, writtenUnit } from '../claims.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import { allMatches } from '../../util/matches.js';

/**
 * "（一）收入预算：2025 年年初预算数 A 万元，其中：…" and "（二）支出预算：2025 年年初预算数 B 万元，其中：…"; "收入预算总额为
 * A 万元…相应安排支出预算 B 万元"; "2018 年收入预算 A 万元…支出预算 B 万元": a unit's budget balances by construction
 * (收支平衡: what it spends is what it has), so its 收入预算 and its 支出预算 are one figure. Only names of the unit's
 * whole budget are read: the bare 收入预算 / 支出预算 opening a clause (an outline mark, a year, 本部门/本单位 before it;
 * 总额/合计, the year, 年初预算数 between it and its figure) — not 本年收入预算 (without the carry-over), 基本支出预算 (a
 * part), 一般公共预算收入预算 (a fund's), 全县收入预算 (a government's). Each must be written with one value in the
 * text, in 万元 or 元 (a government's budget in 亿元 may run a deficit), and name one year or none.
 */
const LEAD = String.raw`(?<=^|[。；，：、）\s])(?:本(?:部门|单位)|我(?:部门|单位)|(?![^。；，：、）\s]*?(?:全[省市县区州旗镇乡]|本级|政府|财政))[\u4e00-\u9fff]{2,20}?(?<![省市县区州旗镇乡]|[省市县区]级)(?=(?:19|20)[0-9]{2}年))?(?<year1>(?:19|20)[0-9]{2}年度?)?(?:本?(?:部门|单位))?`;
const TAIL = `(?:总额|合计|总计)?(?:为|是)?(?:[：，]|。(?=(?:(?:19|20)[0-9]{2}年度?)?(?:年初预算数|预算数)))?(?<year2>(?:19|20)[0-9]{2}年度?)?(?:年初预算数|预算数)?(?:为|是|共计|合计)?(?=[0-9])`;
const INCOME = new RegExp(`${LEAD}收入预算${TAIL}`, 'gu');
const SPENDING = new RegExp(`${LEAD}(?:相应)?(?:安排)?支出预算${TAIL}`, 'gu');

interface Stated {
  amount: AmountMention;
  pc: ParaClaims;
  year: string | undefined;
}

function statedAll(paras: readonly ParaClaims[], cue: RegExp): Stated[] {
  const out: Stated[] = [];
  for (const pc of paras)
    for (const m of allMatches(pc.p.n.text, cue)) {
      const amount = startingAt(pc.p.amounts, m.index + m[0].length);
      if (!amount) continue;
      const year = (m.groups?.year1 ?? m.groups?.year2)?.slice(0, 4);
      out.push({ amount, pc, year });
    }
  return out;
}

/** The one figure the text states under the name (its first mention), when every mention has one value and one unit. */
function one(found: Stated[]): Stated | undefined {
  const first = found[0];
  if (!first || writtenUnit(first.amount) === '亿元') return undefined;
  return found.every((s) => s.amount.value.eq(first.amount.value) && s.amount.unit === first.amount.unit)
    ? first
    : undefined;
}

/** The 收入预算's own 一般公共预算拨款, among the sources its sentence lists after it ("其中：一般公共预算拨款 a，…"). */
const FUND_ITEM = /(?<=[：，、；])一般公共预算拨款(?:收入)?(?:为|是)?(?=[0-9])/gu;
/** A note that a figure takes in the year before's money: "（含上年结转 5.01 万元）". */
const CARRIED = /含[^，。；）]*?(?:结转|结余)/u;
/** The same money named in the budget's fiscal part, opening its clause: "2025 年一般公共预算财政拨款收入 b，…". */
const FUND_LATER =
  /(?<=^|[。；，：、）\s])(?<year1>(?:19|20)[0-9]{2}年度?)?一般公共预算财政拨款收入(?:为|是|：)?(?=[0-9])/gu;

/**
 * n.totals-equal (budget, fund): "（一）收入预算：2025 年年初预算数 A，其中：一般公共预算拨款 a，…" and, in the budget's fiscal
 * part, "2025 年一般公共预算财政拨款收入 b，一般公共预算财政拨款支出 …": one year's one figure under its two names, so a
 * must be b. Read only when the 收入预算 is read (its names as below), its sentence lists the source once, and every
 * later clause so named writes one value, in its year.
 */
function fundClaims(paras: readonly ParaClaims[], income: Stated): Claim[] {
  const sentence = sentenceAt(income.pc.p, income.amount.start);
  const text = income.pc.p.n.text;
  const items = [...allMatches(text.slice(income.amount.end, sentence.end), FUND_ITEM)].flatMap((m) => {
    const a = startingAt(income.pc.p.amounts, income.amount.end + m.index + m[0].length);
    return a ? [a] : [];
  });
  const item = items[0];
  if (!item || items.length !== 1) return [];
  // "一般公共预算拨款 a（含上年结转 c）" against the year's own 财政拨款收入 a − c: two scopes, not one figure
  if (CARRIED.test(text.slice(sentence.start, sentence.end))) return [];
  const later = statedAll(paras, FUND_LATER);
  const restated = one(later);
  if (!restated || restated.amount.unit !== item.unit) return [];
  if (later.some((s) => s.year && income.year && s.year !== income.year)) return [];
  const at = sentenceAt(restated.pc.p, restated.amount.start);
  if (CARRIED.test(restated.pc.p.n.text.slice(at.start, at.end))) return [];
  return [
    {
      kind: 'totals-equal',
      budget: 'fund',
      income: item,
      incomePara: income.pc.p.para,
      spending: restated.amount,
      ...place(restated.pc.p, at, restated.amount),
    },
  ];
}

/** n.totals-equal (budget): the unit's 收入预算 and 支出预算, stated each with one value, are one figure. */
export function budgetTotalsClaims(paras: readonly ParaClaims[]): Claim[] {
  const incomes = statedAll(paras, INCOME);
  const income = oneInYear(incomes);
  return [...totalsClaims(incomes, statedAll(paras, SPENDING)), ...(income ? fundClaims(paras, income) : [])];
}

/** The years the mentions name (a mention naming none adds nothing). */
function yearsOf(found: Stated[]): Set<string> {
  return new Set(found.flatMap((s) => (s.year ? [s.year] : [])));
}

/** The one figure stated under the name (one), when its mentions name one year or none. */
function oneInYear(found: Stated[]): Stated | undefined {
  return yearsOf(found).size > 1 ? undefined : one(found);
}

function totalsClaims(incomes: Stated[], spendings: Stated[]): Claim[] {
  // (two years among both names' mentions: a budget compared with another year's)
  if (yearsOf([...incomes, ...spendings]).size > 1) return [];
  const income = one(incomes);
  const spending = one(spendings);
  if (!income || !spending || income.amount.unit !== spending.amount.unit) return [];
  return [
    {
      kind: 'totals-equal',
      budget: 'totals',
      income: income.amount,
      incomePara: income.pc.p.para,
      spending: spending.amount,
      ...place(spending.pc.p, sentenceAt(spending.pc.p, spending.amount.start), spending.amount),
    },
  ];
}
