import type { AmountMention, Claim, PercentMention, WholeRef } from '../claims.js';
import { OUTLINE_MARK } from '../../util/outline.js';
import type { Subject } from '../catalog/types.js';
import { subjectsIn } from './mentions.js';
import { enumeratedNames } from './named-shares.js';
import { place, sentenceAt } from './para.js';
import { countEndingBy, lastEndingBy, startingAt, within } from './spans.js';
import { closedOffBefore, levels, markStart, prefixOf, type ParaState } from './state.js';
import { getOrCreate } from '../../util/memo.js';
import type { Paragraph } from '../types.js';
import { allMatches } from '../../util/matches.js';

/**
 * Where a sentence opens on a breakdown: "…决算中，", "…的（具体）构成为：" (`outturn`, `parts` mark where the name
 * before it ends; "“三公”经费支出决算中" may take the 支出 the cue also allows).
 */
const BREAKDOWN = /(?:支出)?(?<outturn>)决算中，|(?<parts>)的?(?:具体)?构成(?:情况)?(?:为|是|如下)?：|(?<among>)中，/du;

/**
 * "“三公”经费支出决算中，公务接待费支出决算 2.36 万元，占 100%", "“三公”经费支出中，公务接待费 a 万元，占 p%"
 * (the subject's name right before 中), "本年收入的具体构成为：财政拨款收入 a 万元，占
 * 100%；…": a share without a named whole in a sentence that opens with "<subject>…决算中，" or "<subject>的构成为："
 * is a share of that subject.
 */
function breakdownOf(s: ParaState, index: number): { subject: Subject } | undefined {
  const text = s.p.n.text;
  const sentence = sentenceAt(s.p, index);
  const cue = BREAKDOWN.exec(text.slice(sentence.start, index));
  const name = cue?.indices?.groups?.outturn ?? cue?.indices?.groups?.parts ?? cue?.indices?.groups?.among;
  if (!name) return undefined;
  const at = sentence.start + name[0];
  const last = lastEndingBy(s.p.subjects, at);
  const named = last && at - last.end <= 2 ? last : undefined;
  return named ? { subject: named.subject } : undefined;
}

/** A part's own words naming it a 预算 figure ("…2013年预算数 a 万元"), not an outturn. */
const BUDGET_PART = /^(?!.*(?:决算|执行|完成|实际))(?=.*预算)/u;

/** "，两项合计占 p%" right after a figure: the share is of that many figures together. */
const SUMMED = /^[，,]?(?:以上|上述|这|此)?(?<n>两|二|三|四|[2-4])项(?:合计|共计|总计|之和|相加)?$/u;
const COUNTS: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 2: 2, 3: 3, 4: 4 };

/**
 * "经营收入 a 万元，附属单位上缴收入 b 万元，两项合计占 p%": the figures the words count, the last of them the
 * one before 占 — all in the clause group, one per clause, in one unit; undefined when the words say no such
 * sum or the figures are not there.
 */
function summedParts(
  s: ParaState,
  between: string,
  lastBefore: (count: number) => AmountMention[],
): AmountMention[] | undefined {
  const n = COUNTS[SUMMED.exec(between)?.groups?.n ?? ''];
  if (!n) return undefined;
  const parts = lastBefore(n);
  if (parts.length !== n || new Set(parts.map((a) => a.unit)).size !== 1) return undefined;
  const text = s.p.n.text;
  const oneEach = parts.every(
    (a, i) => i === 0 || /[，、；]/u.test(text.slice((parts[i - 1] as AmountMention).end, a.start)),
  );
  return oneEach ? parts : undefined;
}

/**
 * "基本支出 533.65 万元，占本年支出 24.74%": the part is the last level amount before 占 in the
 * same clause group (up to the previous ；or 。), the whole is named between 占 and the
 * percentage, or — "一般公共服务（类）支出 2015.55 万元，占 93.5%" — left to the list the
 * paragraph is an item of (resolved across paragraphs).
 */
/** Between a whole's figure and its share: "的", "的比重为", "）的", "之" (for 的). */
const FIGURE_TO_SHARE = /^）?(?:的|之)?(?:比重|比例|占比)?(?:为|是)?(?=[0-9.]+%)/u;

/** A 占 cue with its share: the whole's name as written, and the whole's own figure when it is written there. */
interface ShareCue {
  cue: RegExpExecArray;
  percent: PercentMention;
  figure?: AmountMention;
}

/**
 * Every 占 of the paragraph with its percentage: "占支出合计的 P%" (the whole named), "占支出合计 W 万元的 P%"
 * (the whole's figure written too: the share is of that figure), and "占 2010 年全部三公支出的 P%" (the year the
 * paragraph speaks of before the whole's name).
 */
function shareCues(s: ParaState): ShareCue[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: ShareCue[] = [];
  for (const cue of allMatches(text, catalog.cues.share)) {
    const percent = startingAt(p.percents, cue.index + cue[0].length);
    if (percent) out.push({ cue, percent });
  }
  for (const cue of allMatches(text, catalog.cues.shareOfFigure)) {
    const figure = startingAt(p.amounts, cue.index + cue[0].length);
    const tail = figure ? FIGURE_TO_SHARE.exec(text.slice(figure.end)) : null;
    const percent = figure && tail ? startingAt(p.percents, figure.end + tail[0].length) : undefined;
    if (figure && percent) out.push({ cue, percent, figure });
  }
  for (const cue of allMatches(text, catalog.cues.shareOfYear)) {
    const percent = startingAt(p.percents, cue.index + cue[0].length);
    const years = new Set(text.slice(0, cue.index).match(/[0-9]{4}(?=年)/gu) ?? []);
    if (percent && years.size === 1 && years.has(cue.groups?.year ?? '')) out.push({ cue, percent });
  }
  return out.sort((a, b) => a.cue.index - b.cue.index);
}

