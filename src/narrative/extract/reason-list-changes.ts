import { OUTLINE_MARK } from '../../util/outline.js';
import { Decimal } from 'decimal.js';
import type { AmountMention, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { flipped, nil, signed, sumClaim } from './change-sum.js';
import { compareEq } from '../../money/interval.js';
import { mentionApprox } from '../claims.js';
import { NIL_WORDS } from '../text/nil-words.js';
import type { Unit } from '../../model/types.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import { markStart } from './state.js';
import { groupStart } from './yoy.js';
import { allMatches } from '../../util/matches.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;
type List = Extract<Claim, { kind: 'list' }>;

/**
 * The section on the year's income or spending budget: "（一）收入预算：…", "（二）支出预算：…" — the colon left out
 * before the year's figure too ("（一）收入预算 2025 年年初预算数…").
 */
const BUDGET_SECTION = new RegExp(`^${OUTLINE_MARK}?(?<word>收入|支出)预算(?:[：:]|(?=(?:19|20)[0-9]{2}年|年初))`, 'u');

/** The year compared with: "较上年", "比 2024 年", "与去年相比" (a year written, or the year before). */
const COMPARED = '(?:较|比|与)(?:上年|去年|上一?年度?|(?:19|20)[0-9]{2}年度?)(?:相比)?';

/** The clause of the total's comparison, up to its figure: "收入较去年增加", "收入预算较上年减少". */
const BARE_TOTAL = new RegExp(
  `^(?:(?:19|20)[0-9]{2}年度?)?(?<word>收入|支出)(?:预算)?(?:数)?(?<compared>${COMPARED})，?(?:增加|减少)了?$`,
  'u',
);

/**
 * The same comparison with its 较/比 left out: "收入 2024 增加 C 万元" (the year alone, 年 dropped too) — the year is
 * what it is compared with, as nothing else could be; or with 较 and no 年 ("收入较 2024 增加 C 万元"). Read only as the
 * opening of a clause group.
 */
const YEAR_ONLY_TOTAL =
  /^(?:(?:19|20)[0-9]{2}年度?)?(?<word>收入|支出)(?:预算)?(?:数)?(?:(?:较|比)(?<after>(?:19|20)[0-9]{2})(?![0-9年])|(?<year>(?:19|20)[0-9]{2})年?度?)，?(?<change>增加|减少)了?(?=[0-9])/u;

/** What opens the reason right after the total's change (and its rate): "，主要是", "，主要原因是：". */
const REASON = /^(?:，(?:增长|下降)[0-9.]+%)?，主要(?:是|原因是|由于)[：]?/u;

/** One part's change in the reason, to the end of its clause: "一般公共预算拨款较上年增加 a 万元，". */
export const PART_CHANGE = new RegExp(
  `^(?<label>[^，；、：。0-9]{2,30}?)(?<compared>${COMPARED})?(?<word>增加|减少)了?(?=[0-9])`,
  'u',
);

/**
 * One part said unchanged in the reason, to the end of its clause: "其他收入与上年持平", "事业收入无变化" (not "基本持平":
 * roughly unchanged says no figure).
 */
const PART_FLAT = new RegExp(
  `^(?<label>[^，；、：。0-9]{2,30}?)(?:(?<compared>${COMPARED})[，]?)?(?<!基本|大体|大致|总体)(?:${NIL_WORDS})(?=[，；、。]|$)`,
  'u',
);

/** Whether two comparisons' years may be one: the same, or one of them the year before unnamed ("较上年" beside "比 2024 年"). */
function sameYear(a: string, b: string): boolean {
  return a === b || a === 'before' || b === 'before';
}

/** The year a comparison names, or the year before when it names none. */
export function yearOf(compared: string): string {
  return /(?:19|20)[0-9]{2}/u.exec(compared)?.[0] ?? 'before';
}

/** A list item's name: its clause up to its figure ("其中：一般公共预算拨款 a 万元" → 一般公共预算拨款). */
export function itemLabel(pc: ParaClaims, a: AmountMention): string {
  const text = pc.p.n.text;
  return text
    .slice(markStart(pc.p, '，；、：。', a.start), a.start)
    .replace(/^其中/u, '')
    .replace(/(?:为|是)$/u, '');
}

/** The parts' changes of a reason read whole, clause by clause to the sentence's end; undefined when any clause is not one. */
function reasonChanges(
  pc: ParaClaims,
  from: number,
  to: number,
  year: string,
  unit: Unit,
): { name: string; change: AmountMention }[] | undefined {
  const text = pc.p.n.text;
  const out: { name: string; change: AmountMention }[] = [];
  let at = from;
  while (at < to) {
    const flat = PART_FLAT.exec(text.slice(at, to));
    if (flat?.groups) {
      if (flat.groups.compared && !sameYear(yearOf(flat.groups.compared), year)) return undefined;
      const said = at + flat[0].length;
      out.push({ name: flat.groups.label as string, change: nil(said - 2, { end: said, unit }) });
      at = said < to && /[，；、]/u.test(text[said] as string) ? said + 1 : said;
      continue;
    }
    const m = PART_CHANGE.exec(text.slice(at, to));
    if (!m?.groups) return undefined;
    // a part compared with another year than the total is no part of its change
    if (m.groups.compared && !sameYear(yearOf(m.groups.compared), year)) return undefined;
    const start = at + m[0].length;
    const amount = startingAt(pc.p.amounts, start);
    if (!amount) return undefined;
    const change = m.groups.word === '减少' ? flipped(amount) : amount;
    out.push({ name: m.groups.label as string, change });
    // the clause ends right after the figure: a comma, semicolon or 、, the sentence's end, or the next clause
    // written on with no mark at all ("…拨款减少 a 万元政府性基金预算拨款增加 b 万元…")
    at = amount.end < to && /[，；、]/u.test(text[amount.end] as string) ? amount.end + 1 : amount.end;
  }
  return out;
}

/**
 * Words a list or a reason may add after an item's name: "事业收入资金" is the reason's "事业收入", "一般公共预算拨款" the
 * reason's "一般公共预算".
 */
const NAME_TAIL = /^(?:资金|收入|收入资金|拨款)$/u;

/**
 * The one item of a list (`names`, as the list writes them) a reason's part names: the same name, or the same with
 * one side adding NAME_TAIL; -1 when none or more than one is so named.
 */
export function itemNamed(names: readonly string[], name: string): number {
  const same = (x: string) =>
    x === name ||
    (x.startsWith(name) && NAME_TAIL.test(x.slice(name.length))) ||
    (name.startsWith(x) && NAME_TAIL.test(name.slice(x.length)));
  const exact = names.indexOf(name);
  if (exact >= 0) return names.lastIndexOf(name) === exact ? exact : -1;
  const found = names.flatMap((x, k) => (same(x) ? [k] : []));
  if (found.length > 0) return found.length === 1 ? (found[0] as number) : -1;
  // "一般公共预算经费拨款", "一般公共预算资金拨款" are the list's "一般公共预算拨款": 经费 or 资金 added inside the name says
  // nothing more
  const plain = (x: string) => x.replace(/(?:经费|资金)(?=拨款)/gu, '');
  const loose = names.flatMap((x, k) => (plain(x) === plain(name) ? [k] : []));
  return loose.length === 1 ? (loose[0] as number) : -1;
}

/**
 * "（一）收入预算：年初预算数 T 万元，其中：一般公共预算拨款 a 万元，政府性基金预算拨款 0 万元。收入较去年增加 C 万元，主要是
 * 一般公共预算拨款增加 c 万元": the section's total broken down completely (the items add up to T exactly), and its change
 * explained by the changes of the items, each named as the list names it. An item nil this year whose change is not
 * written, like a source the list leaves out, can only have decreased: the total's change is at most the sum of the
 * changes written (n.change-sum, a bound). Read only when every item with money this year has its change written and
 * the reason is nothing but such changes, each against the total's year.
 */
export function reasonListChangeClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  const allText = paras.map((pc) => pc.p.n.text).join('\n');
  for (const pc of paras)
    for (const { section, list: found, whole, lead, from, end } of sectionReasons(pc, true)) {
      const list = found as List | undefined;
      const parts = reasonChanges(pc, from, end, yearOf(lead), whole.change.unit);
      if (!parts || parts.length === 0) continue;
      const items = parts.map((x) => x.change);
      const undecided = items.map(() => false);
      const names = list ? list.items.map((i) => itemLabel(pc, i.amount)) : [];
      // each part is one item of the list, named once; each item with money this year has its change written
      const index = parts.map((x) => itemNamed(names, x.name));
      if (index.some((k) => k < 0) || new Set(index).size !== index.length) {
        // (a spending section's own kinds are read where its total is: named-change.ts)
        const likely = section === '收入' ? spendingKinds(parts.map((x) => x.name)) : undefined;
        if (!likely) continue;
        // the budget's change explained by its spending kinds' (基本支出 and 项目支出, or 人员经费, 公用经费 and 项目经费) —
        // the income budget is the spending budget's other side (a balanced budget): the likely reading, its other
        // kinds (上缴上级支出, 经营支出 …) unchanged
        const claim = sumClaim(
          'changes:reason',
          whole,
          { items, undecided, unstated: 0, usualOnly: true },
          `${section}预算`,
        );
        if (claim?.kind !== 'list') continue;
        claim.usualParts = likely;
        if (claim.items.length === 1) claim.sole = true;
        claim.unusualParts = ['上缴上级支出', '经营支出'];
        out.push(claim);
        continue;
      }
      if (!list || list.items.some((i, k) => !i.amount.value.isZero() && !index.includes(k))) continue;
      // the sources the list leaves out and its items nil now whose change is unwritten: at least one such, always
      const claim = sumClaim('changes:reason', whole, { items, undecided, unstated: 1 }, `${section}预算`);
      if (claim?.kind !== 'list') continue;
      // the likely reading: no other source is named anywhere in the text (the list's nil items and the sources it
      // leaves out had nothing the year before either) — the written changes are all of the total's
      // (an item the list writes as nil whose change is unwritten is a source named: it may have had money the year before)
      const others = SOURCES.filter((x) => !names.some((n) => x.test(n)));
      const silent =
        section === '收入' &&
        list.items.every((i, k) => !i.amount.value.isZero() || index.includes(k)) &&
        others.every((x) => !x.test(allText.replace(/其他支出/gu, '')));
      const likely = silent
        ? sumClaim('changes:reason', whole, { items, undecided, unstated: 0, usualOnly: true }, `${section}预算`)
        : undefined;
      if (likely?.kind === 'list' && claim.compare !== 'equal') {
        // (one source's change said to be the total's: it must be all of it)
        if (likely.items.length === 1) likely.sole = true;
        likely.usualParts = index.map((k) => names[k] as string);
        likely.unusualParts = ['上年结转', '其他来源'];
        likely.certain = claim;
        out.push(likely);
      } else out.push(claim);
    }
  return out;
}

