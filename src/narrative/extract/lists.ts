import {
  type AmountMention,
  type Claim,
  type ListItem,
  type ListReading,
  mentionApprox,
  type PercentMention,
  sameFigure,
} from '../claims.js';
import { compareLe, subtract, sum } from '../../money/interval.js';
import { outlineItem, withoutOutlineMark } from '../../util/outline.js';
import { FUND_BUDGET_NAMES } from '../text/fund-names.js';
import type { Subject } from '../catalog/types.js';
import { place, sentenceAt, type ParaText } from './para.js';
import {
  cumulativeOfItem,
  cutAtNonParts,
  cutAtSameKind,
  inClosedReason,
  inItemPurpose,
  inItemReason,
  nextOutlineItem,
  outsideList,
  partOfOtherWhole,
  sharesMakeOtherWhole,
  rateYardstick,
} from './list-scope.js';
import {
  aggregateAmong,
  asideNamesSibling,
  completeness,
  everyPartNamed,
  itemsBeforeSibling,
  leastNamingBreakdown,
  type ListWords,
  mayOverlap,
  partsAmidDetails,
} from './list-complete.js';
import { countsBefore, listReadings, mayListNoAmount, nestedCues } from './list-readings.js';
import { countEndingBy, lastEndingBy, within } from './spans.js';
import { bracketDepthFrom, bracketsOf, closedOffBefore, levels, markStart, prefixOf, type ParaState } from './state.js';
import { allMatches } from '../../util/matches.js';

/**
 * A clause that adds a figure beside a list ("…；此外，年初结转和结余 b 万元") or opens a new total after
 * it ("…；加上上级补助资金…，当年财力 T"), or a figure worked out from others ("…，当年收入加上级补助收入，
 * 扣除上解支出后，可用财力为 F"): the list ends before it.
 */
const ASIDE =
  /[，；]\s*(?:此外|另外|除此之外|加上)|[，；][^，；。]{0,20}?(?:(?<![增追参添叠])加上?|扣除|减去|剔除)[^。；]{0,40}?后，/u;

/** 此外 / 另外 opening a clause: what it adds may be one more item of the list (asideNamesSibling). */
const BESIDES = /此外|另外|除此之外/u;

/** Whether the clause an aside opens names one more part of the breakdown the list's items name, up to its figure. */
function continuesList(s: ParaState, aside: RegExpExecArray, after: number, end: number, totalName: string): boolean {
  if (!BESIDES.test(aside[0])) return false;
  const at = after + aside.index;
  const figure = within(levels(s), at, end)[0];
  if (!figure) return false;
  const text = s.p.n.text;
  return asideNamesSibling(s.catalog.completeLists, totalName, text.slice(after, at), text.slice(at, figure.start));
}

/**
 * "综合预算收入 A 亿元（已剔除从基金预算调入 b 亿元…）": a total stated net of something its parts count — the
 * parts add up to more by what was taken out, and to how much more the words need not say.
 */
const NET_TOTAL = /^（(?:已|均)?(?:剔除|扣除|扣减|抵减|不含|未含|不包括)/u;

type ListClaim = Extract<Claim, { kind: 'list' }>;

/** A list cue that ends its paragraph ("…基本支出 533.65 万元，其中："): the items are the next paragraphs. */
export interface OpenList {
  listId: string;
  total: AmountMention;
  totalSubject?: Subject;
  p: ParaText;
  alternatives: AmountMention[];
  /** The total's name and the words after its figure to the end of the paragraph (list-complete.ts). */
  totalName: string;
  intro: string;
  /** The cue that opened the list (a following paragraph that opens one of its own is no item of it). */
  cue: RegExp;
  /**
   * "…T 万元。其中：1、甲。…a 万元…" / "2、乙。…b 万元…": a numbered list whose first item follows the cue in its
   * paragraph and whose next items open the paragraphs after it — where the first item's words begin and how
   * its number is written.
   */
  numbered?: { from: number; style: NumberStyle };
  /**
   * "（二）基本支出 A 万元" / "其中：人员经费 a1 万元，公用经费 a2 万元。": a total closing a paragraph of one sentence, and
   * the cue opening the next one (after words naming no figure and no subject: "主要用于…，其中："): the items are
   * the figures of that paragraph's first sentence, read from `from`, and nothing else.
   */
  leading?: { p: ParaText; from: number };
}

/** How an Arabic outline number is written (util/outline's style): "1、", "1." or "（1）". */
export type NumberStyle = '1、' | '1.' | '（1）';

/** A numbered item opening `text` ("1、", "2.", "（3）"; not the other marks of an outline): its value and how it is written. */
export function numberedItem(text: string): { n: number; style: NumberStyle } | undefined {
  if (/^\s/u.test(text)) return undefined;
  const item = outlineItem(text);
  return item && /^(?:1[、.]|（1）)$/u.test(item.style) ? { n: item.n, style: item.style as NumberStyle } : undefined;
}

/**
 * The paragraph's amount claims looked up by amount and by subject, built once per paragraph: a filter
 * over every claim per list cue made a paragraph of n lists cost n².
 */
export interface AmountClaimIndex {
  /** Each amount's first amount claim. */
  claimOf: Map<AmountMention, Claim>;
  /** Per subject, the amounts stated as its actual figure, in the order of the text. */
  actuals: Map<Subject, AmountMention[]>;
}

export function indexAmountClaims(amountClaims: Claim[]): AmountClaimIndex {
  const claimOf = new Map<AmountMention, Claim>();
  const actuals = new Map<Subject, AmountMention[]>();
  for (const c of amountClaims) {
    if (c.kind !== 'amount') continue;
    if (!claimOf.has(c.amount)) claimOf.set(c.amount, c);
    if (c.role !== 'actual') continue;
    const list = actuals.get(c.subject);
    if (list) list.push(c.amount);
    else actuals.set(c.subject, [c.amount]);
  }
  return { claimOf, actuals };
}

function totalFor(s: ParaState, index: number, claims: AmountClaimIndex): { total?: AmountMention; subject?: Subject } {
  const last = lastEndingBy(s.p.subjects, index);
  const named = last?.end === index ? last : undefined;
  if (named) {
    // amount claims come in the order of the text, so the subject's amounts are sorted by position
    const stated = lastEndingBy(claims.actuals.get(named.subject) ?? [], index);
    if (stated) return { total: stated, subject: named.subject };
  }
  // the last level before the cue that is not a bound ("突破 500 亿元"), another year's ("比上年的 B 亿元"),
  // the figure of a reason closed before the cue ("…主要原因是增加某项目 x 万元。其中：…"), nor a part of an
  // earlier figure in brackets closed before the cue ("收入 A 亿元（本级 a1 亿元，园区 a2 亿元），…。其中，B b
  // 亿元": the 其中 speaks of A, not of a2)
  const all = levels(s);
  let total: AmountMention | undefined;
  for (let i = countEndingBy(all, index) - 1; i >= 0 && total === undefined; i -= 1) {
    const a = all[i] as AmountMention;
    if (!outsideList(s, a) && !inClosedReason(s, a, index) && !closedOffBefore(s.p, a.end, index)) total = a;
  }
  // "…收入 A 万元，占年初预算 B 万元的 R%，其中…": the yardstick of A's rate is named for the rate, and the 其中
  // goes on with A (of the same sentence)
  if (total && rateYardstick(s, total)) {
    const from = sentenceAt(s.p, total.start).start;
    const own = within(all, from, total.start)
      .filter((a) => !rateYardstick(s, a) && !outsideList(s, a))
      .pop();
    if (own) total = own;
  }
  // "…上年结转 44 亿元。支出包括…等方面，其中教育支出 1245 亿元": a sentence (or a clause after ；) that names a flow
  // of its own before the cue, without a figure, breaks down what it names — not the last figure before it
  if (total) {
    const opening = Math.max(sentenceAt(s.p, index).start, markStart(s.p, '；', index));
    const own = flowOf(s.p.n.text.slice(opening, index));
    if (total.end <= opening && own !== undefined && own !== flowOf(prefixOf(s, total.start))) return {};
  }
  const subject = total ? claims.claimOf.get(total) : undefined;
  return { total, subject: subject?.kind === 'amount' ? subject.subject : undefined };
}

