import { type AmountMention, type Claim, mentionApprox, type PercentMention } from '../claims.js';
import { compareEq, subtract } from '../../money/interval.js';
import type { Subject } from '../catalog/types.js';
import { place, sentenceAt } from './para.js';
import { firstMatch, lastEndingBy, startingAt, within } from './spans.js';
import { closedOffBefore, levels, markStart, prefixOf, type ParaState } from './state.js';
import { directionOf, NAMED_OUTTURN } from './yoy.js';
import { yearsIn } from './year-frames.js';
import { flowOf } from './lists.js';
import { allMatches } from '../../util/matches.js';

type Rate = Extract<Claim, { kind: 'rate' }>;

/** The most specific subject before `index`: the name right before the last （项） marker, else the last name. */
function rateSubject(s: ParaState, index: number, direct: Claim[]): Subject | undefined {
  const { p } = s;
  const before = p.n.text.slice(0, index);
  const marker = Math.max(before.lastIndexOf('（项）'), before.lastIndexOf('（款）'));
  if (marker >= 0) {
    // the name must fill the path segment: "其他社会保障和就业支出（项）" is not the 类 it contains
    const path = before.slice(0, marker);
    const after = (m: string) => (path.lastIndexOf(m) >= 0 ? path.lastIndexOf(m) + m.length : 0);
    const ordinal = /^[0-9]{1,2}[.、]/.exec(before)?.[0].length ?? 0;
    const segment = Math.max(after('（类）'), after('（款）'), ordinal);
    // or the path's 款 and 项 together: a 项 name several 款 share is named with its 款 (vocabulary.ts)
    const kuan = Math.max(after('（类）'), ordinal);
    // the name ends at the mark, or takes it in ("…其他住房保障支出（项）" is an item's name too)
    const ends = (m: { end: number }) => m.end === marker || m.end === marker + '（项）'.length;
    return p.subjects.find((m) => ends(m) && (m.start === segment || m.start === kuan))?.subject;
  }
  const claimed = direct.find((c) => c.kind === 'amount');
  if (claimed?.kind === 'amount') return claimed.subject;
  // "…；公务接待费支出决算为 a 万元，完成…；公务车购置及运行维护费支出决算为 b 万元，完成…": an item after
  // a ；names its own subject, even one the catalog has no name for — not the item's before it
  const named = lastEndingBy(p.subjects, index);
  if (!named || named.start < markStart(p, '；', index)) return undefined;
  // "…收入总计 48.2 亿元。支出预算 30.5 亿元，…为调整预算的 90%": words of the other flow between the name and the
  // figures start a subject of their own (one the catalog has no name for)
  const flow = flowOf(p.n.text.slice(named.start, named.end));
  const between = flowOf(p.n.text.slice(named.end, index));
  if (flow && between && flow !== between) return undefined;
  // "全州“三公经费”支出 A 万元，为年初预算数…。其中：公车购置支出 a 万元，为年初预算数…": an item after 其中 is a
  // part of the subject named before it, one the catalog has no name for — not that subject
  return p.n.text.slice(named.end, index).includes('其中') ? undefined : named.subject;
}

/**
 * "年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 R%": the rate is the percentage after the
 * cue; B the last amount before it in the sentence, A an earlier one (or B itself, then no B)
 * written as a budget. Either may be missing ("公务接待费支出决算为 0 万元，完成年初预算的 0%"):
 * the tables may supply it. Amounts of the rate become amount claims of its subject.
 */
/** A rate cue and its percentage; `inside` is the 预算 written between them ("占年初预算 B 万元的 R%"). */
interface RateCue {
  index: number;
  /** The cue as written ("完成年初预算的"): which budget it names. */
  text: string;
  percent: PercentMention;
  inside?: AmountMention;
  /** "预决算差异率 R%": the signed gap over the 预算, not the share of it. */
  variance?: boolean;
}

/**
 * The rate cues of the paragraph in text order: "完成年初预算的 R%", "占年初预算 B 万元的 R%", and the
 * signed "预决算差异率 R%".
 */
