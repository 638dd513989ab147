import type { CompleteLists } from '../catalog/types.js';
import type { AmountMention, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { completeness, type ListWords } from './list-complete.js';
import { itemName, numberedItem } from './lists.js';
import { outlineItem, withoutOutlineMark } from '../../util/outline.js';
import { place, sentenceAt } from './para.js';

/** Words that make the numbered paragraphs after a figure something else than its parts (reasons, uses, a list cue). */
const NOT_PARTS = /其中|主要(?:原因|是|用于|包括|有)|原因|因为|由于|包括|如下|分别|用于/u;

/** What closes a list as whole: the words say so, its last item is the rest, or its items name a known breakdown. */
const CLOSING = /^(?:whole|count|rest)$/u;

/** The figures of a paragraph that are levels (not changes), in order. */
function levelsOf(pc: ParaClaims): AmountMention[] {
  return pc.p.amounts.filter((a) => !pc.changes.has(a));
}

/** An outline heading's total: its one level figure, not already an item of another list. */
function headingTotal(head: ParaClaims, listed: ReadonlySet<AmountMention>): AmountMention | undefined {
  const figures = levelsOf(head);
  const total = figures[0];
  return total && figures.length === 1 && !listed.has(total) ? total : undefined;
}

/** The lists the catalog knows to be complete, and the figures other readings already took as a list's total. */
export interface KnownLists {
  completeLists: CompleteLists;
  listed: ReadonlySet<AmountMention>;
}

/** Every paragraph stating one figure not listed yet, with where it stands: the heads the outline readings start from. */
function headings(
  paras: readonly ParaClaims[],
  listed: ReadonlySet<AmountMention>,
): { k: number; head: ParaClaims; text: string; total: AmountMention }[] {
  return paras.flatMap((head, k) => {
    const total = headingTotal(head, listed);
    return total ? [{ k, head, text: head.p.n.text, total }] : [];
  });
}

/**
 * "1.全镇一般公共预算总收入完成 T 万元，占年初预算的 R%。" / "（1）上级补助收入 a 万元；" / "（2）上年结转收入 b 万元；" /
 * "2.…": an outline item stating one figure, with no cue, whose deeper-numbered paragraphs (1, 2, … in one style)
 * each open with a figure — read as the figure's parts only when their names make a known breakdown of it (or say
 * they are whole: the last the rest), since numbered paragraphs under a figure may as well be its reasons or uses.
 */
export function outlinePartClaims(paras: readonly ParaClaims[], known: KnownLists): Claim[] {
  const { completeLists } = known;
  const out: Claim[] = [];
  for (const { k, head, text, total } of headings(paras, known.listed)) {
    const own = numberedItem(text);
    if (!own || NOT_PARTS.test(text)) continue;
    const items: { pc: ParaClaims; amount: AmountMention }[] = [];
    let style: string | undefined;
    let plain = true;
    for (let j = k + 1; j < paras.length && plain; j += 1) {
      const pc = paras[j] as ParaClaims;
      const number = numberedItem(pc.p.n.text);
      if (!number || number.style === own.style || (style !== undefined && number.style !== style)) break;
      if (number.n !== items.length + 1) break;
      style = number.style;
      const first = levelsOf(pc)[0];
      // an item's first figure opens its words: a change or no figure is no part
      if (!first || pc.p.amounts[0] !== first) plain = false;
      else items.push({ pc, amount: first });
    }
    if (!plain || items.length < 2) continue;
    const last = items[items.length - 1] as (typeof items)[number];
    const words: ListWords = {
      totalName: text.slice(0, total.start),
      intro: text.slice(total.end),
      names: items.map((i) => itemName(i.pc.p.n.text.slice(0, i.amount.start).replace(/^（?[0-9]{1,2}[）、.]/u, ''))),
      shares: items.map(() => undefined),
      after: last.pc.p.n.text.slice(last.amount.end),
    };
    const why = completeness(completeLists, words);
    if (!CLOSING.test(why) && !completeLists.breakdowns.some((b) => b.id === why)) continue;
    out.push({
      kind: 'list',
      listId: 'outline',
      total,
      totalPlace: head.p.para,
      items: items.map((i) => ({ amount: i.amount, para: i.pc.p.para })),
      compare: 'equal',
      closed: true,
      ...(completeLists.breakdowns.some((b) => b.id === why) ? { namesParts: true } : {}),
      ...place(head.p, sentenceAt(head.p, total.start), total),
    });
  }
  return out;
}

/** A heading whose one figure closes it with a colon: "（一）一般公共预算收入 T 万元：". */
const COLON_CLOSED = /^\s*：\s*$/u;

/** Words of a heading that say its numbered items are some of its parts, or something else than parts. */
const SOME_PARTS = /主要|重点|部分|其中|包括|原因|用于|如下|分别|比上年|较上年|同比/u;

/** Words of an item beside its figures that make a second figure another measure of it (a budget, a year before, a plan). */
const OTHER_MEASURE = /预算|上年|去年|同期|年初|调整|计划|任务|占|其中|含|包括|用于/u;

/**
 * "（一）一般公共预算收入 T 万元：" / "1、税收收入 a 万元；" / "2、体制补助收入 b 万元；" / "3、…c1 万元，…c2 万元；" / "（二）…":
 * an outline heading whose one figure closes it with a colon, then paragraphs numbered 1, 2, … in a deeper style, each
 * opening with a figure, up to the heading's next sibling: the colon says the numbered paragraphs are what the figure
 * is made of, every one (an item of two figures names two sources: both are parts). Not read when the heading says
 * the items are some only (主要, 重点, 其中…), when an item's second figure may be another measure of it (预算, 上年…),
 * or when the items run to the end of the text (what follows is not seen). An item of two figures is read both ways
 * (its first figure alone, or both): the list is wrong only when neither adds up.
 */
export function colonOutlineClaims(paras: readonly ParaClaims[], listed: ReadonlySet<AmountMention>): Claim[] {
  const out: Claim[] = [];
  for (const { k, head, text, total } of headings(paras, listed)) {
    const own = outlineItem(text);
    if (!own || SOME_PARTS.test(text) || head.p.amounts.length !== 1) continue;
    if (!COLON_CLOSED.test(text.slice(total.end))) continue;
    const items: { pc: ParaClaims; amounts: AmountMention[] }[] = [];
    let style: string | undefined;
    let plain = true;
    let j = k + 1;
    for (; j < paras.length && plain; j += 1) {
      const pc = paras[j] as ParaClaims;
      const number = numberedItem(pc.p.n.text);
      if (!number || number.style === own.style || (style !== undefined && number.style !== style)) break;
      if (number.n !== items.length + 1) break;
      style = number.style;
      const levels = levelsOf(pc);
      const first = levels[0];
      if (!first || pc.p.amounts[0] !== first) plain = false;
      else if (levels.length > 1 && OTHER_MEASURE.test(pc.p.n.text)) plain = false;
      else items.push({ pc, amounts: levels });
    }
    // the items end at the heading's next sibling (or a heading above it), never at running text or the text's end
    const next = paras[j];
    const nextItem = next ? outlineItem(next.p.n.text) : undefined;
    const closes =
      next !== undefined &&
      nextItem !== undefined &&
      (nextItem.style === own.style ? nextItem.n === own.n + 1 : (next.p.level ?? 99) < (head.p.level ?? 0));
    if (!plain || items.length < 2 || !closes) continue;
    const firstOnly = items.map((i) => ({ amount: i.amounts[0] as AmountMention, para: i.pc.p.para }));
    const every = items.flatMap((i) => i.amounts.map((amount) => ({ amount, para: i.pc.p.para })));
    // "（二）项目支出 T 万元：" / "1、甲建设项目 a 万元；" …: a unit's projects are told by the largest or the chosen ones,
    // seldom all of them — only a sum over the total is wrong
    const projects =
      /项目支出/u.test(text.slice(0, total.start)) ||
      items.some((i) => /项目|工程/u.test(i.pc.p.n.text.slice(0, (i.amounts[0] as AmountMention).start)));
    const claim: Claim = {
      kind: 'list',
      listId: 'outline',
      total,
      totalPlace: head.p.para,
      items: every,
      compare: projects ? 'at-most' : 'equal',
      closed: true,
      ...place(head.p, sentenceAt(head.p, total.start), total),
    };
    if (every.length !== firstOnly.length)
      claim.readings = [
        { items: every, nested: [] },
        { items: firstOnly, nested: [] },
      ];
    out.push(claim);
  }
  return out;
}

/** A figure's paragraph that closes by opening what follows: "…T 万元，具体安排情况如下：", "…T 万元。具体如下：". */
const OPENS_BELOW = /[，。,]\s*具体(?:安排)?(?:情况)?如下[：:]\s*$/u;

/** Words before an item's figure that make it a piece or a detail of the item, not the item's own figure. */
const PIECE_BEFORE = /其中|包括|含|人员|公用|占|比|较|上年|去年|增|减/u;

/**
 * "一般公共预算拨款收入 T 万元，具体安排情况如下：" / "（一）基本支出：" / "…年初预算数为 b 万元，是指…" / "（二）项目支出：" /
 * "…年初预算 p 万元，…": a figure opening the headings below it, each heading naming a part of a known breakdown (every
 * part of one of its complete sets, each once) and its figure — in the heading after its colon, or opening the paragraph
 * right under it. The parts add up to the figure. Read only when every heading has its figure, the headings' end is
 * written (the text goes on after them), and no heading is numbered out of turn.
 */
export function headedPartClaims(paras: readonly ParaClaims[], known: KnownLists): Claim[] {
  const out: Claim[] = [];
  for (const { k, head, text, total } of headings(paras, known.listed)) {
    if (!OPENS_BELOW.test(text.slice(total.end))) continue;
    const items: { name: string; pc?: ParaClaims; amount?: AmountMention }[] = [];
    let style: string | undefined;
    let plain = true;
    let j = k + 1;
    for (; j < paras.length && plain; j += 1) {
      const pc = paras[j] as ParaClaims;
      const line = pc.p.n.text;
      const item = outlineItem(line);
      if (item) {
        if (style === undefined) style = item.style;
        if (item.style !== style || item.n !== items.length + 1) break;
        const name = withoutOutlineMark(line);
        const colon = /^([^：:0-9]{2,20})[：:]\s*/u.exec(name);
        if (!colon) {
          plain = false;
          break;
        }
        const rest = name.slice(colon[0].length);
        const entry: (typeof items)[number] = { name: colon[1] as string };
        // the figure in the heading itself, after its colon
        if (rest !== '') {
          const first = levelsOf(pc)[0];
          if (!first || pc.p.amounts[0] !== first || PIECE_BEFORE.test(line.slice(0, first.start))) plain = false;
          else Object.assign(entry, { pc, amount: first });
        }
        items.push(entry);
        continue;
      }
      // a paragraph of running text: the figure of the heading right above it, when that has none yet
      const current = items[items.length - 1];
      if (!current) break;
      if (current.amount) continue;
      const first = levelsOf(pc)[0];
      const before = first ? line.slice(0, first.start) : '';
      if (!first || pc.p.amounts[0] !== first || PIECE_BEFORE.test(before) || /[。；]/u.test(before)) plain = false;
      else Object.assign(current, { pc, amount: first });
    }
    // the headings' end written, two or more, each with its figure
    if (!plain || j >= paras.length || items.length < 2 || items.some((i) => !i.amount || !i.pc)) continue;
    const words: ListWords = {
      totalName: text.slice(0, total.start),
      intro: text.slice(total.end),
      names: items.map((i) => ({ clause: i.name, between: i.name })),
      shares: items.map(() => undefined),
      after: '',
    };
    const why = completeness(known.completeLists, words);
    if (!known.completeLists.breakdowns.some((b) => b.id === why)) continue;
    out.push({
      kind: 'list',
      listId: 'outline',
      total,
      totalPlace: head.p.para,
      items: items.map((i) => ({ amount: i.amount as AmountMention, para: (i.pc as ParaClaims).p.para })),
      compare: 'equal',
      closed: true,
      namesParts: true,
      ...place(head.p, sentenceAt(head.p, total.start), total),
    });
  }
  return out;
}