/**
 * The sources of a unit's income a budget's list may name (一般公共预算拨款 aside): any named in the text and not among
 * the list's items may have changed unwritten.
 */
const SOURCES: readonly RegExp[] = [
  /结转|结余/u,
  /政府性基金/u,
  /国有资本经营/u,
  /事业收入/u,
  /经营收入/u,
  /其他收入/u,
  /财政专户/u,
  /上级补助/u,
  /附属单位/u,
  /事业基金/u,
];

/** 基本支出 (or 人员经费 and 公用经费 both) and 项目支出, by the names a reason gives them; their labels, else undefined. */
function spendingKinds(names: readonly string[]): string[] | undefined {
  const kinds = names.map((n) => {
    const x = n.replace(/(?:预算|资金)$/u, '');
    if (/^(?:基本支出|基本经费|人员和公用经费|人员经费和公用经费)$/u.test(x)) return 'basic';
    if (/^人员经费$/u.test(x)) return 'personnel';
    if (/^(?:日常)?公用经费$/u.test(x)) return 'public';
    if (/^(?:项目支出|项目经费)$/u.test(x)) return 'project';
    return undefined;
  });
  if (kinds.some((k) => k === undefined) || new Set(kinds).size !== kinds.length) return undefined;
  const has = (k: 'basic' | 'personnel' | 'public' | 'project') => kinds.includes(k);
  const whole =
    has('project') && (has('basic') ? !has('personnel') && !has('public') : has('personnel') && has('public'));
  return whole ? [...names] : undefined;
}

