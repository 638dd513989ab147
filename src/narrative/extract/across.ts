import { Decimal } from 'decimal.js';
import { outlineItem } from '../../util/outline.js';
import type { AmountMention, Claim, ListItem, ListReading } from '../claims.js';
import type { CompleteLists, Partition } from '../catalog/types.js';
import type { Paragraph } from '../types.js';
import { completeness, listIsComplete, type ListWords } from './list-complete.js';
import { namesNoWhole } from './implicit-whole.js';
import { nestedCues, listReadings } from './list-readings.js';
import {
  breakdownsIn,
  flowOf,
  itemName,
  itemsOfKind,
  type OpenList,
  numberedItem,
  sameNameTwice,
  splitAt,
} from './lists.js';
import { place, type ParaText } from './para.js';
import { ownerAt, sameOwner } from './owner.js';
import { bracketDepthFrom, markStart, prefixIn } from './state.js';
import { allMatches } from '../../util/matches.js';

export interface ParaClaims {
  p: ParaText;
  claims: Claim[];
  changes: Set<AmountMention>;
}

/** Paragraphs after `index` up to (not including) the next one at outline level ≤ `stop`. */
export function following(paras: ParaClaims[], index: number, stop: number): ParaClaims[] {
  const out: ParaClaims[] = [];
  for (let k = index + 1; k < paras.length; k += 1) {
    const pc = paras[k] as ParaClaims;
    if (pc.p.level !== undefined && pc.p.level <= stop) break;
    out.push(pc);
  }
  return out;
}

/**
 * Where the items of a list opened in running text end, per paragraph: at the next heading of level ≤ 2,
 * or — when the running text stands under a heading that is only a title ("1.捐赠收入", no figure) — at
 * the next heading of that heading's level ("2.政府拨款收入" is that title's sibling, not one more item).
 * Worked out once per narrative (a walk back per open list made it quadratic).
 */
export function listStops(paras: ParaClaims[]): Int8Array {
  const stops = new Int8Array(paras.length);
  let stop = 2;
  for (const [k, pc] of paras.entries()) {
    stops[k] = stop;
    if (pc.p.level !== undefined) stop = pc.p.amounts.length === 0 ? Math.max(2, pc.p.level) : 2;
  }
  return stops;
}

/** One item of a list closed across paragraphs: its figure, its paragraph, where its name starts. */
interface Take {
  pc: ParaClaims;
  amount: AmountMention;
  from: number;
  /** An inline item's: where its breakdown's words end. */
  until?: number;
}

/**
 * "…缴费支出 150384 元，其中：" + "基本支出 150384 元，项目支出 0 元。主要用于…": the cue ends a line of a
 * page, not the items' layout — when the next paragraph is running text whose first sentence states two
 * figures or more before any cue of its own, that sentence is the list (the paragraphs after it, each
 * "…医疗 76142.1 元，其中：…", are the total's siblings, not its items). Where the sentence opens
 * another breakdown of the total ("按支出项目类别：…；按支出功能分类科目：…", or a sentence of its own that
 * opens one: "…项目支出 b。按支出功能分类科目：…") each breakdown is a list of its own; an item's own details in it ("基本支出 a，包括：人员经费 a1，公用经费 a2；项目支出 b") are read
 * every way they may end (list-readings.ts).
 */
function inlineLists(open: OpenList, pc: ParaClaims | undefined): ListReading<Take>[][] | undefined {
  if (!pc || pc.p.level !== undefined) return undefined;
  const first = pc.p.sentences[0];
  if (!first) return undefined;
  const text = pc.p.n.text;
  const level = (from: number, to: number) =>
    pc.p.amounts.filter((a) => a.start >= from && a.end <= to && !pc.changes.has(a));
  // (a list whose cue opens this paragraph is read after the cue)
  const start = open.leading?.p === pc.p ? open.leading.from : first.start;
  if (start >= first.end) return undefined;
  const ownCue = text.slice(start, first.end).search(open.cue);
  let end = ownCue < 0 ? first.end : start + ownCue;
  if (level(start, end).length < 2) return undefined;
  // "…项目支出 b。按支出功能分类科目：…": a sentence that opens another breakdown of the total goes on with it
  for (const sentence of ownCue < 0 ? pc.p.sentences.slice(1) : []) {
    if (breakdownsIn(text, sentence.start, sentence.end)[0] !== sentence.start) break;
    const cue = text.slice(sentence.start, sentence.end).search(open.cue);
    end = cue < 0 ? sentence.end : sentence.start + cue;
    if (cue >= 0) break;
  }
  const amounts = level(start, end);
  const depth = bracketDepthFrom(pc.p, start);
  const cuts = breakdownsIn(text, start, end);
  const bounds = [...cuts, end];
  const items = amounts.filter((a) => depth(a.start) <= 0);
  const out: ListReading<Take>[][] = [];
  for (const [g, amountsOfGroup] of splitAt(
    items.map((amount) => ({ amount })),
    cuts,
  ).entries()) {
    const until = bounds[g] as number;
    const group = amountsOfGroup.map(({ amount }) => ({ pc, amount, from: 0, until }));
    const head = group[0];
    if (!head) continue;
    const cues = nestedCues(text, head.amount.end, until, depth);
    const readings = listReadings(text, group, cues, depth);
    if (readings) out.push(readings);
  }
  return out;
}

