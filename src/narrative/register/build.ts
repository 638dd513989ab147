import type { Decimal } from 'decimal.js';
import { unitFactor } from '../../money/interval.js';
import type { Partition } from '../catalog/types.js';
import { type AmountMention, type Claim, sameFigure, significantDigits } from '../claims.js';
import { outlineMark } from '../../util/outline.js';
import { ownerAt } from '../extract/owner.js';
import type { Paragraph } from '../types.js';
import { type Frame, type FrameReader, frameReader, levelKey } from './key.js';

export { levelKey };
import type { ParaText } from '../extract/para.js';
import { namedFigures, namedLevels } from './named.js';
import { outlineHeading, place, sentenceAt } from '../extract/para.js';

type Amount = Extract<Claim, { kind: 'amount' }>;
type Yoy = Extract<Claim, { kind: 'yoy' }>;
type Rate = Extract<Claim, { kind: 'rate' }>;

/**
 * One statement of a quantity: its claim, the key naming the quantity (subject and frame, or for a rate its two
 * figures) and the body the text gives it to ('' when none). Two statements with one key and one owner state one
 * quantity: their values must meet.
 */
export interface Statement<C extends Claim> {
  key: string;
  owner: string;
  claim: C;
  /** A level's frame, for the checks that look up another frame's level (the base of a change). */
  frame?: Frame;
  /** A level's role in its key: its claim's, or the kind its list's total names. */
  role?: 'actual' | 'budget';
  /** A level stated as a part in another subject's list ("“三公”经费 T，其中：…公务接待费 a"). */
  listed?: boolean;
  /** A rate's yardstick named but not written ("年初预算"): the message names it. */
  yardstick?: string;
}

/** Every statement the text makes of the quantities it may state more than once, by kind of quantity, in text order. */
export interface Register {
  levels: Statement<Amount>[];
  /** Levels of figures the catalog has no subject for, keyed by the name written before them (named.ts). */
  named: Statement<Amount>[];
  changes: Statement<Yoy>[];
  rates: Statement<Rate>[];
  /** Every comparison of a repeated subject's figure with another year ("A 万元，比上年增加 C"), each with its figure. */
  comparisons: (Yoy & { current: AmountMention })[];
  /** Every subject's change stated with its rate ("比上年下降 C 亿元，降幅 P%"), any subject: a headline restates one. */
  comparisonsWithRate: Yoy[];
  frames: FrameReader;
  /** The document's paragraphs, in order (a headline's rate is checked against the body's). */
  paragraphs: readonly Paragraph[];
}

/**
 * Figures a document states once and may repeat: the totals and the 三公 items. Class and 项
 * names are left out (the same class is stated for all funds and for the general budget).
 */
const REPEATED = new Set([
  'grand-total',
  'expenditure-grand-total',
  'income-total',
  'expenditure-total',
  'fiscal-grand-total',
  'general-expenditure',
  'sangong',
  'sangong-abroad',
  'sangong-vehicle',
  'sangong-vehicle-purchase',
  'sangong-vehicle-operation',
  'sangong-reception',
  'running-costs',
  'opening-balance',
]);

/**
 * 财政拨款收入: the unit's one figure of its appropriations received in the year, stated in the 收入 paragraph and again in
 * the 财政拨款 paragraph — its levels are compared too (a 总计 of it may hold the opening balance: see restated.ts).
 */
const REPEATED_LEVELS = new Set([...REPEATED, 'fiscal-income']);

/**
 * The subjects whose change over the year before is compared when stated twice: those above, and 收入合计's parts — their
 * changes are stated in the 收支总计's reason and again in the 收入's ("收支较上年减少 C，主要原因是：一是财政拨款收入减少
 * a…" and "收入合计…增加 C'，主要原因是：…财政拨款收入减少 a"). (Not their levels: "上级补助收入" names a government's
 * transfer as well, another figure.)
 */
