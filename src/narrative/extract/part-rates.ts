import { Decimal } from 'decimal.js';
import { compareEq, sum } from '../../money/interval.js';
import { type AmountMention, type Claim, mentionApprox, type StatedRate } from '../claims.js';
import type { ClaimsCatalog } from '../catalog/types.js';
import type { ParaClaims } from './across.js';
import { completeness } from './list-complete.js';
import { flowOf } from './lists.js';
import { type ParaText, place } from './para.js';
import { startingAt } from './spans.js';
import { markStart, type ParaState, prefixIn, prefixOf } from './state.js';
import { directionOf } from './yoy.js';

/**
 * "，比上年下降 27.2%", "，增长 10%", "，同比减少 3.5%": a rate against the year before opening the clause after a figure —
 * or the clause after its change ("，同比减收 5.9 亿元，下降 2%", "，比上年增支 C 万元，增长 P%").
 */
const RATE_AFTER =
  /^，(?:(?:比|较)(?:上年|去年)(?:同期)?|同比|与上年(?:同期)?相比，?)?(?:(?:增收|减收|增支|减支|增加|减少)[0-9]+(?:\.[0-9]+)?(?:万元|亿元|元)，)?(?<word>增长|增加|下降|减少|上升|降低)了?(?=-?[0-9])/u;

/**
 * A total of money received, spent or laid out, by its name: 收入, 支出, 经费, and 投资 or 采购 (a year's investment or
 * purchases in current money, as its parts are: their figures last year add up to the total's as this year's do).
 */
const MONEY_FLOW = /收入|支出|经费|投资|采购/u;

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
  return rateAfterIn(s.p, s.catalog, a);
}

function rateAfterIn(p: ParaText, catalog: ClaimsCatalog, a: AmountMention): StatedRate | undefined {
  const text = p.n.text;
  const m = RATE_AFTER.exec(text.slice(a.end));
  const percent = m ? startingAt(p.percents, a.end + m[0].length) : undefined;
  if (!m || !percent || !/^(?:$|[，；。）])/u.test(text.slice(percent.end))) return undefined;
  return { percent, down: directionOf(m.groups?.word ?? '', catalog) === 'down' };
}

/** A change written beside a figure's rate: "，同比减收 C，下降 P%" or "，下降 P%，减少 C". */
const CHANGE_CLAUSE =
  /^，(?:(?:比|较)(?:上年|去年)(?:同期)?|同比)?(?:增收|减收|增支|减支|增加|减少)[0-9]+(?:\.[0-9]+)?(?:万元|亿元|元)/u;