/**
 * Right after a figure, its share of one whole named: "，占调整预算 104.00%，" (the whole's name in `whole`), its
 * figure maybe written too ("，占“三公”经费支出 56.40 万元的 17.02%，").
 */
const SHARE_OF_OTHER_WHOLE = /^，占(?<whole>[^，。；：%0-9]{1,24}?)(?:[0-9][0-9,.]*(?:万元|亿元|元))?的?[0-9.]+%，$/u;

/**
 * Between two parts' figures enumerated before "（分别）占…的 p、q、r": a mark alone ("分别为 a、b 和 c"), or a mark and
 * the next part's short name ("采购货物 a、工程 b、服务 c"; "…、服务类为 c") — no 其中/合计 (a part of a part, a sum), no
 * figure, no clause mark but the one separating them.
 */
const ENUMERATION_STEP =
  /^\s*(?:(?:、|，|和|及|与)\s*|(?:、|，|和|及|与)(?!其中|含|包括|合计|共计|总计|累计|比|较|同比|增|减|下降|上升)[^，。；：、0-9%（）()“”]{1,10}?(?:为|是|达)?\s*)$/u;

/**
 * Whether a name written before 占 names again the figure just before it: the figure's own name, or that name after
 * the verb it is reported with ("累计完成非税收入 b，…，非税收入占…": "累计完成" is no part of the name).
 */
function namesAgain(own: string, written: string): boolean {
  return (
    own === written ||
    (own.endsWith(written) && /^(?:累计|实际|当月|本月)*(?:完成|实现|组织)$/u.test(own.slice(0, -written.length)))
  );
}

export function shareClaims(s: ParaState): Claim[] {
  const { p, vocabulary } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  const cues = shareCues(s);
  // "A 万元，占甲 W1 万元的 p%，占乙 W2 万元的 q%": a whole's figure written in a 占 is the part of no share after it
  const wholeFigures = new Set(cues.flatMap((c) => (c.figure ? [c.figure] : [])));
  for (const { cue, percent, figure } of cues) {
    if (s.usedPercents.has(percent)) continue;
    // the clause group the cue is in (a mark at the cue itself counts)
    const groupStart = markStart(p, '；。', cue.index + 1);
    // "财政拨款收入 A 万元（其中，…0 万元），占 90%": a figure inside brackets closed before 占 is a detail
    const closedBefore = (a: { end: number }) => closedOffBefore(p, a.end, cue.index);
    // the levels of the clause group before 占 not closed off, the last `count` of them, in order
    const lastBefore = (count: number): AmountMention[] => {
      const all = levels(s);
      const found: AmountMention[] = [];
      for (let i = countEndingBy(all, cue.index) - 1; i >= 0 && found.length < count; i -= 1) {
        const a = all[i] as AmountMention;
        if (a.start < groupStart) break;
        if (!closedBefore(a) && !wholeFigures.has(a)) found.unshift(a);
      }
      return found;
    };
    const inGroup = lastBefore(1)[0];
    // "A 万元，占 x%，…占 y%": a share between the figure and this 占 took the figure (a rate of change does not) —
    // unless that share is of another whole named right before this one ("A 万元，占调整预算 x%，占一般公共预算收入的
    // y%": one figure against two wholes)
    const between = inGroup ? text.slice(inGroup.end, cue.index) : '';
    const otherWhole = SHARE_OF_OTHER_WHOLE.exec(between)?.groups?.whole;
    // "…非税收入 b 万元，占预算的 y%，税收占地方一般公共预算收入的比重为 p%": unless a clause of its own names what 占 is
    // said of (read below)
    const lastClause = between.includes('，') ? between.slice(between.lastIndexOf('，') + 1) : '';
    const namesItsOwn = /占|[0-9%]/u.test(lastClause)
      ? false
      : bareName(lastClause) !== undefined || shortName(lastClause) !== undefined;
    if (
      inGroup &&
      /占/u.test(between) &&
      !namesItsOwn &&
      (otherWhole === undefined || otherWhole === (cue.groups?.whole ?? ''))
    )
      continue;
    // "甲占 W 的比重为 p%，乙比重为 q%…": the parts named, not figured, each in its own clause
    if (!inGroup && chainedShares(s, cue, percent, groupStart)) continue;
    // "…，较上年 B 万元增长 r%，税收收入占收入的 p%": a clause of its own naming what 占 is said of —
    // the figure before it is another's (here the year before's), so the part is the one named
    const clause = inGroup ? text.slice(inGroup.end, cue.index) : '';
    const written = clause.includes('，') ? bareName(clause.slice(clause.lastIndexOf('，') + 1)) : undefined;
    // "其中：民生支出 b 万元，民生支出占…的 p%": the clause names again the figure before it — that figure is the part
    const ownName =
      written !== undefined && inGroup && namesAgain(figureName(prefixOf(s, inGroup.start)), written)
        ? undefined
        : written;
    // "…，非税收入 b 万元，税收占比 p%": a short name before 占 names the part too — the figure so named in the
    // clause group ("税收" is "税收收入"), else none
    const short = clause.includes('，') && !ownName ? shortName(clause.slice(clause.lastIndexOf('，') + 1)) : undefined;
    const part = short
      ? shortNamedPart(s, short, groupStart, cue.index)
      : inGroup && !ownName
        ? inGroup
        : ownName
          ? // the part stated anywhere before the clause naming it ("其中税收收入完成 a、非税收入完成 b，税收收入占…")
            namedPart(s, ownName, cue.index - (clause.length - clause.lastIndexOf('，')))
          : namedPart(s, text.slice(groupStart, cue.index), groupStart);
    if (!part && short) continue;
    if (!part) {
      namedPartShares(s, cue, percent, groupStart);
      continue;
    }
    const wholeText = cue.groups?.whole ?? '';
    const named = subjectsIn(wholeText, vocabulary)[0] ?? (wholeText === '' ? breakdownOf(s, part.start) : undefined);
    // "授予中小微型公司的合同金额为 B，占授予中小微型公司的合同金额的 P%": the part named as its whole, word for word —
    // the text makes the figure a share of itself (one of the two names is wrong), and the share is checked so
    const itself = !figure && namedAsItself(prefixOf(s, part.start), wholeText);
    const whole: WholeRef = figure
      ? { list: figure, para: p.para }
      : itself
        ? { list: part, para: p.para, name: `“${wholeText.replace(/的$/u, '')}”（与 ${part.text} 同名，即它本身）` }
        : named
          ? { subject: named.subject, text: wholeText }
          : wholeByName(s, wholeText, part, p.para);
    const sentence = sentenceAt(p, cue.index);
    const at = { start: Math.max(sentence.start, groupStart), end: sentence.end };
    // "分别为 A、B 和 C，占…的 p、q 和 r": each percentage is the share of its own amount, in order;
    // without as many amounts enumerated right before 占, nothing is said
    const percents = percentsFrom(s, percent);
    for (const x of percents) s.usedPercents.add(x);
    if (percents.length > 1) {
      const parts = lastBefore(percents.length);
      const enumerated =
        parts.length === percents.length &&
        parts.every((a, i) => i === 0 || ENUMERATION_STEP.test(text.slice((parts[i - 1] as typeof a).end, a.start)));
      if (enumerated)
        for (const [i, a] of parts.entries())
          out.push({ kind: 'share', part: a, whole, percent: percents[i] as typeof percent, ...place(p, at, percent) });
      continue;
    }
    const claim: Claim = { kind: 'share', part, whole, percent, ...place(p, at, percent) };
    if (BUDGET_PART.test(prefixOf(s, part.start))) claim.partBudget = true;
    const summed = part === inGroup ? summedParts(s, text.slice(part.end, cue.index), lastBefore) : undefined;
    if (summed) claim.partSumOf = summed;
    out.push(claim);
  }
  out.push(...savingsClaims(s), ...savingWordClaims(s));
  return out;
}