const REPEATED_CHANGES = new Set([
  ...REPEATED,
  'fiscal-income',
  'superior-income',
  'business-income',
  'operating-income',
  'affiliated-income',
  'other-income',
]);

/** A figure's value in 万元, whatever unit it was written in (2,345.60 万元 and 23,456,000 元 are one figure). */
function inWan(m: AmountMention): Decimal {
  return m.value.mul(unitFactor(m.unit, '万元'));
}

/**
 * The items of the text's lists, each with the subject of its list's total ('' when the total names
 * none). A part of an unnamed total ("其中：国内公务接待费 6.50 万元") is not the subject's figure restated;
 * one listed under another subject's total ("“三公”经费支出决算 A 万元，其中：公务接待费 a 万元") is
 * that subject's own figure, and is compared with its other statements.
 */
function listedParts(
  claims: Claim[],
  partitions: readonly Partition[],
  plain: (text: string) => string,
): Map<AmountMention, Listed> {
  const out = new Map<AmountMention, Listed>();
  const subjectOf = new Map<AmountMention, string>();
  for (const c of claims) if (c.kind === 'amount') subjectOf.set(c.amount, c.subject.id);
  // (a grand total's lines, each stated in its own words, are those lines' own figures: compared as stated)
  for (const c of claims)
    if (c.kind === 'list' && c.listId !== 'grand')
      for (const i of c.items) if (!out.has(i.amount)) out.set(i.amount, { of: '' });
  for (const c of claims) {
    if (c.kind !== 'list' || c.listId === 'grand') continue;
    const named = c.totalSubject?.id;
    const items = c.items.map((i) => subjectOf.get(i.amount));
    const breakdown = named ? undefined : completeBreakdown(items, partitions);
    // (the unit's own side named bare is a named total: its parts keep their own frames)
    const of = named ?? breakdown ?? unitSideBreakdown(c, items, partitions, plain);
    if (of)
      for (const i of c.items)
        if (out.get(i.amount)?.of === '') out.set(i.amount, breakdown ? { of, breakdown: c } : { of, under: c });
  }
  return out;
}

/** What a list item is part of: its total's subject ('' when unnamed), and the list when only its items name the total. */
interface Listed {
  of: string;
  breakdown?: Extract<Claim, { kind: 'list' }>;
  /** The list under a named total. */
  under?: Extract<Claim, { kind: 'list' }>;
}

/**
 * The total whose every part, each once and nothing else, a list's items name ("…实际支出 T。其中，因公出国（境）费
 * a，公务用车购置及运行费 b，公务接待费 c"): its total is that subject's, unnamed or not — a sub-scope ("国内公务接待费")
 * names no whole breakdown. Undefined when the items are no partition's parts.
 */
function completeBreakdown(items: (string | undefined)[], partitions: readonly Partition[]): string | undefined {
  if (items.some((i) => i === undefined) || new Set(items).size !== items.length) return undefined;
  return partitions.find((p) => p.parts.length === items.length && p.parts.every((x) => items.includes(x)))?.total;
}

/** The unit's own side named bare before a list's total: "2017 年度，本单位收入为 T", "本部门支出 T" (a clause of its own). */
const UNIT_SIDE =
  /(?:^|[，。；：])(?:20[0-9]{2}年度?[，]?)?(?:本单位|本部门|我单位|我部门)(?:本年)?(收入|支出)(?:决算数?)?(?:为|是|共计?)?$/u;
const SIDE_TOTAL: Record<string, string> = { 收入: 'income-total', 支出: 'expenditure-total' };

/**
 * "2017 年度，本单位收入为 T，其中：财政拨款收入 a；事业收入 b；经营收入 0…": the unit's own income named bare, listed by
 * some of 本年收入合计's parts (each once): the list is of that total — its parts are the unit's own figures, not a
 * sub-scope's.
 */