/** "年初预算为 90 万元，支出决算为 48 万元": an item's budget, beside the figure it details. */
const BUDGET_BEFORE = /预算数?(?:为|是)?：?$/u;

/**
 * A list opened at the end of a paragraph: the first level amount of each following paragraph (or the
 * figures of the next one's first sentence, inlineLists); their shares take its total as whole.
 */
export function closeList(
  open: OpenList,
  paras: ParaClaims[],
  completeLists: CompleteLists,
  budget: RegExp,
  stops: Int8Array = listStops(paras),
  opening: ReadonlySet<ParaText> = new Set(),
): Claim[] {
  const index = paras.findIndex((pc) => pc.p === open.p);
  if (open.numbered) return numberedAcross(open, paras, index, completeLists);
  const run = numberedRun(open, paras, index, completeLists);
  if (run) return run;
  const after = following(paras, index, open.p.level ?? (stops[index] as number));
  // an unnumbered paragraph that is one figure opening a list of its own ("公务接待费支出 1.60 万元。其中：") is the total's sibling, or
  // an item whose own items follow it: where they end no numbering says, so the items stop before it — and when
  // the first of them opens one ("本年支出合计 A，其中：" / "基本支出 a，其中：" / "人员经费 a1" / …) nothing is read
  const cut = after.findIndex((pc) => pc.p.level === undefined && opening.has(pc.p));
  if (cut === 0) return [];
  const next = cut < 0 ? after : after.slice(0, cut);
  // "…，支出具体情况如下：" goes on item by item, a paragraph each, whose first sentence may state the item's budget
  // beside its figure ("…（项）84 万元，年初预算 0 万元，决算 84 万元"): never one list of its own
  const inline = open.listId === 'details' ? undefined : inlineLists(open, next[0]);
  // a cue opening the next paragraph lists that paragraph's first figures or nothing
  if (open.leading && (!inline || next[0]?.p !== open.leading.p)) return [];
  if (inline)
    return inline.flatMap((readings) => {
      // each item's name runs from the item before it in the likeliest reading
      const takes = (readings[0] as ListReading<Take>).items.map((t, k, all) => ({
        ...t,
        from: k === 0 ? 0 : (all[k - 1] as Take).amount.end,
      }));
      // "…决算为 A，完成年初预算的 R%。其中：" + "基本支出年初预算为 b1，支出决算为 a1，…；项目支出…": budgets beside
      // outturns are not one list of parts, as when the same items follow the cue in its own paragraph (lists.ts)
      const prefixes = new Map<AmountMention, string>([
        [open.total, prefixIn(open.p, open.total.start)],
        ...takes.map((t): [AmountMention, string] => [t.amount, prefixIn(t.pc.p, t.amount.start)]),
      ]);
      const prefix = (a: AmountMention) => prefixes.get(a) ?? '';
      if (!itemsOfKind(open.total, takes, (a) => budget.test(prefix(a)), prefix, budget)) return [];
      // several figures per group ("送审金额 a1，审定金额 b1；…送审金额 a2，审定金额 b2"), as in lists.ts
      if (sameNameTwice(takes.map((t) => prefix(t.amount)))) return [];
      const claim = listOf(open, paras, takes, completeLists, (takes[takes.length - 1] as Take).until);
      if (claim?.kind === 'list' && readings.length > 1)
        claim.readings = readings.map((r) => ({ items: r.items.map(listItem), nested: r.nested }));
      return claim ? [claim] : [];
    });
  // "…（项）”预算 B 万元，主要用于：" in an account of 科目 one by one: the uses are told in words in the next
  // paragraph, whose figures are this 科目's own budget or execution and the next 科目's — never its uses
  if (open.listId === 'uses' && SUBJECT_PATH.test(open.p.n.text)) return [];
  const found = next.flatMap((pc) => {
    const amount = pc.p.amounts.find(
      (a) =>
        !pc.changes.has(a) &&
        !(
          open.listId === 'details' &&
          BUDGET_BEFORE.test(pc.p.n.text.slice(markStart(pc.p, '，；。：', a.start), a.start).trim())
        ),
    );
    return amount ? [{ pc, amount, from: 0 }] : [];
  });
  // "…地方财政收入 A，…。其中：" + "税收收入 a…。" + "全县一般公共预算支出 B…": an item naming the other flow than its
  // total's (支出 under a 收入, 收入 under a 支出) is no part of it — the list ended before it (a 其中 the page's
  // margin left at a line's end, its one item in the paragraph below)
  const flow = flowOf(prefixIn(open.p, open.total.start));
  const otherFlow = found.findIndex((t) => {
    const own = flowOf(prefixIn(t.pc.p, t.amount.start));
    return flow !== undefined && own !== undefined && own !== flow;
  });
  const takes = otherFlow < 0 ? found : found.slice(0, otherFlow);
  const claim = listOf(open, paras, takes, completeLists);
  return claim ? [claim] : [];
}