/**
 * A total named by its measure alone ("实际执行", "决算数", "实际支出") after its own budget in the same sentence: "“三公”经费财政
 * 拨款预算 A，实际执行 B，其中…", "三公經費預算數 A，決算數 B，其中：…" — B is the same thing's outturn, named by the words
 * before the budget (back to the sentence's start, figures aside). Empty for a total named otherwise.
 */
const MEASURE_ONLY = /^(?:实际|全年)?(?:执行|支出|决算|使用|完成|开支)(?:数|额|金额)?(?:为|是|了)?$/u;
const BUDGET_BEFORE = /(?:预算|限额|年初|计划)(?:数|额|金额)?(?:安排)?(?:为|是)?$/u;

function elidedName(s: ParaState, total: AmountMention): string {
  if (!MEASURE_ONLY.test(prefixOf(s, total.start))) return '';
  const sentence = sentenceAt(s.p, total.start);
  const before = within(s.p.amounts, sentence.start, total.start);
  const budget = before[before.length - 1];
  // the one figure before it in its sentence, its budget, right before it (its clause and the total's only)
  if (before.length !== 1 || !budget || !BUDGET_BEFORE.test(prefixOf(s, budget.start))) return '';
  if (!/^，$/u.test(s.p.n.text.slice(budget.end, markStart(s.p, '，', total.start)))) return '';
  return s.p.n.text.slice(sentence.start, budget.start);
}

/** A total named by its year and measure alone ("2025年年初预算数 A"): whose it is, a heading before a colon says. */
const YEAR_MEASURE = /^(?:(?:19|20)[0-9]{2}年度?)?(?:年初|全年|调整)?(?:预算|决算)(?:数|金额)?(?:为|是|合计|共计)?$/u;

/**
 * "（一）收入预算：2025年年初预算数 A，其中：…": the heading before the colon in the total's own sentence names what the
 * measure is of (收入预算) — the list's parts are that heading's (a budget's sources), '' when there is none.
 */
function headingName(s: ParaState, total: AmountMention): string {
  if (!YEAR_MEASURE.test(prefixOf(s, total.start))) return '';
  const clause = markStart(s.p, '，；：。', total.start);
  // (back to the last full stop or ；: a sentence may be taken to end at the heading's colon)
  const start = markStart(s.p, '；。', Math.max(0, clause - 1));
  const head = s.p.n.text.slice(start, clause);
  if (!head.endsWith('：') || within(s.p.amounts, start, clause).length > 0) return '';
  return withoutOutlineMark(head.slice(0, -1).trim());
}

/** A paragraph that stops on a character of a name (not a figure's unit, a mark or a digit): it was cut there. */
const CUT_MID_WORD = /(?<![0-9万亿])[\u4e00-\u9fff]$/u;