function unitSideBreakdown(
  list: Extract<Claim, { kind: 'list' }>,
  items: (string | undefined)[],
  partitions: readonly Partition[],
  plain: (text: string) => string,
): string | undefined {
  if (items.length < 2 || items.some((i) => i === undefined) || new Set(items).size !== items.length) return undefined;
  const side = UNIT_SIDE.exec(plain(list.totalPlace.text).slice(0, list.total.start))?.[1];
  const total = side && SIDE_TOTAL[side];
  const partition = partitions.find((p) => p.total === total);
  return partition && items.every((i) => partition.parts.includes(i as string)) ? total : undefined;
}

/** Before a figure: an estimate or a bound ("近 900 亿", "超过 200 万元"), not a value stated. */
const ROUGH_BEFORE = /(?:约|近|将近|接近|超过|逾|达到?|不足|不到)$/u;
/** After a figure: an estimate or a bound ("增支 200 万元以上", "20 万元左右"). */
const ROUGH_AFTER = /^(?:以上|以下|左右|上下|多|余|以内)/u;

/** Whether the figure at `m` in normalised `text` is written as an estimate or a bound. */
export function rough(text: string, m: AmountMention): boolean {
  return ROUGH_BEFORE.test(text.slice(Math.max(0, m.start - 3), m.start)) || ROUGH_AFTER.test(text.slice(m.end));
}

/**
 * The totals of sums written out ("市本级教育支出 a，加上市对区县补助支出 b，市级支出合计 T") whose first figure is a class's
 * or no subject's, each with that figure's name: T is that spending's total at the wider level, whatever its words
 * (支出合计) — two such sums of differently named spending are two figures, not one restated.
 */
function namedSums(claims: Claim[], plain: (text: string) => string): Map<AmountMention, string> {
  const subjectAt = new Map<string, string>();
  for (const c of claims) if (c.kind === 'amount') subjectAt.set(`${c.para.n}:${c.amount.start}`, c.subject.id);
  const out = new Map<AmountMention, string>();
  for (const c of claims) {
    if (c.kind !== 'list' || c.listId !== 'plus') continue;
    const first = c.items[0];
    if (!first) continue;
    const subject = subjectAt.get(`${first.para.n}:${first.amount.start}`);
    if (subject !== undefined && !subject.startsWith('class:')) continue;
    const before = plain(first.para.text).slice(0, first.amount.start);
    const name = before.slice(Math.max(...[...'，,；;。：:'].map((m) => before.lastIndexOf(m))) + 1);
    const own = name.replace(/^\s*[0-9一二三四五六七八九十]{1,3}[.、．]\s*/u, '').trim();
    if (own !== '') out.set(c.total, `sum of ${own}`);
  }
  return out;
}

/** The two grand totals named at once, right before their one figure: "收、支总计均为", "收支总计各", "收入支出总计". */
const BOTH_GRAND = /(?:收、?支|收入、?支出)总计(?:均|都|各)?(?:为|是|达)?：?\s*$/u;

/** A level of a repeated subject, framed; none for a part of a list whose total is unnamed or is the part's own subject. */
function levels(
  claims: Claim[],
  frames: FrameReader,
  partitions: readonly Partition[],
  read: readonly ParaText[],
): Statement<Amount>[] {
  const listed = listedParts(claims, partitions, frames.plain);
  const summed = namedSums(claims, frames.plain);
  const out: Statement<Amount>[] = [];
  for (const c of claims) {
    if (c.kind !== 'amount' || !REPEATED_LEVELS.has(c.subject.id)) continue;
    const listing = listed.get(c.amount);
    if (listing && (listing.of === '' || listing.of === c.subject.id)) continue;
    const own = frames.levelFrame(c);
    const frame = listing?.breakdown
      ? frames.breakdownFrame(listing.breakdown, own)
      : listing?.under
        ? frames.partFrame(listing.under, own)
        : own;
    if (!frame) continue;
    // a list's part its own clause names no kind of is of its total's ("预算数为 T，其中：…公务接待费 a" — a is a budget)
    const role =
      listing && !own.ownClause && frame.stated
        ? frame.kind === 'actual'
          ? 'actual'
          : 'budget'
        : own.budgetHeading
          ? 'budget'
          : c.role;
    const statement: Statement<Amount> = {
      key: levelKey(c.subject.id, role, frame),
      owner: summed.get(c.amount) ?? ownerAt(frames.plain(c.para.text), c.amount.start),
      claim: c,
      frame,
      role,
      listed: listing !== undefined,
    };
    out.push(statement);
    // "收、支总计均为 A": both grand totals at once — A is the 支出总计 too
    if (c.subject.id === 'grand-total' && BOTH_GRAND.test(frames.plain(c.para.text).slice(0, c.amount.start)))
      out.push({ ...statement, key: levelKey('expenditure-grand-total', role, frame) });
  }
  return datedByText([...out, ...shortNamedLevels(read, claims, frames)], frames.plain);
}

