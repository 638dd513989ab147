import { OUTLINE_MARK } from '../../util/outline.js';
import { compareEq, negate, subtract } from '../../money/interval.js';
import {
  type AmountMention,
  type Claim,
  mentionApprox,
  type PercentMention,
  type Span,
  type SubjectMention,
} from '../claims.js';
import type { ParaClaims } from './across.js';
import type { ClaimsCatalog, Subject } from '../catalog/types.js';
import { type ParaText, place, sentenceAt } from './para.js';
import {
  countEndingBy,
  countStartingBefore,
  firstMatch,
  lastEndingBy,
  lastWithin,
  startingAt,
  within,
} from './spans.js';
import {
  lastMatchBefore,
  closedOffBefore,
  levels,
  markEnd,
  markStart,
  matchWithin,
  prefixOf,
  type ParaState,
  withoutNameNotes,
} from './state.js';
import { frameYear, laterYearFigure, latestYear } from './year-frames.js';
import { periodAt, samePeriod } from './share.js';
import { isChange, reasonOpensBetween } from './list-scope.js';
import { flowOf } from './lists.js';
import { NIL_WORDS } from '../text/nil-words.js';
import { nil } from './change-sum.js';
import { allMatches } from '../../util/matches.js';

export function directionOf(word: string, catalog: ClaimsCatalog): 'up' | 'down' | undefined {
  if (catalog.directions.up.includes(word)) return 'up';
  if (catalog.directions.down.includes(word)) return 'down';
  return undefined;
}

/**
 * A change cue whose word carries the template's other choice in brackets ("减少（增加）", "增加（减少）"):
 * the direction was never chosen. Marks the claim so that no check takes the first word for certain.
 */
export function markEitherWay(
  claim: { changeWord: 'up' | 'down'; eitherWay?: true },
  cue: RegExpMatchArray,
  catalog: ClaimsCatalog,
): void {
  const alt = cue.groups?.alt;
  if (alt !== undefined && directionOf(alt, catalog) !== claim.changeWord) claim.eitherWay = true;
}

/** Start of the clause group an index is in: after the previous ；or 。 (a list item, a sentence). */
/** A change said to be nil in words ("基本持平", "大体持平" allow a small one: "与上年基本持平，仅增加 0.02 万元"). */
const FLAT = new RegExp(`(?<!基本|大体|总体|大致|基本上)(?:${NIL_WORDS})`, 'u');

/** A comparison made on the same basis (按同口径): not the plain year before. */
const SAME_SCOPE = /同口径/u;

/**
 * "剔除…支出 X 亿元后，服务类采购同口径规模为 A 亿元，较上年增加 C": the figure the exclusion leaves is written after it, in
 * a clause of its own before the comparison — that figure is the one compared, as any level is. Not so when an exclusion
 * stands between the comparison and its change too ("A，比上年扣除…后增加 C").
 */
function figureAfterAdjusting(p: ParaText, adjusting: RegExp, from: number, cueIndex: number, at: number): boolean {
  if (matchWithin(p, adjusting, cueIndex, at)) return false;
  const last = lastMatchBefore(p, adjusting, cueIndex);
  if (!last || last.start < from) return false;
  const clauseEnd = markEnd(p, '，；。', last.end);
  return p.amounts.some((a) => a.start > clauseEnd && a.end <= cueIndex);
}

export function groupStart(p: ParaText, index: number): number {
  return markStart(p, '；。', index);
}

/** What may stand before a comparison that opens its sentence: nothing, a year, a connective. */
const OPENING =
  /^(?:(?:19|20)[0-9]{2}年度?|同时|其中|此外|另外|与此同时|总体上?|整体上?|全年|本年度?|当年|[一二三四五六七八九十]+是|收、?支(?:总计)?(?:均|各)?)?$/u;

/**
 * A level that can be the current figure of a comparison: not a part ("含…"); not a budget
 * ("完成全年预算 B 万元的"), unless the comparison is itself one of budgets ("较上年预算数减少…":
 * this year's budget against last year's).
 */
function candidate(s: ParaState, a: AmountMention, budgets = false): boolean {
  const prefix = withoutNameNotes(prefixOf(s, a.start));
  return (budgets || !s.catalog.cues.budget.test(prefix)) && !/含|不含|包括/.test(prefix) && !isChange(prefix);
}

/** "较上年预算数", "比 2023 年预算": a budget compared with an earlier year's budget, not 决算 with 预算. */
const BUDGET_TO_BUDGET = /(?:上年|去年|上年度|[0-9]{4}年度?)(?:的)?(?:年初)?预算/u;

/**
 * The subject's own figure a comparison at `cue` is about, never merely the nearest number: the
 * amount stated for the subject named in the comparison ("与上年相比，支出合计增加…"); else the last
 * level of the clause group before the cue ("公务接待费 242 万元，较上年减少 12 万元"); else the
 * sentence's subject figure ("收支总预算 A 万元，含…；比 2012 年增加…"); else, when the sentence
 * opens with the comparison, the previous sentence's ("…收入 382.17 万元，为…。较 2020 年度决算数减少…").
 */
function currentFor(
  s: ParaState,
  cue: { index: number; text: string },
  changeAt: number,
  stated: StatedIndex,
): AmountMention | undefined {
  const { p } = s;
  const text = p.n.text;
  const cueIndex = cue.index;
  // "合计 141.55 万元，2014 年为 107.89 万元，较 2014 年增加…": the figure of the year compared with is the base
  const year = /[0-9]{4}/.exec(cue.text)?.[0];
  const base = baseOf(year, stated);
  const sentence = sentenceAt(p, cueIndex);
  // "2023 年度收入总计 A 万元，支出总计 A 万元，2022 年度收入总计 B 万元，…，与 2022 年度相比，…增加…": a figure
  // stated for the year compared with (the last year written before it in the sentence) is the base
  const yearCompared = year && !/预算/u.test(cue.text) ? year : undefined;
  // "预算为 B 万元，支出决算较预算减少 C 万元": against a budget (not last year's), a budget figure is the base
  const versusBudget = /预算/u.test(cue.text) && !BUDGET_TO_BUDGET.test(cue.text);
  // "…支出调整为 A，比年初预算 B 增加 C": the adjusted budget is what is compared with the budget set at the year's start
  const adjustedVersusStart = (a: AmountMention) => adjustedFromStart(s, cue.text, a);
  const isBase = (a: AmountMention) =>
    base.test(prefixOf(s, a.start)) ||
    (versusBudget && s.catalog.cues.budget.test(prefixOf(s, a.start)) && !adjustedVersusStart(a)) ||
    (yearCompared !== undefined && frameYear(p, sentence.start, a.start) === yearCompared);
  const named = lastWithin(p.subjects, cueIndex, changeAt);
  if (named) {
    const own = stated.actualOf.get(named.subject) ?? [];
    for (let i = countEndingBy(own, cueIndex) - 1; i >= 0; i -= 1) {
      const a = own[i] as AmountMention;
      if (!isBase(a)) return a;
    }
  }
  const from = groupStart(p, cueIndex);
  const all = levels(s);
  // a sentence about budgets ("2024 年支出总预算 A 万元，基本支出预算 b 万元，占…，同比增加…") compares
  // budgets: its budget figures are levels like any other; in a sentence about 决算 a budget stands only
  // as a yardstick ("完成全年预算 B 万元的 R%")
  const budgets = BUDGET_TO_BUDGET.test(cue.text) || aboutBudgets(s, all, sentence.start, cueIndex);
  // "A 万元（其中：…B 万元），比上年减少…": a figure in brackets closed before the cue is a detail of A
  const usable = (a: AmountMention) => candidate(s, a, budgets) && !isBase(a) && !closedOffBefore(p, a.end, cueIndex);
  // the two figures right before the comparison (two, not the whole clause group: a cue per figure stays linear)
  const k = countEndingBy(all, cueIndex);
  const framed = laterYearFigure(
    s,
    all.slice(Math.max(0, k - 2), k).filter((a) => a.start >= from && !closedOffBefore(p, a.end, cueIndex)),
    cue.text,
  );
  if (framed) return framed;
  let last: AmountMention | undefined;
  for (let i = countEndingBy(all, cueIndex) - 1; i >= 0 && !last; i -= 1) {
    const a = all[i] as AmountMention;
    if (a.start < from) break;
    if (usable(a)) last = a;
  }
  // "收入合计 A 万元，较上年减少…，主要原因是本年度财政拨款收入较上年决算数减少 C 万元，下降 P%": a subject
  // named right before the comparison, after the last figure, is what is compared — another subject's
  // figure is not its current one; its own is, stated anywhere in the paragraph ("其中：财政拨款收入 a 万元")
  // when it has one value there, else there is none
  const compared = lastWithin(p.subjects, last ? last.end : from, cueIndex);
  if (compared && /^(?:支出|收入)?(?:决算数?)?$/u.test(text.slice(compared.end, cueIndex))) {
    const owner = last ? stated.byAmount.get(last)?.subject.id : undefined;
    if (owner !== compared.subject.id) {
      const own = stated.actualOf.get(compared.subject) ?? [];
      const one = new Set(own.map((a) => a.value.toString())).size === 1 ? own[0] : undefined;
      // nor is a figure stated for another year than the comparison's ("2024 年度…合计支出 A，其中：公务接待 b。
      // 2025 年度…预算较 2024 年度增加 C，其中公务接待较上年同期减少 c": b is the base)
      const year = latestYear(text.slice(sentence.start, cueIndex));
      const framed = one && frameYear(p, sentenceAt(p, one.start).start, one.start);
      return year !== undefined && framed !== undefined && framed !== year ? undefined : one;
    }
  }
  if (last) return last;
  // a clause that names its own subject ("其中，公务接待费支出决算比去年增加 0.5 万元") without its
  // figure: another subject's figure further back is not its current figure
  const own = lastWithin(p.subjects, from, cueIndex);
  const ownFigure = (a: AmountMention | undefined): AmountMention | undefined => {
    if (!a || !own || a.start >= from) return a;
    const claim = stated.byAmount.get(a);
    return claim && claim.subject.id === own.subject.id ? a : undefined;
  };
  // the sentence's subject figure, budget or not ("收支总预算 A 万元，含…；比 2012 年预算增加…")
  const notPart = (a: AmountMention) => {
    const prefix = withoutNameNotes(prefixOf(s, a.start));
    return !/含|不含|包括/.test(prefix) && !isChange(prefix) && !isBase(a);
  };
  // "支出预算为 B 万元，支出决算为 A 万元，完成预算的 R%；较上年增加…": a sentence stating a budget and then the
  // subject's 决算 compares the 决算 (its own outturn) with the year before, unless budgets are compared
  const outturn = budgets && BUDGET_TO_BUDGET.test(cue.text) ? undefined : outturnIn(s, all, sentence.start, cueIndex);
  if (outturn && notPart(outturn)) return ownFigure(outturn);
  // "收入总计 A，支出总计 B；收入较上年增加…；支出较上年增加 C": a clause that names its flow compares that flow's figure
  const flow = flowOf(text.slice(markStart(p, '，；。：', cueIndex), cueIndex));
  const otherFlow = (a: AmountMention) =>
    flow !== undefined && flowOf(prefixOf(s, a.start)) === (flow === 'in' ? 'out' : 'in');
  for (let i = countStartingBefore(all, sentence.start); i < all.length; i += 1) {
    const a = all[i] as AmountMention;
    if (a.end > cueIndex) break;
    if (notPart(a) && !otherFlow(a)) return ownFigure(a);
  }
  if (sentence.start === 0) return undefined;
  // a sentence opening with the comparison ("与上年相比，…", "收、支与上年相比，…"): the previous sentence's
  // figure, when it states only one value.
  // A sentence that names its own subject first ("全国公务用车采购金额比上年减少…") is about that
  // subject, not about the figure of the sentence before, even when the catalog has no name for it.
  const lead = text.slice(sentence.start, cueIndex).split(/[，,]/u).pop() ?? '';
  if (!OPENING.test(lead)) return undefined;
  const previous = sentenceAt(p, sentence.start - 1);
  const there = within(all, previous.start, previous.end).filter(usable);
  // "收入总计 A 万元，支出总计 A 万元。与上年相比，收支减少…": figures of one value are one current figure
  if (there.length > 0 && new Set(there.map((a) => a.value.toString())).size === 1) return ownFigure(there[0]);
  // "收入总计 A 万元，支出总计 B 万元。与上年相比，收入增加 C…": the flow named right before the change picks its figure
  const namedFlow = flowBeforeChange(text.slice(cue.index + cue.text.length, changeAt));
  const ofFlow = namedFlow ? there.filter((a) => flowOf(prefixOf(s, a.start)) === namedFlow) : [];
  if (ofFlow.length > 0 && new Set(ofFlow.map((a) => a.value.toString())).size === 1) return ownFigure(ofFlow[0]);
  // "“三公”经费预算 A 万元，其中，出国费 a，…。比上年预算减少 C…": the figure the sentence before breaks down is its
  // head; the others are its parts
  const head = there[0];
  return head && BROKEN_DOWN.test(text.slice(head.end, previous.end)) ? ownFigure(head) : undefined;
}

