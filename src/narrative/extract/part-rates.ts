import { compareEq, sum } from '../../money/interval.js';
import { type AmountMention, type Claim, mentionApprox, type StatedRate } from '../claims.js';
import { startingAt } from './spans.js';
import { type ParaState, prefixOf } from './state.js';
import { directionOf } from './yoy.js';

/** "，比上年下降 27.2%", "，增长 10%", "，同比减少 3.5%": a rate against the year before opening the clause after a figure. */
const RATE_AFTER =
  /^，(?:比上年|较上年|比去年|较去年|同比|与上年相比，?)?(?<word>增长|增加|下降|减少|上升|降低)了?(?=-?[0-9])/u;

/** A total of money received or spent, by its name. */
const MONEY_FLOW = /收入|支出|经费/u;

/** The rate written right after a figure, closing its clause ("增长 5% 以上" is a bound, not a rate). */
function rateAfter(s: ParaState, a: AmountMention): StatedRate | undefined {
  const text = s.p.n.text;
  const m = RATE_AFTER.exec(text.slice(a.end));
  const percent = m ? startingAt(s.p.percents, a.end + m[0].length) : undefined;
  if (!m || !percent || !/^(?:$|[，；。）])/u.test(text.slice(percent.end))) return undefined;
  return { percent, down: directionOf(m.groups?.word ?? '', s.catalog) === 'down' };
}

/**
 * "“三公”经费 2.5 亿元，比上年下降 20.2%，其中：出国费 1500 万元，下降 40.0%；…": a 其中 list whose items add up to its
 * total (within rounding), the total and every item each with a rate against the year before. The items' figures and
 * rates give each item's figure last year, and so the total's, and so the total's rate (n.change-sum checks it).
 * Read only for a list the text says is whole (not partial, no item that may overlap or carry its own breakdown).
 */
export function partRateClaims(s: ParaState, lists: readonly Claim[]): Claim[] {
  const out: Claim[] = [];
  for (const c of lists) {
    if (c.kind !== 'list' || c.listId !== 'breakdown' || c.compare !== 'equal' || c.items.length < 2) continue;
    if (c.partial || c.overlapping || c.columns || (c.readings?.length ?? 1) > 1) continue;
    if (c.totalPlace !== s.p.para || c.items.some((i) => i.para !== s.p.para)) continue;
    // parts that do not make the total are n.list-sum's to report
    if (!compareEq(sum(c.items.map((i) => mentionApprox(i.amount))), mentionApprox(c.total)).consistent) continue;
    // money of a budget (收入, 支出, 经费): a 增加值 or 生产总值 grows at constant prices, its parts' weights are not
    // this year's figures, and its rates do not add up so
    if (!MONEY_FLOW.test(`${prefixOf(s, c.total.start)}${c.totalSubject?.label ?? ''}`)) continue;
    const totalRate = rateAfter(s, c.total);
    const rates = c.items.map((i) => rateAfter(s, i.amount));
    if (!totalRate || rates.some((r) => r === undefined)) continue;
    out.push({
      kind: 'part-rates',
      total: c.total,
      totalRate,
      ...(c.totalSubject ? { totalSubject: c.totalSubject } : {}),
      items: c.items.map((i, k) => ({ amount: i.amount, rate: rates[k] as StatedRate })),
      para: c.para,
      sentence: c.sentence,
      quote: c.quote,
    });
  }
  return out;
}