function rateCues(s: ParaState): RateCue[] {
  const { p, catalog } = s;
  const cues: RateCue[] = [];
  for (const cue of allMatches(p.n.text, catalog.cues.rate)) {
    const percent = startingAt(p.percents, cue.index + cue[0].length);
    if (percent) cues.push({ index: cue.index, text: cue[0], percent });
  }
  for (const cue of allMatches(p.n.text, catalog.cues.rateOf)) {
    const inside = startingAt(p.amounts, cue.index + cue[0].length);
    if (!inside) continue;
    // "完成预算（B 亿元）的 R%": a bracket the cue opened closes right after the figure ("…预算数 B 之 R%": 之 for 的)
    const close = cue[0].endsWith('（') ? /^）(?:的|之)?/u : /^(?:的|之)?/u;
    const of = close.exec(p.n.text.slice(inside.end))?.[0].length;
    if (of === undefined) continue;
    const percent = startingAt(p.percents, inside.end + of);
    if (percent) cues.push({ index: cue.index, text: cue[0], percent, inside });
  }
  for (const cue of allMatches(p.n.text, catalog.cues.variance)) {
    const percent = startingAt(p.percents, cue.index + cue[0].length);
    if (percent) cues.push({ index: cue.index, text: cue[0], percent, variance: true });
  }
  return cues.sort((a, b) => a.index - b.index);
}

/**
 * A 预算 written "0" where the sentence writes its other figures with decimals ("出国费决算为 0 万元，完成预算 0 万元的
 * 100%；公务用车…22.83 万元"): a rounded figure would carry the decimals of its neighbours (0.30), so this one is
 * no rounding of a small amount but nothing at all — a rate over it is undefined, whatever the 决算 (0 of it is
 * stated 0%, by the house convention). A "0.00" may hide up to 50 元 and is left to interval rounding.
 */
function literalZero(s: ParaState, a: AmountMention, sentence: { start: number; end: number }): AmountMention {
  if (!a.value.isZero() || a.decimals !== 0 || a.text.includes('.')) return a;
  const decimals = within(s.p.amounts, sentence.start, sentence.end).some((x) => x.decimals > 0);
  return decimals ? { ...a, exact: true } : a;
}

/** Which budget a cue or comparison names: 年初, 全年, 调整 (调整后), or none. */
const qualifier = (text: string) => /年初|全年|调整/u.exec(text)?.[0];

/**
 * The budget a rate is of, among the sentence's budget figures before its 决算: "年初预算为 A，调整预算为 B，支出决算为
 * C，完成年初预算的 R%" is of A, "…为调整预算的 R%" of B (a figure written "预算调整为 B" is the adjusted one). One
 * budget: that one. Several of different values the cue does not tell apart: none (the rate is not read against
 * a figure it may not be of).
 */
function namedBudget(s: ParaState, cue: string, written: AmountMention[]): AmountMention | undefined {
  // "年初预算 A，经批准调整为 B，实际支出 C，完成调整预算的 R%": a budget its words name another (年初 under a cue of
  // 调整) is not the one, even alone — the one named went unread
  const named = qualifier(cue);
  const budgets = written.filter((b) => {
    const own = qualifier(prefixOf(s, b.start));
    return !named || !own || own === named;
  });
  const values = new Set(budgets.map((b) => b.value.toString()));
  if (values.size <= 1) return budgets[budgets.length - 1];
  const adjusted = (b: AmountMention) => /调整/u.test(prefixOf(s, b.start));
  const wanted = /调整/u.test(cue)
    ? budgets.filter(adjusted)
    : /年初/u.test(cue)
      ? budgets.filter((b) => !adjusted(b))
      : [];
  return new Set(wanted.map((b) => b.value.toString())).size === 1 ? wanted[wanted.length - 1] : undefined;
}

/** A year before named (not the carry-over from it: 上年结转, 上年结余 are this year's money). */
const OTHER_YEAR = /上年(?!结转|结余)|去年|上一年/u;

/** Whether the words between a figure and its rate speak of one year only (at most one year written, no 上年). */
const oneYear = (span: string) => new Set(yearsIn(span)).size <= 1 && !OTHER_YEAR.test(span);

/** The subject's figures of one role the claims state, ending by `at`, in order. */
function statedBefore(claims: Claim[], subject: Subject, role: 'actual' | 'budget', at: number): AmountMention[] {
  return claims.flatMap((c) =>
    c.kind === 'amount' && c.role === role && c.subject.id === subject.id && c.amount.end <= at ? [c.amount] : [],
  );
}

/**
 * "“三公”经费预算为 B 万元，其中：…。“三公”经费支出为 A 万元，完成预算的 R%": a rate whose sentence states its 决算 but
 * no 预算 is over the 预算 an earlier sentence of its paragraph states for the same subject — when the paragraph
 * states it one value (or the cue names which of two: namedBudget), and the text from that 预算 to the rate speaks
 * of one year only (a 预算 of the year before, or of another year compared with, is not the one executed).
 */