const listItem = (t: Take): ListItem => ({ amount: t.amount, para: t.pc.p.para });

/** An item's own figure: the first in `pc` from `from` that is no change, nor a base a change is compared with. */
function firstFigure(pc: ParaClaims, from: number): AmountMention | undefined {
  const first = pc.p.amounts.find((a) => a.start >= from && !pc.changes.has(a));
  // "2、公务接待费。上年预算 b0 万元，今年…": a figure its clause gives to the year before is not the item's
  return first && !PRIOR_YEAR.test(pc.p.n.text.slice(markStart(pc.p, '，；。：', first.start), first.start))
    ? first
    : undefined;
}

/** The outline item a paragraph of a run opens: "（一）", "一、", "（1）", "1、", "1." (util/outline's styles). */
function runNumber(text: string): { n: number; style: string } | undefined {
  if (/^\s/u.test(text)) return undefined;
  const item = outlineItem(text);
  return item && /^(?:（[1一]）|[1一][、.])$/u.test(item.style) ? item : undefined;
}

/**
 * "…总税收 T 亿元，比上年减少 C 亿元，其中：" + "（一）甲收入（注：…a0 亿元）a 亿元，减少 c1…；" + "（二）乙收入 b 亿元，减少
 * c2…。": a 其中 ending its paragraph, then paragraphs numbered from one in one style — each one's first figure outside
 * brackets is an item. Read only when the items make the total to the last digit written (so the sum is no finding of
 * its own; their changes and rates are then checked against the total's).
 */
function numberedRun(
  open: OpenList,
  paras: ParaClaims[],
  index: number,
  completeLists: CompleteLists,
): Claim[] | undefined {
  if (open.listId !== 'breakdown' || !/其中：?\s*$/u.test(open.p.n.text)) return undefined;
  const takes: Take[] = [];
  let style: string | undefined;
  for (let k = index + 1; k < paras.length; k += 1) {
    const pc = paras[k] as ParaClaims;
    const number = runNumber(pc.p.n.text);
    if (!number || number.n !== takes.length + 1 || (style !== undefined && number.style !== style)) break;
    style = number.style;
    const text = pc.p.n.text;
    const depth = bracketDepthFrom(pc.p, 0);
    // "（未扣减…a 亿元）b 亿元": a figure in brackets is a note on the one after it
    const amount = pc.p.amounts.find((a) => !pc.changes.has(a) && depth(a.start) <= 0);
    if (!amount || PRIOR_YEAR.test(text.slice(markStart(pc.p, '，；。：', amount.start), amount.start)))
      return undefined;
    takes.push({ pc, amount, from: 0 });
  }
  if (takes.length < 2 || takes.some((t) => t.amount.unit !== open.total.unit)) return undefined;
  const sum = takes.reduce((acc, t) => acc.plus(t.amount.value), new Decimal(0));
  if (!sum.eq(open.total.value)) return undefined;
  const claim = listOf(open, paras, takes, completeLists, undefined, true);
  if (claim?.kind !== 'list') return undefined;
  claim.closed = true;
  delete claim.partial;
  return [claim];
}

