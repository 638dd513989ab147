import { OUTLINE_MARK } from '../../util/outline.js';
import { allPartsOf, partsOf } from '../catalog/partitions.js';
import type { Partition } from '../catalog/types.js';
import type { Claim, SubjectMention } from '../claims.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { firstMatch, lastEndingBy, startingAt } from './spans.js';
import type { ParaState } from './state.js';
import { directionOf, groupStart, markEitherWay } from './yoy.js';
import { allMatches } from '../../util/matches.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;

/**
 * The department's own totals: a comparison of one of them speaks of the whole department, so a part
 * named in its reason ("收支较上年增加…，主要原因是项目支出增加…") is the department's part too — the one
 * the paragraphs about its income and spending state. A comparison of a 财政拨款 or 三公 figure is not.
 */
const TOTALS: readonly string[] = ['grand-total', 'expenditure-grand-total', 'income-total', 'expenditure-total'];

/**
 * The parts whose change may explain a total's change in its reason without a rate of their own: the total's own
 * parts; for the department's 收支总计 (收入总计 = 收入合计 + 用事业基金弥补收支差额 + 年初结转和结余, its 支出总计 the
 * same sum spent), also 收入合计's and 支出合计's parts and the opening balance ("收支较上年决算数减少 C，主要原因是：一是财政
 * 拨款收入减少 a；二是其他收入减少 b；三是年初结转和结余减少 c"), as its 收入 and 支出 paragraphs state them again.
 */
function reasonParts(partitions: readonly Partition[], whole: string | undefined): readonly string[] {
  const own = partsOf(partitions, whole);
  if (whole !== 'grand-total' && whole !== 'expenditure-grand-total') return own;
  return [
    ...own,
    'income-total',
    'expenditure-total',
    'opening-balance',
    ...allPartsOf(partitions, 'income-total'),
    ...allPartsOf(partitions, 'expenditure-total'),
  ];
}

/** Between a subject's name and its change: "项目支出决算数增加…", "项目支出增加…". */
const NAME_TO_CHANGE = /^(?:的)?(?:决算数?)?$/u;
/** The same in a comparison of budgets: "基本支出预算增加…" (a budget's part, as its total is one). */
const BUDGET_NAME_TO_CHANGE = /^(?:的)?(?:预算数?)?$/u;

/** A paragraph that is the section on the department's spending budget: "（二）支出预算：…", "二、2024 年支出预算较…". */
const SPENDING_BUDGET = new RegExp(`^${OUTLINE_MARK}?(?:(?:19|20)[0-9]{2}年度?)?支出预算`, 'u');

/**
 * A clause opening with the bare word for spending and its comparison: "支出预算较上年减少…", "支出比 2024 年增加…",
 * after the section's own label ("二、支出预算：2024 年支出预算较上年增加…").
 */
const BARE_SPENDING = new RegExp(
  `^(?:${OUTLINE_MARK}?支出预算：)?(?:(?:19|20)[0-9]{2}年度?)?支出(?:预算)?(?:数)?(?:较|比|与)`,
  'u',
);

/**
 * "（二）支出预算：…。支出预算较上年减少 C 万元，主要是基本支出预算增加…": in the section on the spending budget, a
 * comparison whose clause opens with the bare word for spending names no subject, yet it is the department's
 * spending (本年支出) that is compared — given that subject here, so that its parts named in the reason are read.
 */
function readBareSpending(s: ParaState, c: Yoy): void {
  if (c.subject !== undefined || c.versusBudget || c.sameScope || c.pair) return;
  const text = s.p.n.text;
  if (!SPENDING_BUDGET.test(text) || !BARE_SPENDING.test(text.slice(groupStart(s.p, c.change.start), c.change.start)))
    return;
  const spending = s.catalog.subjects.find((x) => x.id === 'expenditure-total');
  if (spending) c.subject = spending;
}

/** Whether a comparison is one of budgets: its clause or its section names the budget ("支出预算较上年…"). */
function ofBudgets(s: ParaState, c: Yoy): boolean {
  const text = s.p.n.text;
  return SPENDING_BUDGET.test(text) || /预算/u.test(text.slice(groupStart(s.p, c.change.start), c.change.start));
}

/**
 * "收支较上年决算数增加 83.78 万元，增长 20.8%，主要原因是项目支出决算数增加 119.92 万元，增长 45.56%": a
 * part named right before its own change and rate, later in a sentence comparing a department total with
 * the year before, is compared with the year before too, though no cue of its own says so. Its figure is
 * not in the sentence: resolveNamedChanges finds it in the document. A part of the total's own partition is read
 * without a rate too ("支出合计…减少 C 万元，主要原因是基本支出增加 a 万元，项目支出减少 b 万元"): n.change-sum adds it up.
 */