/** "p、q 和 r": the percentage and those enumerated right after it. */
function percentsFrom(s: ParaState, first: PercentMention): PercentMention[] {
  const text = s.p.n.text;
  const percents = [first];
  for (let last = first; ; ) {
    const sep = /^\s*(?:、|和|及|与)\s*/u.exec(text.slice(last.end));
    const next = sep ? startingAt(s.p.percents, last.end + sep[0].length) : undefined;
    if (!next) break;
    percents.push(next);
    last = next;
  }
  return percents;
}

/**
 * "基本支出、项目支出分别占本年支出合计的 p、q", "…增加值所占比重分别为 p、q、r": no figure before 占, the
 * parts named there in order, their figures stated earlier — looked up once every paragraph is read
 * (named-shares.ts). Without 分别 the pairing is not certain and nothing is said.
 */
function namedPartShares(s: ParaState, cue: RegExpExecArray, first: PercentMention, groupStart: number): void {
  const { p, vocabulary } = s;
  const text = p.n.text;
  const wholeText = cue.groups?.whole ?? '';
  if (!/分别/u.test(`${text.slice(Math.max(0, cue.index - 2), cue.index)}${wholeText}`)) return;
  const percents = percentsFrom(s, first);
  if (percents.length < 2) return;
  const names = enumeratedNames(
    text.slice(Math.max(groupStart, markStart(p, '，：', cue.index)), cue.index),
    percents.length,
  );
  if (!names) return;
  for (const x of percents) s.usedPercents.add(x);
  const sentence = sentenceAt(p, cue.index);
  const named = subjectsIn(wholeText, vocabulary)[0];
  const wholeName = named ? undefined : wholeNameOf(wholeText.replace(/分别(?:为|是)?$/u, ''));
  s.namedShares ??= [];
  s.namedShares.push({
    names,
    percents,
    // the parts may be stated in the share's own sentence, before the clause naming them ("税收收入 a，非税收入 b，
    // 税收收入和非税收入占…分别为 p、q")
    before: Math.max(sentence.start, groupStart, markStart(p, '，：', cue.index)),
    place: place(p, { start: Math.max(sentence.start, groupStart), end: sentence.end }, first),
    ...(named ? { whole: { subject: named.subject, text: wholeText } } : {}),
    ...(wholeName ? { wholeName } : {}),
  });
}