/** A clause that speaks of the year before. */
const PRIOR_YEAR = /上年|去年|上一年|同期/u;

/**
 * "…T 万元。其中：1、甲。2024 年预算数 a 万元…" / "2、乙。2024 年预算数 b 万元…" / "3、丙。…c 万元…": each numbered
 * item's first figure, item 1 after the cue, the next ones in the paragraphs opening with 2, 3… in the same
 * style. The numbers say where the list ends: every item is a part, none a figure of its own (closed). An
 * item with no figure leaves the list unread.
 */
function numberedAcross(open: OpenList, paras: ParaClaims[], index: number, completeLists: CompleteLists): Claim[] {
  const { from, style } = open.numbered as NonNullable<OpenList['numbered']>;
  const head = paras[index] as ParaClaims;
  const firstAmount = firstFigure(head, from);
  if (!firstAmount) return [];
  const takes: Take[] = [{ pc: head, amount: firstAmount, from }];
  for (let k = index + 1; k < paras.length; k += 1) {
    const pc = paras[k] as ParaClaims;
    const number = numberedItem(pc.p.n.text);
    if (number?.style !== style || number.n !== takes.length + 1) break;
    const amount = firstFigure(pc, 0);
    if (!amount) return [];
    takes.push({ pc, amount, from: 0 });
  }
  if (takes.length < 2) return [];
  const claim = listOf(open, paras, takes, completeLists, undefined, true);
  if (claim?.kind === 'list') claim.closed = true;
  return claim ? [claim] : [];
}

/**
 * The list claim of an open list's items: one per paragraph, or a breakdown of one sentence's, whose words
 * after the last item end at `until` (the sentence's end, or where the next breakdown begins).
 */
function listOf(
  open: OpenList,
  paras: ParaClaims[],
  takes: Take[],
  completeLists: CompleteLists,
  until?: number,
  anyLevel = false,
): Claim | undefined {
  const items: ListItem[] = [];
  // what the items name and their shares: whether they are every part of the total (list-complete.ts)
  const names: ListWords['names'] = [];
  const shares: ListWords['shares'] = [];
  let after = '';
  // items end at the next paragraph of the opening paragraph's level (a heading for running text);
  // they are at the level of the first one: deeper paragraphs are an item's own details
  let itemLevel: number | undefined | null = null;
  for (const { pc, amount, from } of takes) {
    if (!anyLevel && itemLevel !== null && pc.p.level !== itemLevel) continue;
    itemLevel = pc.p.level;
    items.push(listItem({ pc, amount, from }));
    names.push(itemName(pc.p.n.text.slice(from, amount.start)));
    const share = pc.claims.find((c) => c.kind === 'share' && c.part === amount && !c.partSumOf);
    shares.push(share?.kind === 'share' ? share.percent : undefined);
    after = pc.p.n.text.slice(amount.end, until);
    for (const c of pc.claims)
      if (c.kind === 'share' && 'unknown' in c.whole && namesNoWhole(c.whole.unknown))
        c.whole = { list: open.total, para: open.p.para };
  }
  if (items.length === 0) return undefined;
  // numbered items ("1.…", "2.…") that run to the end of the text may go on past it (a page or section
  // not given): not every part is seen
  const last = items[items.length - 1] as ListItem;
  const runsOff = itemLevel !== undefined && itemLevel !== null && paras[paras.length - 1]?.p.para === last.para;
  const span = { start: 0, end: open.p.n.text.length };
  const claim: Claim = {
    kind: 'list',
    listId: open.listId,
    total: open.total,
    totalPlace: open.p.para,
    items,
    compare: items.length > 1 ? 'equal' : 'at-most',
    ...place(open.p, span, open.total),
  };
  if (open.totalSubject) claim.totalSubject = open.totalSubject;
  if (open.alternatives.length > 0) claim.alternatives = open.alternatives;
  const words: ListWords = { totalName: open.totalName, intro: open.intro, names, shares, after };
  // (a last item that is the rest, "（4）其他工资福利支出…", or words that count the items, close the list even where it
  // runs to the end of the text)
  const why = items.length > 1 ? completeness(completeLists, words) : 'unknown';
  const closes = why === 'rest' || why === 'whole' || why === 'count';
  if ((runsOff && !closes) || (items.length > 1 && !listIsComplete(completeLists, words))) claim.partial = true;
  // "收入总计 T，其中：" / "1. 财政拨款收入 a…" / "2. 事业收入 b…" / "3. 上年结转和结余 c…": items numbered 1, 2, 3…
  // under the 其中 are each a part — the first ones making the total leaves no later one a figure of its own
  if (!runsOff && items.length > 1 && numberedFromOne(takes.filter((t) => items.some((i) => i.amount === t.amount))))
    claim.closed = true;
  return claim;
}