function earlierBudget(
  s: ParaState,
  cue: RateCue,
  subject: Subject,
  sentence: { start: number },
  claims: Claim[],
): AmountMention | undefined {
  const text = s.p.n.text;
  // the items of a list a budget's total opens are budgets too ("“三公”经费预算为 B，其中：因公出国（境）费 b1、…")
  const listed = claims.flatMap((c) =>
    c.kind === 'amount' &&
    c.role === 'actual' &&
    c.inBudget === true &&
    c.subject.id === subject.id &&
    c.amount.end <= sentence.start &&
    listedUnderBudget(text, sentenceAt(s.p, c.amount.start).start, c.amount.start)
      ? [c.amount]
      : [],
  );
  const budgets = [...statedBefore(claims, subject, 'budget', sentence.start), ...listed].sort(
    (a, b) => a.start - b.start,
  );
  const budget = namedBudget(s, cue.text, budgets);
  if (!budget) return undefined;
  // "较 2015 年…减少 C" between them names the year compared with, not the budget's
  const span = text.slice(sentenceAt(s.p, budget.start).start, cue.index).replace(COMPARED_WITH, '');
  return oneYear(span) ? budget : undefined;
}

/** A budget's total and then 其中, nothing compared: "“三公”经费预算为 B，其中：因公出国（境）费 b1、…". */
const BUDGET_LIST = /预算(?:数|总额)?(?:为|是|安排|共计|合计)?：?[0-9][0-9.,]*(?:万元|亿元|元)[，,]?其中[：:，,]?/u;
const COMPARED_WITH_BUDGET = /(?:比|较|与|超)[^，。；]{0,6}预算/u;

/**
 * Whether a figure is an item of the list a budget's total opens in its sentence ("“三公”经费预算为 168.53 万元，其中：因公出国
 * （境）费 39 万元、公务用车运行维护费 119.5 万元"): the item's budget, though its own words do not say 预算 — when the
 * sentence up to it compares nothing with a budget (an outturn "比预算减少 C，其中：…" lists outturns) and no clause ends
 * between the list's opening and it.
 */
function listedUnderBudget(text: string, sentenceStart: number, at: number): boolean {
  const lead = text.slice(sentenceStart, at);
  const list = BUDGET_LIST.exec(lead);
  return list !== null && !COMPARED_WITH_BUDGET.test(lead) && !/[。；]/u.test(lead.slice(list.index));
}

/** A comparison with an earlier year: "与 2022 年度相比", "比上年", "较去年同期". */
const COMPARED_WITH = /(?:与|比|较|同)(?:[0-9]{4}年度?|上年度?|去年|上一年度?)(?:同期)?(?:决算数?)?(?:相比|比较)?/gu;

/**
 * "财政拨款收入总计 A 万元，支出总计 A 万元，…。财政拨款支出年初预算数 B 万元，完成年初预算的 R%": a rate whose sentence
 * writes its 预算 and no 决算 is of the subject's 决算 stated before it in the paragraph — when the paragraph states one
 * value for it there, and the span from it to the rate speaks of one year only.
 */
function earlierActual(
  s: ParaState,
  cue: RateCue,
  subject: Subject,
  budget: AmountMention,
  claims: Claim[],
): AmountMention | undefined {
  const text = s.p.n.text;
  const actuals = statedBefore(claims, subject, 'actual', budget.start);
  const values = new Set(actuals.map((a) => `${a.value.toFixed()}${a.unit}`));
  const actual = actuals[actuals.length - 1];
  if (!actual || values.size !== 1 || actual.unit !== budget.unit) return undefined;
  // "与 2022 年相比，各增加…" between them names the year compared with, not the figure's
  const span = text.slice(sentenceAt(s.p, actual.start).start, cue.index).replace(COMPARED_WITH, '');
  return oneYear(span) ? actual : undefined;
}

/** The sentence right before a rate's sentence and the budgets it writes. */
interface BudgetsBefore {
  previous: { start: number; end: number };
  written: AmountMention[];
}

/** What a reading of the sentence before is given: the rate's cue, its sentence and 决算, and that sentence's budgets. */
interface EarlierBudgetAt {
  cue: RateCue;
  sentence: { start: number };
  actual: AmountMention;
  before: BudgetsBefore;
}

/** The sentence right before `sentence` and the budgets it writes; none for a paragraph's first sentence. */
function budgetsOfSentenceBefore(
  s: ParaState,
  sentence: { start: number },
  isBudget: (a: AmountMention) => boolean,
): BudgetsBefore | undefined {
  if (sentence.start === 0) return undefined;
  const previous = sentenceAt(s.p, sentence.start - 1);
  return { previous, written: within(levels(s), previous.start, previous.end).filter(isBudget) };
}

/**
 * The words a sentence may open with before its 决算 and name nothing of its own: "全年实际完成 A", "实际支出 A",
 * "支出决算为 A", "2024 年完成 A".
 */
const BARE_OUTTURN =
  /^(?:(?:[0-9]{4}年度?|全年|当年|本年度?|年度)，?)?(?:实际|累计)?(?:完成|支出|收入|执行)?(?:决算数?|执行数|数)?(?:为|是|了|达到?)?：?$/u;

