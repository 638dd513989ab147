import type { AmountMention, Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';

/** The cue of figures given in the order of the names before it: "分别为", "分别是", "分别达到". */
const RESPECTIVELY = /分别(?:为|是|达到?)/gu;

/** Between two figures of such a list: "A 和 B", "A、B". */
const JOIN = /^(?:和|与|及|、|，)/u;

/**
 * A figure's label where the text names it right before it and nothing else: "4.青原（64.30 亿元", "、白川 58.12 亿元"
 * — a run of two to eight characters that starts after a mark or a digit, so that it is the whole name.
 */
const LABEL = /(?<![\p{Script=Han}])(?<name>\p{Script=Han}{2,8})（?$/u;

/** Same figure: same digits, same unit. */
const same = (a: AmountMention, b: AmountMention) => a.value.eq(b.value) && a.unit === b.unit;

/**
 * "青原与白川…分别为 64.30 亿元和 58.12 亿元", where the text gave each figure before under its name ("4.青原（64.30
 * 亿元…）、5.白川（58.12 亿元…）"): 分别 pairs the figures with the names in their order. When the very same figures stand
 * under the same names elsewhere but the list gives them in another order than its names, the pairs were swapped
 * (n.restated). Read only when every figure of the list is written once elsewhere, each under its own label, and each
 * label stands once between the sentence's start and the cue — figures that merely coincide are never a pair swapped.
 */
export function pairedNameClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  const mentions = paras.flatMap((pc) => pc.p.amounts.map((amount) => ({ pc, amount })));
  for (const pc of paras) {
    const { p } = pc;
    const text = p.n.text;
    for (const cue of text.matchAll(RESPECTIVELY)) {
      const figures = listAfter(pc, cue.index + cue[0].length);
      if (figures.length < 2) continue;
      const names = figures.map((figure) => {
        const others = mentions.filter((m) => m.amount !== figure && same(m.amount, figure));
        const [other] = others;
        if (!other || others.length !== 1) return undefined;
        const before = other.pc.p.n.text.slice(Math.max(0, other.amount.start - 10), other.amount.start);
        return LABEL.exec(before)?.groups?.name;
      });
      if (names.some((n) => n === undefined) || new Set(names).size !== names.length) continue;
      const lead = text.slice(sentenceAt(p, cue.index).start, cue.index);
      const at = (names as string[]).map((n) => (lead.indexOf(n) === lead.lastIndexOf(n) ? lead.indexOf(n) : -1));
      if (at.some((x) => x < 0)) continue;
      // the names in the order the sentence gives them, against the order of the figures they were given before
      const order = [...at].sort((a, b) => a - b);
      if (at.every((x, k) => x === order[k])) continue;
      const first = figures[0] as AmountMention;
      const last = figures[figures.length - 1] as AmountMention;
      const byName = order.map((x) => {
        const k = at.indexOf(x);
        return `${names[k]} ${(figures[k] as AmountMention).text}`;
      });
      out.push({
        kind: 'residue',
        residueId: 'paired-names',
        check: 'narrative.restated',
        messageId: 'restated-paired',
        text: sourceSlice(p.n, first.start, last.end),
        written: sourceSlice(p.n, first.start, last.end),
        should: byName.join('、'),
        ...place(p, sentenceAt(p, cue.index), { start: first.start, end: last.end }),
      });
    }
  }
  return out;
}

/** The figures listed right after a cue: "64.30 亿元和 58.12 亿元" (none when no figure follows it). */
function listAfter(pc: ParaClaims, from: number): AmountMention[] {
  const text = pc.p.n.text;
  const out: AmountMention[] = [];
  let next = startingAt(pc.p.amounts, from);
  while (next) {
    out.push(next);
    const join = JOIN.exec(text.slice(next.end));
    next = join ? startingAt(pc.p.amounts, next.end + join[0].length) : undefined;
  }
  return out;
}