/** The number an outline item opens with ("1.", "2、", "（3）"). */
const ITEM_NUMBER = /^（?([0-9]{1,2})[.、）](?![0-9])/u;

/** Whether the items' paragraphs open with the numbers 1, 2, 3… in order, one each. */
function numberedFromOne(takes: Take[]): boolean {
  return takes.every((t, k) => Number(ITEM_NUMBER.exec(t.pc.p.n.text)?.[1]) === k + 1 && t.from === 0);
}

const MAIN_ITEMS = /主要[^，。；]{0,8}如下/u;

/** An item named by its 科目 path: "一般公共服务支出（类）…（款）事业运行（项）". */
const SUBJECT_PATH = /（[类款项]）/u;

/** A paragraph that is only a 科目's name down to its 项, the heading of that 项's account. */
const SUBJECT_HEADING = /（项）(?:科目)?[：:]?$/u;

/**
 * Execution rates of a section: an unnumbered paragraph states the total ("一般公共预算财政拨款支出
 * 年初预算为 2339.51 万元，支出决算为 2156.82 万元 …"), numbered paragraphs each state one item.
 * The items' budgets add up to the total budget, their 决算 to the total 决算 (when all are stated).
 */
export function rateGroups(paras: ParaClaims[], completeLists: CompleteLists): Claim[] {
  const out: Claim[] = [];
  // following(paras, index, 2) filtered to level 3, without a walk to the next heading per paragraph:
  // where each paragraph's run ends (the next heading at level ≤ 2) and where the numbered ones are
  const stops = new Int32Array(paras.length);
  for (let k = paras.length - 1, next = paras.length; k >= 0; k -= 1) {
    stops[k] = next;
    const level = (paras[k] as ParaClaims).p.level;
    if (level !== undefined && level <= 2) next = k;
  }
  const numbered = paras.flatMap((pc, k) => (pc.p.level === 3 ? [k] : []));
  // a paragraph stating several execution rates ("财政总收入 A，占年度预算…；…地方财政收入 B，占年度预算…")
  // heads no list: which of its totals the numbered items break down the text does not say
  // nor does a paragraph that is itself one 科目 down to its 项 ("“…（类）…（款）其他公共安全支出（项）”323.47 万元，
  // 年初预算为…"), written without its number among numbered ones: a 项 has no items under it — nor one whose 科目
  // stands on a line of its own right above it ("1.“…（款）行政运行（项）”" / "96.50 万元，…年初预算为…")
  const headOf = (pc: ParaClaims, index: number) => {
    if (pc.p.level !== undefined) return undefined;
    if (index > 0 && SUBJECT_HEADING.test((paras[index - 1] as ParaClaims).p.n.text)) return undefined;
    const rates = pc.claims.filter((c) => c.kind === 'rate');
    const rate = rates.length === 1 ? rates[0] : undefined;
    if (rate?.kind !== 'rate') return undefined;
    return /（项）/u.test(pc.p.n.text.slice(0, (rate.budget ?? rate.percent).start)) ? undefined : rate;
  };
  // where the next unnumbered paragraph with a rate stands: "财政总收入…为调整预算的 R%" then "支出…为调整预算的
  // R%。支出分项目具体如下：" then the numbered items — the items belong to the head right before them only
  const nextHead = new Int32Array(paras.length);
  for (let k = paras.length - 1, next = paras.length; k >= 0; k -= 1) {
    nextHead[k] = next;
    const q = paras[k] as ParaClaims;
    if (q.p.level === undefined && q.claims.some((c) => c.kind === 'rate')) next = k;
  }
  paras.forEach((pc, index) => {
    const head = headOf(pc, index);
    if (head?.kind !== 'rate') return;
    const members: { para: Paragraph; rate: Claim | undefined; text: string }[] = [];
    let lo = 0;
    for (let hi = numbered.length; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      if ((numbered[mid] as number) <= index) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < numbered.length && (numbered[i] as number) < (stops[index] as number); i += 1) {
      const m = paras[numbered[i] as number] as ParaClaims;
      members.push({ para: m.p.para, rate: m.claims.find((c) => c.kind === 'rate'), text: m.p.n.text });
    }
    if (members.length < 2 || members.some((m) => !m.rate)) return;
    // an unnumbered paragraph with a rate among the numbered ones (the next head, or an item written
    // without its number): which items are this head's the numbering no longer says
    if ((numbered[lo + members.length - 1] as number) > (nextHead[index] as number)) return;
    for (const side of ['budget', 'actual'] as const) {
      const total = head[side];
      const items = members.map((m) => (m.rate?.kind === 'rate' ? m.rate[side] : undefined));
      if (!total || items.some((a) => !a)) continue;
      const texts = members.map((m) => m.text);
      const before = (k: number) => texts[k]?.slice(0, (items[k] as AmountMention).start) ?? '';
      // a 收入 total is never the whole of 支出 items (nor the other way round)
      const flow = flowOf(pc.p.n.text.slice(0, total.start));
      if (flow && members.some((_, k) => flowOf(before(k)) !== undefined && flowOf(before(k)) !== flow)) continue;
      // numbered items are every part when each names its 科目 down to （类）（款）（项） (the form's breakdown
      // of the section, every 项 in turn) or when the text says so ("分别为", "共 7 项"); "支出分项目具体如下：",
      // "支出主要情况如下：" before class names may name some classes only — their sum must only not exceed the total
      const words: ListWords = {
        totalName: pc.p.n.text.slice(0, total.start),
        intro: pc.p.n.text.slice(total.end),
        names: members.map((_, k) => itemName(before(k))),
        shares: members.map(() => undefined),
        after: texts[texts.length - 1]?.slice((items[items.length - 1] as AmountMention).end) ?? '',
      };
      const coded = members.every((_, k) => SUBJECT_PATH.test(before(k)));
      const partial = MAIN_ITEMS.test(pc.p.n.text) || (!coded && !listIsComplete(completeLists, words));
      out.push({
        ...(partial ? { partial } : {}),
        kind: 'list',
        listId: side === 'budget' ? 'rate-budgets' : 'rate-actuals',
        total,
        totalPlace: pc.p.para,
        items: items.map((amount, i) => ({ amount: amount as AmountMention, para: members[i]?.para as Paragraph })),
        compare: 'equal',
        para: head.para,
        sentence: head.sentence,
        quote: head.quote,
      });
    }
  });
  return out;
}