/** Where the bracket a cue stands in closes (undefined when the cue is not inside brackets). */
function bracketEnd(text: string, from: number, at: number): number | undefined {
  let depth = 0;
  for (let i = from; i < at; i += 1) {
    if (text[i] === '（') depth += 1;
    else if (text[i] === '）' && depth > 0) depth -= 1;
  }
  if (depth === 0) return undefined;
  for (let i = at; i < text.length; i += 1) {
    if (text[i] === '（') depth += 1;
    else if (text[i] === '）') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return undefined;
}

/**
 * "…T 亿元。分结构看，…a；…b。分级次看，…c；…d": where the run of sentences opening with a cut begins — each cut is of
 * the figure before the first of them, not of the last item of the cut before.
 */
function firstCutAt(s: ParaState, cue: RegExp, at: number): number {
  // sticky at a sentence's start (the cue's look-behind reads the text before it)
  const opens = new RegExp(cue.source, `${cue.flags.replace('g', '')}y`);
  let start = at;
  while (start > 0) {
    const before = sentenceAt(s.p, start - 1);
    if (before.start >= start) break;
    opens.lastIndex = before.start;
    if (!opens.test(s.p.n.text)) break;
    start = before.start;
  }
  return start;
}

/**
 * A carryover or an appropriation named by the spending it is for ("年初项目支出结转和结余", "上年基本支出结转",
 * "基本支出拨款"): money a 收入 list counts among its sources — its 支出 says what the money is for, not that it is spent.
 */
const CARRIED_SPENDING = /(?:基本|项目)?支出(?=结转|结余|拨款)/gu;

/** 收入 or 支出: what a figure's name says it is (undefined when it names both or neither). */
export function flowOf(name: string): 'in' | 'out' | undefined {
  const income = /收入/u.test(name);
  const spending = /支出/u.test(name.replace(CARRIED_SPENDING, ''));
  return income === spending ? undefined : income ? 'in' : 'out';
}

/**
 * The total of a cue that names the flow it lists ("收入包括：…"): the paragraph's figure whose name matches the
 * cue's `total` and names that flow or both (收支总预算), before the cue or after it. Undefined when there is
 * none, or the figures so named are not all one value (which of them the list is of is not certain).
 */
function namedFlowTotal(s: ParaState, named: RegExp, flow: 'in' | 'out' | undefined): AmountMention | undefined {
  const found = levels(s).filter((a) => {
    const name = prefixOf(s, a.start);
    const own = flowOf(name);
    return named.test(name) && (own === undefined || own === flow);
  });
  const first = found[0];
  return first && found.every((a) => sameFigure(a, first)) ? first : undefined;
}

/** Whether a paragraph lists both flows with cues of its own ("收入包括：…；支出包括：…"): the template's pair. */
function bothFlowsListed(text: string, intro: RegExp): boolean {
  const flows = new Set([...allMatches(text, intro)].map((x) => flowOf(x[0])));
  return flows.has('in') && flows.has('out');
}

/** A named flow total with the subject its amount claim gives it. */
function flowTotal(
  total: AmountMention | undefined,
  claims: AmountClaimIndex,
): { total?: AmountMention; subject?: Subject } {
  const claim = total ? claims.claimOf.get(total) : undefined;
  return { total, subject: claim?.kind === 'amount' ? claim.subject : undefined };
}

/** Where the next match of a cue begins in text[from, to) (`to` when there is none). */
function nextCueAt(text: string, intro: RegExp, from: number, to: number): number {
  const next = text.slice(from, to).search(intro);
  return next < 0 ? to : from + next;
}

/**
 * "…基金收入 A 万元，其中甲收入 a1 万元，乙收入 a2 万元；完成基金支出 B 万元": a ；-clause whose figure names the other
 * flow, after items that each name the total's own, is the next statement, not one more part — the list ends at
 * that ；. Undefined when no such clause (or an item before it names no flow: which kind the list is of is not
 * written, and a mixed list is left as it was read).
 */
function otherFlowClauseAt(
  s: ParaState,
  flow: 'in' | 'out' | undefined,
  after: number,
  end: number,
): number | undefined {
  if (flow === undefined) return undefined;
  const text = s.p.n.text;
  let previousEnd = after;
  for (const a of within(levels(s), after, end)) {
    const name = prefixOf(s, a.start);
    const own = flowOf(name) ?? carriedSide(name);
    if (own === flow) {
      previousEnd = a.end;
      continue;
    }
    if (own === undefined || previousEnd === after) return undefined;
    const mark = text.lastIndexOf('；', a.start);
    return mark >= previousEnd ? mark : undefined;
  }
  return undefined;
}

/**
 * The side of a balance a carry-over is on when its name says no flow: money brought in ("上年结余 c", "年初结转 c",
 * "调入资金 c") is the income side's, money carried out ("结转下年 c", "年终结余 c", "调出资金 c") the spending side's.
 */
function carriedSide(name: string): 'in' | 'out' | undefined {
  const brought = /(?:上年|年初)(?:结余|结转)|调入|动用/u.test(name);
  const sent = /结转下年|(?:年终|年末)(?:结余|结转)|调出/u.test(name);
  return brought === sent ? undefined : brought ? 'in' : 'out';
}

/** "，支出具体情况如下": the cue right after the total's clause, naming no flow but the total's. */
function detailsOf(between: string, totalName: string): boolean {
  const words = /^，(?<words>[^，。；：0-9%]{0,10})$/u.exec(between)?.groups?.words;
  if (words === undefined) return false;
  const flow = flowOf(words);
  return flow === undefined || flowOf(totalName) !== (flow === 'in' ? 'out' : 'in');
}

/** Words before a figure's name that say whose it is, not what ("一是全国一般公共预算收入", "中央…"), up to that word. */
const WHOSE = /^.*?(?:全国|全省|全市|全县|全区|全镇|中央|地方|本级)/u;

/**
 * The one figure among `figures` whose name (its clause before it, "全国一般公共预算收入" less 全国) stands in
 * `item`, the words before a list's single item ("中央一般公共预算收入"); undefined when none or several do.
 */
function namedFigure(text: string, figures: AmountMention[], item: string): AmountMention | undefined {
  const found = figures.filter((a) => {
    const name = itemName(text.slice(Math.max(0, a.start - 40), a.start))
      .clause.replace(/(?:为|是|达|完成)$/u, '')
      .replace(WHOSE, '');
    return name.length >= 4 && item.includes(name);
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Level figures of the total's sentence stated before the cue, the total left out: "合计约 A 亿元（未突破
 * B 亿元限额）…，其中：" — a list may add up to any of them (which one is its total is not certain).
 */
function alternativesOf(s: ParaState, total: AmountMention, cue: number): AmountMention[] {
  const from = sentenceAt(s.p, total.start).start;
  const yardstick = rateYardstick(s, total);
  return within(levels(s), from, cue).filter((a) => a !== total && (yardstick || !rateYardstick(s, a)));
}

/** "…其中，A a 亿元，比预算减少 x 亿元；B b 亿元，减少 y 亿元": every ；-segment states k ≥ 2 figures (one per column). */
function columnsOf(text: string, items: { amount: AmountMention }[], from: number, to: number): number | undefined {
  const bounds: number[] = [from];
  for (let i = text.indexOf('；', from); i >= 0 && i < to; i = text.indexOf('；', i + 1)) bounds.push(i);
  bounds.push(to);
  if (bounds.length < 4) return undefined;
  const counts = bounds
    .slice(1)
    .map((end, k) => items.filter((i) => i.amount.start >= (bounds[k] as number) && i.amount.start < end).length);
  const k = counts[0] as number;
  return k >= 2 && counts.every((c) => c === k) ? k : undefined;
}

/**
 * An item named by its fund alone ("财政拨款收入 A 万元，其中：一般公共预算 a 万元，政府性基金预算 b 万元"): the fund's name
 * ends in 预算 but names no budget, so the item is of its total's kind.
 */
const FUND_NAMED = new RegExp(`(?:${FUND_BUDGET_NAMES})(?:为|是)?：?$`, 'u');

/** An item's own word that it is an outturn, not a budget: "因公出国（境）费支出决算 0 万元". */
export const OUTTURN = /决算|实际|执行|完成/u;

/**
 * Whether the items are parts of the total as far as budget and outturn go. Items of the total's kind
 * are; so are items that name no kind under a budget ("“三公”经费预算为 A 万元，其中：因公出国（境）费
 * a 万元，公务接待费 b 万元": the parts of a budget are written without 预算 again). Budgets among
 * outturns ("…支出 0 万元，年初预算为 0.95 万元"), outturns ("支出决算") under a budget, and items of
 * which only some say 预算 in a clause of its own (a budget stated inside an item: "…支出 0 万元，年初预算为 0.95
 * 万元", a list running into the next heading) are not one list of parts. An item that says 预算 after its own
 * name ("其中：教育支出预算 a 万元，…，其他支出 b 万元") is a part of a budget however its neighbours are worded.
 */
export function itemsOfKind(
  total: AmountMention,
  items: { amount: AmountMention }[],
  isBudget: (a: AmountMention) => boolean,
  prefix: (a: AmountMention) => string,
  budgetWords: RegExp,
): boolean {
  const budgets = items.filter((i) => isBudget(i.amount));
  if (!isBudget(total)) return budgets.length === 0;
  if (budgets.length === items.length) return true;
  if (items.some((i) => OUTTURN.test(prefix(i.amount)))) return false;
  return budgets.every((i) => namedBudget(prefix(i.amount), budgetWords));
}

/** "教育支出预算": 预算 right after an item's own name in its clause (not "年初预算为", a budget's clause of its own). */
function namedBudget(prefix: string, budgetWords: RegExp): boolean {
  const name = prefix.replace(budgetWords, '');
  return /[\u4e00-\u9fff]{2}/u.test(name) && /支出$|收入$|费$|经费$/u.test(name);
}

/** A list of outturns each with its own budget (outturnsAndBudgets): both columns and the total's two figures. */
interface PairedItems {
  total: AmountMention;
  totalBudget: AmountMention;
  outturns: AmountMention[];
  budgets: AmountMention[];
  /** Where each item's words begin (after the cue, or after the ；before it). */
  starts: number[];
  end: number;
}

/**
 * "…支出 A 万元，…为年初预算数 B 万元的 R%。其中：甲支出 a1 万元，…为年初预算数 b1 万元的 r1%；乙…": every
 * ；-segment of the list states one outturn and then its budget, and the total's sentence states its own
 * budget B before the cue. Two lists then: the outturns of A and the budgets of B. Undefined when a segment
 * states anything else, or there are fewer than two.
 */
function outturnsAndBudgets(
  s: ParaState,
  at: { total: AmountMention; cue: number; after: number; end: number },
  items: { amount: AmountMention }[],
  isBudget: (a: AmountMention) => boolean,
): PairedItems | undefined {
  const { cue, after, end } = at;
  // the figure right before the cue is either of the total's two: "支出 A 万元，为年初预算数 B 万元的 R%。其中："
  const stated = within(levels(s), sentenceAt(s.p, at.total.start).start, cue);
  const total = isBudget(at.total) ? stated.filter((a) => !isBudget(a) && a.end <= at.total.start).pop() : at.total;
  const totalBudget = isBudget(at.total)
    ? at.total
    : stated.filter((a) => isBudget(a) && a.start >= at.total.end).pop();
  if (!total || !totalBudget) return undefined;
  const text = s.p.n.text;
  const starts: number[] = [after];
  for (let i = text.indexOf('；', after); i >= 0 && i < end; i = text.indexOf('；', i + 1)) starts.push(i + 1);
  if (starts.length < 2) return undefined;
  const outturns: AmountMention[] = [];
  const budgets: AmountMention[] = [];
  for (const [k, from] of starts.entries()) {
    const to = starts[k + 1] ?? end;
    const segment = items.filter((i) => i.amount.start >= from && i.amount.start < to).map((i) => i.amount);
    const [outturn, budget] = segment;
    if (segment.length !== 2 || !outturn || !budget || isBudget(outturn) || !isBudget(budget)) return undefined;
    outturns.push(outturn);
    budgets.push(budget);
  }
  return { total, totalBudget, outturns, budgets, starts, end };
}

/**
 * Items whose shares add up to 100% (in a list whose end is written or not) fall short of the total by no more than
 * the shares' rounding lets an item too small to show hide ("…a 万元，占 100.00%；b 0.00 万元，占 0.00%；" and the
 * text stops: a third item of 0.02 万元 is 0.00% too): then the items written may be all or not — say nothing.
 */
function sharesMayHide(total: AmountMention, items: AmountMention[], words: ListWords): boolean {
  const shares = words.shares.filter((x): x is PercentMention => x !== undefined);
  const whole = mentionApprox(total);
  const short = subtract(whole, sum(items.map(mentionApprox)));
  // half a unit of each share's last digit, of the whole
  const room = sum(shares.map(mentionApprox)).radius.div(100).mul(whole.value);
  return short.value.plus(short.radius).gte(0) && short.value.minus(short.radius).lte(room);
}

/** Whether items add up to less than their total, beyond their rounding. */
function fallsShort(total: AmountMention, items: AmountMention[]): boolean {
  const short = subtract(mentionApprox(total), sum(items.map(mentionApprox)));
  return short.value.minus(short.radius).gt(0);
}

/** A change written after a figure: "，比上年增加 13%", "，较 2013 年减少…", "，同比增长…". */
const CHANGE_AFTER = /^[，,]\s*(?:比|较|与|同比|增长|下降|增加|减少)/u;

/**
 * "收入 T，其中甲 a，乙 b，丙 c，比上年增加 13%，主要因为…；": items written bare, one after another, and a change after
 * the last of them that none of the others has — the total's change, written after its list: the list ended before
 * it, even where the paragraph stops at a ；(its end is written).
 */
function closedByTotalsChange(words: ListWords): boolean {
  return (
    CHANGE_AFTER.test(words.after) &&
    words.names.slice(1).every((n) => !/比|较|同比|增长|下降|增加|减少/u.test(n.between))
  );
}

/** An item named as the rest of its list's kind ("其他收入", "其余支出", "其它"): a part of the total, never a figure of its own. */
const REST_NAMED = /^(?:其他|其它|其余)/u;

/** An item named as one kind and all the others ("科学技术及其他支出"): the rest of its list, as 其他… is. */
const REST_JOINED = /及其[他它]支出(?:为|是|共计|合计|：)*$/u;

/**
 * "支出总计 T。其中：…；上解支出 c，年末结余 d", "收入总计 T。其中：…，上年结余 e": the carryover closing a breakdown of a
 * 总计 is that grand total's part (总计 is this year's flow and the carryover), never a figure of its own.
 */
const CARRYOVER_NAMED =
  /^(?:(?:年末|年终|年初|上年|上年度)(?:滚存)?(?:结转和?结余|结转结余|结余|结转)|结转下年|滚存结余)/u;

/** The two lists of paired items, both as complete as the outturns' names say (a budget is named by its outturn). */
function pairedLists(
  s: ParaState,
  pairs: PairedItems,
  at: {
    listId: string;
    span: { start: number; end: number };
    cueAt: { start: number; end: number };
    totalName: string;
    subject: Subject | undefined;
  },
): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const { total, outturns } = pairs;
  const words: ListWords = {
    totalName: at.totalName,
    intro: text.slice(total.end, (outturns[0] as AmountMention).start),
    names: outturns.map((a, k) => itemName(text.slice(pairs.starts[k] as number, a.start))),
    shares: outturns.map(() => undefined),
    after: text.slice((pairs.budgets[pairs.budgets.length - 1] as AmountMention).end, pairs.end),
  };
  const why = completeness(catalog.completeLists, words);
  const partial = why === 'some' || why === 'unknown';
  // "…；乙 c 万元，完成预算 d 万元；其中：乙1 c1 万元，…；乙2 c2 万元，…；丙…": an item's own breakdown lists
  // its parts, not more of the total's, and where it ends is not written: every way to read it
  const depth = bracketDepthFrom(p, pairs.starts[0] as number);
  const cues = nestedCues(text, (outturns[0] as AmountMention).end, pairs.end, depth);
  const list = (sum: AmountMention, amounts: AmountMention[], subject: Subject | undefined): Claim | undefined => {
    const readings = listReadings(
      text,
      amounts.map((amount) => ({ amount, para: p.para })),
      cues,
      depth,
    );
    if (!readings) return undefined;
    const claim: Claim = {
      kind: 'list',
      listId: at.listId,
      total: sum,
      totalPlace: p.para,
      items: (readings[0] as ListReading).items,
      compare: 'equal',
      ...place(p, at.span, at.cueAt),
    };
    if (readings.length > 1) claim.readings = readings;
    if (subject) claim.totalSubject = subject;
    if (partial) claim.partial = true;
    else if (catalog.completeLists.breakdowns.some((b) => b.id === why)) claim.namesParts = true;
    return claim;
  };
  return [list(total, outturns, at.subject), list(pairs.totalBudget, pairs.budgets, undefined)].filter(
    (c) => c !== undefined,
  );
}

/**
 * "“三公”经费预算 T 万元，其中：因公出国（境）费支出决算 a1 万元；公务用车…支出决算 a2 万元；公务接待费支出决算 a3 万元": every
 * item says 决算 under a budget, and together they name every part of a known breakdown of the total. They are the
 * budget's parts written with the wrong word, or the outturn's parts: they must add up to the budget or to one of the
 * outturn's figures the text states (read across the text later; with none stated nothing is certain).
 */
function outturnsUnderBudget(
  s: ParaState,
  at: {
    total: AmountMention;
    items: ListItem[];
    subject: Subject | undefined;
    totalName: string;
    after: number;
    end: number;
  },
  isBudget: (a: AmountMention) => boolean,
): Omit<ListClaim, 'listId' | 'para' | 'sentence' | 'quote'> | undefined {
  const { total, items, subject } = at;
  const text = s.p.n.text;
  if (!subject || items.length < 2 || !isBudget(total)) return undefined;
  if (items.some((i) => isBudget(i.amount) || !OUTTURN.test(prefixOf(s, i.amount.start)))) return undefined;
  const amounts = items.map((i) => i.amount);
  const words = listWordsOf(text, at.totalName, total, amounts, { after: at.after, end: at.end });
  const why = completeness(s.catalog.completeLists, words);
  if (!s.catalog.completeLists.breakdowns.some((b) => b.id === why)) return undefined;
  return {
    kind: 'list',
    total,
    totalPlace: s.p.para,
    totalSubject: subject,
    items,
    compare: 'equal',
    namesParts: true,
    outturnsUnderBudget: true,
  };
}

/**
 * The words a list is written with, for completeness: what stands between the total and the first item, each item's
 * name (the words since the item before, the first's since the cue ends at `after`), and what follows the last up
 * to `end`. No shares.
 */
function listWordsOf(
  text: string,
  totalName: string,
  total: AmountMention,
  items: AmountMention[],
  at: { after: number; end: number },
): ListWords {
  return {
    totalName,
    intro: text.slice(total.end, (items[0] as AmountMention).start),
    names: items.map((a, k) => {
      const from = k === 0 ? at.after : (items[k - 1] as AmountMention).end;
      return itemName(text.slice(Math.min(from, a.start), a.start));
    }),
    shares: items.map(() => undefined),
    after: text.slice((items[items.length - 1] as AmountMention).end, at.end),
  };
}

/** An item's name from the words before its figure: its own clause, and all of them back to the item before. */
export function itemName(between: string): { clause: string; between: string } {
  const clause = between.slice(Math.max(...[...'，；。：、'].map((c) => between.lastIndexOf(c))) + 1);
  return { clause, between };
}

/**
 * Whether a cue stands after an item of an earlier cue's list in its sentence, at the same bracket depth
 * ("其中：A a 万元；B b 万元，其中：…"): it lists that item's parts, and where they end is not written.
 */
function nestedInList(s: ParaState, from: number, at: number): boolean {
  const { opens, closes } = bracketsOf(s.p);
  const level = (i: number) => (opens[i] as number) - (closes[i] as number);
  const text = s.p.n.text.slice(from, at);
  return s.catalog.lists.some((c) =>
    [...allMatches(text, c.intro)].some((x) => {
      const end = from + x.index + x[0].length;
      return level(from + x.index) === level(at) && within(levels(s), end, at).length > 0;
    }),
  );
}

/** The readings of a list whose end is not written: its first figure alone, its first two, … all of them. */
function prefixes<T extends { amount: AmountMention }>(items: T[]): ListReading<T>[] {
  return [items, ...items.map((_, k) => items.slice(0, k + 1)).slice(0, -1)].map((i) => ({ items: i, nested: [] }));
}

/** Outline number `n` written in `style`. */
function nextNumber(style: NumberStyle, n: number): string {
  return style.replace('1', String(n));
}

/**
 * "一般转移支付收入 T 万元（含甲 a 万元、乙 b 万元、丙 c 万元，专项转移支付收入 d 万元）": in a bracket whose
 * items are set apart by 、, a ，or ；after them may open the outer list's next item written before the bracket
 * was closed — the bracket may also end there. The items before it, when two or more; else undefined.
 */
function endsAtCommaAfterPauses<T extends { amount: AmountMention }>(text: string, items: T[]): T[] | undefined {
  const gaps = items.slice(1).map((item, i) => text.slice((items[i] as T).amount.end, item.amount.start));
  const stop = gaps.findIndex((g) => /[，；]/u.test(g));
  if (stop < 1 || !gaps.slice(0, stop).every((g) => g.includes('、'))) return undefined;
  return items.slice(0, stop + 1);
}

/**
 * "按功能分类（科目）", "按经济分类", "按支出项目类别", and any criterion a text names for its cut ("按资金来源划分，", "按级次
 * 分：", "按照资金性质划分，"): where one breakdown of a total ends and another begins. A named criterion is read only
 * as a clause of its own (a mark right after it), never "按规定使用的…" nor "按时间分…进度".
 */
const BREAKDOWN =
  /按(?:支出)?(?:(?:功能|经济|部门预算经济|政府预算经济)分类|项目类别)|按照?[^，。；：、（）0-9%]{1,8}?(?:划分|分类|来分|分)(?=[，：])/gu;

/** Where each breakdown of a total begins in text[from, to). */
export function breakdownsIn(text: string, from: number, to: number): number[] {
  return [...allMatches(text.slice(from, to), BREAKDOWN)].map((b) => from + b.index);
}

/** Items split where each breakdown begins (items before the first cut form a group of their own). */
export function splitAt<T extends { amount: AmountMention }>(items: T[], cuts: number[]): T[][] {
  const bounds = [...cuts, Number.POSITIVE_INFINITY];
  const groups: T[][] = [items.filter((i) => i.amount.start < (bounds[0] as number))];
  for (let k = 0; k < cuts.length; k += 1)
    groups.push(
      items.filter((i) => i.amount.start >= (bounds[k] as number) && i.amount.start < (bounds[k + 1] as number)),
    );
  return groups;
}

/**
 * "其中：A a 万元、B b 万元" and "项目支出主要用于 X x 万元；Y y 万元…": the amounts from the cue to
 * the end of the sentence add up to the amount stated before the cue (the subject's, when the
 * cue follows a subject name). Two or more items must add up; a single one must not exceed it.
 */
/** Words that open a comparison's clause by its rate alone: "，同比增长 5.2%，", "，下降 3%，". */
/** An item named as the year before's figure: "上年基本支出", "去年同期" — not 上年结转 / 上年结余 (money brought in). */
const PRIOR_YEAR_ITEM = /^(?:上一?年度?|去年)(?!度?(?:结转|结余|结存|末|遗留))/u;

const RATE_CLAUSE = /^(?:同比|比上年|较上年)?(?:增长|下降|增加|减少|上升|降低)[0-9.]+%$/u;

/**
 * What stands between a total and a 包括 / 主要包括 cue when one or two clauses of its comparison do ("T 亿元，比上年减少
 * C 亿元，包括…", "T 万元，同比增长 5.2%，主要包括：…"): the changes stated there ([] for a cue right after the total).
 * Undefined when anything else stands there, the cue is another (主要是, 分别为 after a change explain the change), or
 * a change exceeds the total (a fall larger than what is left: which of the two the items make is not certain).
 */
function comparisonBetween(s: ParaState, total: AmountMention, cueAt: number): AmountMention[] | undefined {
  const text = s.p.n.text;
  const between = text.slice(total.end, cueAt);
  // (a cue after the figure's full stop is a sentence of its own ending the paragraph: "…T 万元。包括：")
  if (between === '，' || between === '。') return [];
  if (!/^(?:主要)?包括/u.test(text.slice(cueAt))) return undefined;
  const clauses = between.split('，');
  if (clauses.length < 3 || clauses.length > 4 || clauses[0] !== '' || clauses[clauses.length - 1] !== '')
    return undefined;
  const compares = clauses.slice(1, -1).every((c) => c.search(s.catalog.cues.compare) >= 0 || RATE_CLAUSE.test(c));
  const figures = within(s.p.amounts, total.end, cueAt);
  if (!compares || figures.some((a) => !s.changes.has(a))) return undefined;
  const whole = mentionApprox(total);
  return figures.every((a) => compareLe(mentionApprox(a), whole).consistent) ? figures : undefined;
}

/** Figures paired in order with the names before them: "甲、乙分别为 a、b". */
const RESPECTIVELY = /分别/u;

/** A figure taken away from the one before it: "剔除上划收入 B", "扣除 B 后". */
const DEDUCTION = /剔除|扣除|减去|减除|扣减/gu;

/** The words that may join a name to its figure: "审减金额为 b", "结余：c". */
const NAME_LINK = /(?:为|是|达到?)?[：:]?$/u;

/** A measure's name ("负债总额", "审定金额", "已用指标", "预算结余"), not a verb's ("调整为"). */
const MEASURE = /(?:额|数|指标|结余|资产|负债|收入|支出|经费|费)$/u;

/** Whether two of the items are written under one name ("负债总额 b1 … 负债总额 b2"). */
export function sameNameTwice(prefixes: readonly string[]): boolean {
  const names = prefixes.map((x) => x.replace(NAME_LINK, '')).filter((n) => n.length >= 2 && MEASURE.test(n));
  return new Set(names).size < names.length;
}

/** Whether a list under an asset total ("资产总额") names 负债 or 净资产 among its items: the sheet's other measures. */
function sheetAfterAssets(totalPrefix: string, prefixes: readonly string[]): boolean {
  return /资产(?:总额|总计|合计)?(?:为|是|达到?)?：?$/u.test(totalPrefix) && !/净资产/u.test(totalPrefix)
    ? prefixes.some((x) => /负债|净资产/u.test(x))
    : false;
}

/**
 * Whether a deduction between `from` and `to` takes a figure away: one with an item's figure in its own clause (up to the
 * next ，；。), or one whose clause states no rate.
 */
function deductsItem(text: string, from: number, to: number, items: readonly { amount: AmountMention }[]): boolean {
  for (const m of allMatches(text.slice(from, to), DEDUCTION)) {
    const at = from + m.index;
    const rest = text.slice(at);
    const stop = rest.search(/[，；。]/u);
    const end = stop < 0 ? text.length : at + stop;
    if (items.some((i) => i.amount.start >= at && i.amount.start < end)) return true;
    // no item in its clause: a rate restated on another basis ("剔除…后同口径下降 r%") takes nothing away; any other
    // ("剔除上划收入后，本级收入 C") may make the next figure net
    if (!/[0-9]%/u.test(text.slice(at, end))) return true;
  }
  return false;
}

export function listClaims(
  s: ParaState,
  amountClaims: Claim[],
  shares: Claim[],
): { claims: Claim[]; open: OpenList[] } {
  const { p, catalog } = s;
  const text = p.n.text;
  const claims: Claim[] = [];
  const open: OpenList[] = [];
  const index = indexAmountClaims(amountClaims);
  const shareOf = new Map<AmountMention, PercentMention>();
  // a share of several items together ("两项合计占 p%") is no one item's
  for (const c of shares)
    if (c.kind === 'share' && !c.partSumOf && !shareOf.has(c.part)) shareOf.set(c.part, c.percent);
  for (const cue of catalog.lists) {
    // "收入包括：…；支出包括：…" under the paragraph's 收支总预算: each list must name every part of it
    const paired = cue.total !== undefined && bothFlowsListed(text, cue.intro);
    for (const m of allMatches(text, cue.intro)) {
      const { total, subject } = cue.total
        ? flowTotal(namedFlowTotal(s, cue.total, flowOf(m[0])), index)
        : totalFor(s, cue.id === 'by' ? firstCutAt(s, cue.intro, m.index) : m.index, index);
      if (!total || NET_TOTAL.test(text.slice(total.end))) continue;
      // "…增加 50 万元，主要是…" explains a change: 主要是 / 包括 / 分别为 list the parts of the figure right before them
      // only — or of the figure its comparison follows ("…和税收返还 T 亿元，比上年减少 C 亿元，包括…": the parts of T,
      // or of the change C; both when the change is no larger than T)
      const compared = cue.id === 'namely' ? comparisonBetween(s, total, m.index) : [];
      if (compared === undefined) continue;
      // "…支出 A 万元，支出具体情况如下：" details the figure whose clause it closes: not one of an earlier sentence
      // ("…公务接待费 3 万元，占 20%。具体情况如下：" goes on to every 三公 item), nor another flow's
      if (cue.id === 'details' && !detailsOf(text.slice(total.end, m.index), prefixOf(s, total.start))) continue;
      const after = m.index + m[0].length;
      // "其中：1、甲。…a 万元…" with item 2 opening the next paragraph: the items are numbered across paragraphs
      const first = numberedItem(text.slice(after).trimStart());
      if (first?.n === 1 && !cue.total && !text.slice(after).includes(nextNumber(first.style, 2))) {
        open.push({
          listId: cue.id,
          total,
          p,
          alternatives: [],
          totalName: `${prefixOf(s, total.start)}${subject?.label ?? ''}`,
          intro: text.slice(total.end, after),
          cue: cue.intro,
          numbered: { from: after, style: first.style },
          ...(subject ? { totalSubject: subject } : {}),
        });
        continue;
      }
      // a flow's list ending its paragraph is no list opened on the next one
      if (cue.total && text.slice(after).trim() === '') continue;
      if (text.slice(after).trim() === '') {
        open.push({
          listId: cue.id,
          total,
          p,
          alternatives: alternativesOf(s, total, m.index),
          totalName: `${prefixOf(s, total.start)}${subject?.label ?? ''}`,
          intro: text.slice(total.end),
          cue: cue.intro,
          ...(subject ? { totalSubject: subject } : {}),
        });
        continue;
      }
      const whole = sentenceAt(p, m.index);
      // a cue inside brackets ("500 万元（其中：购置费 100 万元，运行费 400 万元）") lists the parts of
      // the figure before the bracket: its list ends where the bracket closes
      const inner = bracketEnd(text, whole.start, m.index);
      const closing = inner === undefined ? whole : { ...whole, end: Math.min(whole.end, inner) };
      // "收入包括：…；支出包括：…": the one flow's list ends where the other's begins
      const bounded = cue.total ? { ...closing, end: nextCueAt(text, cue.intro, after, closing.end) } : closing;
      // an item's own details in brackets ("28 万元（购置费 0 万元，运行维护费 28 万元）") are not items
      const depth = bracketDepthFrom(p, after);
      // "其中：A a 万元；此外，B b 万元": what 此外 / 另外 adds stands beside the total's parts, not among them
      const totalName = `${headingName(s, total)}${elidedName(s, total)}${prefixOf(s, total.start)}${subject?.label ?? ''}`;
      const found = ASIDE.exec(text.slice(after, bounded.end));
      const aside = found && !continuesList(s, found, after, bounded.end, totalName) ? found : null;
      const clause = aside ? { ...bounded, end: after + aside.index } : bounded;
      // "1、A a 万元，其中 B b 万元；2、C c 万元": the total's own outline item ends where the next one begins
      const next = nextOutlineItem(text, whole.start, total.start, after, clause.end);
      const outlined = next === undefined ? clause : { ...clause, end: next };
      const otherFlow = otherFlowClauseAt(
        s,
        flowOf(`${prefixOf(s, total.start)}${subject?.label ?? ''}`),
        after,
        outlined.end,
      );
      const sentence = otherFlow === undefined ? outlined : { ...outlined, end: otherFlow };
      // "…其中：A a 万元；B b 万元；" and the paragraph stops: the list's end is not written (the text was
      // cut, or it runs on in a paragraph of its own), so what it lists may not be all of the total — the
      // items must only not exceed it, unless their shares add up to 100% (nor when the paragraph stops in the
      // middle of a word: "…，科技项目监管经费 9 万元，科")
      const unwritten =
        inner === undefined &&
        !aside &&
        (/[；，、;,]$/u.test(text.slice(0, whole.end).trimEnd()) || CUT_MID_WORD.test(text.slice(0, whole.end))) &&
        whole.end >= text.trimEnd().length;
      // "…，合计 z 万元" restates the total: not one more item
      const restates = (a: AmountMention) =>
        /^(?:以上)?(?:合计|共计|总计|小计)(?:为|是)?：?$/.test(prefixOf(s, a.start));
      const listed = within(levels(s), after, sentence.end).filter(
        (a) => a !== total && depth(a.start) <= 0 && !restates(a) && !outsideList(s, a) && !cumulativeOfItem(s, a),
      );
      // the yardstick of one item's execution rate ("…完成年度收入计划 B 万元的 102.5%") is no part; several items
      // with their own yardsticks are read as before — their budgets a list of their own, of the total's budget
      const yardsticks = listed.filter((a) => rateYardstick(s, a));
      // (under a total read past its own yardstick, "收入 A，占年计划 B 的 R%。其中，甲 a1，占年计划 b1 的 r1%；…",
      // the items' yardsticks are those of the parts of A, none of them a part — a 预算 among them is read with its
      // outturn, a pair per item, below)
      const totalMeasured = within(levels(s), total.end, m.index).some((a) => rateYardstick(s, a));
      const planned = (a: AmountMention) => totalMeasured && !catalog.cues.budget.test(prefixOf(s, a.start));
      const figures =
        yardsticks.length === 1
          ? listed.filter((a) => a !== yardsticks[0])
          : listed.filter((a) => !(yardsticks.includes(a) && planned(a)));
      // a reason's figures explain an item's change; where the reason ends, when no ；closes it, is not written —
      // an item after it may have been taken for the reason's, so the list may not name every part
      const reasoned = figures.filter((a) => inItemReason(s, a, after) || inItemPurpose(s, a, after));
      const items = cutAtNonParts(
        s,
        cutAtSameKind(
          s,
          figures.filter((a) => !reasoned.includes(a)).map((amount) => ({ amount, para: p.para })),
          total,
          index.claimOf,
        ),
        totalName,
      );
      const firstAt = items[0]?.amount.start;
      if (firstAt === undefined) continue;
      // "其中基本支出 a，上年基本支出 b": the year before's figure among the items is a base written beside a part,
      // not a part (上年结转, 上年结余 are parts of a year's money: read as before)
      if (items.some((i) => PRIOR_YEAR_ITEM.test(prefixOf(s, i.amount.start)))) continue;
      // "…比上年减少 C，包括甲减少 c1、乙 c2": changes among the items break down the change, not the total
      if (compared.length > 0 && within(s.p.amounts, after, sentence.end).some((a) => s.changes.has(a))) continue;
      // "2024 年、2023 年…分别为 A、B，其中公务接待费分别为 a、b": each total has its own item, in order — not parts of B
      if (
        RESPECTIVELY.test(text.slice(sentenceAt(p, total.start).start, total.start)) &&
        RESPECTIVELY.test(text.slice(after, firstAt))
      )
        continue;
      // "其中：一般公共预算收入 A，剔除上划收入 B，本级收入 C，…": a deduction among the items gives one part gross and
      // net — which of the two the total adds is not certain
      // (a deduction whose clause holds no item of the list — "税收收入 a，同比减收 c，剔除留抵退税后同口径下降 r%" — restates a
      // rate on another basis: the items stand as written)
      const lastEnd = items[items.length - 1]?.amount.end ?? firstAt;
      if (deductsItem(text, after, lastEnd, items)) continue;
      if (items.length === 1 && partOfOtherWhole(s, (items[0] as { amount: AmountMention }).amount, total)) continue;
      if (
        sharesMakeOtherWhole(
          s,
          items.map((i) => (i as { amount: AmountMention }).amount),
          total,
        )
      )
        continue;
      // "总额 T，其中：甲 a，乙 b。其中授予某类 x": a 其中 in a sentence after the one a list ends in may break down
      // the list's last item or its total (or neither) — with one item, which is not written
      if (
        items.length === 1 &&
        total.end <= whole.start &&
        nestedInList(s, sentenceAt(p, total.start).start, total.start)
      )
        continue;
      // "12 万元（上年 15 万元）": one figure in a bracket is a note on the figure, not its breakdown
      if (cue.id === 'bracketed' && items.length < 2) continue;
      // "其中：国内公务接待 45 批次，380 人次…": a list of counts — an amount after them is not its part
      if (countsBefore(text, after, firstAt)) continue;
      // a list inside an item of another ("其中：A a；B b，其中：b1；b2；C c") may end after any of its
      // figures, or before the first when a ；comes first
      // (a bracket's own list ends where the bracket closes, wherever it stands)
      // (a flow's list ends where the other flow's begins: "收入包括：…；支出包括：…" are two lists side by side)
      // (a figure shared out "分配给甲 a、乙 b、丙 c" inside an outer list: its 、-joined shares are its own run to the end)
      const joined =
        cue.id === 'split' &&
        items.every(
          (i, k) => k === 0 || !/[，,；;。]/u.test(text.slice((items[k - 1] as ListItem).amount.end, i.amount.start)),
        );
      const inOuter = cue.id !== 'bracketed' && !cue.total && !joined && nestedInList(s, whole.start, m.index);
      if (inOuter && mayListNoAmount(text, after, firstAt, depth)) continue;
      // "…支出 17.48 亿元，主要用于支持某项工作等方面，剩余 482.52 亿元…": the uses named first carry no
      // figure, so they are purposes, and the figures after them are the total's neighbours, not its parts
      // (so too "支出包括一般公共服务支出、教育支出等方面，其中教育支出 c": a flow's names without figures)
      if (cue.id === 'uses' || cue.total) {
        const firstItem = /[，；。、]/u.exec(text.slice(after));
        const firstEnd = firstItem ? after + firstItem.index : text.length;
        if (!items.some((i) => i.amount.start < firstEnd)) continue;
      }
      // "全市收入 A 亿元；支出 B 亿元。其中：市级收入 a 亿元；市级支出 b 亿元": parts of another kind
      // (收入 under a 支出 total) are a parallel breakdown, not parts of this total
      const flow = flowOf(totalName);
      if (flow && items.some((i) => flowOf(prefixOf(s, i.amount.start)) === (flow === 'in' ? 'out' : 'in'))) continue;
      // "年末滚存结余 A 亿元。其中，基本养老保险费收入 a 亿元；支出 b 亿元": items of both kinds are the year's
      // income and spending beside the balance, not its parts
      const flows = new Set(items.map((i) => flowOf(prefixOf(s, i.amount.start))).filter((f) => f !== undefined));
      if (flows.size > 1) continue;
      // budgets among 决算 figures ("…支出 0 万元，年初预算为 0.95 万元"): not one list of parts
      const isBudget = (a: AmountMention) => {
        const prefix = prefixOf(s, a.start);
        return catalog.cues.budget.test(prefix) && !FUND_NAMED.test(prefix);
      };
      if (!itemsOfKind(total, items, isBudget, (a) => prefixOf(s, a.start), catalog.cues.budget)) {
        const span = { start: sentenceAt(p, total.start).start, end: sentence.end };
        const cueAt = { start: m.index, end: after };
        const pairs = outturnsAndBudgets(s, { total, cue: m.index, after, end: sentence.end }, items, isBudget);
        if (pairs) claims.push(...pairedLists(s, pairs, { listId: cue.id, span, cueAt, totalName, subject }));
        else {
          const outturns = outturnsUnderBudget(
            s,
            { total, items, subject, totalName, after, end: sentence.end },
            isBudget,
          );
          if (outturns) claims.push({ listId: cue.id, ...outturns, ...place(p, span, cueAt) });
        }
        continue;
      }
      // an item that is itself a total ("…采购计划金额共计 A 万元，实际采购金额共计 B 万元"): a breakdown
      // of several figures per group, not parts of the one total
      if (items.some((i) => /共计|合计|总计|小计/.test(prefixOf(s, i.amount.start)))) continue;
      const span = { start: sentenceAt(p, total.start).start, end: sentence.end };
      // "其中：按功能分类…；按经济分类…": two breakdowns of the one total, each adding up on its own
      const cuts = breakdownsIn(text, after, sentence.end);
      const groups = cuts.length === 0 ? [items] : splitAt(items, cuts);
      const bounds = [after, ...cuts, sentence.end];
      for (const [g, all] of groups.entries()) {
        const first = all[0];
        if (!first) continue;
        // a list ends before an item naming its total's sibling in a known breakdown (接待 after 用车's 购置费): that
        // item is the next part of the total's own whole, written after the total's parts
        const innerOwn = <T extends ListItem>(items: T[]): T[] =>
          items.slice(
            0,
            itemsBeforeSibling(
              catalog.completeLists,
              totalName,
              listWordsOf(
                text,
                totalName,
                total,
                items.map((i) => i.amount),
                { after, end: sentence.end },
              ).names,
            ),
          );
        // items with breakdowns of their own: every way to read where each breakdown ends
        const cues = nestedCues(text, first.amount.end, bounds[g + 1] as number, depth);
        const own = innerOwn(all);
        const read = inOuter ? prefixes(own) : listReadings(text, own, cues, depth);
        const closedEarly = cue.id === 'bracketed' ? endsAtCommaAfterPauses(text, all) : undefined;
        const readings = read && closedEarly ? [...read, { items: closedEarly, nested: [] }] : read;
        if (!readings) continue;
        let group = (readings[0] as ListReading).items;
        if (group.length === 0) continue;
        // parts of a known breakdown with figures of their own parts (or of another kind) in their ；-segments: the parts
        if (group.length > 2 && readings.length === 1) {
          const amounts = group.map((item) => item.amount);
          const kept = partsAmidDetails(
            catalog.completeLists,
            listWordsOf(text, totalName, total, amounts, { after, end: sentence.end }),
            amounts.map((a, k) => (k === 0 ? '' : text.slice((amounts[k - 1] as AmountMention).end, a.start))),
          );
          if (kept) group = kept.map((k) => group[k] as (typeof group)[number]);
        }
        const claim: Claim = {
          kind: 'list',
          listId: cue.id,
          total,
          totalPlace: p.para,
          items: group,
          compare: group.length > 1 || paired ? 'equal' : 'at-most',
          ...place(p, span, { start: m.index, end: after }),
        };
        if (subject) claim.totalSubject = subject;
        if (cue.id === 'bracketed') claim.closed = true;
        if (readings.length > 1) claim.readings = readings;
        // the figure right before a bracket is the one it breaks down, and a flow's total is the one so named: no
        // other candidate
        const alternatives =
          cue.id === 'bracketed' || cue.total ? [] : [...alternativesOf(s, total, m.index), ...compared];
        if (alternatives.length > 0) claim.alternatives = alternatives;
        // "…收入总量 A；…赤字 T。其中，中央一般公共预算收入 a": a 其中 opening a sentence of its own after several
        // figures breaks down the one its single item names, not the last
        const named =
          group.length === 1 && alternatives.length > 0 && text.slice(total.end, m.index).includes('。')
            ? namedFigure(text, alternatives, text.slice(after, (group[0] as { amount: AmountMention }).amount.start))
            : undefined;
        if (named) {
          claim.total = named;
          delete claim.alternatives;
        }
        const columns = groups.length === 1 ? columnsOf(text, group, after, sentence.end) : undefined;
        if (columns) claim.columns = columns;
        // "…资产总额 A，负债总额 B，净资产总额 C。其中，行政单位资产总额 a1、负债总额 b1、净资产总额 c1；事业单位资产总额 a2、
        // 负债总额 b2…": two items of one name, in no columns read above, are one measure of two groups — several figures
        // per group, not parts of the one total
        else if (sameNameTwice(group.map((i) => prefixOf(s, i.amount.start)))) continue;
        // "资产总额 A，其中流动资产 a，负债总额 B，净资产 C": the balance sheet's other two measures after the breakdown are
        // no parts of the assets (net-assets.ts reads A = B + C where nothing stands between)
        else if (
          sheetAfterAssets(
            prefixOf(s, total.start),
            group.map((i) => prefixOf(s, i.amount.start)),
          )
        )
          continue;
        if (paired) {
          // the template's pair names every source and every use, each with its figure — unless 等 closes it, a
          // reason's figures are among them, or its end is not written
          const last = group[group.length - 1] as { amount: AmountMention };
          if (
            catalog.completeLists.some.test(text.slice(last.amount.end, sentence.end)) ||
            reasoned.length > 0 ||
            unwritten
          ) {
            claim.partial = true;
            if (group.length === 1) claim.compare = 'at-most';
          } else if (group.length === 1) claim.sole = true;
        } else if (group.length > 1) {
          const amounts = group.map((item) => item.amount);
          const words: ListWords = {
            ...listWordsOf(text, totalName, total, amounts, { after, end: sentence.end }),
            shares: amounts.map((a) => shareOf.get(a)),
            classified: cuts.length > 0,
            // (besides two parts with something in them: a list of the empty parts alone says only that they are)
            zeroItem: amounts.some((a) => a.value.isZero()) && amounts.filter((a) => !a.value.isZero()).length >= 2,
          };
          const stated = completeness(catalog.completeLists, words);
          // shares that make 100% leave room for a part too small to show; items that name every part a known
          // breakdown of the total has ("公务用车购置费 a，占 0.00%；运行维护费 b，占 100%" under 购置及运行维护费) leave none
          const why =
            stated === 'shares' ? (everyPartNamed(catalog.completeLists, totalName, words.names) ?? stated) : stated;
          // a list inside an outer list's item, read to each of its figures: not to fewer than name the total's breakdown
          const least = inOuter ? leastNamingBreakdown(catalog.completeLists, totalName, words.names) : undefined;
          if (least !== undefined && claim.readings) {
            const kept = claim.readings.filter((r) => r.items.length >= least);
            if (kept.length > 1) claim.readings = kept;
            else delete claim.readings;
          }
          // shares that make 100% say the list is whole only to their rounding — a part too small to show may be left
          // out where the end is not written, or where the items do fall short of the total ("年初结转和结余" under
          // 收入总计, 0.02% of it, unlisted)
          const hidden =
            why === 'shares' &&
            (unwritten ||
              fallsShort(
                total,
                group.map((i) => i.amount),
              )) &&
            sharesMayHide(
              total,
              group.map((i) => i.amount),
              words,
            );
          if (aggregateAmong(words)) {
            claim.partial = true;
            claim.overlapping = true;
          } else if (
            why === 'some' ||
            why === 'unknown' ||
            reasoned.length > 0 ||
            (unwritten && why !== 'shares' && !closedByTotalsChange(words)) ||
            hidden
          ) {
            claim.partial = true;
            if (mayOverlap(words)) claim.overlapping = true;
          } else if (catalog.completeLists.breakdowns.some((b) => b.id === why)) claim.namesParts = true;
          else if (why === 'rows') claim.rows = true;
          const lastName = words.names[words.names.length - 1]?.clause ?? '';
          if (
            REST_NAMED.test(lastName) ||
            REST_JOINED.test(lastName) ||
            (/总计/u.test(totalName) && CARRYOVER_NAMED.test(lastName))
          )
            claim.restLast = true;
        }
        claims.push(claim);
      }
    }
  }
  return { claims, open };
}
