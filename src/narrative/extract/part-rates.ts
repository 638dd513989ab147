import { Decimal } from 'decimal.js';
import { compareEq, sum } from '../../money/interval.js';
import { type AmountMention, type Claim, mentionApprox, type StatedRate } from '../claims.js';
import type { ClaimsCatalog } from '../catalog/types.js';
import type { ParaClaims } from './across.js';
import { flowOf } from './lists.js';
import { breakdownNamed, completeness } from './list-complete.js';
import { type ParaText, place, sentenceAt } from './para.js';
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

/**
 * The splits of a government's money every part of which is there every year: 税收/非税, 中央/地方, 地方/上划, 本级/下级.
 * (A unit's 三公 or its kinds of spending may have a part last year that it has none of this year.)
 */
const EVERY_YEAR = /^(?:tax|central-local|local-and-remitted|levels)$/u;

function wholeSplit(breakdown: string | undefined): boolean {
  return breakdown !== undefined && EVERY_YEAR.test(breakdown);
}

/**
 * Whether a list's items name the parts of a breakdown the catalog knows whole ("其中，中央…a；地方…b", "税收收入 a；非税收入
 * b"): no part of such a split can have gone since last year.
 */
function byBreakdown(s: ParaState, c: Extract<Claim, { kind: 'list' }>): true | undefined {
  const text = s.p.n.text;
  // a per-head figure's parts are of survey samples, whose weights move from year to year: no bound from below
  if (/人均/u.test(text.slice(markStart(s.p, '。', c.total.start), c.total.start))) return undefined;
  const names = c.items.map((i, k) => ({
    clause: text.slice(markStart(s.p, '，；。：', i.amount.start), i.amount.start).replace(/^其中/u, ''),
    between: text.slice(k === 0 ? c.total.end : (c.items[k - 1] as typeof i).amount.end, i.amount.start),
  }));
  return wholeSplit(breakdownNamed(s.catalog.completeLists, prefixOf(s, c.total.start), names)) ? true : undefined;
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

/**
 * Clauses of a figure's execution that may stand between it and its rate against the year before: "，完成年初预算的
 * 59.8%", "，为年预算的 52.6%", "，占年初预算数 30000 万元的 60.8%", "，占任务数的 96.3%", "，快于序时进度 3.4 个百分点".
 */
const EXECUTION =
  /^[，,](?:(?:为|完成|占|达到?)(?:年初|全年|本年度?|年度?|调整后?)?(?:预算|任务)(?:调整)?数?(?:[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:万元|亿元|元))?的?[0-9]+(?:\.[0-9]+)?%|(?:超过|超出|超|快于|高于|领先|低于|慢于|落后于?)(?:同期)?(?:时间|序时)进度[0-9]+(?:\.[0-9]+)?个?百分点)/u;

/** How far the execution clauses right after a figure reach (0 when none). */
function executionAfter(text: string): number {
  let at = 0;
  for (let m = EXECUTION.exec(text); m; m = EXECUTION.exec(text.slice(at))) at += m[0].length;
  return at;
}

function rateAfterIn(p: ParaText, catalog: ClaimsCatalog, a: AmountMention): StatedRate | undefined {
  const text = p.n.text;
  const from = a.end + executionAfter(text.slice(a.end));
  const m = RATE_AFTER.exec(text.slice(from));
  const percent = m ? startingAt(p.percents, from + m[0].length) : undefined;
  if (!m || !percent || !/^(?:$|[，；。）])/u.test(text.slice(percent.end))) return undefined;
  return { percent, down: directionOf(m.groups?.word ?? '', catalog) === 'down' };
}

/** A change written beside a figure's rate: "，同比减收 C，下降 P%" or "，下降 P%，减少 C". */
const CHANGE_CLAUSE =
  /^，(?:(?:比|较)(?:上年|去年)(?:同期)?|同比)?(?:增收|减收|增支|减支|增加|减少)[0-9]+(?:\.[0-9]+)?(?:万元|亿元|元)/u;

/** Whether the figure's comparison writes its change too (the rate read by rateAfterIn ends at `rate`). */
function changeWritten(p: ParaText, a: AmountMention, rate: StatedRate): boolean {
  const text = p.n.text;
  const from = a.end + executionAfter(text.slice(a.end));
  return CHANGE_CLAUSE.test(text.slice(from)) || CHANGE_CLAUSE.test(text.slice(rate.percent.end));
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
    const levels = byLevels(s, c) ?? (cut ? byGovernments(s, c) : undefined) ?? byBreakdown(s, c);
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

/** A figure of a paragraph that is a level (no change, no base of a ratio), with the rate written after it if any. */
interface Level {
  a: AmountMention;
  rate: StatedRate | undefined;
}

/** "…预算数 30000 万元的 60.8%", "比上年 B 万元": a figure that is the base of a ratio or a comparison, not a level. */
const BASE_AFTER = /^的[0-9]+(?:\.[0-9]+)?%/u;
const BASE_BEFORE = /(?:比|较|与)(?:上年|去年|上年同期|去年同期)[^，；。]{0,8}$/u;

function levelsIn(pc: ParaClaims, catalog: ClaimsCatalog): Level[] {
  const text = pc.p.n.text;
  return pc.p.amounts
    .filter(
      (a) => !pc.changes.has(a) && !BASE_AFTER.test(text.slice(a.end)) && !BASE_BEFORE.test(prefixIn(pc.p, a.start)),
    )
    .map((a) => ({ a, rate: rateAfterIn(pc.p, catalog, a) }));
}

/** Whether the name is of money received, spent or laid out (收入, 支出, 经费, 投资, 采购), and not per head. */
function moneyName(name: string): boolean {
  return MONEY_FLOW.test(name) && !/人均/u.test(name);
}

/**
 * Runs of levels that may name the parts of a figure: consecutive levels of a paragraph, every one with its rate,
 * from the first level of a sentence to the last level of a sentence (one sentence or several in a row).
 */
function partRuns(p: ParaText, levels: readonly Level[]): Level[][] {
  const out: Level[][] = [];
  const sentenceOf = (a: AmountMention) => p.sentences.findIndex((x) => x.start <= a.start && a.end <= x.end);
  const opens = (i: number) => i === 0 || sentenceOf((levels[i - 1] as Level).a) !== sentenceOf((levels[i] as Level).a);
  const closes = (j: number) =>
    j === levels.length - 1 || sentenceOf((levels[j + 1] as Level).a) !== sentenceOf((levels[j] as Level).a);
  for (let i = 0; i < levels.length; i += 1) {
    if (!opens(i)) continue;
    for (let j = i + 1; j < levels.length && j < i + 8; j += 1) {
      if ((levels[j] as Level).rate === undefined || (levels[j - 1] as Level).rate === undefined) break;
      if (closes(j)) out.push(levels.slice(i, j + 1));
    }
  }
  return out;
}

function sameItems(c: Claim, items: readonly AmountMention[]): boolean {
  return (
    c.kind === 'part-rates' &&
    c.items.length === items.length &&
    c.items.every(
      (i, k) => i.amount === items[k] || (i.amount.start === items[k]?.start && i.amount.end === items[k]?.end),
    )
  );
}

/**
 * "全国一般公共预算收入 T，同比增长 R%。其中，中央…a1，增长 r1；地方…a2，增长 r2。全国税收收入 b1，同比增长 s1；非税收入 b2，同比
 * 下降 s2。" and "…收入 T，同比增长 R%。" followed by a paragraph "收入方面，全省税收收入完成 b1，增长 s1；非税收入完成 b2，下降 s2。":
 * a run of figures, each with its rate against the year before, whose figures add up to a figure written before them
 * (in their paragraph or the one before) that has its own rate — the run names the parts of that figure, however the
 * text introduces it (其中, 分…看, 收入方面, or nothing), and the figure's rate follows from theirs (n.change-sum).
 * Read when the parts add up to the total to the last digit written, or, within the rounding of every figure, when
 * their names are the parts of a split whose every part is there every year (税收/非税, 中央/地方, 地方/上划, 本级/下级),
 * which loses no part from last year (`levels`).
 */
export function composedRateClaims(
  paras: readonly ParaClaims[],
  catalog: ClaimsCatalog,
  made: readonly Claim[],
): Claim[] {
  const out: Claim[] = [];
  const levels = paras.map((pc) => (pc.p.n.text.includes('|') ? [] : levelsIn(pc, catalog)));
  for (let k = 0; k < paras.length; k += 1) {
    const pc = paras[k] as ParaClaims;
    for (const run of partRuns(pc.p, levels[k] as Level[])) {
      const items = run.map((l) => l.a);
      if (items.some((a) => a.unit !== items[0]?.unit)) continue;
      if ([...made, ...out].some((c) => sameItems(c, items))) continue;
      const first = items[0] as AmountMention;
      // the total: the nearest level with a rate before the run, in its paragraph or the one before
      const before = [
        ...(k > 0 ? (levels[k - 1] as Level[]).map((l) => ({ l, p: (paras[k - 1] as ParaClaims).p })) : []),
        ...(levels[k] as Level[]).filter((l) => l.a.end <= first.start).map((l) => ({ l, p: pc.p })),
      ].reverse();
      const partsNames = items.map((a, n) => ({
        clause: prefixIn(pc.p, a.start),
        between: pc.p.n.text.slice(
          n === 0 ? markStart(pc.p, '。', a.start) : (items[n - 1] as AmountMention).end,
          a.start,
        ),
      }));
      const added = items.reduce((acc, a) => acc.plus(a.value), new Decimal(0));
      for (const { l, p } of before) {
        if (!l.rate || l.a.unit !== first.unit) continue;
        const totalName = `${p.n.text.slice(markStart(p, '。', l.a.start), l.a.start)}`;
        const exact = l.a.value.eq(added);
        const breakdown =
          (exact || compareEq(sum(items.map(mentionApprox)), mentionApprox(l.a)).consistent) &&
          wholeSplit(breakdownNamed(catalog.completeLists, prefixIn(p, l.a.start), partsNames));
        if (!exact && !breakdown) continue;
        const flow = flowOf(prefixIn(p, l.a.start));
        if (!moneyName(prefixIn(p, l.a.start)) || /人均/u.test(totalName)) break;
        if (partsNames.some((n) => flowOf(n.clause) !== undefined && flowOf(n.clause) !== flow)) break;
        if (run.some((x) => x.rate === undefined)) break;
        // every figure with its change too: n.change-sum and n.yoy check the changes
        if (changeWritten(p, l.a, l.rate) && run.every((x) => changeWritten(pc.p, x.a, x.rate as StatedRate))) break;
        out.push({
          kind: 'part-rates',
          ...(breakdown ? { levels: true as const } : {}),
          total: l.a,
          totalRate: l.rate,
          items: run.map((x) => ({ amount: x.a, rate: x.rate as StatedRate })),
          ...place(pc.p, sentenceAt(pc.p, first.start)),
        });
        break;
      }
    }
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