/**
 * A total and all its parts stated somewhere (三公, 基本支出 = 人员经费 + 公用经费): unless a list already compared those very
 * amounts. The parts are the total's body's (owner.ts): in a round-up of several bodies one body's 公务接待费 is not a part
 * of another's 三公. `textOf` gives a paragraph's normalised text.
 */
export function partitionClaims(
  partitions: Partition[],
  claims: Claim[],
  textOf: (p: Paragraph) => string | undefined = () => undefined,
  /** The words of a figure stated on another basis ("剔除以上两项因素，…运行维护费为 b"): no part of the partition's. */
  adjusted?: RegExp,
): Claim[] {
  const out: Claim[] = [];
  // a list compared only as "must not exceed" (partial) does not add the parts up: the partition still does
  const listed = claims
    .filter((c) => c.kind === 'list' && !c.partial)
    .map((c) => (c.kind === 'list' ? new Set([c.total, ...c.items.map((i) => i.amount)]) : new Set()));
  const wider = claims.flatMap((c) =>
    c.kind === 'list'
      ? [{ total: c.total, items: new Set(c.items.map((i) => i.amount)), whole: !c.partial, of: c.totalSubject?.id }]
      : [],
  );
  // a budget stated in the sentence before the figure ("“三公”经费预算 300 万元，其中：…"): the parts
  // of a budget are not the parts of the 决算 total, nor the other way round
  const budgetFrame = (c: Claim) => c.kind === 'amount' && c.inBudget === true;
  const ownerOf = (c: Claim) => (c.kind === 'amount' ? ownerAt(textOf(c.para) ?? '', c.amount.start) : '');
  // the year its own sentence states a figure for ("2018 年车辆运行维护费 b"), a comparison's year aside: a part of
  // another year than the total's is another year's part
  const yearOf = (c: Claim) => {
    if (c.kind !== 'amount') return undefined;
    const text = textOf(c.para) ?? c.para.text;
    const sentence = text.slice(c.sentence.start, c.amount.start);
    return [...allMatches(sentence, STATED_YEAR)].map((m) => m[1]).pop();
  };
  const otherBasis = (c: Claim) =>
    adjusted !== undefined &&
    c.kind === 'amount' &&
    adjusted.test((textOf(c.para) ?? c.para.text).slice(c.sentence.start, c.amount.start));
  const firstStated = (id: string, frame?: boolean, owner?: string, year?: string) =>
    claims.find(
      (c) =>
        c.kind === 'amount' &&
        c.role === 'actual' &&
        c.subject.id === id &&
        !otherBasis(c) &&
        (frame === undefined || budgetFrame(c) === frame) &&
        (owner === undefined || sameOwner(ownerOf(c), owner)) &&
        (year === undefined || (yearOf(c) ?? year) === year),
    );
  // a budget of this year stated in words (not the year before's, "上年预算 b", nor a table's row)
  const firstBudget = (id: string, owner?: string, year?: string) =>
    claims.find(
      (c) =>
        c.kind === 'amount' &&
        c.role === 'budget' &&
        c.subject.id === id &&
        !c.para.text.includes('|') &&
        !otherBasis(c) &&
        !/上年|去年|上一年/u.test((textOf(c.para) ?? c.para.text).slice(c.sentence.start, c.amount.start)) &&
        (owner === undefined || sameOwner(ownerOf(c), owner)) &&
        (year === undefined || (yearOf(c) ?? year) === year),
    );
  // a budget table rendered as text ("项目 | 2025年预算数"): its column's total and parts, read only from table rows
  const tableBudget = (id: string) =>
    claims.find((c) => c.kind === 'amount' && c.role === 'budget' && c.subject.id === id && c.para.text.includes('|'));
  for (const partition of partitions) {
    let total = firstStated(partition.total);
    const frame = total ? budgetFrame(total) : undefined;
    const owner = total ? ownerOf(total) : undefined;
    const year = total ? yearOf(total) : undefined;
    let parts = partition.parts.map((id) => firstStated(id, frame, owner, year));
    if (!total) {
      total = tableBudget(partition.total);
      parts = partition.parts.map(tableBudget);
    }
    // a budget statement with no outturn ("“三公”经费预算总计 T 万元…（一）…安排因公出国（境）费预算 a1 万元…"): the
    // first budget the text states for the total and for each part, of the same body and year
    if (!total && !claims.some((c) => c.kind === 'amount' && c.role === 'actual' && c.subject.id === partition.total)) {
      const budgetTotal = firstBudget(partition.total);
      if (budgetTotal) {
        total = budgetTotal;
        parts = partition.parts.map((id) => firstBudget(id, ownerOf(budgetTotal), yearOf(budgetTotal)));
      }
    }
    if (total?.kind !== 'amount' || parts.some((x) => x === undefined)) continue;
    const amounts = parts.map((x) => (x?.kind === 'amount' ? x.amount : undefined)) as AmountMention[];
    if (listed.some((set) => set.has(total.amount) && amounts.every((a) => set.has(a)))) continue;
    // the parts already added up under a total of their own ("2023 年…“三公”经费 A 万元。2022 年“三公”经费 B 万元，
    // 因公出国（境）费 b1 万元，…"): they make that total, not the one stated first
    const ownTotal = (l: (typeof wider)[number]) => l.whole && l.of === partition.total && l.total !== total.amount;
    if (wider.some((l) => ownTotal(l) && amounts.every((a) => l.items.has(a)))) continue;
    // a list under the total that names these parts and more ("…费 11167 万元（其中，购置费 255 万元，运行维护费
    // 7922 万元，其他交通工具购置 144 万元…）"): the text itself says the total has other parts
    if (
      wider.some(
        (l) => l.total === total.amount && l.items.size > amounts.length && amounts.every((a) => l.items.has(a)),
      )
    )
      continue;
    out.push({
      kind: 'list',
      listId: `partition:${partition.total}`,
      total: total.amount,
      totalPlace: total.para,
      totalSubject: total.subject,
      items: parts.map((x, i) => ({ amount: amounts[i] as AmountMention, para: (x as Claim).para })),
      compare: 'equal',
      para: total.para,
      sentence: total.sentence,
      quote: total.quote,
    });
  }
  return out;
}