/**
 * "全县一般公共预算收入年初预算为 B 万元。全年实际完成 A 万元，完成预算的 R%": a rate whose sentence opens with its 决算
 * and names nothing (no subject the catalog knows, no name of its own) is over the 预算 the sentence right before
 * states — one budget, or the one the cue names (namedBudget) — when that budget is no part (no 其中 before it), its
 * flow is not the other one (收入 against 支出), and the two sentences speak of one year only.
 */
function unnamedEarlierBudget(s: ParaState, reading: EarlierBudgetAt): AmountMention | undefined {
  const { cue, sentence, actual, before } = reading;
  const text = s.p.n.text;
  const opening = text.slice(sentence.start, actual.start);
  // "税收收入预算为 B。税收收入全年完成 A，…": the sentence may open with the budget's own name again
  const named = OUTTURN_NAMED_OPENING.exec(opening) ?? NAMED_OUTTURN_OPENING.exec(opening);
  if (!BARE_OUTTURN.test(opening) && !named) return undefined;
  const { previous, written } = before;
  // "…收入预算为 B1，支出预算为 B2。决算后，…收入为 A，完成预算的 R%": budgets of both flows, the one of the outturn's own
  const openingFlow = flowOf(opening);
  const ofFlow = openingFlow
    ? written.filter((b) => (flowOf(clauseBefore(text, b.start)) ?? openingFlow) === openingFlow)
    : written;
  const budget = namedBudget(s, cue.text, ofFlow.length > 0 ? ofFlow : written);
  if (!budget) return undefined;
  const lead = text.slice(previous.start, budget.start);
  if (/其中/u.test(lead)) return undefined;
  const name = named?.groups?.name ?? '';
  if (named && !BARE_OUTTURN.test(opening) && !namesAgain(lead, name) && !flowOnlyOf(lead, name, text, previous.start))
    return undefined;
  const flow = flowOf(lead);
  const own = flowOf(opening);
  if (flow && own && flow !== own) return undefined;
  const span = text.slice(previous.start, cue.index);
  return oneYear(span) ? budget : undefined;
}

/** A sentence opening with the name of its 决算, then its figure: "陕西省一般公共预算支出 A", "全县地方一般公共预算收入完成 A". */
const OPENING_NAME =
  /^(?:[0-9]{4}年度?，?)?(?<name>[^，。；：0-9（）]{4,20}?(?:收入|支出))(?:全年|当年|本年度?|年度)?(?:实际|累计)?(?:完成|实现|执行)?(?:决算数?|执行数|数)?(?:为|是|了|达到?)?：?$/u;

/** A budget's clause naming only its flow, after the place or year: "陕西省支出调整预算为", "全县收入预算调整为". */
const FLOW_BUDGET =
  /^(?:[0-9]{4}年度?)?(?:[^，。；：0-9（）]{0,8}?(?:省|市|县|区|镇|乡|州|旗)(?:本级)?)?(?<flow>收入|支出)(?:年初|全年|调整后?的?)?预算数?(?:调整(?:后|数)?)?(?:为|是|到|至)?：?$/u;

/**
 * "…审议通过的一般公共预算支出 B0，加上…，陕西省支出调整预算为 B。陕西省一般公共预算支出 A，比上年增长 x%，完成调整预算
 * 的 R%": a rate of a named subject whose sentence writes no 预算 is over the budget the sentence right before writes
 * under its flow's name only (支出预算, 收入调整预算) — when that flow is the subject's, the subject's name is written
 * earlier in the paragraph with no other thing of that flow named between it and the budget, the cue names that budget
 * or none (namedBudget), and the two sentences speak of one year (a comparison with the year before aside).
 */
function flowBudget(s: ParaState, reading: EarlierBudgetAt): AmountMention | undefined {
  const { cue, sentence, actual, before } = reading;
  const { p } = s;
  const text = p.n.text;
  // the subject's name written before the figure in its sentence, or the sentence's opening name ("陕西省一般公共预算支出")
  const named = lastEndingBy(p.subjects, actual.start);
  const opening = text.slice(sentence.start, actual.start);
  const name =
    named && named.start >= sentence.start
      ? text.slice(named.start, named.end)
      : (OPENING_NAME.exec(opening)?.groups?.name ?? '');
  const flow = flowOf(name);
  if (!flow || name.length < 4) return undefined;
  const { previous } = before;
  const written = before.written.filter((b) => {
    if (b.unit !== actual.unit) return false;
    const m = FLOW_BUDGET.exec(clauseBefore(text, b.start));
    return m !== null && flowOf(m.groups?.flow ?? '') === flow;
  });
  const budget = namedBudget(s, cue.text, written);
  if (!budget) return undefined;
  const clauseStart = budget.start - clauseBefore(text, budget.start).length;
  const at = text.lastIndexOf(name, clauseStart);
  if (at < 0) return undefined;
  // another thing of the flow named since: "一般公共预算支出 B0。政府性基金支出 B1，…支出调整预算为 B"
  const since = text.slice(at + name.length, clauseStart);
  if (/收入|支出/u.test(since) && flowOf(since.replace(/预算执行|结转|结余/gu, '')) !== undefined) return undefined;
  const span = text.slice(previous.start, cue.index).replace(COMPARED_WITH, '');
  return oneYear(span) ? budget : undefined;
}