/** "，收入增加" between a comparison and its change: the bare flow the change is of ("收入" or "支出", no other name). */
/** A flow named with the word of its change: "收入增加", "支出总计减少了". */
const FLOW_CHANGE = '(?<flow>收入|支出)(?:总计|合计)?(?<word>增加|减少|增长|下降|上升|降低|增收|减收|增支|减支)了?';
const FLOW_THEN_CHANGE = new RegExp(`^[，,]?${FLOW_CHANGE}$`, 'u');

function flowBeforeChange(between: string): 'in' | 'out' | undefined {
  return flowOf(FLOW_THEN_CHANGE.exec(between)?.groups?.flow ?? '');
}

/** What opens a sentence stating the year before's figure: "上年", "去年同期", "上一年度". */
const PRIOR_LEAD = /^(?:上一?年度?|去年)(?:同期)?/u;

/** A figure's name as written before it, without its year and the words that only introduce it ("为", "决算数为"). */
function bareName(lead: string): string {
  return lead.replace(/(?:的)?(?:决算数?|实际数?)?(?:为|是|达到?)?[：:]?$/u, '');
}

/**
 * "2023 年度“三公”经费支出 A 万元。上年支出 B 万元。比上年增加 C 万元" — a comparison opening its sentence right after
 * a sentence that states the year before's figure alone (opening with 上年, or with the year before the one of the
 * sentence ahead of it), and that sentence after one stating this year's: the two figures of one thing, B the
 * base and A the current figure. Read only when each sentence states one figure and the base's name is the
 * current's name or its end ("支出" of "“三公”经费支出"); a year named in the comparison must be the base's.
 */
