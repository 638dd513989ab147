import type { CompleteLists } from '../catalog/types.js';
import type { AmountMention, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { completeness, type ListWords } from './list-complete.js';
import { itemName, numberedItem } from './lists.js';
import { place, sentenceAt } from './para.js';

/** Words that make the numbered paragraphs after a figure something else than its parts (reasons, uses, a list cue). */
const NOT_PARTS = /其中|主要(?:原因|是|用于|包括|有)|原因|因为|由于|包括|如下|分别|用于/u;

/** What closes a list as whole: the words say so, its last item is the rest, or its items name a known breakdown. */
const CLOSING = /^(?:whole|count|rest)$/u;

/** The figures of a paragraph that are levels (not changes), in order. */
function levelsOf(pc: ParaClaims): AmountMention[] {
  return pc.p.amounts.filter((a) => !pc.changes.has(a));
}

/**
 * "1.全镇一般公共预算总收入完成 T 万元，占年初预算的 R%。" / "（1）上级补助收入 a 万元；" / "（2）上年结转收入 b 万元；" /
 * "2.…": an outline item stating one figure, with no cue, whose deeper-numbered paragraphs (1, 2, … in one style)
 * each open with a figure — read as the figure's parts only when their names make a known breakdown of it (or say
 * they are whole: the last the rest), since numbered paragraphs under a figure may as well be its reasons or uses.
 */
export function outlinePartClaims(
  paras: readonly ParaClaims[],
  completeLists: CompleteLists,
  listed: ReadonlySet<AmountMention>,
): Claim[] {
  const out: Claim[] = [];
  for (const [k, head] of paras.entries()) {
    const text = head.p.n.text;
    const own = numberedItem(text);
    if (!own || NOT_PARTS.test(text)) continue;
    const figures = levelsOf(head);
    const total = figures[0];
    if (!total || figures.length !== 1 || listed.has(total)) continue;
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