/** "，第二产业增加值比重为 q%": the next part of the same whole, 占 and the whole left out. */
const CHAINED = /^，([^，。；：0-9%占]{2,16}?)(?:所占的?|的)?(?:比重|占比)(?:为|是)/u;

/**
 * "第一产业增加值占生产总值的比重为 p%，第二产业增加值比重为 q%，第三产业增加值比重为 r%": the clauses
 * after the first name their parts and leave out 占 and the whole, which stays the first one's. Read as
 * parts named in order (like 分别, resolved once every paragraph is read) when the first part is named,
 * not figured, and every part's name is one; false when the sentence is no such chain.
 */
function chainedShares(s: ParaState, cue: RegExpExecArray, first: PercentMention, groupStart: number): boolean {
  const { p, vocabulary } = s;
  const text = p.n.text;
  const percents = [first];
  const written: string[] = [];
  for (let last = first; ; ) {
    const m = CHAINED.exec(text.slice(last.end));
    const next = m ? startingAt(p.percents, last.end + m[0].length) : undefined;
    if (!m || !next || s.usedPercents.has(next)) break;
    written.push(m[1] as string);
    percents.push(next);
    last = next;
  }
  if (percents.length < 2) return false;
  const names = [text.slice(Math.max(groupStart, markStart(p, '，：', cue.index)), cue.index), ...written].map(
    bareName,
  );
  if (names.some((n) => n === undefined)) return false;
  for (const x of percents) s.usedPercents.add(x);
  const wholeText = cue.groups?.whole ?? '';
  const named = subjectsIn(wholeText, vocabulary)[0];
  const sentence = sentenceAt(p, cue.index);
  s.namedShares ??= [];
  s.namedShares.push({
    names: names as string[],
    percents,
    before: sentence.start,
    place: place(p, { start: Math.max(sentence.start, groupStart), end: sentence.end }, first),
    ...(named ? { whole: { subject: named.subject, text: wholeText } } : {}),
  });
  return true;
}

/** "…的比重为" / "总量的": what follows a whole's name before its percentage. */
const WHOLE_TAIL = /(?:总量|总额)?(?:的)?(?:比重|比例|占比)?(?:为|是|达|约为)?$/u;

/** A figure's name as written before a share cue or after 占 ("税收收入", "财政支出总量的比重为" → "财政支出"). */
export function bareName(text: string): string | undefined {
  const name = figureName((text.split(/[，、：]/u).pop() ?? '').trim().replace(WHOLE_TAIL, '').replace(/^其中/u, ''));
  // "占预算的", "占年初预算的": an execution rate, not a share of a figure named so (a budget that names what it
  // is of, "占政府采购预算 P%", is a figure of its own)
  return name.length >= 4 && name.length <= 16 && !/[0-9]/u.test(name) && !RATE_BUDGET.test(name) ? name : undefined;
}

/** A budget named only by its time or kind ("年初预算", "全年预算数", "调整后预算"): an execution rate's yardstick. */
const RATE_BUDGET = /^(?:年初|全年|本?年度?|当年|调整后?的?|部门|单位|总)*预算(?:数|总额|总数)?$/u;

/**
 * Whether the words naming a figure (its clause up to it, the period and the verb aside) are the whole a share of it
 * names, word for word and at least eight characters long (a short or generic name may be an elliptic other whole).
 */
function namedAsItself(prefix: string, wholeText: string): boolean {
  const own = prefix
    .slice(Math.max(...[...'，、：；'].map((m) => prefix.lastIndexOf(m))) + 1)
    .replace(LEADING_MARK, '')
    .replace(/^(?:其中，?)?/u, '')
    .replace(PERIOD, '')
    .replace(/(?:累计|实际)?(?:执行数?|完成|实现|为|是|达|共计|合计|总计)*$/u, '');
  const whole = wholeText.replace(/的$/u, '');
  return own.length >= 8 && own === whole;
}

/** One name of the economy's output as texts write it: "GDP", "地区生产总值", "国内生产总值", "全市生产总值". */
const OUTPUT = /^(?:GDP|地区生产总值|国内生产总值|生产总值)$/iu;

/** The period a figure is of, written before its name: "上半年", "1-5月", "2024年". */
const PERIOD =
  /^(?:[0-9]{4}年度?|今年|上半年|下半年|全年|前?[一二三四1-4]季度|[0-9]{1,2}(?:-|—|～|至)[0-9]{1,2}月份?|[0-9]{1,2}月份?)+/u;

const LEADING_MARK = new RegExp(`^${OUTLINE_MARK}`, 'u');

/**
 * The period words written before a figure's name, as a key: the part of the year ("上半年", "12月份", "一季度"; none for
 * the whole year, "全年"/"今年" included) and the year when written ("2022年"), so that "上半年罚没收入" is not the
 * year's "2022年全州罚没收入".
 */
export function periodKey(prefix: string): { year?: string; part: string } {
  const words =
    prefix
      .replace(LEADING_MARK, '')
      .replace(/^(?:其中，?)?/u, '')
      .replace(/^(?:全[省市县区乡镇州]|我[省市县区镇乡])/u, '')
      .match(PERIOD)?.[0] ?? '';
  const year = /[0-9]{4}/u.exec(words)?.[0];
  const part = words
    .replace(/[0-9]{4}年度?/gu, '')
    .replace(/全年|今年/gu, '')
    .replace(/份/gu, '')
    .replace(/[—～至]/gu, '-');
  return year === undefined ? { part } : { year, part };
}

