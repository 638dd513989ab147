import type { AmountMention, Claim, Span } from '../claims.js';
import type { Paragraph } from '../types.js';
import type { ParaClaims } from './across.js';
import { type ParaText, place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import { clauseBefore } from './state.js';
import { allMatches } from '../../util/matches.js';

/** "购置公务用车 7 辆", "共购置 5 辆公务用车", "公务用车购置数 0 辆", "购置车辆 0 辆". */
const BOUGHT =
  /(?:(?:购置|购买|新购|购入)了?(?:公务用车|公务车|公车|车辆)?(?:共计|共)?|(?:公务用车|公务车|公车)购置数(?:量)?(?:为|是)?)(?<n>[0-9]+)辆/gu;
/** "未购置车辆", "无新购车辆": none bought. */
const NONE = /(?:未|没有|无)新?(?:购置|购买|购入|购)(?:公务用车|公务车|公车|车辆)/gu;
/** "公务用车购置费 0 万元", "公车购置费为 0", "公务用车购置支出 0 元": the level right after. */
const COST = /(?:公务用车|公务车|公车|车辆)购置(?:费|支出|经费)(?:为|是)?/gu;

/** A count or cost of another year, a plan, other funds or some of several units (“43 个部门未购置”): never the report's fiscal purchases. */
const ELSEWHERE =
  /计划|预计|拟|上年|去年|上一年|其他资金|自有资金|单位资金|非财政|事业收入|经营收入|预算|[0-9]+个(?:部门|单位)|多数|部分/u;

/**
 * "车辆购置经费 A 万元，主要是支付 2011 年采购执法车的项目尾款": the rest of the cost's sentence says it pays for cars
 * bought before — no car of this year's.
 */
const PAID_FOR_EARLIER = /尾款|欠款|以前年度|往年|前期/u;

/** The clause before a position, without the fund name "一般公共预算财政拨款" (a fund, not a budget). */
function clauseWithoutFund(p: ParaText, at: number): string {
  return clauseBefore(p, at).replace(/公共预算/gu, '');
}

interface Bought {
  n: number;
  para: ParaClaims;
  at: Span;
}

/**
 * n.purchase-count: the text says how many official cars were bought this year and what their purchase cost
 * was, and one is zero while the other is not ("购置公务用车 7 辆" beside "公车购置费 0 万元"). Read only when
 * the text states one count and its purchase costs are all zero or all non-zero; a count or cost of a plan,
 * of last year, of a budget or of other funds is never read.
 */
export function purchaseClaims(paras: ParaClaims[]): Claim[] {
  const bought: Bought[] = [];
  const costs: { amount: AmountMention; para: Paragraph }[] = [];
  for (const pc of paras) {
    const text = pc.p.n.text;
    for (const m of allMatches(text, BOUGHT))
      if (!ELSEWHERE.test(clauseWithoutFund(pc.p, m.index + m[0].length)))
        bought.push({ n: Number(m.groups?.n), para: pc, at: { start: m.index, end: m.index + m[0].length } });
    for (const m of allMatches(text, NONE))
      if (!ELSEWHERE.test(clauseWithoutFund(pc.p, m.index + m[0].length)))
        bought.push({ n: 0, para: pc, at: { start: m.index, end: m.index + m[0].length } });
    for (const m of allMatches(text, COST)) {
      const amount = startingAt(pc.p.amounts, m.index + m[0].length);
      if (
        amount &&
        !ELSEWHERE.test(clauseWithoutFund(pc.p, m.index)) &&
        !PAID_FOR_EARLIER.test(text.slice(amount.end, sentenceAt(pc.p, amount.start).end))
      )
        costs.push({ amount, para: pc.p.para });
    }
  }
  const counts = new Set(bought.map((b) => b.n));
  const zero = new Set(costs.map((c) => c.amount.value.isZero()));
  const [first] = bought;
  const [cost] = costs;
  if (!first || !cost || counts.size !== 1 || zero.size !== 1) return [];
  if (first.n > 0 !== cost.amount.value.isZero()) return [];
  return [
    {
      kind: 'purchase',
      count: first.n,
      cost: cost.amount,
      costPara: cost.para,
      ...place(first.para.p, sentenceAt(first.para.p, first.at.start), first.at),
    },
  ];
}