/** Whether the figure's comparison writes its change too (the rate read by rateAfterIn ends at `rate`). */
function changeWritten(p: ParaText, a: AmountMention, rate: StatedRate): boolean {
  const text = p.n.text;
  return CHANGE_CLAUSE.test(text.slice(a.end)) || CHANGE_CLAUSE.test(text.slice(rate.percent.end));
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
    // every figure with its change too: the changes' sum (n.change-sum) and each rate on its change (n.yoy) say it all
    if (
      changeWritten(s.p, c.total, totalRate) &&
      c.items.every((i, k) => changeWritten(s.p, i.amount, rates[k] as StatedRate))
    )
      continue;
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

/**
 * A paragraph opening with the cut it makes of the figure the paragraph before opens with: "分级次看，", "按级次分：",
 * "分中央和地方看，", "分地区看，". `levels` when the cut is by level of government (no level is gone from last year).
 */
const CUT_OPENING =
  /^(?:分|按照?|从)(?<by>级次|中央(?:和|与|、)地方|地方(?:和|与|、)中央|地区|区域)(?:看|来看|分|划分)[，：]/u;

/**
 * "全市一般公共预算收入 T 亿元，同比减收 C 亿元，下降 R%。" and, in a paragraph of its own, "分级次看，市级…收入 a1 亿元，同比
 * 增长 r1%，县（市、区）…收入 a2 亿元，同比下降 r2%。": the parts of the figure the paragraph before opens with, each with
 * its rate (n.change-sum checks the total's rate against them, as partRateClaims does within a paragraph). Read only when
 * the cut paragraph's first sentence names figures of the total's flow (收入 / 支出) and nothing else, every one with its
 * rate, and they add up to the total to the last digit written (so they name every part).
 */
export function cutParagraphRateClaims(paras: readonly ParaClaims[], catalog: ClaimsCatalog): Claim[] {
  const out: Claim[] = [];
  for (let k = 1; k < paras.length; k += 1) {
    const pc = paras[k] as ParaClaims;
    const before = paras[k - 1] as ParaClaims;
    const cut = CUT_OPENING.exec(pc.p.n.text);
    if (!cut || pc.p.level !== undefined || before.p.n.text.includes('|')) continue;
    const levelsOf = (p: ParaText, changes: Set<AmountMention>) => p.amounts.filter((a) => !changes.has(a));
    // the total: the first figure of the paragraph before, with its rate, in its first sentence
    const first = before.p.sentences[0];
    const total = levelsOf(before.p, before.changes)[0];
    if (!first || !total || total.end > first.end) continue;
    const flow = flowOf(before.p.n.text.slice(first.start, total.start));
    const totalRate = rateAfterIn(before.p, catalog, total);
    if (!flow || !totalRate || /人均/u.test(before.p.n.text.slice(first.start, total.start))) continue;
    const sentence = pc.p.sentences[0];
    if (!sentence) continue;
    const figures = levelsOf(pc.p, pc.changes).filter((a) => a.end <= sentence.end);
    if (figures.length < 2 || figures.some((a) => a.unit !== total.unit)) continue;
    const rates = figures.map((a) => rateAfterIn(pc.p, catalog, a));
    if (rates.some((r) => r === undefined)) continue;
    if (
      changeWritten(before.p, total, totalRate) &&
      figures.every((a, i) => changeWritten(pc.p, a, rates[i] as StatedRate))
    )
      continue;
    if (figures.some((a) => flowOf(prefixIn(pc.p, a.start)) !== flow)) continue;
    if (!figures.reduce((acc, a) => acc.plus(a.value), new Decimal(0)).eq(total.value)) continue;
    out.push({
      kind: 'part-rates',
      ...(/级次|中央|地方/u.test(cut.groups?.by ?? '') ? { levels: true as const } : {}),
      total,
      totalRate,
      items: figures.map((a, i) => ({ amount: a, rate: rates[i] as StatedRate })),
      ...place(pc.p, sentence),
    });
  }
  return out;
}

/** A paragraph opening with a cut of its own ("分税收和非税收入看，", "分中央和地方看，", "按级次分："), any criterion. */
const ANY_CUT_OPENING = /^(?:分|按照?)[^，。；：、0-9]{1,10}?(?:看|来看|分|划分)[，：]/u;

/**
 * "上半年，全国一般公共预算收入 T 亿元，同比下降 r%。" and, in paragraphs of their own after it, "分中央和地方看，…中央…收入 a1
 * 亿元，…；地方…收入 a2 亿元，…。", "分税收和非税收入看，…税收收入 b1 亿元，…；非税收入 b2 亿元，…。": each cut paragraph's
 * first sentence lists every part of the figure the paragraph before the run of cuts states (n.list-sum) — read only when
 * that paragraph states one figure (with its rates), and the cut's figures, up to a 其中 inside the last part's clause,
 * name the parts of one breakdown the catalog knows whole (中央 and 地方, 税收收入 and 非税收入, 本级 and lower levels), of
 * the total's flow.
 */
export function cutParagraphLists(paras: readonly ParaClaims[], catalog: ClaimsCatalog): Claim[] {
  const out: Claim[] = [];
  for (let k = 1; k < paras.length; k += 1) {
    const pc = paras[k] as ParaClaims;
    if (!ANY_CUT_OPENING.test(pc.p.n.text) || pc.p.level !== undefined) continue;
    // the paragraph before the run of cut paragraphs this one closes
    let j = k - 1;
    while (j > 0 && ANY_CUT_OPENING.test((paras[j] as ParaClaims).p.n.text)) j -= 1;
    const before = paras[j] as ParaClaims;
    if (ANY_CUT_OPENING.test(before.p.n.text) || before.p.n.text.includes('|')) continue;
    const totals = before.p.amounts.filter((a) => !before.changes.has(a));
    const total = totals[0];
    if (!total || totals.some((a) => !a.value.eq(total.value) || a.unit !== total.unit)) continue;
    const totalName = before.p.n.text.slice(markStart(before.p, '。；', total.start), total.start);
    const flow = flowOf(totalName);
    if (!flow || /人均/u.test(totalName)) continue;
    const sentence = pc.p.sentences[0];
    if (!sentence) continue;
    const text = pc.p.n.text;
    // the parts' figures: a 其中 inside the sentence breaks down a part, not the total
    const inner = text.slice(0, sentence.end).indexOf('其中');
    const end = inner < 0 ? sentence.end : inner;
    const figures = pc.p.amounts.filter((a) => !pc.changes.has(a) && a.end <= end);
    if (figures.length < 2 || figures.some((a) => a.unit !== total.unit)) continue;
    if (figures.some((a) => flowOf(prefixIn(pc.p, a.start)) !== flow)) continue;
    const names = figures.map((a, i) => {
      const clause = text.slice(markStart(pc.p, '，；。：', a.start), a.start);
      const from = i === 0 ? markStart(pc.p, '：，', a.start) : (figures[i - 1] as AmountMention).end;
      return { clause, between: text.slice(from, a.start) };
    });
    const last = figures[figures.length - 1] as AmountMention;
    const why = completeness(catalog.completeLists, {
      totalName,
      intro: '',
      names,
      shares: figures.map(() => undefined),
      after: text.slice(last.end, sentence.end),
    });
    if (!catalog.completeLists.breakdowns.some((b) => b.id === why)) continue;
    out.push({
      kind: 'list',
      listId: 'by',
      total,
      totalPlace: before.p.para,
      items: figures.map((amount) => ({ amount, para: pc.p.para })),
      compare: 'equal',
      namesParts: true,
      ...place(pc.p, sentence),
    });
  }
  return out;
}