export function namedChangeClaims(s: ParaState, cued: readonly Claim[]): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const taken = new Set(cued.flatMap((c) => (c.kind === 'yoy' ? [c.change.start] : [])));
  for (const c of cued) if (c.kind === 'yoy') readBareSpending(s, c);
  const wholes = cued
    .filter(
      (c): c is Yoy =>
        c.kind === 'yoy' && !c.versusBudget && !c.sameScope && c.subject !== undefined && TOTALS.includes(c.subject.id),
    )
    .sort((a, b) => a.change.start - b.change.start);
  const out: Claim[] = [];
  // "3.财政拨款支出情况。…支出合计…": a fund's figures, whatever the total is called. Where the first fund
  // word ends is worked out once (no fund word contains another, so the leftmost ends first): testing
  // each comparison's whole prefix cost n² on a long paragraph of comparisons.
  const fund = FUND.exec(text);
  const fundEnd = fund ? fund.index + fund[0].length : Number.POSITIVE_INFINITY;
  for (const [i, whole] of wholes.entries()) {
    if (fundEnd <= whole.change.start) continue;
    const sentence = sentenceAt(p, whole.change.start);
    // a part's change belongs to the nearest comparison of a total before it: the reason of this one
    // ends where the next one's change starts (so each stretch of the sentence is read once)
    const next = wholes[i + 1];
    const end = next && next.change.start < sentence.end ? Math.max(next.change.start, whole.change.end) : sentence.end;
    for (const m of allMatches(text.slice(whole.change.end, end), catalog.cues.change)) {
      const at = whole.change.end + m.index + m[0].length;
      const change = startingAt(p.amounts, at);
      const changeWord = directionOf(m.groups?.word ?? '', catalog);
      if (!change || !changeWord || taken.has(change.start)) continue;
      const named = lastEndingBy(p.subjects, whole.change.end + m.index);
      if (!named || named.start < whole.change.end || !partOrSibling(text, whole, named)) continue;
      const between = text.slice(named.end, whole.change.end + m.index);
      if (!NAME_TO_CHANGE.test(between) && !(ofBudgets(s, whole) && BUDGET_NAME_TO_CHANGE.test(between))) continue;
      const after = firstMatch(catalog.cues.changeRate, text.slice(change.end, sentence.end));
      const rate = after ? startingAt(p.percents, change.end + after.index + after[0].length) : undefined;
      const rateWord = after?.groups?.word ? directionOf(after.groups.word, catalog) : undefined;
      const rated = rate !== undefined && rateWord !== undefined && !s.usedPercents.has(rate);
      // without its rate, a change is read only of one of the total's own parts (支出合计 = 基本支出 + 项目支出 + …):
      // what it is for is the parts' sum (n.change-sum), and only a part's change can be in it
      if (!rated && !reasonParts(catalog.partitions, whole.subject?.id).includes(named.subject.id)) continue;
      taken.add(change.start);
      s.changes.add(change);
      if (rated) s.usedPercents.add(rate);
      const claim: Yoy = {
        kind: 'yoy',
        change,
        changeWord,
        ...(rated ? { rate, rateWord } : {}),
        subject: named.subject,
        namedInReason: true,
        ...place(p, sentence, change),
      };
      markEitherWay(claim, m, catalog);
      out.push(claim);
    }
  }
  return out;
}

/**
 * Whose change a later clause of the comparison's sentence states: a part of the department's ("主要原因是项目支出
 * 增加…"), or another of its totals opening a clause of its own ("与上年相比，收入总计增加…，增长…；支出总计增加…，
 * 增长…": the one comparison said of both) — never the compared total again.
 */
function partOrSibling(text: string, whole: Yoy, named: SubjectMention): boolean {
  if (!TOTALS.includes(named.subject.id)) return true;
  return named.subject.id !== whole.subject?.id && /[，；]$/u.test(text.slice(0, named.start));
}

/** A fund's own total ("财政拨款支出合计", "一般公共预算支出合计") is no total of the department. */
const FUND = /财政拨款|预算拨款|一般公共预算|基金|三公/u;
const FUND_BEFORE = new RegExp(`(?:${FUND.source})[^，。；]{0,4}$`, 'u');

/** A paragraph that opens with the department's total ("3.支出情况。2024 年度支出合计 A 万元…"). */
function opensWithTotal(pc: ParaClaims): boolean {
  const first = pc.p.subjects[0];
  return (
    first !== undefined && TOTALS.includes(first.subject.id) && !FUND_BEFORE.test(pc.p.n.text.slice(0, first.start))
  );
}

/**
 * The current figure of each part's change read by namedChangeClaims: the part's figure stated in the
 * paragraphs about the department's totals (a paragraph opening with 收入合计, 支出合计…), when they
 * state one value for it; else none (two values are two scopes or two years, and nothing is sure).
 */
export function resolveNamedChanges(paras: readonly ParaClaims[]): void {
  const claims = paras.flatMap((pc) => pc.claims);
  const named = claims.filter((c): c is Yoy => c.kind === 'yoy' && c.namedInReason === true);
  if (named.length === 0) return;
  const aboutTotals = new Set(paras.filter(opensWithTotal).map((pc) => pc.p.para));
  for (const c of named) {
    const found = claims.filter(
      (x) => x.kind === 'amount' && x.role === 'actual' && x.subject.id === c.subject?.id && aboutTotals.has(x.para),
    );
    const values = new Set(found.map((x) => (x.kind === 'amount' ? x.amount.value.toString() : '')));
    const [first] = found;
    if (values.size === 1 && first?.kind === 'amount') c.current = first.amount;
  }
}