function priorSentence(
  s: ParaState,
  cue: { index: number; text: string },
): { current: AmountMention; prior: AmountMention } | undefined {
  const { p } = s;
  const text = p.n.text;
  const sentence = sentenceAt(p, cue.index);
  if (sentence.start === 0) return undefined;
  const lead = text.slice(sentence.start, cue.index).split(/[，,]/u).pop() ?? '';
  if (!OPENING.test(lead) || /预算/u.test(cue.text)) return undefined;
  const previous = sentenceAt(p, sentence.start - 1);
  if (previous.start === 0) return undefined;
  const earlier = sentenceAt(p, previous.start - 1);
  const one = (span: { start: number; end: number }) => {
    const found = within(p.amounts, span.start, span.end);
    return found.length === 1 ? found[0] : undefined;
  };
  const prior = one(previous);
  const current = one(earlier);
  if (!prior || !current || s.changes.has(prior) || s.changes.has(current) || !candidate(s, current)) return undefined;
  const currentLead = text.slice(earlier.start, current.start);
  const priorLead = text.slice(previous.start, prior.start);
  const currentYear = /^(?:[0-9]{4})年度?/u.exec(currentLead);
  const opened = PRIOR_LEAD.exec(priorLead);
  const priorYear = /^([0-9]{4})年度?/u.exec(priorLead);
  const cueYear = /[0-9]{4}/u.exec(cue.text)?.[0];
  if (!currentYear) return undefined;
  if (opened) {
    if (cueYear !== undefined && Number(cueYear) !== Number(currentYear[0].slice(0, 4)) - 1) return undefined;
  } else if (
    !priorYear ||
    Number(priorYear[1]) !== Number(currentYear[0].slice(0, 4)) - 1 ||
    (cueYear !== undefined && cueYear !== priorYear[1])
  )
    return undefined;
  const currentName = bareName(currentLead.slice(currentYear[0].length));
  const priorName = bareName(priorLead.slice((opened ?? priorYear)?.[0].length ?? 0));
  if (/[0-9%，,；;（(]/u.test(currentName + priorName) || /预算/u.test(currentName + priorName)) return undefined;
  return currentName.endsWith(priorName) ? { current, prior } : undefined;
}

/** Right after a figure, the words that break it down: "，其中：", "（其中…" is a detail of it, not the breakdown. */
const BROKEN_DOWN = /^[，,]?其中/u;

/** A level named as a 决算 figure ("支出决算为", "决算数"), not a budget. */
export const NAMED_OUTTURN = /决算数?(?:为|是)?：?$/u;

/** The last level between `from` and `to` named as a 决算 figure, if any. */
function outturnIn(s: ParaState, all: readonly AmountMention[], from: number, to: number): AmountMention | undefined {
  let found: AmountMention | undefined;
  for (let i = countStartingBefore(all, from); i < all.length; i += 1) {
    const a = all[i] as AmountMention;
    if (a.end > to) break;
    const prefix = prefixOf(s, a.start);
    if (NAMED_OUTTURN.test(prefix) && !s.catalog.cues.budget.test(prefix)) found = a;
  }
  return found;
}

/**
 * "总收入 A 万元，其中本年收入 a 万元，较上年减少…": the comparison may speak of the part or of the whole it
 * belongs to — the whole's figure, the level written right before 其中 in the same clause group.
 */
function wholeOfPart(s: ParaState, part: AmountMention): AmountMention | undefined {
  const { p } = s;
  const all = levels(s);
  const whole = all[countEndingBy(all, part.start) - 1];
  if (!whole || whole.start < groupStart(p, part.start)) return undefined;
  return /^[，,]?其中[：:，,]?[^0-9，,；。：:]*$/u.test(p.n.text.slice(whole.end, part.start)) ? whole : undefined;
}

/** Whether the first level of a sentence, before `to`, is a budget: the sentence then speaks of budgets. */
function aboutBudgets(s: ParaState, all: readonly AmountMention[], from: number, to: number): boolean {
  const first = all[countStartingBefore(all, from)];
  return first !== undefined && first.end <= to && s.catalog.cues.budget.test(prefixOf(s, first.start));
}

/** The amount claims of a paragraph looked up by subject (actual figures, in order) and by amount (the first claim); the base patterns by year. */
interface StatedIndex {
  actualOf: Map<Subject, AmountMention[]>;
  byAmount: Map<AmountMention, Stated>;
  bases: Map<string, RegExp>;
}

function indexStated(amountClaims: Claim[]): StatedIndex {
  const actualOf = new Map<Subject, AmountMention[]>();
  const byAmount = new Map<AmountMention, Stated>();
  for (const c of amountClaims) {
    if (c.kind !== 'amount') continue;
    if (!byAmount.has(c.amount)) byAmount.set(c.amount, c);
    if (c.role !== 'actual') continue;
    const list = actualOf.get(c.subject) ?? [];
    list.push(c.amount);
    actualOf.set(c.subject, list);
  }
  return { actualOf, byAmount, bases: new Map() };
}

/** "2014年为", "上年决算数": the prefix of the figure of the year a comparison is made with (made once per year and paragraph). */
function baseOf(year: string | undefined, stated: StatedIndex): RegExp {
  const key = year ?? '';
  let re = stated.bases.get(key);
  if (!re) {
    re = new RegExp(`^(?:${year ? `${year}年度?` : '上年|去年|上年度'})(?:决算数?)?(?:为|是)?$`, 'u');
    stated.bases.set(key, re);
  }
  return re;
}

/** Whose change: the subject named between the cue and the change, else the current figure's, else the last named in the clause group. */
function subjectOf(
  s: ParaState,
  cueIndex: number,
  changeAt: number,
  current: AmountMention | undefined,
  stated: StatedIndex,
): Subject | undefined {
  const { p } = s;
  const named = lastWithin(p.subjects, cueIndex, changeAt);
  if (named) return named.subject;
  const claim = current ? stated.byAmount.get(current) : undefined;
  if (claim) return claim.subject;
  const from = groupStart(p, cueIndex);
  return lastWithin(p.subjects, from, cueIndex)?.subject;
}

/**
 * The clause right after a change saying nothing but that it is nil: "较上年增加 0.41 万元，持平", "减少 1.2 万元，与上年
 * 持平；" — bare (基本持平 allows a small change; a clause naming something else, "…，公务用车运行维护费持平", is that one's).
 */
const FLAT_NEXT_CLAUSE = new RegExp(
  `^，(?:与|较|比|同)?(?:上年|去年|上年度)?(?:相比|比较)?，?(?:${NIL_WORDS})(?=[，。；]|$)`,
  'u',
);

/**
 * Right after a change, a clause or a bracket saying the year before had none of it: "，上年无该预算", "（上年为 0）",
 * "，上年未安排该项预算", "，上年无此项支出".
 */
const PRIOR_NIL =
  /^(?:，|（)(?:上年|去年|上年度)(?:无(?:该|此)?项?(?:预算|支出|收入|经费)?(?:安排)?|为0(?:\.0+)?(?:万元|元)?|未安排(?:该|此)?项?(?:预算|支出|经费)?)）?(?=[，。；]|$)/u;

/** A nil change said in words, against the year before ("与 2016 年决算相比持平") or against a budget ("与 2025 年预算持平"). */
const FLAT_COMPARED = new RegExp(
  `(?:与|较|比|和|同)(?:上年|(?:19|20)[0-9]{2}年)?(?:同期|度)?(?<budget>(?:年初|全年|调整后?)?预算数?)?(?:决算数?)?(?:相比|比较)?，?(?:${NIL_WORDS})`,
  'gu',
);

/**
 * "因公出国（境）经费 40 万元，较上年持平" ("与 2016 年决算相比持平": the year compared with written out; "与 2025
 * 年预算持平": against a budget): a subject whose change is nil, said in words. A subject in brackets closed before
 * the words is a detail of the one before the bracket ("公务用车购置及运行维护费 16 万元（其中：购置费 0 万元，运行
 * 维护费 16 万元），与上年持平": the whole 公务用车 is flat). A sentence opening with the words ("（三）公务接待费
 * 0.46 万元。与 2025 年预算持平") speaks of the sentence before when that one names one subject and nothing else.
 */
export function flatSubjects(s: ParaState): { subject: Subject; at: number; versusBudget: boolean; none?: boolean }[] {
  const { p } = s;
  const text = p.n.text;
  const out: { subject: Subject; at: number; versusBudget: boolean; none?: boolean }[] = [];
  // "其中：无因公出国（境）费；公务用车…较上年减少 a" — a part said none, in a clause of its own after a change
  for (const x of p.subjects) {
    const before = text.slice(Math.max(0, x.start - 4), x.start);
    if (!NONE_BEFORE.test(before) || !NONE_AFTER.test(text.slice(x.end))) continue;
    if (!CHANGE_BEFORE.test(text.slice(0, x.start))) continue;
    out.push({ subject: x.subject, at: x.start, versusBudget: false, none: true });
  }
  for (const m of allMatches(text, FLAT_COMPARED)) {
    // "与上年预算持平" said of the year before's budget is a comparison of budgets, not of a 决算 with its budget:
    // either way a nil change against what it names
    const versusBudget = m.groups?.budget !== undefined;
    // "与同期持平" names neither the year nor a budget: what it is compared with is not said
    if (!versusBudget && !/年/u.test(m[0])) continue;
    const from = groupStart(p, m.index);
    const open = p.subjects.filter((x) => !closedOffBefore(p, x.end, m.index));
    const named = lastWithin(open, from, m.index) ?? (from === m.index ? previousSentenceSubject(p, from) : undefined);
    if (!named) continue;
    for (const x of [...enumeratedBefore(s, open, named, from), named])
      out.push({ subject: x.subject, at: m.index, versusBudget });
  }
  return out;
}

/** Before a part said none: "其中：无", "；无" opening its clause. */
const NONE_BEFORE = /(?:其中[：:，,]?|[；;])无$/u;
/** After it: its clause ends ("无因公出国（境）费；", "无因公出国（境）费支出，"). */
const NONE_AFTER = /^(?:支出|开支)?[；;，,。]/u;
/** The paragraph states a change before it ("…较上年减少 C 万元，…。其中："). */
const CHANGE_BEFORE = /(?:增加|减少|增长|下降)[0-9]/u;

/** Between two subjects enumerated before one 持平: the first one's figure at most, then 、, 和 or 及. */
const ENUMERATED = /^(?:支出|经费)?(?:决算数?|预算数?)?(?:为|是)?(?:#)?[、和及]$/u;

/** What may open a clause group before its first subject: a number, 其中, a year. */
const OPENS_GROUP = new RegExp(`^${OUTLINE_MARK}?(?:其中[：，]?)?(?:[0-9]{4}年度?)?$`, 'u');

/**
 * "其中：因公出国（境）费 a 万元、公务接待费 b 万元，与上年持平", "因公出国（境）费、公务接待费均与上年持平": the
 * subjects enumerated before the last one, each with its figure at most, are flat too — when they open their clause
 * group ("支出合计 T，其中基本支出 a、项目支出 b，与上年持平" may say it of T: only the last is read, as before).
 */
function enumeratedBefore(
  s: ParaState,
  open: readonly SubjectMention[],
  last: SubjectMention,
  from: number,
): SubjectMention[] {
  const { p } = s;
  const text = p.n.text;
  const found: SubjectMention[] = [];
  let next = last;
  for (let i = open.indexOf(last) - 1; i >= 0; i -= 1) {
    const x = open[i] as SubjectMention;
    if (x.start < from) break;
    const figures = within(p.amounts, x.end, next.start);
    let between = text.slice(x.end, next.start);
    if (figures.length > 1) break;
    for (const a of figures) between = `${text.slice(x.end, a.start)}#${text.slice(a.end, next.start)}`;
    if (!ENUMERATED.test(between)) break;
    found.unshift(x);
    next = x;
  }
  return found.length > 0 && OPENS_GROUP.test(text.slice(from, next.start)) ? found : [];
}

/**
 * The one subject the sentence ending right before `at` names, when it names one subject only — or the paragraph's
 * opening clause ending in ； ("公务用车运行维护费支出预算 a 万元；与上年预算数持平": a paragraph of one item).
 */
function previousSentenceSubject(p: ParaText, at: number): SubjectMention | undefined {
  if (at > 0 && p.n.text[at - 1] === '；' && sentenceAt(p, at - 1).start === 0) {
    const named = within(p.subjects, 0, at);
    return new Set(named.map((x) => x.subject.id)).size === 1 ? named[0] : undefined;
  }
  if (at === 0 || p.n.text[at - 1] !== '。') return undefined;
  const previous = sentenceAt(p, at - 1);
  const named = within(p.subjects, previous.start, previous.end);
  return new Set(named.map((x) => x.subject.id)).size === 1 ? named[0] : undefined;
}

/** Between a comparison with the year before and its base figure: "比上年同期 B", "较 2023 年的 B", "比上年决算数 B". */
const TO_BASE = /^(?:同期|度)?(?:决算数?|实际数?)?的?$/u;

/**
 * Between a comparison's base figure and its change: nothing ("比上年同期 B 增支 C"), a comma ("较上年决算 B，增收 C"),
 * 相比 closing the comparison ("与上年 B 相比，增加 C"), an adverb ("较上年 B 也减少 C").
 */
const BASE_TO_CHANGE = /^(?:相比|比较)?[，,]?(?:也|又|仍|同比)?$/u;

/**
 * "比上年同期 139 万元增支 120 万元": the one figure written between a comparison with an earlier year (or that
 * year's budget, not this year's) and its change is that year's figure, so the change must be the difference of
 * the two levels.
 */
function statedBase(
  text: string,
  cue: string,
  cueEnd: number,
  bases: AmountMention[],
  changeAt: number,
  current?: AmountMention,
): AmountMention | undefined {
  const [base] = bases;
  // "比 2024 年预算数 B 减少 C": a budget compared with an earlier year's budget states that year's figure like any
  // other year's; against this year's own budget ("比预算 B") the current figure is not certain
  if (bases.length !== 1 || !base || (/预算/u.test(cue) && !BUDGET_TO_BUDGET.test(cue))) return undefined;
  const toBase = text.slice(cueEnd, base.start);
  if (
    !(TO_BASE.test(toBase) || sameName(text, toBase, current)) ||
    !BASE_TO_CHANGE.test(text.slice(base.end, changeAt))
  )
    return undefined;
  return base;
}

/**
 * Between the figure compared and a comparison with its own budget: a comma ("A 万元，较年初预算数 B…"), 相 of 相比
 * ("A 亿元，相比年初预算数的 B…"), or first its comparison with the year before, with its base and rate ("A 万元，较上年
 * B 万元减少 C 万元，下降 P%，较预算数 B′ 万元减少 C′ 万元": both comparisons are of A).
 */
const CURRENT_TO_BUDGET_CUE =
  /^(?:[，,](?:较|比|与|同比)(?:上年|去年|上年度|上年同期|[0-9]{4}年度?)?(?:决算数?)?[0-9.,]*(?:万元|亿元|元)?(?:相比[，,]?)?(?:增加|减少|下降|增长|降低|上升)了?[0-9.,]+(?:万元|亿元|元)(?:[，,](?:增长|下降|增加|减少|降低|上升|增幅|降幅)了?[0-9.]+%)?)?[，,]?相?$/u;

/**
 * "支出决算为 A 万元，较年初预算数 B 万元减少 C 万元，完成预算数的 R%": the one figure written between a comparison with
 * this year's own budget and its change is that budget — when the figure compared is written right before the
 * comparison, one comma apart, and is no budget itself: A against B, so the change must be their difference.
 */
function ownBudgetBase(
  s: ParaState,
  cue: string,
  cueStart: number,
  cueEnd: number,
  bases: AmountMention[],
  changeAt: number,
  current: AmountMention,
): AmountMention | undefined {
  const text = s.p.n.text;
  const [base] = bases;
  if (bases.length !== 1 || !base || !/预算/u.test(cue) || BUDGET_TO_BUDGET.test(cue)) return undefined;
  if (
    !CURRENT_TO_BUDGET_CUE.test(text.slice(current.end, cueStart)) ||
    (s.catalog.cues.budget.test(prefixOf(s, current.start)) && !adjustedFromStart(s, cue, current))
  )
    return undefined;
  if (!/^的?$/u.test(text.slice(cueEnd, base.start)) || !BASE_TO_CHANGE.test(text.slice(base.end, changeAt)))
    return undefined;
  return base;
}

/**
 * "2018 年度总支出 A 万元比 2017 年度总支出 B 万元减少 C 万元": the words between the comparison and its base
 * repeat the name this year's figure is written under, right before it — the base is the same figure a year
 * earlier.
 */
function sameName(text: string, name: string, current: AmountMention | undefined): boolean {
  // "比上年累计支出 B": the year's running total (累计, 全年, 实际) of the same figure; quotes and spaces as written aside
  // ("比 2014 年 “三公经费”部门预算 B" after "“三公经费”部门预算 A")
  const plain = (t: string) => t.replace(/[\s“”‘’"]/gu, '');
  const bare = plain(name).replace(/^(?:累计|全年|实际)+/u, '');
  if (!current || !/^[\u4e00-\u9fff]{2,12}$/u.test(bare)) return false;
  return plain(text.slice(0, current.start))
    .replace(/(?:为|是|：)$/u, '')
    .endsWith(bare);
}

/**
 * A comparison with the figure's own budget that writes no base of its own: the budget the sentence states beside the
 * figure (budgetStatedBefore, budgetStatedAhead).
 */
function budgetStated(
  s: ParaState,
  cue: string,
  cueStart: number,
  bases: AmountMention[],
  current: AmountMention,
): AmountMention | undefined {
  if (bases.length > 0 || !/预算/u.test(cue) || BUDGET_TO_BUDGET.test(cue)) return undefined;
  return budgetStatedBefore(s, cueStart, current) ?? budgetStatedAhead(s, cueStart, current);
}

/**
 * "“三公”经费决算数为 A 万元，预算数为 B 万元，比年初预算数减少 C 万元": the budget stated in a clause of its own between
 * the figure compared and a comparison with its own budget that writes no base — B is that budget, the change A − B.
 */
function budgetStatedBefore(s: ParaState, cueStart: number, current: AmountMention): AmountMention | undefined {
  const text = s.p.n.text;
  const between = within(s.p.amounts, current.end, cueStart);
  const [budget] = between;
  if (between.length !== 1 || !budget || s.catalog.cues.budget.test(prefixOf(s, current.start))) return undefined;
  if (!/^[，,](?:全年|年初)?预算(?:数|额)?(?:为|是)?$/u.test(text.slice(current.end, budget.start))) return undefined;
  return /^[，,]$/u.test(text.slice(budget.end, cueStart)) && budget.unit === current.unit ? budget : undefined;
}

/**
 * "预算收入年初 B 万元，年末财政拨款收入 A 万元，比预算增加 C 万元", "年初预算数为 B 万元，决算数为 A 万元，比年初预算减少
 * C 万元": this year's budget stated in the clause right before the figure compared, in the same sentence, and a
 * comparison with the budget that writes no base — B is that budget, the change A − B. The figure's own clause names
 * no budget and neither names the year before.
 */
function budgetStatedAhead(s: ParaState, cueStart: number, current: AmountMention): AmountMention | undefined {
  const text = s.p.n.text;
  if (!/^[，,]$/u.test(text.slice(current.end, cueStart))) return undefined;
  const sentence = sentenceAt(s.p, current.start);
  const budget = within(s.p.amounts, sentence.start, current.start).at(-1);
  if (!budget || budget.unit !== current.unit) return undefined;
  const own = text.slice(budget.end, current.start);
  const lead = text.slice(markStart(s.p, '，,；;。：:', budget.start), budget.start);
  if (!/^[，,][^0-9，,；;。：:预]{1,20}$/u.test(own) || !/预算/u.test(lead)) return undefined;
  return PRIOR_YEAR.test(own) || PRIOR_YEAR.test(lead) ? undefined : budget;
}

/** The year before named: a figure so named is no budget of this year's. */
const PRIOR_YEAR = /上年|去年|上一年|同期/u;

/**
 * "较 2022 年决算数 B 万元 C 万元，增长 P%": two figures right after the comparison and then its rate — the verb
 * between the base and the change was lost (a conversion dropped it). B is the base the comparison names, C the
 * change, of the direction the rate's word says. The change C, when so written; else undefined.
 */
function droppedVerb(
  p: ParaText,
  base: AmountMention,
  rateWordAt: number,
  rateWord: string,
): AmountMention | undefined {
  const change = startingAt(p.amounts, base.end);
  if (!change || p.n.text.slice(change.end, rateWordAt) !== '，') return undefined;
  return startingAt(p.percents, rateWordAt + rateWord.length) ? change : undefined;
}

/** Whether `figure` is the comparison's current figure written again: the same value in the same unit. */
function restatesCurrent(
  s: ParaState,
  cue: RegExpExecArray,
  changeAt: number,
  figure: AmountMention,
  stated: StatedIndex,
): boolean {
  if (matchWithin(s.p, s.catalog.cues.adjusted, groupStart(s.p, cue.index), changeAt)) return false;
  const current = currentFor(s, { index: cue.index, text: cue[0] }, changeAt, stated);
  return current !== undefined && current.unit === figure.unit && current.value.eq(figure.value);
}

/**
 * Clauses of a figure's execution that may stand between its change on the year before and that change's rate:
 * "，为预算的 R%", "，完成年初预算的 R%", "，占年度预算的 R%", "，快于序时进度 X 个百分点", "，超过时间进度 X 个百分点".
 */
const EXECUTION_ASIDE =
  /^(?:[，,](?:为|完成|占)(?:年初|全年|本年度?|年度?|调整后?)?预算(?:调整)?数?的?[0-9.]+%|[，,](?:超过|超出|超|快于|高于|领先|低于|慢于|落后于?)(?:同期)?(?:时间|序时)进度[0-9.]+个?百分点)/u;

/** How far the execution clauses right at the start of `text` reach (EXECUTION_ASIDE, one after another): 0 when none. */
function executionAsides(text: string): number {
  let at = 0;
  for (let m = EXECUTION_ASIDE.exec(text); m; m = EXECUTION_ASIDE.exec(text.slice(at))) at += m[0].length;
  return at;
}

/** A clause of words between a rate and its change: "，增幅位列全省第一". */
const ASIDE = /^，[^，。；：、0-9%（）]{2,16}(?=，)/u;

/**
 * After a rate, the change in the next clause: "，增收 210.6 亿元", "，减支 0.74 亿元"; or in brackets right after it with no
 * word of its own ("升幅为 56.9%（澳门币 3,502,875 千元）": the rate's direction).
 */
const THEN_CHANGE =
  /^(?:[，、]?(?<word>增收|减收|增支|减支|增加|减少|增|减|降)了?(?:约|近)?|（(?:澳门币|新台币|港币|人民币)?(?=[0-9][0-9,.]*(?:千元|万元|亿元|百万元|元)）))(?=[0-9])/u;

/**
 * "较上年增长 12.6%，增支 96 万元": the comparison's first word is followed by its rate, and the change comes
 * in the next clause — the rate and the change of one comparison, written the other way round.
 */
function rateThenChange(
  p: ParaText,
  at: number,
  end: number,
  word: string,
): { rate: PercentMention; change: AmountMention; word: string } | undefined {
  const rate = startingAt(p.percents, at);
  if (!rate) return undefined;
  // "同比增长 11.0%，增幅位列全省第一，增收 6.29 亿元": a clause of words only (no figure, no name of a flow, no
  // comparison) may stand between the rate and its change
  const rest = p.n.text.slice(rate.end, end);
  const aside = ASIDE.exec(rest)?.[0];
  const start = rate.end + (aside && !/收入|支出|其中|比|较|同比/u.test(aside) ? aside.length : 0);
  const next = THEN_CHANGE.exec(p.n.text.slice(start, end));
  const change = next && startingAt(p.amounts, start + next[0].length);
  if (!next || !change)
    return /^[。．]?\s*$/u.test(p.n.text.slice(rate.end, end)) ? changeOpeningNext(p, rate, word) : undefined;
  return { rate, change, word: next.groups?.word ?? word };
}

/** A sentence that opens with a change and nothing before it: "减少 6 万元。", "增加 2.3 万元，主要原因是…". */
const CHANGE_OPENING = /^[。．]\s*(?<word>增加|减少|增收|减收|增支|减支)了?(?=[0-9])/u;

/**
 * "…预算安排 8 万元，较 2021 年预算下降 42.86%。减少 6 万元。主要原因是…": the rate ends its sentence and the next one opens
 * with nothing but the change — a full stop put where a comma belongs; the change is this rate's.
 */
function changeOpeningNext(
  p: ParaText,
  rate: PercentMention,
  word: string,
): { rate: PercentMention; change: AmountMention; word: string } | undefined {
  const m = CHANGE_OPENING.exec(p.n.text.slice(rate.end));
  const change = m ? startingAt(p.amounts, rate.end + m[0].length) : undefined;
  // the change closes its clause ("减少 6 万元。", "减少 6 万元，主要原因是…"): no name or other figure follows it
  if (!m || !change || !/^(?:[。；]|，主要|，原因|$)/u.test(p.n.text.slice(change.end))) return undefined;
  return { rate, change, word: m.groups?.word ?? word };
}

/** A budget's figure after its adjustment: "…支出调整为", "调整后为", "调增至". */
const ADJUSTED_TO = /(?:调整(?:后|为)|调[增减](?:至|到|为))(?:为|是)?：?$/u;

/** "…支出调整为 A，比年初预算 B 增加 C": an adjusted budget compared with the budget set at the year's start. */
function adjustedFromStart(s: ParaState, cue: string, current: AmountMention): boolean {
  return /年初/u.test(cue) && ADJUSTED_TO.test(prefixOf(s, current.start));
}

/** A comparison with the year's figure reported earlier ("比报告数", "较预计执行数"), not with the year before. */
const REPORTED = /(?:报告|执行|预计|快报)数/u;

/**
 * "与 2023 年度相比，收入合计增加 14.96 万元，增长 0.7%": the comparison cue, the first change word
 * after it in the sentence followed by an amount, optionally a rate word and a percentage right
 * after. An amount between the cue and the change is the base itself ("较 2024 年的 2190 万元减少
 * 221 万元"): neither a level nor the change. A change worked out on another basis ("剔除这一因素，
 * 仍然减少…") has no current figure in the text, so its rate is not compared.
 */
export function yoyClaims(s: ParaState, amountClaims: Claim[]): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  const stated = indexStated(amountClaims);
  for (const cue of allMatches(text, catalog.cues.compare)) {
    const sentence = sentenceAt(p, cue.index);
    const cueEnd = cue.index + cue[0].length;
    const rest = text.slice(cueEnd, sentence.end);
    const change = firstMatch(catalog.cues.change, rest);
    // "较上年决算数 3 万元，下降 40%": the verb is missing, so the figure is neither a level nor a known change
    const bare =
      startingAt(p.amounts, cueEnd) ?? (text[cueEnd] === '的' ? startingAt(p.amounts, cueEnd + 1) : undefined);
    let dropped =
      bare && change && !/预算/u.test(cue[0]) ? droppedVerb(p, bare, cueEnd + change.index, change[0]) : undefined;
    // "支出合计 A 万元，较 2023 年决算数 B 万元 A 万元，增长 P%": the second figure restates the current one, no
    // change — the comparison is left unread, as any figure right after the comparison leaves it
    if (dropped && change && restatesCurrent(s, cue, cueEnd + change.index + change[0].length, dropped, stated))
      dropped = undefined;
    if (bare && !dropped && (!change || cueEnd + change.index > bare.end)) {
      const next = text.slice(bare.end, bare.end + 1);
      // "比 2023 年的 B 万元，增加 C 万元": a change with its own verb right after the figure — the figure is the base
      const baseThenChange =
        change !== null &&
        BASE_TO_CHANGE.test(text.slice(bare.end, cueEnd + change.index)) &&
        startingAt(p.amounts, cueEnd + change.index + change[0].length) !== undefined;
      if (next !== '' && !/[增减下上降]/.test(next) && !baseThenChange) {
        s.changes.add(bare);
        continue;
      }
    }
    if (!change?.groups) continue;
    const at = cueEnd + change.index + change[0].length;
    // the change belongs to this comparison only when no clause group ends and no other comparison
    // starts in between ("与 2022 年预算持平：一、…与 2022 年预算相比增加 170 万元")
    const between = text.slice(cueEnd, cueEnd + change.index);
    if (/[；。：]/.test(between) || firstMatch(catalog.cues.compare, between) !== null) continue;
    // "同比增长 28.4%，增收 210.6 亿元": the rate first, then the change in a clause of its own
    const leading =
      startingAt(p.amounts, at) || dropped ? undefined : rateThenChange(p, at, sentence.end, change.groups.word ?? '');
    const amount = dropped ?? leading?.change ?? startingAt(p.amounts, at);
    const changeWord = directionOf(leading?.word ?? change.groups.word ?? '', catalog);
    if (!amount || !changeWord) continue;
    const bases = within(p.amounts, cueEnd, cueEnd + change.index);
    for (const base of bases) s.changes.add(base);
    const adjusted =
      matchWithin(p, catalog.cues.adjusted, groupStart(p, cue.index), at) &&
      !figureAfterAdjusting(p, catalog.cues.adjusted, groupStart(p, cue.index), cue.index, at);
    const across = adjusted || bases.length > 0 ? undefined : priorSentence(s, { index: cue.index, text: cue[0] });
    const found = adjusted
      ? undefined
      : (across?.current ?? currentFor(s, { index: cue.index, text: cue[0] }, at, stated));
    // a comparison whose clause names a part of the year ("其中 12 月份非税收入同比增收 C") is not of a figure of
    // another period ("全州非税收入全年完成 A"); one naming none is of its figure's ("1-6 月…完成 A，同比减少 C")
    const compared = periodAt(s, cue.index);
    const current =
      found && (compared.part === '' || samePeriod(periodAt(s, found.start), compared)) ? found : undefined;
    s.changes.add(amount);
    const claim: Claim = { kind: 'yoy', change: amount, changeWord, ...place(p, sentence, amount) };
    markEitherWay(claim, change, catalog);
    if (current) {
      claim.current = current;
      const whole = wholeOfPart(s, current);
      if (whole) claim.whole = whole;
      const budget =
        ownBudgetBase(s, cue[0], cue.index, cueEnd, bases, cueEnd + change.index, current) ??
        budgetStated(s, cue[0], cue.index, bases, current);
      const prior = dropped
        ? bare
        : (statedBase(text, cue[0], cueEnd, bases, cueEnd + change.index, current) ?? budget ?? across?.prior);
      if (prior)
        claim.prior = {
          amount: prior,
          para: p.para,
          inComparison: true,
          ...(prior === budget
            ? adjustedFromStart(s, cue[0], current)
              ? { adjusted: true as const }
              : { ownBudget: true as const }
            : {}),
          ...(REPORTED.test(cue[0]) ? { reported: true } : {}),
        };
      // "转移性收入 T，其中：甲 a、乙 b、丙 c，比报告数 B 增加 C": the figure compared with the reported one may be any
      // figure the sentence states before the comparison — the one whose difference from B is the change
      if (prior && REPORTED.test(cue[0])) {
        const signed = changeWord === 'up' ? mentionApprox(amount) : negate(mentionApprox(amount));
        const fits = (x: AmountMention) =>
          compareEq(subtract(mentionApprox(x), mentionApprox(prior)), signed).consistent;
        if (!fits(current)) {
          const other = p.amounts
            .filter((x) => x.start >= sentence.start && x.end <= cue.index && x !== prior)
            .reverse()
            .find(fits);
          if (other) claim.current = other;
        }
      }
    } else {
      // "比 2021 年预算 318.40 万元增加 28.40 万元，增长 8.92%" with no current figure in reach: the base is
      // written, and the rate is the change over it, a budget or the year before's alike
      const prior = statedBase(text, cue[0].replace(/预算/gu, ''), cueEnd, bases, cueEnd + change.index);
      if (prior) claim.prior = { amount: prior, para: p.para, inComparison: true };
    }
    const subject = subjectOf(s, cue.index, at, current, stated);
    if (subject) claim.subject = subject;
    // a comparison after an exclusion with no figure of its own ("本年支出 A，剔除一次性因素后，比上年增加 C") is of a
    // figure the text does not write: not of A, nor of the subject's figure stated elsewhere
    if (adjusted || matchWithin(p, SAME_SCOPE, groupStart(p, cue.index), at)) claim.sameScope = true;
    if (/预算/.test(cue[0])) claim.versusBudget = true;
    // 持平 said of this very change: between the comparison and the change, or right after it
    const clauseEnd = markEnd(p, '，；。', amount.end);
    if (
      matchWithin(p, FLAT, cue.index, amount.start) ||
      matchWithin(p, FLAT, amount.end, clauseEnd) ||
      FLAT_NEXT_CLAUSE.test(text.slice(clauseEnd))
    )
      claim.flat = true;
    // "同比增加 C 元，上年无该预算，增长 100%": a clause saying the year before had none stands between the change and
    // its rate — the rate is still this change's (and the base it says is nil)
    const nilPrior = leading ? 0 : (PRIOR_NIL.exec(text.slice(amount.end, sentence.end))?.[0].length ?? 0);
    const rateFrom = amount.end + nilPrior;
    let after = leading ? null : firstMatch(catalog.cues.changeRate, text.slice(rateFrom, sentence.end));
    let rateAt = rateFrom;
    // "同比增收 C，为预算的 R%，快于序时进度 X 个百分点，增长 P%": the figure's execution rate (and its lead on the time
    // gone by) stands between a change on the year before and its rate — the rate is still this change's
    const exec = leading || after || /预算/u.test(cue[0]) ? 0 : executionAsides(text.slice(rateFrom, sentence.end));
    if (exec > 0) {
      const next = firstMatch(catalog.cues.changeRate, text.slice(rateFrom + exec, sentence.end));
      if (next && next.index === 0 && /^[，,]/u.test(next[0])) {
        after = next;
        rateAt = rateFrom + exec;
      }
    }
    // "较上年决算数增加 0.00 万元。 上升 100%，主要原因是…": the change ends its sentence and the next one opens with
    // nothing but a rate — a full stop put where a comma belongs; the rate is this change's
    const stop = leading || after ? null : /^\s*[。．]\s*/u.exec(text.slice(rateFrom));
    if (stop) {
      rateAt = rateFrom + stop[0].length;
      after = firstMatch(catalog.cues.changeRate, text.slice(rateAt, sentenceAt(p, rateAt).end));
      if (after && after.index !== 0) after = null;
    }
    const rate = leading?.rate ?? (after ? startingAt(p.percents, rateAt + after.index + after[0].length) : undefined);
    // a bracketed rate has no word of its own: it is the change's
    const rateWord = leading
      ? directionOf(change.groups.word ?? '', catalog)
      : after
        ? after.groups?.word
          ? directionOf(after.groups.word, catalog)
          : changeWord
        : undefined;
    if (rate && rateWord) {
      claim.rate = rate;
      claim.rateWord = rateWord;
      s.usedPercents.add(rate);
    }
    out.push(claim);
    const flow = current ? flowBeforeChange(text.slice(cueEnd, at)) : undefined;
    const other = flow && otherFlowChange(s, cue.index, flow, (rate ?? amount).end, out);
    if (other) out.push(other);
  }
  return out;
}

/** After a flow's change and its rate, the other flow's in the next clause: "…；支出增加 C，增长 P%", "。支出减少 C". */
const OTHER_FLOW_NEXT = new RegExp(`^[^；。0-9%]*[；。]\\s*${FLOW_CHANGE}(?=[0-9])`, 'u');

/**
 * "收入总计 A，支出总计 B。与上年相比，收入增加 C1，增长 P1%；支出增加 C2，增长 P2%": the comparison named once, its flow
 * right before its change; the next clause opens with the other flow and its change — the same comparison of that
 * flow's figure, the one value the text states for it before the comparison (in its sentence or the one before).
 */
function otherFlowChange(
  s: ParaState,
  cueIndex: number,
  flow: 'in' | 'out',
  after: number,
  taken: readonly Claim[],
): Claim | undefined {
  const { p, catalog } = s;
  const text = p.n.text;
  const m = OTHER_FLOW_NEXT.exec(text.slice(after));
  const named = flowOf(m?.groups?.flow ?? '');
  if (!m || !named || named === flow) return undefined;
  const change = startingAt(p.amounts, after + m[0].length);
  const changeWord = directionOf(m.groups?.word ?? '', catalog);
  if (!change || !changeWord || taken.some((c) => c.kind === 'yoy' && c.change === change)) return undefined;
  const sentence = sentenceAt(p, cueIndex);
  const from = sentence.start > 0 ? sentenceAt(p, sentence.start - 1).start : 0;
  const figures = within(levels(s), from, cueIndex).filter(
    (a) => flowOf(prefixOf(s, a.start)) === named && candidate(s, a),
  );
  const current = figures[figures.length - 1];
  if (!current || new Set(figures.map((a) => `${a.value.toFixed()}${a.unit}`)).size !== 1) return undefined;
  s.changes.add(change);
  const claim: Extract<Claim, { kind: 'yoy' }> = {
    kind: 'yoy',
    change,
    changeWord,
    current,
    ...place(p, sentenceAt(p, change.start), change),
  };
  const after2 = firstMatch(catalog.cues.changeRate, text.slice(change.end, sentenceAt(p, change.start).end));
  const rate = after2 && after2.index === 0 ? startingAt(p.percents, change.end + after2[0].length) : undefined;
  const rateWord = after2?.groups?.word ? directionOf(after2.groups.word, catalog) : changeWord;
  if (rate && rateWord && !s.usedPercents.has(rate)) {
    claim.rate = rate;
    claim.rateWord = rateWord;
    s.usedPercents.add(rate);
  }
  return claim;
}

/**
 * "地方财政收入完成 5230 万元，增加 410 万元，增长 8.51%": a change right after a level of its clause,
 * with its rate, and no comparison cue — the arithmetic is that of any comparison (base = current −
 * change). Only this tight shape is read: the level, one comma, the change, one comma, the rate.
 */
export function implicitYoyClaims(s: ParaState, amountClaims: Claim[], stated: Claim[]): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  const taken = new Set(stated.flatMap((c) => (c.kind === 'yoy' ? [c.change] : [])));
  const byAmount = indexStated(amountClaims).byAmount;
  for (const m of allMatches(text, catalog.cues.change)) {
    const at = m.index + m[0].length;
    const amount = startingAt(p.amounts, at);
    const changeWord = directionOf(m.groups?.word ?? '', catalog);
    if (!amount || !changeWord || taken.has(amount)) continue;
    const current = lastEndingBy(levels(s), m.index);
    if (!current || !restatedBetween(s, current, m.index, byAmount) || !candidate(s, current)) continue;
    const from = groupStart(p, m.index);
    if (current.start < from || matchWithin(p, catalog.cues.adjusted, from, at) || matchWithin(p, SAME_SCOPE, from, at))
      continue;
    const after = firstMatch(catalog.cues.changeRate, text.slice(amount.end));
    const rate = after ? startingAt(p.percents, amount.end + after.index + after[0].length) : undefined;
    const rateWord = after ? (after.groups?.word ? directionOf(after.groups.word, catalog) : changeWord) : undefined;
    // "上划省级收入完成 A，减少 C，与上年持平": no rate, the year before named by the nil words after the change — a
    // comparison with it all the same, and one said to be nil
    if (!rate && FLAT_AFTER_CHANGE.test(text.slice(amount.end))) {
      const claim = uncuedYoy(s, { change: amount, changeWord, current }, sentenceAt(p, m.index), byAmount);
      claim.flat = true;
      s.changes.add(amount);
      out.push(claim);
      continue;
    }
    if (!rate || !rateWord || s.usedPercents.has(rate)) continue;
    s.usedPercents.add(rate);
    const claim = uncuedYoy(
      s,
      { change: amount, changeWord, current, rate, rateWord },
      sentenceAt(p, m.index),
      byAmount,
    );
    markEitherWay(claim, m, catalog);
    out.push(claim);
  }
  // the other way round: "民生支出 A 亿元，增长 P%，增支 C 亿元" — the level, one comma, the rate, one comma, the change
  for (const rate of p.percents) {
    if (s.usedPercents.has(rate)) continue;
    const current = lastEndingBy(levels(s), rate.start);
    const lead = current ? LEVEL_THEN_RATE.exec(text.slice(current.end, rate.start)) : null;
    const rateWord = lead?.groups?.word ? directionOf(lead.groups.word, catalog) : undefined;
    if (!current || !rateWord || !candidate(s, current)) continue;
    const next = THEN_CHANGE.exec(text.slice(rate.end));
    const amount = next ? startingAt(p.amounts, rate.end + next[0].length) : undefined;
    const changeWord = next?.groups?.word ? directionOf(next.groups.word, catalog) : undefined;
    if (!amount || !changeWord || taken.has(amount)) continue;
    const from = groupStart(p, current.start);
    if (matchWithin(p, catalog.cues.adjusted, from, amount.end) || matchWithin(p, SAME_SCOPE, from, amount.end))
      continue;
    s.usedPercents.add(rate);
    s.changes.add(amount);
    out.push(
      uncuedYoy(s, { change: amount, changeWord, current, rate, rateWord }, sentenceAt(p, rate.start), byAmount),
    );
  }
  return out;
}

type YoyClaim = Extract<Claim, { kind: 'yoy' }>;

/**
 * Between a level and its uncued change: one comma ("收入 A，增加 C"), or the comma and the level's own name again, with
 * 各 or 均 after it when the name is of two figures ("收、支总计 A，收、支总计各增加 C"): the same figure's change.
 */
function restatedBetween(
  s: ParaState,
  current: AmountMention,
  at: number,
  byAmount: ReturnType<typeof indexStated>['byAmount'],
): boolean {
  const between = s.p.n.text.slice(current.end, at);
  if (between === '，') return true;
  const named = startingAt(s.p.subjects, current.end + 1);
  const own = byAmount.get(current)?.subject;
  if (!named || !own || named.subject.id !== own.id || !between.startsWith('，')) return false;
  return /^(?:各|均)?$/u.test(s.p.n.text.slice(named.end, at));
}

/** A comparison read with no cue (implicitYoyClaims): its figures, placed at its change, with the subject its current figure was named by. */
function uncuedYoy(
  s: ParaState,
  figures: Pick<YoyClaim, 'change' | 'changeWord' | 'rate' | 'rateWord'> & { current: AmountMention },
  sentence: Span,
  byAmount: ReturnType<typeof indexStated>['byAmount'],
): YoyClaim {
  const claim: YoyClaim = { kind: 'yoy', ...figures, ...place(s.p, sentence, figures.change) };
  const subject = byAmount.get(figures.current);
  if (subject) claim.subject = subject.subject;
  return claim;
}

/** Right after a bare change, its clause saying the year before is matched: "，与上年持平", "，同比持平" (基本持平 is not). */
const FLAT_AFTER_CHANGE =
  /^[，,](?:与|较|比)(?:上年|去年)(?:同期)?(?:相比)?，?持平(?=[。；，,;.．]|$)|^[，,]同比持平(?=[。；，,;.．]|$)/u;

/** Between a level and its rate with no comparison cue: "，增长 P%", "，下降了 P%", "，增 P%". */
const LEVEL_THEN_RATE = /^[，,](?<word>增长|下降|上升|降低|增|减|降|升)了?(?:为|达到?)?$/u;

const FLAT_BUDGET = new RegExp(
  `(?:与|较|比)(?:[0-9]{4}年度?)?(?:年初|全年|调整后?)?预算数?(?:相比|比较)?，?(?:${NIL_WORDS})`,
  'gu',
);

/**
 * "公务用车购置及运行维护费支出 2.48 万元，与 2021 年度预算相比无变化" beside a table (or a sentence)
 * stating that subject's budget: the figure and the budget must then be one. Read only when the
 * clause states the subject's figure and the document states one budget for it.
 */
export function flatBudgetClaims(paras: ParaClaims[]): Claim[] {
  // the budgets stated of each subject, in document order (made on first need)
  let budgetsOf: Map<string, Stated[]> | undefined;
  const budgetsFor = (id: string): Stated[] => {
    if (!budgetsOf) {
      budgetsOf = new Map();
      for (const pc of paras)
        for (const c of pc.claims) {
          if (c.kind !== 'amount' || c.role !== 'budget') continue;
          const list = budgetsOf.get(c.subject.id) ?? [];
          list.push(c);
          budgetsOf.set(c.subject.id, list);
        }
    }
    return budgetsOf.get(id) ?? [];
  };
  const out: Claim[] = [];
  for (const pc of paras) {
    const text = pc.p.n.text;
    for (const m of allMatches(text, FLAT_BUDGET)) {
      // "…完成预算的 90%，决算数与预算数持平": said right after an execution rate, the words are read with that rate
      // (saidAgainstBudgetClaims) — one claim, one finding, for one 持平
      if (
        pc.claims.some(
          (c) => c.kind === 'direction' && c.said && c.sentence.start <= m.index && m.index < c.sentence.end,
        )
      )
        continue;
      const from = groupStart(pc.p, m.index);
      const stated = pc.claims
        .filter((c) => c.kind === 'amount' && c.role === 'actual' && c.amount.start >= from && c.amount.end <= m.index)
        .pop();
      if (stated?.kind !== 'amount') continue;
      const budgets = budgetsFor(stated.subject.id);
      const budget = budgets[0];
      if (!budget || budgets.some((b) => !b.amount.value.eq(budget.amount.value))) continue;
      const change = nil(m.index, { end: m.index + m[0].length, text: '无增减' });
      out.push({
        kind: 'yoy',
        change,
        changeWord: 'down',
        flat: true,
        subject: stated.subject,
        versusBudget: true,
        flatBudget: { actual: stated.amount, budget: budget.amount, budgetPara: budget.para },
        ...place(pc.p, sentenceAt(pc.p, m.index), change),
      });
    }
  }
  return out;
}

const YEAR = /((?:19|20)[0-9]{2})年/gu;

type Stated = Extract<Claim, { kind: 'amount' }>;

/** The year written in an amount's own clause, before it ("2015年预算 12.5 万元"), if any. */
function clauseYear(p: ParaText, at: number): number | undefined {
  const from = markStart(p, '，；。：', at);
  const years = [...allMatches(p.n.text.slice(from, at), YEAR)];
  const last = years[years.length - 1];
  return last ? Number(last[1]) : undefined;
}

/**
 * A clause naming the year before and nothing else before its figure: "上年为", "上年：", "上年决算数为" — or the year
 * before and the name again ("收入总计 A 万元，上年收入总计为 B 万元"): `name` must then be the name of the figure before.
 */
const LAST_YEAR_CLAUSE = /^(?:上年度?|去年)(?<name>[^，；。：0-9]*?)(?:决算数?|同期)?(?:为|是)?：?$/u;

/** An amount's clause up to it. */
function clauseOf(p: ParaText, a: AmountMention): string {
  return p.n.text.slice(markStart(p, '，；。：', a.start), a.start);
}

/** The clause before `b` says the year before, naming nothing or the subject `before` names (the whole name). */
function lastYearClause(p: ParaText, b: AmountMention, before: SubjectMention | undefined, a?: AmountMention): boolean {
  const from = markStart(p, '，；。：', b.start);
  const m = LAST_YEAR_CLAUSE.exec(p.n.text.slice(from, b.start));
  if (!m) return false;
  const name = m.groups?.name ?? '';
  if (name === '') return true;
  // "…支出 A 元，上年支出 B 元": a flow named alone must be named in the figure before's clause too
  if (/^(?:支出|收入)$/u.test(name)) return a !== undefined && clauseOf(p, a).includes(name);
  const at = from + m[0].indexOf(name, 2);
  return p.subjects.some(
    (x) => x.start === at && x.end === at + name.length && before !== undefined && x.subject.id === before.subject.id,
  );
}

/** The year the sentence an amount is in speaks of: its first written year before the amount. */
function sentenceYear(p: ParaClaims['p'], at: number): number | undefined {
  const sentence = sentenceAt(p, at);
  const first = [...allMatches(p.n.text.slice(sentence.start, at), YEAR)][0];
  return first ? Number(first[1]) : undefined;
}

/** A sentence opening with its year: "2024 年，", "2024 年度". */
const SENTENCE_YEAR = /^([0-9]{4})年度?[，,]?/u;

/** A figure's name with the place it is of left out: "全省一般公共预算总收入", "某省一般公共预算总收入" → "一般公共预算总收入". */
function placeless(name: string): string {
  return name
    .replace(/^(?:全|我|本)[省市县区州镇乡旗]|^[\u4e00-\u9fa5]{1,3}[省市县区州旗](?!级)/u, '')
    .replace(/(?:累计|实际)?(?:完成|实现|为|是|达到?|共计|合计)*$/u, '');
}

/**
 * A change right after the prior year's figure: "；对比减少 4.35 万元", "，与上年相比增加…", "，较 2023 年增加…", "，同比增…"
 * (a year named must be the prior figure's own; the verb may be one character: "与上年相比增 C").
 */
const AFTER_PRIOR =
  /^[，；]?(?:(?:与|较|比)(?:上年|(?<year>[0-9]{4})年度?)|同比)?(?:对比|相比|比较)?(?<word>增加|减少|增长|下降|上升|降低|增|减|降)了?(?:支出)?(?=[0-9])/u;
/** The kind of a comparison's base when the text names it: "较上年预算数", "比 2024 年度决算数". */
const BASE_KIND = /(?:与|较|比)(?:上年|上一年度?|去年|[0-9]{4}年度?)(?:的)?(?:年初)?(?<kind>预算|决算)[^，。；]*$/u;
/** Its rate: "；减少率 35.22%", "，增幅 3%", "，降 3%". */
const RATE_AFTER =
  /^[，；]?(?:(?<word>增长|下降|减少|增加|上升|降低|增|减|降|升)率?|(?<fell>减幅|降幅)|(?<rose>增幅|增速|涨幅))(?:为|是)?(?=[0-9.]+%)/u;

/**
 * The prior year's figure stated beside this year's. In one sentence: "公务接待费 2016 年预算 8 万元，
 * 2015 年预算 12.5 万元；对比减少 4.35 万元；减少率 35.22%" — this year's figure, the year before's
 * right after it, then the change. Across sentences: a comparison of the subject with the year
 * before ("2022 年“三公”经费决算数相较于上年增加 275.76 万元") whose current figure is not in its
 * sentence, when the paragraph (or the one before) states the subject's figure for that year and
 * for the year before — or, when they do not, the whole text states one value for each of the two
 * years (a section per year, the comparison in a third). The change is then the difference of the
 * two, whatever the text wrote.
 */
export function statedPriorClaims(paras: ParaClaims[], catalog: ClaimsCatalog, report?: string): Claim[] {
  const out: Claim[] = [];
  const paraOf = (x: Stated) => paras.find((y) => y.p.para === x.para)?.p ?? (paras[0] as ParaClaims).p;
  // the year of a stated figure: its clause's, else its sentence's
  const yearOf = (x: Stated) => {
    const q = paraOf(x);
    return clauseYear(q, x.amount.start) ?? sentenceYear(q, x.amount.start);
  };
  // a budget figure: its role, or 预算 in its sentence before it
  const isBudget = (x: Stated) => {
    const q = paraOf(x);
    const own = q.n.text.slice(sentenceAt(q, x.amount.start).start, x.amount.start);
    return x.role === 'budget' || /预算/.test(own);
  };
  const everywhere = paras.flatMap((pc) => pc.claims.filter((c): c is Stated => c.kind === 'amount'));
  paras.forEach((pc, index) => {
    const { p } = pc;
    const text = p.n.text;
    const yoys = pc.claims.filter((c): c is Extract<Claim, { kind: 'yoy' }> => c.kind === 'yoy');
    // in one sentence: A (year Y), B (year Y−1) right after it, then the change
    const levelsOf = p.amounts.filter((a) => !pc.changes.has(a));
    for (let i = 0; i + 1 < levelsOf.length; i += 1) {
      const a = levelsOf[i] as AmountMention;
      const b = levelsOf[i + 1] as AmountMention;
      const ya = clauseYear(p, a.start);
      // "…3.20 万元，上年为 4.10 万元，比上年减少…": a clause opening with 上年 gives the year before A's
      // the same subject: none named between the two figures but the one named before A
      const before = p.subjects.filter((m) => m.end <= a.start && m.start >= sentenceAt(p, a.start).start).pop();
      const yb = clauseYear(p, b.start) ?? (ya !== undefined && lastYearClause(p, b, before, a) ? ya - 1 : undefined);
      if (ya === undefined || yb !== ya - 1 || sentenceAt(p, a.start) !== sentenceAt(p, b.start)) continue;
      if (!/^[，；]/.test(text.slice(a.end)) || p.amounts.some((x) => x.start > a.end && x.end < b.start)) continue;
      const between = p.subjects.filter((m) => m.start > a.end && m.end <= b.start);
      if (between.some((m) => m.subject.id !== before?.subject.id)) continue;
      const m = AFTER_PRIOR.exec(text.slice(b.end));
      if (m?.groups?.year && Number(m.groups.year) !== yb) continue;
      const change = m ? p.amounts.find((x) => x.start === b.end + m[0].length) : undefined;
      const changeWord = m?.groups?.word ? directionOf(m.groups.word, catalog) : undefined;
      if (!change || !changeWord) continue;
      const prior = { amount: b, para: p.para };
      const existing = yoys.find((c) => c.change === change);
      if (existing) {
        existing.current = a;
        existing.prior = prior;
        continue;
      }
      const sentence = sentenceAt(p, change.start);
      const claim: Claim = { kind: 'yoy', change, changeWord, current: a, prior, ...place(p, sentence, change) };
      if (before) claim.subject = before.subject;
      const r = RATE_AFTER.exec(text.slice(change.end));
      const rate = r ? p.percents.find((x) => x.start === change.end + r[0].length) : undefined;
      if (r && rate) {
        claim.rate = rate;
        claim.rateWord = r.groups?.word ? directionOf(r.groups.word, catalog) : r.groups?.fell ? 'down' : 'up';
      }
      out.push(claim);
    }
    // across sentences: the subject's figures of the comparison's year and the year before, stated in
    // this paragraph or the one before — or anywhere in the text, when the text gives the subject one
    // value for each of the two years ("一、2022年预算…公务接待 11.8 万元 … 二、2021年决算…公务接待
    // 12.39 万元 … 公务接待较上年同期减少 0.58 万元")
    const near = [...(paras[index - 1]?.claims ?? []), ...pc.claims].filter(
      (c): c is Stated => c.kind === 'amount' && c.role === 'actual',
    );
    for (const c of yoys) {
      if (c.current || c.prior || !c.subject || c.versusBudget || c.sameScope || c.pair) continue;
      const year = sentenceYear(p, c.change.start);
      if (year === undefined) continue;
      const ofYear = (pool: Stated[], y: number) =>
        pool.filter((x) => x.subject.id === c.subject?.id && yearOf(x) === y);
      let current = ofYear(near, year);
      let prior = ofYear(near, year - 1);
      if (current.length === 0 || prior.length === 0) {
        // a base named as a kind ("较上年预算数", "比 2024 年决算数") is a figure of that kind
        const base = BASE_KIND.exec(text.slice(sentenceAt(p, c.change.start).start, c.change.start))?.groups?.kind;
        const fits = (x: Stated) => base === undefined || (base === '预算') === isBudget(x);
        current = ofYear(everywhere, year);
        prior = ofYear(everywhere, year - 1).filter(fits);
        // one value each in the whole text, the same figure restated at most
        if (new Set(current.map((x) => x.amount.value.toString())).size === 1) current = current.slice(0, 1);
        if (new Set(prior.map((x) => x.amount.value.toString())).size === 1) prior = prior.slice(0, 1);
      }
      // one figure each: two figures of one year are two scopes, and nothing is sure
      if (current.length === 1 && prior.length === 1) {
        c.current = (current[0] as Extract<Claim, { kind: 'amount' }>).amount;
        const b = prior[0] as Extract<Claim, { kind: 'amount' }>;
        c.prior = { amount: b.amount, para: b.para };
      }
    }
    // "2023 年，全县一般公共预算收入 B。2024 年，全县一般公共预算收入 A，比上年增加 C": no subject the catalog knows, the
    // figure of the year before named the same, in an earlier sentence of this paragraph opening with that year (one value)
    for (const c of yoys) {
      if (!c.current || c.prior || c.subject || c.versusBudget || c.sameScope || c.pair) continue;
      const sentence = sentenceAt(p, c.current.start);
      const opening = SENTENCE_YEAR.exec(text.slice(sentence.start, c.current.start));
      if (!opening || !/^(?:，|,)?(?:同比|比上年|较上年|与上年相比，?|同比上年)/u.test(text.slice(c.current.end + 1)))
        continue;
      const name = placeless(text.slice(sentence.start + opening[0].length, c.current.start));
      if (name.length < 4 || /预算数|预算为|计划|目标|同口径|可比/u.test(text.slice(sentence.start, c.change.start)))
        continue;
      const year = Number(opening[1]);
      const found = levelsOf.filter((x) => {
        if (x.end > sentence.start) return false;
        const own = sentenceAt(p, x.start);
        const m = SENTENCE_YEAR.exec(text.slice(own.start, x.start));
        return (
          m !== null && Number(m[1]) === year - 1 && placeless(text.slice(own.start + m[0].length, x.start)) === name
        );
      });
      if (found.length > 0 && new Set(found.map((x) => `${x.value.toFixed()}${x.unit}`)).size === 1)
        c.prior = { amount: found[found.length - 1] as AmountMention, para: p.para };
    }
    // a comparison whose current figure is not in its sentence ("2018 年“三公”经费预算数比 2017 年预算数
    // 减少 0.06 万元"): the subject's one figure of that year and of the same kind (预算 or 决算), stated
    // in this paragraph or the one before ("2018 年财政拨款“三公”经费预算总额为 2.7 万元"). A comparison
    // with no year before it in its paragraph ("收入支出总体与上年相比，增加 C 万元" after the totals'
    // paragraphs) is of the report's own year.
    const any = [...(paras[index - 1]?.claims ?? []), ...pc.claims].filter((c): c is Stated => c.kind === 'amount');
    for (const c of yoys) {
      if (c.current || !c.subject || c.sameScope || c.pair) continue;
      const sentence = sentenceAt(p, c.change.start);
      const year =
        sentenceYear(p, c.change.start) ??
        (report !== undefined && !/(?:19|20)[0-9]{2}/u.test(text.slice(0, c.change.start))
          ? Number(report)
          : undefined);
      if (year === undefined) continue;
      const lead = text.slice(sentence.start, c.change.start);
      // the kind compared: a budget against the year before's budget, else 决算
      const budget = /预算/.test(lead) && !(c.versusBudget && !BUDGET_TO_BUDGET.test(lead));
      // a figure in the reason given after the change ("…增长 3.5%，主要原因是新设立某中心，该中心预算 a 万元") is
      // the new unit's, not the level compared
      const inReason = (x: Stated) =>
        x.para === p.para && x.amount.start > c.change.end && reasonOpensBetween(text, c.change.end, x.amount.start);
      const fits = (x: Stated) =>
        !inReason(x) && x.subject.id === c.subject?.id && yearOf(x) === year && isBudget(x) === budget;
      let found = any.filter(fits);
      // none there: the text before it ("经汇总，2017 年…“三公”经费 A 万元，其中：…" a paragraph of counts ago), when
      // every paragraph up to this one gives the subject one value of that year and kind
      if (found.length === 0)
        found = paras
          .slice(0, index + 1)
          .flatMap((q) => q.claims.filter((x): x is Stated => x.kind === 'amount' && fits(x)));
      const values = new Set(found.map((x) => x.amount.value.toString()));
      if (found.length > 0 && values.size === 1) c.current = (found[0] as Extract<Claim, { kind: 'amount' }>).amount;
    }
  });
  return out;
}