/** A subject's name with its fund before 财政拨款 ("一般公共预算财政拨款支出"): the fund and the rest, 财政拨款 left out. */
const FUND_APPROPRIATION = /^(一般公共预算|政府性基金预算|国有资本经营预算)财政拨款(.{2,12})$/u;
/** What may follow the short name before its figure: the outturn's word (决算数), not a budget's. */
const OUTTURN_AFTER = /^(?:决算数?|实际支出|执行数)?$/u;

/**
 * "（三）一般公共预算财政拨款支出决算具体情况" over "2020 年一般公共预算支出决算数为 A，完成预算 R%": under a heading naming a
 * repeated subject in full, the subject's name with 财政拨款 left out (its fund and its flow: 一般公共预算支出) is that subject,
 * shortened — the section tells of nothing else. Read only where the text states the subject by its full name too, and only
 * a figure no claim names already, its own clause naming the outturn or no kind at all.
 */
function shortNamedLevels(read: readonly ParaText[], claims: Claim[], frames: FrameReader): Statement<Amount>[] {
  const subjects = new Map<string, Amount['subject']>();
  for (const c of claims)
    if (c.kind === 'amount' && REPEATED_LEVELS.has(c.subject.id)) subjects.set(c.subject.id, c.subject);
  const shortNames = [...subjects.values()].flatMap((subject) =>
    subject.names.flatMap((full) => {
      const m = FUND_APPROPRIATION.exec(full);
      return m ? [{ subject, full, short: `${m[1]}${m[2]}` }] : [];
    }),
  );
  if (shortNames.length === 0) return [];
  const claimed = new Set(claims.flatMap((c) => (c.kind === 'amount' ? [`${c.para.id}:${c.amount.start}`] : [])));
  const out: Statement<Amount>[] = [];
  read.forEach((p, index) => {
    const heading = headingOver(read, index);
    for (const f of namedFigures([p], (q, a) => claimed.has(`${q.para.id}:${a.start}`))) {
      const found = shortNames.find(
        (n) =>
          f.name.startsWith(n.short) && OUTTURN_AFTER.test(f.name.slice(n.short.length)) && heading.includes(n.full),
      );
      if (!found) continue;
      const claim: Amount = {
        kind: 'amount',
        subject: found.subject,
        role: 'actual',
        amount: f.amount,
        ...place(p, sentenceAt(p, f.amount.start), f.amount),
      };
      const frame = frames.levelFrame(claim);
      out.push({
        key: levelKey(found.subject.id, 'actual', frame),
        owner: ownerAt(frames.plain(p.para.text), f.amount.start),
        claim,
        frame,
        role: 'actual',
      });
    }
  });
  return out;
}

/** The nearest outline heading above a paragraph (a short line with its outline mark), '' when none. */
function headingOver(read: readonly ParaText[], index: number): string {
  for (let k = index - 1; k >= 0; k -= 1) {
    const p = read[k] as ParaText;
    if (outlineHeading(p, { comma: true, closingStop: true })) return p.n.text;
  }
  return '';
}