/** A year a sentence states its figures for: "2019 年…", not a comparison's base ("比 2018 年", "较上年"). */
const STATED_YEAR = /(?<![比较与同对于])((?:19|20)[0-9]{2})年/gu;

/** A cue opening a paragraph: "其中：", after words of no figure. */
const LEADING_CUE = /其中：?/u;

/**
 * "（二）基本支出 A 万元" then a paragraph opening "其中：人员经费 a1 万元，公用经费 a2 万元。" (or "主要用于…，其中：…"):
 * the list the cue opens is of the figure closing the heading before — one sentence, ending with a figure of a
 * subject it names (its mark aside), no cue of its own — when nothing before the cue in the second paragraph names
 * a figure or a subject (lists.ts finds no total there). Its items are the figures of the second paragraph's first
 * sentence. (After running text the 其中 may go on with anything the text spoke of: not read.)
 */
export function leadingBreakdown(
  before: ParaClaims | undefined,
  pc: ParaClaims,
  breakdown: RegExp,
  partitions: readonly Partition[] = [],
): OpenList | undefined {
  if (!before || pc.p.level !== undefined) return undefined;
  const text = pc.p.n.text;
  const first = pc.p.sentences[0];
  if (!first) return undefined;
  const cue = LEADING_CUE.exec(text.slice(first.start, first.end));
  if (!cue) return undefined;
  const at = first.start + cue.index;
  const words = text.slice(0, at);
  if (/[0-9０-９]/u.test(words) || pc.p.subjects.some((x) => x.start < at)) return undefined;
  const head = before.p;
  if (head.level === undefined || head.sentences.length !== 1)
    return partitionBreakdown(before, pc, breakdown, partitions, at + cue[0].length);
  const figures = head.amounts.filter((a) => !before.changes.has(a));
  const total = figures[figures.length - 1];
  if (!total || !/^[。；]?\s*$/u.test(head.n.text.slice(total.end))) return undefined;
  if (head.n.text.search(breakdown) >= 0 || /主要用于|包括/u.test(head.n.text)) return undefined;
  // (a figure of a subject the catalog knows, stated as it is: "3.公务接待费：12.00 万元")
  const claim = before.claims.find((c) => c.kind === 'amount' && c.amount === total && c.role === 'actual');
  const subject = claim?.kind === 'amount' ? claim.subject : undefined;
  if (!subject) return undefined;
  return {
    listId: 'breakdown',
    total,
    p: head,
    alternatives: [],
    totalName: `${prefixIn(head, total.start)}${subject?.label ?? ''}`,
    intro: text.slice(0, at + cue[0].length),
    cue: breakdown,
    leading: { p: pc.p, from: at + cue[0].length },
    ...(subject ? { totalSubject: subject } : {}),
  };
}