/** The words of a figure's clause before it: "支出预算为" in "…，支出预算为 B". */
function clauseBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const from = Math.max(text.lastIndexOf('，', at - 1), text.lastIndexOf('；', at - 1), text.lastIndexOf('。', at - 1));
  return text.slice(from + 1, at);
}

/** A rate's 预算 written "预算安排 B", "预算调整数为 B" (words the shared budget cue leaves out). */
const ARRANGED = /预算(?:安排|调整数)(?:为|是)?：?$/u;

/** A sentence opening with a name, then its 决算 in bare words: "税收收入全年完成 A", "2024 年税收收入实际完成 A". */
const NAMED_OUTTURN_OPENING =
  /^(?:[0-9]{4}年度?，?)?(?:决算后，?|执行结果，?)?(?<name>[^，。；：0-9（）]{2,16}?)(?:全年|当年|本年度?|年度)?(?:实际|累计)?(?:完成|支出|收入|执行)(?:决算数?|执行数|数)?(?:为|是|了|达到?)?：?$/u;

/** A sentence opening with its 决算 in words, then the name: "2024 年全区完成一般公共预算收入 A", "全年实现税收收入 A". */
const OUTTURN_NAMED_OPENING =
  /^(?:[0-9]{4}年度?，?)?(?:全(?:县|市|区|镇|乡|省|州|旗))?(?:本级)?(?:全年|当年)?(?:实际|累计)?(?:完成|实现)(?<name>[^，。；：0-9（）]{2,16}?(?:收入|支出))(?:为|是|了|达到?)?：?$/u;

/**
 * "全区一般公共预算收入年初预算 B0。…，经人大常委会批准收入预算调整为 B。全区完成一般公共预算收入 A，完成调整预算的
 * R%": the budget's clause names only the flow (收入预算调整为), the name's own flow, and the paragraph named the thing
 * before that sentence, no other thing of that flow named since.
 */
function flowOnlyOf(lead: string, name: string, text: string, sentenceStart: number): boolean {
  const clause = lead.slice(Math.max(lead.lastIndexOf('，'), lead.lastIndexOf('；')) + 1);
  const m = /(?:^|批准|同意|将|把)(?<flow>收入|支出)(?:年初|全年)?预算/u.exec(clause);
  if (!m || flowOf(m.groups?.flow ?? '') !== flowOf(name) || name.length < 4) return false;
  const earlier = text.slice(0, sentenceStart);
  const at = earlier.lastIndexOf(name);
  if (at < 0) return false;
  // another thing of the same flow named after it: "…一般公共预算收入 B0。政府性基金收入 B1。…收入预算调整为 B"
  const own = lead.length - clause.length + m.index;
  const since = `${earlier.slice(at + name.length)}${lead.slice(0, own)}`;
  return !since.includes(m.groups?.flow ?? '');
}

/**
 * The budget's clause names the same thing: its name is `name` after the place or year only ("2024 年全县税收收入预算为"
 * names 税收收入; "非税收入预算为" does not).
 */
function namesAgain(lead: string, name: string): boolean {
  const clause = lead.slice(Math.max(lead.lastIndexOf('，'), lead.lastIndexOf('；')) + 1);
  const at = clause.lastIndexOf(name);
  if (name.length < 2 || at < 0) return false;
  const before = clause.slice(0, at);
  const after = clause.slice(at + name.length);
  return (
    (/^(?:[0-9]{4}年度?)?(?:全(?:县|市|区|镇|乡|省|州|旗))?(?:本级)?$/u.test(before) ||
      /(?:批准|通过)的$/u.test(before)) &&
    /^(?:收入|支出)?(?:年初|全年)?预算/u.test(after)
  );
}

/**
 * A budget written as the quota granted ("批复指标 B", "预算指标 B", "下达指标 B"): the budget of an execution rate
 * ("…已用指标 A，预算结余 C，执行率 R%").
 */