/**
 * The period a figure in a paragraph is of: the period words before its name in its clause, else those forming the
 * first clause of its sentence ("上半年，全县……累计完成 A 亿元").
 */
export function periodAt(s: ParaState, index: number): ReturnType<typeof periodKey> {
  const text = s.p.n.text;
  const own = periodKey(text.slice(markStart(s.p, '，；。：', index), index));
  if (own.year !== undefined || own.part !== '') return own;
  const sentence = markStart(s.p, '；。', index);
  const head = /^[^，；。：]*[，：]/u.exec(text.slice(sentence, index))?.[0] ?? '';
  const words = head.slice(0, -1);
  const lead = periodKey(words);
  return lead.year === undefined && lead.part === '' ? own : PERIOD_ONLY.test(words) ? lead : own;
}

/** A clause that is only period words (and an area): "上半年", "2024年1-6月", "上半年全县". */
const PERIOD_ONLY =
  /^(?:[0-9]{4}年度?|今年|上半年|下半年|全年|前?[一二三四1-4]季度|[0-9]{1,2}(?:-|—|～|至)[0-9]{1,2}月份?|[0-9]{1,2}月份?)+(?:全[省市县区乡镇州]|我[省市县区镇乡])?$/u;

/** Whether two figures' period words may name one period (a year written on one side only is the same year). */
export function samePeriod(a: { year?: string; part: string }, b: { year?: string; part: string }): boolean {
  const x = a;
  const y = b;
  return x.part === y.part && (x.year === undefined || y.year === undefined || x.year === y.year);
}

/** A figure's name without the period and area it is of or the verb before its amount: "上半年全市财政支出完成" → "财政支出". */
export function figureName(prefix: string): string {
  return (
    prefix
      .replace(LEADING_MARK, '')
      .replace(/^(?:其中，?)?/u, '')
      .replace(PERIOD, '')
      .replace(/^(?:全[省市县区乡镇州]|我[省市县区镇乡])/u, '')
      .replace(/(?:累计|实际)?(?:执行数?|完成|实现|安排|为|是|达|共计|合计|总计)*$/u, '')
      .replace(OUTPUT, '地区生产总值')
      // "一般预算公共支出": the fund's name with two of its words swapped is still its name
      .replace(/一般预算公共/u, '一般公共预算')
  );
}

/** A name as a whole is written and as a figure is: its owner, year, currency and 数/总额 aside. */
function coreName(name: string): string {
  return name
    .replace(/(?:的|之)$/u, '')
    .replace(/(?:新台币|澳门币|港币|人民币)$/u, '')
    .replace(/(?:编列|为|是)$/u, '')
    .replace(/(?:总额|总数|数|合计|总计)$/u, '')
    .replace(/^(?:[0-9]{4}年度?)?(?:市府|市政府|县府|县政府|本府|本市|本县|全市|全县|中央政府)?/u, '');
}

/**
 * "本市岁出总预算数 T，本局岁出预算数编列 a，占市府总预算数 p%", "岁出决算数新台币 T，其中教育支出 a，占岁出决算总额 p%":
 * a whole the catalog has no name for, named as a total, is the figure written before the part whose name ends with the whole's (its
 * owner, year, currency and 数/总额 aside) — when the figures so named before the part have one value, at least the
 * part's; else nothing is known of it.
 */
function wholeByName(s: ParaState, wholeText: string, part: AmountMention, para: Paragraph): WholeRef {
  const core = coreName(wholeText);
  const key = budgetTotalKey(core);
  // only a whole named as a total (总额, 总数, 总预算) or a flow's budget (收入预算, 支出预算): a bare name
  // ("一般公共预算收入") may be of another scope
  if (core.length < 3 || /[0-9]/u.test(core) || (!/总额|总数|总预算/u.test(wholeText) && !key))
    return { unknown: wholeText };
  const figure =
    (/总额|总数|总预算/u.test(wholeText) ? wholeBefore(s, part, (name) => coreName(name).endsWith(core)) : undefined) ??
    // "支出预算 T，…项目支出 b，占支出总预算 p%": the flow's budget total, 总 written elsewhere in its name or not at all;
    // "收支总预算 T，其中：本年收入 a，占收入预算 p%": a budget balances, its 收支总预算 is its 收入预算 and its 支出预算
    (key
      ? wholeBefore(s, part, (name) => ((k) => k === key || k === '收支预算')(budgetTotalKey(coreName(name))))
      : undefined);
  return figure
    ? { list: figure, para, name: `${wholeText.replace(/(?:的|之)$/u, '')} ${figure.text}` }
    : { unknown: wholeText };
}

/**
 * A flow's budget total as its name is written with 总 anywhere or nowhere ("支出总预算", "总支出预算", "支出预算总额",
 * "预算总支出", "支出预算"): the flow and 预算, else undefined (a name of no one flow's budget, "总预算", "岁出总预算" of a
 * whole city, is left to its exact words).
 */
function budgetTotalKey(core: string): string | undefined {
  // (the owner before the year: "本单位 2024 年", "某区残疾人联合会 2016 年")
  const own = core
    .replace(/^[^0-9，。；：]{2,20}?(?=[0-9]{4}年)/u, '')
    .replace(/^(?:(?:本|我|该)(?:部门|单位|局|委|办|院|校|所|站|馆|中心|会)|[0-9]{4}年度?)+/u, '');
  if (/^收支总?预算(?:总额|总数|数)?$/u.test(own)) return '收支预算';
  const m = /^总?(?:(收入|支出)总?预算|预算总?(收入|支出))(?:总额|总数|数)?$/u.exec(own);
  return m ? `${m[1] ?? m[2]}预算` : undefined;
}