/**
 * An item's own paragraph: it opens with the subject's name and states its figure in its first sentence ("公务接待费
 * 支出 a 万元。公务接待费是指…", "2. 公务接待费预算 a 万元，…"). Not a figure of a body or an area the paragraph
 * names first ("比如某省公车购置及运行费为 a", "某委公布的三公经费预算共计 T").
 */
function itemParagraph(c: Amount, plain: (text: string) => string): boolean {
  const text = plain(c.para.text);
  const mark = outlineMark(text).length;
  const lead = text.slice(mark, c.amount.start);
  if (!/[。！？；]/u.test(lead)) return c.subject.names.some((n) => lead.startsWith(n));
  // a later sentence of the paragraph opening with the subject's name ("2.公务用车购置及运行维护费支出 T，其中：公务用车购置
  // 支出为 a。公务用车运行维护费支出 b，…"): the item's own figure too, when the sentences before it name no other period
  const opening = Math.max(...[...'。！？；'].map((m) => lead.lastIndexOf(m))) + 1;
  const own = lead.slice(opening).trimStart();
  return !OTHER_PERIOD.test(lead.slice(0, opening)) && c.subject.names.some((n) => own.startsWith(n));
}

/** Words of another period or of a budget: sentences naming them may frame the figures after them. */
const OTHER_PERIOD = /上年|去年|上一年|同期|预算|(?:19|20)[0-9]{2}|[0-9]+月/u;

/**
 * A level whose words name no year (its paragraph and heading none: "公务接待费支出 a 万元。公务接待费是指…"), stated
 * in the item's own paragraph, in a text that lists that subject as a part of a total (same kind and scope) for one
 * written year only, is of that year — when the text states them for two years or more, which one it is is not
 * certain and it stays apart.
 */
function datedByText(statements: Statement<Amount>[], plain: (text: string) => string): Statement<Amount>[] {
  const rest = (s: Statement<Amount>) =>
    levelKey(s.claim.subject.id, s.role ?? s.claim.role, { ...(s.frame as Frame), year: '' });
  const years = new Map<string, Set<string>>();
  // the years of the subject's parts listed under a total: an item restated in its own paragraph
  for (const s of statements)
    if (s.listed && s.frame && /^20[0-9]{2}$/u.test(s.frame.year))
      years.set(rest(s), (years.get(rest(s)) ?? new Set()).add(s.frame.year));
  // the years a subject is listed for as a budget's part, and the subjects listed as an outturn's part anywhere
  const scopeOf = (s: Statement<Amount>) => {
    const f = s.frame as Frame;
    return `${s.claim.subject.id}:${f.period}:${f.fund}:${f.scope}:${f.section}`;
  };
  const budgetYears = new Map<string, Set<string>>();
  const listedActual = new Set<string>();
  for (const s of statements) {
    if (!s.listed || !s.frame) continue;
    if (s.role === 'actual') listedActual.add(s.claim.subject.id);
    else if (s.frame.kind === 'budget' && /^20[0-9]{2}$/u.test(s.frame.year))
      budgetYears.set(scopeOf(s), (budgetYears.get(scopeOf(s)) ?? new Set()).add(s.frame.year));
  }
  return statements.map((s) => {
    if (s.frame?.year !== '' || !itemParagraph(s.claim, plain)) return s;
    const known = years.get(rest(s));
    if (known?.size === 1) {
      const frame = { ...s.frame, year: [...known][0] as string };
      return { ...s, frame, key: levelKey(s.claim.subject.id, s.role ?? s.claim.role, frame) };
    }
    // "（三）公务用车购置及运行费支出 b，比 2019 年预算增加 c" under an overview that lists the subject as a part of one year's
    // budget only ("…支出预算为 T。其中：…公务用车购置及运行费支出预算为 b'"), no outturn of it listed anywhere: its own
    // words name the flow only (支出, no 决算) and it is compared with a budget — it is that year's budget
    const budgets = budgetYears.get(scopeOf(s));
    const year = budgets?.size === 1 ? ([...budgets][0] as string) : '';
    if (year === '' || listedActual.has(s.claim.subject.id) || !budgetItem(s.claim, year, plain)) return s;
    const frame: Frame = { ...s.frame, year, kind: 'budget', stated: true };
    return { ...s, frame, role: 'budget', key: levelKey(s.claim.subject.id, 'budget', frame) };
  });
}