const QUOTA = /(?:批复|下达|预算|可用)指标(?:数|总额)?(?:为|是|共计|合计)?：?$/u;

/** A figure of what was left ("预算结余 C", "结转结余 C", "结余资金 C"): never the 决算 of an execution rate. */
const LEFT_OVER = /(?:结余|结转|结存|余额)(?:资金|指标|数)?(?:为|是|共计|合计)?：?$/u;

/** A figure of what was spent of a quota: "已用指标 A", "已支出 A", "实际支出 A", "已使用资金 A". */
const USED =
  /(?:已用|已使用|已支出|已拨付|实际支出|实际使用|已执行|执行数)(?:指标|资金|数|金额)?(?:为|是|共计|合计)?：?$/u;

/** "年初预算 B0，经人大常委会批准调整为 B": a figure adjusted to, right after a budget, is the adjusted budget. */
const ADJUSTED_TO = /调整(?:后)?(?:为|到|至)：?$/u;

/**
 * "完成年初预算 78.7%，比年初预算减少 C 万元": the comparison right after the rate, of the same budget, gives the
 * difference of the 决算 against it — as "决算数小于预算数 C 万元" does.
 */
function budgetGap(
  s: ParaState,
  cue: RateCue,
  tail: string,
  sentence: string,
  sides: { budget?: AmountMention; actual?: AmountMention },
  alone = true,
): Rate['over'] {
  const gap = s.catalog.cues.budgetGap.exec(tail);
  const word = gap?.groups?.word ?? gap?.groups?.named ?? gap?.groups?.gap;
  const direction = word ? directionOf(word, s.catalog) : undefined;
  if (!gap || !word || !direction) return undefined;
  const difference = startingAt(s.p.amounts, cue.percent.end + gap[0].length);
  if (!difference) return undefined;
  if (gap.groups?.word)
    return qualifier(gap.groups.which ?? '') === qualifier(cue.text) ? { direction, difference } : undefined;
  // a word of its own, its budget named or not ("…的 100.8%，超收 C 万元", "…的 126.8%，较年初预算超收 C"): the rate's
  // when C is the gap between the rate's two figures
  if (isGapOf(difference, sides)) return { direction, difference, word };
  // the bare word right after a rate whose 预算 and 决算 are both written ("完成预算 B 的 R%，超收 C"): C is said of that
  // very gap, so a C that is not A − B contradicts the text's own figures (verifyRate says so) — of a whole year only,
  // and the sentence's one rate
  if (gap.groups?.gap !== undefined && sides.budget && sides.actual && alone && !PART_OF_YEAR.test(sentence))
    return { direction, difference, word };
  // no 预算 written ("完成 A，为预算的 R%，超收 C"): the 预算 is A ∓ C (verifyRate derives it) — in a year's account only
  // (of a part of the year, "1-6 月…短收 C" measures against the time's share), the word bare or naming the cue's budget,
  // the sentence's one rate (after "为调整预算的 R1%，为年初预算的 R2%，超收 C" which budget C is of is not said)
  const bare = gap.groups?.gap !== undefined || qualifier(gap.groups?.which ?? '') === qualifier(cue.text);
  return !sides.budget && sides.actual && bare && alone && !PART_OF_YEAR.test(sentence)
    ? { direction, difference, word }
    : undefined;
}

/** Words of a part of the year: its figures are measured against the time gone by, not the year's budget. */
const PART_OF_YEAR = /[0-9一二三四五六七八九十]月|季度|半年|序时|进度/u;

/**
 * "决算为 A，比年初预算增加 C，完成年初预算的 R%": the gap of the 决算 from the rate's budget written between them (the
 * budget named as the cue names it); verifyRate derives the 预算 from it when none is written.
 */
const GAP_BEFORE =
  /^[，,](?:比|较)(?<which>年初|全年|调整后?)?预算数?(?:(?<word>增加|减少)|(?<named>超收|短收|多收|少收|超支|节支))了?$/u;

function gapBefore(s: ParaState, cue: RateCue, actual: AmountMention): Rate['over'] {
  const { p } = s;
  const difference = p.amounts.find((a) => a.start > actual.end && a.end <= cue.index);
  if (!difference) return undefined;
  const m = GAP_BEFORE.exec(p.n.text.slice(actual.end, difference.start));
  if (!m || !/^[，,]$/u.test(p.n.text.slice(difference.end, cue.index))) return undefined;
  if (qualifier(m.groups?.which ?? '') !== qualifier(cue.text)) return undefined;
  const word = m.groups?.word ?? m.groups?.named;
  const direction = word ? directionOf(word, s.catalog) : undefined;
  return direction ? { direction, difference } : undefined;
}

