import type { AmountMention, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { signed } from './change-sum.js';
import { outlineItem, outlineMark } from '../../util/outline.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;

/**
 * "总收入由第一次调整后的 A 调整为 B，调减 C。其中：" then "1、调减甲收入 c1…" "2、调增乙收入 c2…" …, or "收入完成 A，比报告数 B
 * 增加 C。具体分项情况：" then "（1）本级收入 a1，比报告数 b1 增加 c1" …: a total's adjustment (or its change against the figure
 * reported earlier), then its items' one by one in numbered paragraphs — the items' signed changes add up to the total's.
 * Read only where the items' end is written (a heading or a paragraph of other text after them, not the text's end)
 * and every numbered paragraph states its change.
 */

/** What closes the total's paragraph and opens its items: "其中：", "具体分项情况：", "具体调整情况如下：", "主要是：". */
const OPENS = /(?:其中|具体(?:分项|调整)?(?:情况)?(?:如下)?|分项情况(?:如下)?|主要(?:是|有|包括))[：:]\s*$/u;

/** An adjustment's amount opening an item: "调减一般公共预算收入 C", "调增上年结余收入 C", "压减公用经费支出 C". */
const ADJUSTMENT = /^(?<word>调增|调减|追加|压减|核减|增加|减少)[^，。；：、0-9（）()]{1,30}?(?=[0-9])/u;
const UP = /^(?:调增|追加|增加)$/u;

/** A numbered item's mark in Arabic numerals ("1、", "1.", "（1）"): its style, its number and where its words begin. */
function markOf(text: string): { style: string; n: number; end: number } | undefined {
  const item = outlineItem(text);
  return item && /1/u.test(item.style) ? { ...item, end: outlineMark(text).length } : undefined;
}

/** The total's change this paragraph states: its one adjustment, or its one change against a reported figure. */
function totalChange(pc: ParaClaims): Yoy | undefined {
  const own = pc.claims.filter(
    (c): c is Yoy =>
      c.kind === 'yoy' && c.prior !== undefined && (c.prior.adjusted === true || c.prior.reported === true),
  );
  return own.length === 1 ? own[0] : undefined;
}

/** An item's signed change: its adjustment word and amount after the mark, or its one change of the total's kind. */
function itemChange(pc: ParaClaims, markEnd: number, kind: 'adjusted' | 'reported'): AmountMention | undefined {
  const text = pc.p.n.text;
  const lead = ADJUSTMENT.exec(text.slice(markEnd));
  if (kind === 'adjusted' && lead?.groups?.word) {
    const at = markEnd + lead[0].length;
    const amount = pc.p.amounts.find((a) => a.start === at);
    if (!amount) return undefined;
    return UP.test(lead.groups.word) ? amount : { ...amount, value: amount.value.negated(), text: `−${amount.text}` };
  }
  const own = pc.claims.filter((c): c is Yoy => c.kind === 'yoy' && c.prior?.[kind] === true);
  return own.length === 1 ? signed(own[0] as Yoy) : undefined;
}

/** The total's name: the words before its first figure in the sentence ("一般公共预算总收入由第一次调整后的" → its name). */
function nameOf(pc: ParaClaims, total: Yoy): string {
  const text = pc.p.n.text;
  const first = pc.p.amounts.find((a) => a.start >= total.sentence.start);
  const before = text.slice(total.sentence.start, first ? first.start : total.change.start);
  return (before.split(/[，,；。：0-9]/u).pop() ?? '')
    .replace(/(?:由|从).*$/u, '')
    .replace(/^(?:年度?|全[县市区镇乡州省])+/u, '')
    .replace(/(?:完成|决算数?|为|是|共计|合计|达)+$/u, '');
}

export function numberedChangeClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const [index, pc] of paras.entries()) {
    if (!OPENS.test(pc.p.n.text)) continue;
    const total = totalChange(pc);
    if (!total?.prior) continue;
    const kind = total.prior.adjusted ? 'adjusted' : 'reported';
    const items: { amount: AmountMention; para: ParaClaims['p']['para'] }[] = [];
    let style: string | undefined;
    let k = index + 1;
    let ok = true;
    for (; k < paras.length; k += 1) {
      const next = paras[k] as ParaClaims;
      const mark = markOf(next.p.n.text);
      if (!mark || (style !== undefined && mark.style !== style)) break;
      // the numbers run 1, 2, 3… from the first item
      if (mark.n !== items.length + 1) {
        ok = false;
        break;
      }
      style = mark.style;
      const change = itemChange(next, mark.end, kind);
      if (!change) {
        ok = false;
        break;
      }
      items.push({ amount: change, para: next.p.para });
    }
    // two items or more, every one read, and their end written (the text goes on after them)
    if (!ok || items.length < 2 || k >= paras.length) continue;
    out.push({
      kind: 'list',
      listId: `changes:numbered-${kind}`,
      total: signed(total),
      totalPlace: total.para,
      ...(total.subject ? { totalSubject: total.subject } : { totalName: nameOf(pc, total) }),
      items,
      compare: 'equal',
      para: total.para,
      sentence: total.sentence,
      quote: total.quote,
    });
  }
  return out;
}