/**
 * An item's own paragraph whose words name its figure by the flow alone ("（三）公务用车购置及运行费支出 b", no 决算, 实际,
 * 执行, 完成 and no 预算 before it) and compare it with the year before's budget right after ("，比 2019 年预算增加 c",
 * "，与上年预算持平") — `year` being the budget's year. Not "与 2020 年度预算相比" of a 2020 figure: an outturn against its
 * own year's budget.
 */
function budgetItem(c: Amount, year: string, plain: (text: string) => string): boolean {
  const text = plain(c.para.text);
  const lead = text.slice(outlineMark(text).length, c.amount.start);
  const sentenceEnd = text.slice(c.amount.end).search(/[。；]/u);
  const after = text.slice(c.amount.end, sentenceEnd < 0 ? undefined : c.amount.end + sentenceEnd);
  const m = /^[，,](?:比|较|与)(?:(上年|去年)|(20[0-9]{2})年)度?(?:的)?预算数?/u.exec(after);
  return (
    !/决算|实际|执行|完成|预算|安排/u.test(lead) &&
    m !== null &&
    (m[1] !== undefined || Number(m[2]) === Number(year) - 1)
  );
}

/**
 * A repeated subject's change over the year before, framed. Comparisons with a budget, on an adjusted basis
 * (同口径) or of several subjects at once are left out; so is a change whose sentence names no year (which year
 * it is for is not certain).
 */
function changes(claims: Claim[], frames: FrameReader): Statement<Yoy>[] {
  const out: Statement<Yoy>[] = [];
  for (const c of claims) {
    if (c.kind !== 'yoy' || !c.subject || !REPEATED_CHANGES.has(c.subject.id)) continue;
    if (c.versusBudget || c.sameScope || c.pair || c.flat) continue;
    const frame = frames.changeFrame(c);
    if (frame === undefined || frame.startsWith(':') || rough(frames.plain(c.para.text), c.change)) continue;
    // whose change it is: the body its own figure's clause names ("市交管局今年…预算 A 亿元，比去年减少 C"), else the change's
    const text = frames.plain(c.para.text);
    const owner = (c.current && ownerAt(text, c.current.start)) || ownerAt(text, c.change.start);
    out.push({ key: `${c.subject.id}:${frame}`, owner, claim: c });
  }
  return out;
}

/**
 * The words between an outturn and its rate that name the yardstick alone, no figure: "，完成年初预算的", "，为全年预算的",
 * "，占年度任务的" — the yardstick named, its figure not written.
 */
const YARDSTICK_ONLY =
  /^[，,]?(?:累计)?(?:完成|为|占|达到?)(?:了)?(?<yard>(?:年初|全年|年度|调整后?的?|当年)?(?:预算|计划|任务)(?:数)?)的$/u;

/** A figure's name in its clause: the Han words right before it, back to the clause's mark. */
const CLAUSE_NAME = /(?<name>[\u4e00-\u9fff]{4,24})$/u;

/**
 * A rate of two written figures (the outturn over its budget): the two figures are its key. A rate whose budget is named
 * but not written ("1-7 月累计，全国一般公共预算支出 A 亿元，完成年初预算的 R%" and, paragraphs later, the same A with its
 * rate again): the outturn's name and figure (four significant digits or more, so one figure) and the yardstick's words
 * are its key — one figure over one yardstick has one rate.
 */
