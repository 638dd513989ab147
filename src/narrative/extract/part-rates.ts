import { Decimal } from 'decimal.js';
import { compareEq, sum } from '../../money/interval.js';
import { type AmountMention, type Claim, mentionApprox, type StatedRate } from '../claims.js';
import { startingAt } from './spans.js';
import { markStart, type ParaState, prefixOf } from './state.js';
import { directionOf } from './yoy.js';

/** "，比上年下降 27.2%", "，增长 10%", "，同比减少 3.5%": a rate against the year before opening the clause after a figure. */
const RATE_AFTER =
  /^，(?:(?:比|较)(?:上年|去年)(?:同期)?|同比|与上年(?:同期)?相比，?)?(?<word>增长|增加|下降|减少|上升|降低)了?(?=-?[0-9])/u;

/** A total of money received or spent, by its name. */
const MONEY_FLOW = /收入|支出|经费/u;

/**
 * Whether a list's items are its total's own level and its lower levels ("其中，市级财政收入 a…；区县财政收入 b…"), as the
 * catalog's `levels` breakdown names them (the own level also written 市级, 县级): every item one of them, both there.
 */
function byLevels(s: ParaState, c: Extract<Claim, { kind: 'list' }>): true | undefined {
  const levels = s.catalog.completeLists.breakdowns.find((b) => b.id === 'levels');
  const own = /(?:省|区|市|州|盟|县|旗)(?:本级|级)(?!市)/u;
  const lower = levels?.parts.find((x) => x.id === 'lower')?.pattern;
  if (!lower) return undefined;
  const named = c.items.map((i) => {
    const text = s.p.n.text;
    const clause = text.slice(markStart(s.p, '，；。：', i.amount.start), i.amount.start).replace(/^其中/u, '');
    return lower.test(clause) ? 'lower' : own.test(clause) ? 'own' : undefined;
  });
  return named.includes('own') && named.includes('lower') && named.every((x) => x !== undefined) ? true : undefined;
}

/**
 * "分中央和地方看，…", "分级次看，…": a cut by level of government — every level has its part in both years, none gone
 * from last year's figures (as byLevels).
 */
function byGovernments(s: ParaState, c: Extract<Claim, { kind: 'list' }>): true | undefined {
  const first = c.items[0];
  if (!first) return undefined;
  const text = s.p.n.text;
  const opening = text.slice(markStart(s.p, '。', first.amount.start), first.amount.start);
  return /^(?:分|按照?)(?:中央(?:和|与|、)地方|地方(?:和|与|、)中央|级次)(?:看|来看|分)[，：]/u.test(opening)
    ? true
    : undefined;
}

/** Whether a list's items add up to its total exactly, as written, in one unit. */
function exactSum(c: Extract<Claim, { kind: 'list' }>): boolean {
  if (c.items.some((i) => i.amount.unit !== c.total.unit)) return false;
  return c.items.reduce((acc, i) => acc.plus(i.amount.value), new Decimal(0)).eq(c.total.value);
}

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
    if (c.kind !== 'list' || c.compare !== 'equal' || c.items.length < 2) continue;
    // "收入 T，下降 P%。分中央和地方看，中央 a，下降 p1；地方 b，下降 p2": a sentence opening with the cut it makes lists
    // every part of the figure before it, as a 其中 list that makes its total does (a per-head figure aside: its parts'
    // rates are of survey samples, not of one sum)
    const cut = c.listId === 'by' && !/人均/u.test(prefixOf(s, c.total.start));
    if (c.listId !== 'breakdown' && !cut) continue;
    // a list its words leave open counts when its items make its total to the last digit written ("收入 T，比上年增长 P%。
    // 其中，市级 a，增长 p1；区县 b，增长 p2", a + b = T): they name every part, whatever the words say
    if ((c.partial && !exactSum(c)) || c.overlapping || c.columns || (c.readings?.length ?? 1) > 1) continue;
    if (c.totalPlace !== s.p.para || c.items.some((i) => i.para !== s.p.para)) continue;
    // parts that do not make the total are n.list-sum's to report
    if (!compareEq(sum(c.items.map((i) => mentionApprox(i.amount))), mentionApprox(c.total)).consistent) continue;
    // money of a budget (收入, 支出, 经费): a 增加值 or 生产总值 grows at constant prices, its parts' weights are not
    // this year's figures, and its rates do not add up so
    if (!MONEY_FLOW.test(`${prefixOf(s, c.total.start)}${c.totalSubject?.label ?? ''}`)) continue;
    const totalRate = rateAfter(s, c.total);
    const rates = c.items.map((i) => rateAfter(s, i.amount));
    if (!totalRate || rates.some((r) => r === undefined)) continue;
    const levels = byLevels(s, c) ?? (cut ? byGovernments(s, c) : undefined);
    out.push({
      kind: 'part-rates',
      ...(levels ? { levels } : {}),
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