/**
 * "2.收入情况。2023 年度收入合计 A 万元，较上年…，主要原因是…。" then a paragraph opening "其中：财政拨款收入 a1 万元，占 p1%；
 * 事业收入 a2 万元…": after running text the 其中 is read only when what it lists says whose parts they are — every
 * figure of its first sentence a part of one partition the catalog knows (表02's income sources, 基本支出's two …), and
 * the paragraph before stating that partition's total once (one figure, this year's outturn).
 */
function partitionBreakdown(
  before: ParaClaims,
  pc: ParaClaims,
  breakdown: RegExp,
  partitions: readonly Partition[],
  from: number,
): OpenList | undefined {
  const first = pc.p.sentences[0];
  if (!first) return undefined;
  const items = pc.claims.filter(
    (c): c is Extract<Claim, { kind: 'amount' }> =>
      c.kind === 'amount' && c.amount.start >= from && c.amount.end <= first.end,
  );
  const figures = pc.p.amounts.filter((a) => a.start >= from && a.end <= first.end && !pc.changes.has(a));
  if (items.length < 2 || items.length !== figures.length || items.some((c) => c.role !== 'actual')) return undefined;
  const ids = items.map((c) => c.subject.id);
  if (new Set(ids).size !== ids.length) return undefined;
  const of = partitions.filter((w) => ids.every((id) => w.parts.includes(id)));
  if (of.length !== 1) return undefined;
  const whole = (of[0] as Partition).total;
  const stated = before.claims.filter(
    (c): c is Extract<Claim, { kind: 'amount' }> => c.kind === 'amount' && c.subject.id === whole,
  );
  const total = stated[0];
  if (!total || stated.some((c) => c.role !== 'actual' || !c.amount.value.eq(total.amount.value))) return undefined;
  const head = before.p;
  return {
    listId: 'breakdown',
    total: total.amount,
    p: head,
    alternatives: [],
    totalName: `${prefixIn(head, total.amount.start)}${total.subject.label}`,
    intro: pc.p.n.text.slice(0, from),
    cue: breakdown,
    leading: { p: pc.p, from },
    totalSubject: total.subject,
  };
}