/** Between a 决算 and the 预算 its comparison writes: "，较年初预算数", "，比预算", "，与调整预算的". */
const TO_COMPARED_BUDGET = /^[，,](?:较|比|与)(?<which>年初|全年|调整后?)?预算数?的?$/u;
/** Between that 预算 and the gap: "减少", "相比，增加", "，超支". */
const COMPARED_TO_GAP = /^(?:相比)?[，,]?(?:增加|减少|超支|节支|超收|短收|多收|少收)了?$/u;

/**
 * "决算为 A，较年初预算数 B 减少 C，完成预算数的 R%": the 预算 written in the comparison right after the 决算, the gap
 * after it, then the rate — of that 预算 when the cue names the same one or none ("完成预算数的" after "较年初预算数
 * B"); a cue naming another ("较调整预算 B 减少 C，完成年初预算的 R%") is of a budget not written.
 */
function comparedBudget(s: ParaState, cue: RateCue, actual: AmountMention): AmountMention | undefined {
  const { p } = s;
  const text = p.n.text;
  const [budget, gap, ...more] = p.amounts.filter((a) => a.start > actual.end && a.end <= cue.index);
  if (!budget || !gap || more.length > 0) return undefined;
  const m = TO_COMPARED_BUDGET.exec(text.slice(actual.end, budget.start));
  if (
    !m ||
    !COMPARED_TO_GAP.test(text.slice(budget.end, gap.start)) ||
    !/^[，,]$/u.test(text.slice(gap.end, cue.index))
  )
    return undefined;
  const named = qualifier(cue.text);
  return named === undefined || named === qualifier(m.groups?.which ?? '') ? budget : undefined;
}

/**
 * "完成预算 A 的 R%，超收 C": C is the gap of this 决算 from this 预算 only when it is their difference — "1-6 月…占年预算
 * A 的 35.4%，短收 C" measures against the share of the year gone by (序时进度), another base, and says nothing of the
 * 决算 against its 预算.
 */
function isGapOf(
  difference: AmountMention,
  { budget, actual }: { budget?: AmountMention; actual?: AmountMention },
): boolean {
  if (!budget || !actual) return false;
  const gap = subtract(mentionApprox(actual), mentionApprox(budget));
  const size = { value: gap.value.abs(), radius: gap.radius };
  return compareEq(size, mentionApprox(difference)).consistent;
}