/** A budget section's total change explained part by part: its section word, breakdown, comparison, and where its reason runs. */
export interface SectionReason {
  section: string;
  /** The section's total broken down completely (its items add up to it exactly); with `listless`, perhaps none. */
  list: List;
  whole: Yoy;
  /** The comparison's words ("较上年", "比 2024 年"): the year the parts are compared with. */
  lead: string;
  /** The reason, from right after its opening words to the sentence's end. */
  from: number;
  end: number;
}

/**
 * "（一）收入预算：年初预算数 T 万元，其中：…。收入较去年增加 C 万元，主要是…": each comparison of the section's total with
 * the year before whose reason follows it, with the section's complete breakdown.
 */
export function sectionReasons(pc: ParaClaims, listless = false): SectionReason[] {
  const text = pc.p.n.text;
  const section = BUDGET_SECTION.exec(text)?.groups?.word;
  const first = pc.p.amounts[0];
  if (!section || !first) return [];
  // items that add up to the total exactly are all of it this year, whether or not their words say so (one
  // item equal to the total is all of it too)
  const lists = pc.claims.filter(
    (c): c is List =>
      c.kind === 'list' &&
      c.listId === 'breakdown' &&
      (c.compare === 'equal' || c.items.length === 1) &&
      !c.overlapping &&
      c.total === first &&
      c.items.every((i) => i.para === pc.p.para),
  );
  const exact = (c: List) => c.items.reduce((acc, i) => acc.plus(i.amount.value), new Decimal(0)).eq(first.value);
  const list = lists.find(exact) ?? lists.map((c) => runOn(pc, c, first)).find((c) => c !== undefined);
  if (!list && !listless) return [];
  const out: SectionReason[] = [];
  const listEnd = list ? Math.max(...list.items.map((i) => i.amount.end)) : first.end;
  const read = (whole: Yoy, lead: string) => {
    const reason = REASON.exec(text.slice(whole.change.end));
    if (!reason) return;
    const from = whole.change.end + reason[0].length;
    const end = text.indexOf('。', from);
    out.push({ section, list: list as List, whole, lead, from, end: end < 0 ? text.length : end });
  };
  for (const { whole, lead } of sectionWholes(pc, section, listEnd)) read(whole, lead);
  return out;
}