function rates(claims: Claim[], plain: (text: string) => string): Statement<Rate>[] {
  const out: Statement<Rate>[] = [];
  for (const c of claims) {
    if (c.kind !== 'rate' || !c.actual) continue;
    if (c.budget) {
      out.push({ key: `${inWan(c.actual).toFixed()}:${inWan(c.budget).toFixed()}`, owner: '', claim: c });
      continue;
    }
    const text = plain(c.para.text);
    const yard = YARDSTICK_ONLY.exec(text.slice(c.actual.end, c.percent.start))?.groups?.yard;
    const name = CLAUSE_NAME.exec(text.slice(0, c.actual.start))?.groups?.name;
    if (!yard || !name || significantDigits(c.actual) < 4) continue;
    out.push({ key: `named:${name}:${inWan(c.actual).toFixed()}:${yard}`, owner: '', claim: c, yardstick: yard });
  }
  return out;
}

/** After a part's figure: its budget said to be none ("公务用车购置费 0 万元，本年无预算"). */
const NO_BUDGET = /^[，,]?(?:本年|当年|全年)?(?:无预算|未安排预算|没有预算|预算数?为0(?:\.0+)?(?:万元|元)?(?![.0-9]))/u;

/**
 * "公务用车购置及运行费支出决算为 A，完成预算的 R%（其中：公务用车购置费 0 万元，本年无预算；公务用车运行维护费 A，完成预算的
 * R′%）": a part with its whole's very figure, every other part of the whole nil and said to have no budget, has its
 * whole's budget too — one figure over one budget has one rate: the part's rate takes its whole's key. Read only in one
 * paragraph, over a yardstick named alike.
 */
function sharedBudgetRates(
  rates: Statement<Rate>[],
  claims: Claim[],
  partitions: readonly Partition[],
  plain: (text: string) => string,
): Statement<Rate>[] {
  return rates.map((s) => {
    const { subject, actual, para } = s.claim;
    if (!subject || !actual) return s;
    for (const p of partitions) {
      if (!p.parts.includes(subject.id)) continue;
      const whole = rates.find(
        (w) =>
          w.claim.subject?.id === p.total &&
          w.claim.para === para &&
          w.claim.actual !== undefined &&
          sameFigure(w.claim.actual, actual) &&
          w.yardstick === s.yardstick &&
          (w.claim.budget === undefined) === (s.claim.budget === undefined),
      );
      if (!whole) continue;
      const text = plain(para.text);
      const noBudget = (part: string) =>
        claims.some(
          (c) =>
            c.kind === 'amount' &&
            c.subject.id === part &&
            c.para === para &&
            c.amount.value.isZero() &&
            NO_BUDGET.test(text.slice(c.amount.end)),
        );
      if (p.parts.every((x) => x === subject.id || noBudget(x))) return { ...s, key: whole.key };
    }
    return s;
  });
}

/** The register of a document: one pass over the claims the readers produced (and the paragraphs they read). */
export function buildRegister(
  claims: Claim[],
  paragraphs: readonly Paragraph[],
  simplify: (c: string) => string,
  partitions: readonly Partition[],
  read: readonly ParaText[] = [],
): Register {
  // (the extractor marks every paragraph of a document of the Republic of China's: its years are read alike here)
  const frames = frameReader(
    paragraphs,
    simplify,
    read.some((p) => p.para.roc === true),
  );
  const comparisons = claims.filter(
    (c): c is Yoy & { current: AmountMention } =>
      c.kind === 'yoy' && c.current !== undefined && c.subject !== undefined && REPEATED.has(c.subject.id),
  );
  return {
    levels: levels(claims, frames, partitions, read),
    named: namedLevels(read, claims, frames),
    changes: changes(claims, frames),
    rates: sharedBudgetRates(rates(claims, frames.plain), claims, partitions, frames.plain),
    comparisons,
    comparisonsWithRate: claims.filter(
      (c): c is Yoy => c.kind === 'yoy' && c.subject !== undefined && c.rate !== undefined && !c.pair,
    ),
    frames,
    paragraphs,
  };
}