export function rateClaims(s: ParaState, amountClaimsSoFar: Claim[]): Claim[] {
  const { p, catalog } = s;
  const out: Claim[] = [];
  // each rate takes the figures after the previous one: "…完成预算的 39.86%，其中：公务接待费支出
  // 决算为 0.30 万元，完成预算的 3.75%" — the item's 预算 is not the total's stated before
  let previousEnd = 0;
  // "A 亿元，为人大预算数 B 亿元的 R%，…，为市下目标 C 亿元的 S%": rates with their 预算 inside, one after
  // another in a sentence, are all of the figure before the first
  let chained: { sentence: number; actual: AmountMention } | undefined;
  const cues = rateCues(s);
  for (const cue of cues) {
    const { percent } = cue;
    const sentence = sentenceAt(p, cue.index);
    const from = Math.max(sentence.start, previousEnd);
    previousEnd = percent.end;
    // "决算收入为 B 万元（其中：…上年结转 b 万元），…完成预算数的 R%": a breakdown in brackets closed before the
    // cue is an aside — the rate is of the figure before the bracket, never of an item inside it
    const inSentence = within(levels(s), from, cue.index).filter((a) => !closedOffBefore(p, a.end, cue.index));
    // "年初目标任务为 B，实际完成 A，完成年初目标任务的 R%": a target's rate is over a figure written as that target only
    const target = !cue.inside && !cue.variance && /目标|任务/u.test(cue.text);
    const isBudget = (a: AmountMention): boolean => {
      const prefix = prefixOf(s, a.start);
      if (target) return catalog.cues.target.test(prefix);
      if (catalog.cues.budget.test(prefix) || ARRANGED.test(prefix)) return true;
      if (!cue.inside && QUOTA.test(prefix)) return true;
      if (!ADJUSTED_TO.test(prefix)) return false;
      const before = lastEndingBy(p.amounts, a.start);
      return before !== undefined && sentenceAt(p, before.start) === sentenceAt(p, a.start) && isBudget(before);
    };
    let actual: AmountMention | undefined = inSentence[inSentence.length - 1];
    let budget: AmountMention | undefined = namedBudget(s, cue.text, inSentence.slice(0, -1).filter(isBudget));
    // "批复指标 B，已用指标 A，预算结余 C，执行率 R%": what was left is no 决算 — the rate is of what was spent, the figure
    // before it written so (else none)
    if (actual && !cue.inside && LEFT_OVER.test(prefixOf(s, actual.start))) {
      const rest = inSentence.slice(0, -1).filter((a) => !isBudget(a));
      const used = rest[rest.length - 1];
      actual = used && USED.test(prefixOf(s, used.start)) ? used : undefined;
    }
    // "支出决算数为 A 万元，年初预算数为 B 万元，决算数为预算数的 R%": the 决算 written before its 预算 — the level right
    // before the 预算, when its words name it a 决算 (an unnamed figure there may be anything)
    if (actual && isBudget(actual)) {
      budget = actual;
      const before = inSentence
        .slice(0, -1)
        .filter((a) => !isBudget(a))
        .pop();
      actual = before && NAMED_OUTTURN.test(prefixOf(s, before.start)) ? before : undefined;
    }
    // "A 万元，占年初预算 B 万元的 R%": the 预算 is the one written in the cue, A the figure before it
    if (cue.inside) {
      budget = cue.inside;
      actual = inSentence.filter((a) => !isBudget(a)).pop();
      if (!actual && chained?.sentence === sentence.start) actual = chained.actual;
      chained = actual ? { sentence: sentence.start, actual } : undefined;
    } else chained = undefined;
    const first = budget ?? actual;
    const direct = amountClaimsSoFar.filter((c) => c.kind === 'amount' && (c.amount === budget || c.amount === actual));
    const subject = rateSubject(s, first ? first.start : cue.index, direct);
    if (!budget && actual && !cue.inside && !target && !cue.variance) budget = comparedBudget(s, cue, actual);
    if (!budget && actual && subject && !cue.inside && !target)
      budget = earlierBudget(s, cue, subject, sentence, amountClaimsSoFar);
    // the budgets of the sentence before, read once for the two readings of them
    const budgetsBefore = !budget && actual && !cue.inside ? budgetsOfSentenceBefore(s, sentence, isBudget) : undefined;
    const earlier = budgetsBefore && actual ? { cue, sentence, actual, before: budgetsBefore } : undefined;
    if (!budget && earlier && !target && !cue.variance) budget = flowBudget(s, earlier);
    if (!budget && earlier && !subject) budget = unnamedEarlierBudget(s, earlier);
    if (budget && !actual && subject && !cue.inside && !target && !cue.variance)
      actual = earlierActual(s, cue, subject, budget, amountClaimsSoFar);
    s.usedPercents.add(percent);
    // a target named and none written: nothing to hold the rate against (the tables hold budgets, not targets)
    if (target && !budget) continue;
    const claim: Claim = { kind: 'rate', percent, ...place(p, sentence, percent) };
    if (subject) claim.subject = subject;
    if (cue.variance) claim.variance = true;
    // "完成年初预算 100%，决算数大于预算数 55.93 万元": the text's own word on 决算 against 预算
    const tail = p.n.text.slice(percent.end, sentence.end);
    const over = firstMatch(catalog.cues.overBudget, tail);
    const overWord = over?.groups?.word ? directionOf(over.groups.word, catalog) : undefined;
    // "…大于预算数的主要原因" is a stated reason, read by the direction claims
    const isReason = over ? /^的?主要原因/.test(tail.slice(over.index + over[0].length)) : false;
    if (over && overWord && !isReason && !/[。；]/.test(tail.slice(0, over.index))) {
      const at = percent.end + over.index + over[0].length;
      const difference = startingAt(p.amounts, at);
      if (difference) s.changes.add(difference);
      claim.over = difference ? { direction: overWord, difference } : { direction: overWord };
    } else {
      const gap =
        budgetGap(
          s,
          cue,
          tail,
          p.n.text.slice(sentence.start, sentence.end),
          { budget, actual },
          cues.filter((c) => c.index >= sentence.start && c.index < sentence.end).length === 1,
        ) ?? (actual && !budget ? gapBefore(s, cue, actual) : undefined);
      if (gap) claim.over = gap;
    }
    if (budget) claim.budget = literalZero(s, budget, sentence);
    if (actual) claim.actual = actual;
    out.push(claim);
    for (const [amount, role] of [
      [budget, 'budget'],
      [actual, 'actual'],
    ] as const) {
      if (!amount || !subject || target || direct.some((c) => c.kind === 'amount' && c.amount === amount)) continue;
      // the figure the account opened with, written again ("…（项）26.70 万元…支出决算为 26.70 万元"): one statement
      const again = (c: Claim) =>
        c.kind === 'amount' && c.subject === subject && c.role === role && c.amount.value.eq(amount.value);
      if (amountClaimsSoFar.some(again)) continue;
      out.push({ kind: 'amount', subject, role, amount, ...place(p, sentence, amount) });
    }
  }
  return out;
}