/** The comparisons with the year before of a budget section's total written after `from`, with the words of each. */
function sectionWholes(pc: ParaClaims, section: string, from: number): { whole: Yoy; lead: string }[] {
  const text = pc.p.n.text;
  const first = pc.p.amounts[0];
  const out: { whole: Yoy; lead: string }[] = [];
  for (const whole of pc.claims) {
    if (whole.kind !== 'yoy' || whole.change.start < from || whole.versusBudget || whole.sameScope) continue;
    if (whole.pair || whole.eitherWay || (whole.current && whole.current !== first)) continue;
    const lead = BARE_TOTAL.exec(text.slice(groupStart(pc.p, whole.change.start), whole.change.start))?.groups;
    if (lead?.word !== section) continue;
    out.push({ whole, lead: lead.compared ?? '' });
  }
  for (const whole of yearOnlyTotals(pc, section, from)) out.push({ whole, lead: `比${whole.year}年` });
  return out;
}

/**
 * "（一）收入预算：2025 年年初预算数 T，…收入较去年减少 c1" and "（二）支出预算：2025 年年初预算数 T，…支出较去年减少 c2": a
 * unit's budget balances — its income and spending budgets are one figure this year, as they were the year before — so
 * the two sections' totals, written as one figure, change by one amount too (n.totals-equal). Read only for the two
 * sections' own totals, each compared once with the same year, the spending section the next such section after the
 * income one.
 */