/** The level figures of a paragraph named exactly `name` ("对市县税收返还和转移支付" is not "转移支付"), up to `before`. */
export function figuresNamed(s: ParaState, name: string, before: number): AmountMention[] {
  return levels(s).filter((a) => a.end <= before && figureName(prefixOf(s, a.start)) === name);
}

/**
 * A whole's name as the words before its figure may write it: 总 before the flow and 总额 after it say nothing more
 * ("一般公共预算财政拨款总支出" is "一般公共预算财政拨款支出", "支出总额" is "支出", "总收入" is "收入"); 合计 and 总计 stay
 * (收入总计 takes in the year's opening balance, 收入合计 does not).
 */
function wholeKey(name: string): string {
  return name.replace(/总(?=收入$|支出$)/u, '').replace(/(?<=收入|支出)总额$/u, '');
}

/**
 * The figures of a paragraph up to `before` whose name is the whole's `name` written with or without 总 / 总额, or with
 * 地方 before it ("地方一般公共预算收入 A …，占一般公共预算收入的 p%": the unit's own revenue, named in full once).
 */
export function figuresNamedAsWhole(s: ParaState, name: string, before: number): AmountMention[] {
  const key = wholeKey(name);
  return levels(s).filter((a) => {
    if (a.end > before) return false;
    const own = trendNamed(s, a) ?? figureName(prefixOf(s, a.start));
    return own === name || wholeKey(own) === key || (!name.startsWith('地方') && own === `地方${name}`);
  });
}

/** A clause that says only how a named figure went, no figure of its own: "稳定增长", "保持平稳". */
const TREND =
  /(?:稳定|平稳|较快|保持|持续|继续|有所|稳步|快速)(?:增长|下降|回升|运行)|增长较快|运行平稳|平稳运行|保持平稳|总体平稳/u;

/**
 * "全省一般公共预算支出稳定增长，支出达 T": a figure named by its bare flow (支出, 收入) right after a clause that names
 * the flow in full and says only how it went is that full name's figure; else undefined.
 */
function trendNamed(s: ParaState, a: AmountMention): string | undefined {
  const prefix = prefixOf(s, a.start);
  const own = figureName(prefix);
  if (own !== '支出' && own !== '收入') return undefined;
  const text = s.p.n.text;
  const comma = a.start - prefix.length - 1;
  if (comma < 0 || text[comma] !== '，') return undefined;
  const clause = text.slice(markStart(s.p, '，；。：', comma), comma);
  const named = new RegExp(`^([^0-9%]{2,24}?${own})(?:${TREND.source})$`, 'u').exec(clause);
  return named ? figureName(named[1] as string) : undefined;
}

/** The name of a share's whole to look its figure up by: bareName's, or the unit's own total ("总收入", "总支出"). */
export function wholeNameOf(text: string): string | undefined {
  const bare = bareName(text);
  if (bare) return bare;
  const short = figureName((text.split(/[，、：]/u).pop() ?? '').trim().replace(WHOLE_TAIL, ''));
  return /^总(?:收入|支出)$/u.test(short) ? short : undefined;
}

/** The one value the figures named `name` up to `before` have (the last of them), or none. */
export function figureNamed(s: ParaState, name: string, before: number): AmountMention | undefined {
  return oneValue(figuresNamed(s, name, before));
}

/**
 * A part's whole looked up by the name its figure is written under: the figures of the paragraph before the part, in
 * its unit and no smaller, whose name `named` accepts — the one value they have, or none.
 */
export function wholeBefore(
  s: ParaState,
  part: AmountMention,
  named: (name: string) => boolean,
): AmountMention | undefined {
  return oneValue(
    levels(s).filter(
      (a) =>
        a !== part &&
        a.end <= part.start &&
        a.unit === part.unit &&
        a.value.gte(part.value) &&
        named(figureName(prefixOf(s, a.start))),
    ),
  );
}

/** The last of figures that all have one value; undefined when they are none or differ. */
export function oneValue(found: AmountMention[]): AmountMention | undefined {
  const values = new Set(found.map((a) => `${a.value.toFixed()}${a.unit}`));
  return values.size === 1 ? found[found.length - 1] : undefined;
}

/** The share cue anchored right after a figure ("，占…的 P%"), made once per catalog's cue. */
const shareAfterCue = new WeakMap<RegExp, RegExp>();

/**
 * "…a 万元，占一般公共预算收入比重为 P%": the share said right after a figure — the whole it names (bare, when a
 * name) and its percentage; undefined when no share follows the figure.
 */
export function shareRightAfter(
  s: ParaState,
  a: AmountMention,
): { whole: string | undefined; named: string; percent: PercentMention | undefined } | undefined {
  const cue = getOrCreate(
    shareAfterCue,
    s.catalog.cues.share,
    () => new RegExp(`^，?${s.catalog.cues.share.source}`, 'u'),
  );
  const share = cue.exec(s.p.n.text.slice(a.end));
  if (!share) return undefined;
  return {
    whole: bareName(share.groups?.whole ?? ''),
    // the words after 占 as written ("岁出": too short a name for bareName)
    named: (share.groups?.whole ?? '').replace(/的$/u, ''),
    percent: startingAt(s.p.percents, a.end + share[0].length),
  };
}

