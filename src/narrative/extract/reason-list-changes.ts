import { OUTLINE_MARK } from '../../util/outline.js';
import { Decimal } from 'decimal.js';
import type { AmountMention, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { flipped, sumClaim } from './change-sum.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import { markStart } from './state.js';
import { groupStart } from './yoy.js';

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
 * what it is compared with, as nothing else could be. Read only as the opening of a clause group.
 */
const YEAR_ONLY_TOTAL =
  /^(?:(?:19|20)[0-9]{2}年度?)?(?<word>收入|支出)(?:预算)?(?:数)?(?<year>(?:19|20)[0-9]{2})年?度?，?(?<change>增加|减少)了?(?=[0-9])/u;

/** What opens the reason right after the total's change (and its rate): "，主要是", "，主要原因是：". */
const REASON = /^(?:，(?:增长|下降)[0-9.]+%)?，主要(?:是|原因是|由于)[：]?/u;

/** One part's change in the reason, to the end of its clause: "一般公共预算拨款较上年增加 a 万元，". */
export const PART_CHANGE = new RegExp(
  `^(?<label>[^，；、：。0-9]{2,30}?)(?<compared>${COMPARED})?(?<word>增加|减少)了?(?=[0-9])`,
  'u',
);

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
): { name: string; change: AmountMention }[] | undefined {
  const text = pc.p.n.text;
  const out: { name: string; change: AmountMention }[] = [];
  let at = from;
  while (at < to) {
    const m = PART_CHANGE.exec(text.slice(at, to));
    if (!m?.groups) return undefined;
    // a part compared with another year than the total is no part of its change
    if (m.groups.compared && yearOf(m.groups.compared) !== year) return undefined;
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
  for (const pc of paras)
    for (const { section, list, whole, lead, from, end } of sectionReasons(pc)) {
      const parts = reasonChanges(pc, from, end, yearOf(lead));
      if (!parts || parts.length === 0) continue;
      const names = list.items.map((i) => itemLabel(pc, i.amount));
      // each part is one item of the list, named once; each item with money this year has its change written
      const index = parts.map((x) => itemNamed(names, x.name));
      if (index.some((k) => k < 0) || new Set(index).size !== index.length) continue;
      if (list.items.some((i, k) => !i.amount.value.isZero() && !index.includes(k))) continue;
      const items = parts.map((x) => x.change);
      // the sources the list leaves out and its items nil now whose change is unwritten: at least one such, always
      const claim = sumClaim(
        'changes:reason',
        whole,
        { items, undecided: items.map(() => false), unstated: 1 },
        `${section}预算`,
      );
      if (claim) out.push(claim);
    }
  return out;
}

/** A budget section's total change explained part by part: its section word, breakdown, comparison, and where its reason runs. */
export interface SectionReason {
  section: string;
  /** The section's total broken down completely (its items add up to it exactly). */
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
export function sectionReasons(pc: ParaClaims): SectionReason[] {
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
  if (!list) return [];
  const out: SectionReason[] = [];
  const listEnd = Math.max(...list.items.map((i) => i.amount.end));
  const read = (whole: Yoy, lead: string) => {
    const reason = REASON.exec(text.slice(whole.change.end));
    if (!reason) return;
    const from = whole.change.end + reason[0].length;
    const end = text.indexOf('。', from);
    out.push({ section, list, whole, lead, from, end: end < 0 ? text.length : end });
  };
  for (const whole of pc.claims) {
    if (whole.kind !== 'yoy' || whole.change.start < listEnd || whole.versusBudget || whole.sameScope) continue;
    if (whole.pair || whole.eitherWay || (whole.current && whole.current !== first)) continue;
    const lead = BARE_TOTAL.exec(text.slice(groupStart(pc.p, whole.change.start), whole.change.start))?.groups;
    if (lead?.word !== section) continue;
    read(whole, lead.compared ?? '');
  }
  for (const whole of yearOnlyTotals(pc, section, listEnd)) read(whole, `比${whole.year}年`);
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
  for (const mark of text.slice(from).matchAll(/[。；，]/gu)) {
    const at = from + mark.index + 1;
    const m = YEAR_ONLY_TOTAL.exec(text.slice(at));
    if (m?.groups?.word !== section || !m.groups.year) continue;
    const change = startingAt(pc.p.amounts, at + m[0].length);
    if (!change) continue;
    const sentence = sentenceAt(pc.p, change.start);
    const changeWord = m.groups.change === '减少' ? 'down' : 'up';
    out.push({ kind: 'yoy', change, changeWord, ...place(pc.p, sentence, change), year: m.groups.year });
  }
  return out;
}