export function balancedChangeClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  const sectionOf = (pc: ParaClaims) => {
    const word = BUDGET_SECTION.exec(pc.p.n.text)?.groups?.word;
    const first = pc.p.amounts[0];
    if (!word || !first) return undefined;
    const wholes = sectionWholes(pc, word, first.end);
    return wholes.length === 1 ? { word, first, ...(wholes[0] as { whole: Yoy; lead: string }) } : undefined;
  };
  for (const [k, pc] of paras.entries()) {
    const income = sectionOf(pc);
    if (income?.word !== '收入') continue;
    const next = paras.slice(k + 1).find((x) => BUDGET_SECTION.test(x.p.n.text));
    const spending = next && sectionOf(next);
    if (spending?.word !== '支出' || income.first.unit !== spending.first.unit) continue;
    if (!compareEq(mentionApprox(income.first), mentionApprox(spending.first)).consistent) continue;
    if (!sameYear(yearOf(income.lead), yearOf(spending.lead))) continue;
    const { whole } = spending;
    out.push({
      kind: 'totals-equal',
      income: signed(income.whole),
      spending: signed(whole),
      balancedTotal: spending.first,
      para: whole.para,
      sentence: whole.sentence,
      quote: whole.quote,
    });
  }
  return out;
}

/** A sentence that is an item's name and figure alone: "事业收入 1550 万元。" */
const BARE_ITEM = /^[\u4e00-\u9fff（）()]{2,20}?(?:为|是)?$/u;

/**
 * "其中：一般公共预算拨款 a 万元。事业收入 b 万元。": a list cut by a full stop that runs on in sentences of an item's name and
 * figure alone, up to the total exactly (no further; a sum past the total is no such list).
 */
function runOn(pc: ParaClaims, list: List, total: AmountMention): List | undefined {
  const text = pc.p.n.text;
  const items = [...list.items];
  let sum = items.reduce((acc, i) => acc.plus(i.amount.value), new Decimal(0));
  let at = (items[items.length - 1] as List['items'][number]).amount.end;
  for (let k = 0; k < 6 && sum.lt(total.value); k += 1) {
    if (text[at] !== '。') return undefined;
    const sentence = sentenceAt(pc.p, at + 1);
    const figures = pc.p.amounts.filter((a) => a.start >= sentence.start && a.end <= sentence.end);
    const figure = figures[0];
    if (figures.length !== 1 || !figure || figure.unit !== total.unit) return undefined;
    if (!BARE_ITEM.test(text.slice(sentence.start, figure.start))) return undefined;
    items.push({ amount: figure, para: pc.p.para });
    sum = sum.plus(figure.value);
    at = figure.end;
  }
  return sum.eq(total.value) && items.length > list.items.length ? { ...list, items, compare: 'equal' } : undefined;
}

/** The section total's comparisons written with the year alone ("收入 2024 增加 C 万元") after its list. */
function yearOnlyTotals(pc: ParaClaims, section: string, from: number): (Yoy & { year: string })[] {
  const text = pc.p.n.text;
  const out: (Yoy & { year: string })[] = [];
  for (const mark of allMatches(text.slice(from), /[。；，]/gu)) {
    const at = from + mark.index + 1;
    const m = YEAR_ONLY_TOTAL.exec(text.slice(at));
    const year = m?.groups?.year ?? m?.groups?.after;
    if (m?.groups?.word !== section || !year) continue;
    const change = startingAt(pc.p.amounts, at + m[0].length);
    if (!change) continue;
    const sentence = sentenceAt(pc.p, change.start);
    const changeWord = m.groups.change === '减少' ? 'down' : 'up';
    out.push({ kind: 'yoy', change, changeWord, ...place(pc.p, sentence, change), year });
  }
  return out;
}