/** Words before 占 that name no figure: "所占", "约占", "分别占", "合计占", "该项占"… */
const NO_NAME = /^(?:所|该|此|这|其|约|共|合计|分别|均|各|仅|只|已|才|达|比重|比例|比|占|以上|上述)/u;

/** A name of two or three characters before 占 ("税收占比"), too short for bareName, or undefined. */
function shortName(words: string): string | undefined {
  return /^[\u4e00-\u9fff]{2,3}$/u.test(words) && !NO_NAME.test(words) ? words : undefined;
}

/**
 * The figure of the clause group whose name ends with `name`, or `name` with its flow ("税收" → "累计完成税收收入"):
 * one only.
 */
function shortNamedPart(s: ParaState, name: string, groupStart: number, before: number): AmountMention | undefined {
  const found = within(levels(s), groupStart, before).filter((a) => {
    const named = figureName(prefixOf(s, a.start));
    return [name, `${name}收入`, `${name}支出`].some((n) => named.endsWith(n));
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * "…税收收入完成 A 万元，下降 x%；…；税收收入占地方一般公共预算收入的比重为 P%": no figure in the clause
 * group, the part is named right before 占 and stated earlier in the paragraph (one value only).
 */
function namedPart(s: ParaState, group: string, groupStart: number): AmountMention | undefined {
  const name = bareName(group);
  if (!name) return undefined;
  return figureNamed(s, name, groupStart) ?? subjectFigure(s, name, groupStart);
}

/** The subject `name` is wholly a name of ("公车支出", "公务用车购置及运行费"), or undefined. */
function subjectNamed(s: ParaState, name: string): string | undefined {
  const found = subjectsIn(name, s.vocabulary);
  const only = found.length === 1 ? found[0] : undefined;
  return only && only.start === 0 && only.end === name.length ? only.subject.id : undefined;
}

/**
 * "…车辆购置及运行费 42.30 亿元…。“公车”支出占…的 P%": the part is named otherwise than its figure, both names
 * the same subject's — the level figure of the paragraph before `before` so named (one value only).
 */
function subjectFigure(s: ParaState, name: string, before: number): AmountMention | undefined {
  const subject = subjectNamed(s, name);
  if (!subject) return undefined;
  const found = levels(s).filter(
    (a) => a.end <= before && subjectNamed(s, figureName(prefixOf(s, a.start))) === subject,
  );
  const values = new Set(found.map((a) => `${a.value.toFixed()}${a.unit}`));
  return values.size === 1 ? found[found.length - 1] : undefined;
}

/**
 * "节约率为 18%" right after a figure; the 采购计划金额 (预算金额, 预算规模) it is saved from. The same
 * arithmetic in other words: 节支率, 节资率, and the review of project costs (送审金额 A，审定金额 B，
 * 审减金额 C，审减率 R%).
 */
const SAVINGS = /(?:节约|节支|节资|审减|核减)率(?:为|是|达到?)?(?=[0-9.]+%)/gu;
const SAVED = /节约|节支|节资|节省|审减|核减/u;
// ("完成政府采购预算 A 亿元": the purchases' budget, named so; "政府采购预算执行 A 万元": the budget the purchases carried out)
const PLANNED = /(?:(?:计划|预算|送审)(?:金额|规模|数|额)|采购预算(?:执行|安排)?)(?:共计|合计|为|是)*$/u;
const SPENT = /(?:实际|审定|中标|成交)(?:采购|交易)?(?:金额|规模|数|额)(?:共计|合计|为|是)*$/u;

/** A saving said against the budget: "同预算相比，节约资金 C", "较采购预算节约 C". */
const AGAINST_BUDGET = /(?:同|与|较|比)(?:采购)?(?:预算|计划)(?:金额|数)?(?:相比|比较)?/u;

/** A figure audited (审定) before what the audit cut: "审定 B", "审定金额 B", "审定结算价 B". */
const AUDITED = /审定(?:金额|结算价|结算额|价|额|数)?(?:共计|合计|为|是)*$/u;

/**
 * The figure purchased before a saving: the last level before it in its paragraph (its sentence or the one before),
 * named a purchase or a contract ("签订政府采购合同 B 亿元").
 */
function purchasedBefore(s: ParaState, part: AmountMention): AmountMention | undefined {
  const { p } = s;
  const sentence = sentenceAt(p, part.start);
  const from = sentence.start > 0 ? sentenceAt(p, sentence.start - 1).start : 0;
  const before = within(levels(s), from, part.start).filter((a) => a !== part);
  const last = before[before.length - 1];
  return last && /采购|合同/u.test(prefixOf(s, last.start)) ? last : undefined;
}

/**
 * "采购计划金额共计 A 万元，实际采购金额共计 B 万元，共节约资金 C 万元，节约率为 R%": R is C ÷ A,
 * A the last planned figure before C in its clause group; without one nothing is said.
 */
function savingsClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const cue of allMatches(text, SAVINGS)) {
    const percent = startingAt(p.percents, cue.index + cue[0].length);
    if (!percent || s.usedPercents.has(percent)) continue;
    // the clause group the cue is in (a mark at the cue itself counts)
    const groupStart = markStart(p, '；。', cue.index + 1);
    const before = within(levels(s), groupStart, cue.index);
    // "审减 C", "核减 C": a cut the change words may have taken for a change is the saved part all the same
    const cut = within(p.amounts, groupStart, cue.index).pop();
    const part =
      cut && !before.includes(cut) && /(?:审减|核减)(?:金额|额)?(?:为|是)?$/u.test(prefixOf(s, cut.start))
        ? cut
        : before.pop();
    if (!part || !SAVED.test(prefixOf(s, part.start))) continue;
    const planned = before.filter((a) => PLANNED.test(prefixOf(s, a.start))).pop();
    if (!planned) {
      // "签订政府采购合同 B 亿元，…。同预算相比，共节约资金 C 亿元，节约率 R%": saved against the budget, the budget
      // written nowhere — it is the contracts' B plus C, B the paragraph's last figure before C named a purchase;
      // "审定 B，审减 C，审减率 R%": what was submitted is the audited B plus the cut C
      const audited = /审减|核减/u.test(prefixOf(s, part.start))
        ? before.filter((a) => AUDITED.test(prefixOf(s, a.start))).pop()
        : undefined;
      const spent =
        audited ?? (AGAINST_BUDGET.test(text.slice(groupStart, part.start)) ? purchasedBefore(s, part) : undefined);
      if (!spent) continue;
      s.usedPercents.add(percent);
      const sentence = sentenceAt(p, cue.index);
      const at = { start: Math.max(sentence.start, groupStart), end: sentence.end };
      const whole = {
        list: spent,
        para: p.para,
        sumOf: [spent, part],
        name: `${spent.text} + ${part.text}（${audited ? '送审' : '预算'}）`,
      };
      out.push({ kind: 'share', part, whole, percent, ...place(p, at, percent) });
      continue;
    }
    s.usedPercents.add(percent);
    const sentence = sentenceAt(p, cue.index);
    const at = { start: Math.max(sentence.start, groupStart), end: sentence.end };
    out.push({ kind: 'share', part, whole: { list: planned, para: p.para }, percent, ...place(p, at, percent) });
    // the figure spent between them: planned = spent + saved
    const cutOf = /审减|核减/u.test(prefixOf(s, part.start));
    const spent = before
      .filter((a) => {
        const prefix = prefixOf(s, a.start);
        return a.start > planned.end && (SPENT.test(prefix) || (cutOf && AUDITED.test(prefix)));
      })
      .pop();
    if (spent)
      out.push({
        kind: 'list',
        listId: 'savings',
        total: planned,
        totalPlace: p.para,
        items: [
          { amount: spent, para: p.para },
          { amount: part, para: p.para },
        ],
        compare: 'equal',
        ...place(p, at, part),
      });
  }
  return out;
}

/** A saving or an overspending named before its amount: "节约资金 C", "超支金额 C", "节省 C". */
const SAVING_WORD = /(?<word>超支|节约|节支|节省|节资)(?:资金|金额|额)?(?:为|是|了)?$/u;
/** What may stand before the saving word in its clause: nothing but a connective ("共", "从而", "较预算"). */
const SAVING_LEAD = /^(?:共|共计|合计|累计|实际|从而|即|则|总体|整体)?(?:较预算|比预算|与预算相比)?$/u;
/** A planned figure named before its amount, 金额 or not: "采购预算金额为", "完成政府采购预算", "采购计划". */
const PLANNED_ANY = /(?:计划|预算|送审)(?:金额|规模|数)?(?:共计|合计|为|是)*$/u;

/**
 * n.direction: "采购预算金额为 A 万元，实际采购金额为 B 万元，超支金额 C 万元": a saving (节约, 节支, 节省) or an
 * overspending (超支) said beside the planned figure and the one spent, in its sentence — the words must go the way
 * the two figures do (spent below planned is a saving). Read only when the sentence names one planned figure and one
 * spent figure before the word, in this order.
 */
function savingWordClaims(s: ParaState): Claim[] {
  const { p } = s;
  const out: Claim[] = [];
  for (const amount of p.amounts) {
    const prefix = prefixOf(s, amount.start);
    const m = SAVING_WORD.exec(prefix);
    if (!m?.groups?.word) continue;
    const sentence = sentenceAt(p, amount.start);
    const before = within(levels(s), sentence.start, amount.start).filter((a) => a !== amount);
    const planned = before.filter((a) => PLANNED_ANY.test(prefixOf(s, a.start)));
    const spent = before.filter((a) => SPENT.test(prefixOf(s, a.start)));
    const [budget] = planned;
    const [actual] = spent;
    if (planned.length !== 1 || spent.length !== 1 || !budget || !actual || budget.start > actual.start) continue;
    if (budget.unit !== actual.unit) continue;
    // the word's clause follows the spent figure's own and names nothing else: "其中办公设备采购超支 C" is one item's
    if (before.some((a) => a.start > actual.start)) continue;
    const clauseStart = markStart(p, '，；：', amount.start);
    if (!/^[^，；：。]*[，；：]$/u.test(p.n.text.slice(actual.end, clauseStart))) continue;
    if (!SAVING_LEAD.test(p.n.text.slice(clauseStart, amount.start - m[0].length))) continue;
    out.push({
      kind: 'direction',
      word: m[0].replace(/(?:为|是|了)$/u, ''),
      direction: m.groups.word === '超支' ? 'up' : 'down',
      refers: 'budget',
      sides: { actual, budget },
      said: true,
      ...place(p, sentence, amount),
    });
  }
  return out;
}
