import type { AmountMention, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { clauseBefore } from './state.js';
import { allMatches } from '../../util/matches.js';

/**
 * "2016 年预计可安排财力为 T 万元。其中，…" then "按照预算收支平衡的原则，2016 年全县公共财政预算支出安排 B 万元。": a budget
 * draft sets its spending by the money it has, balanced — B must be T (n.balance). Read only when the spending's sentence
 * states that one figure, the 财力 is stated with one value within the paragraph and the three before it, and the years
 * the two sentences name (if any) are one.
 */

/** The principle, right before the spending's clause: "按照（预算）收支平衡的原则，", "坚持收支平衡原则，". */
const PRINCIPLE = /(?:按照|根据|本着|坚持|遵循)[^，。；0-9]{0,8}收支平衡的?原则[，,]\s*/gu;

/** The spending's name right before its figure: "…预算支出安排", "支出预算安排为", "安排支出". */
const SPENDING = /(?:支出(?:预算)?(?:安排|预计)?|安排(?:[^，。；0-9]{0,12})?支出)(?:为|是|共计|合计)?：?$/u;

/** The money it is balanced against: "预计可安排财力为", "可用财力", "财力总计". */
const MEANS = /(?:可安排|可用|可支配|预计可安排|预计可用)财力(?:总额|总计|合计)?(?:为|是|达到?|共计)?：?$/u;

/** How many paragraphs before the principle's own the 财力 may stand in. */
const REACH = 3;

/** A name as the message says it back: no year before it, no verb after it. */
function label(clause: string): string {
  return clause.replace(/^(?:19|20)[0-9]{2}年度?/u, '').replace(/(?:为|是|达到?|共计|合计|：)+$/u, '');
}

function yearOf(text: string): string | undefined {
  return /((?:19|20)[0-9]{2})年/u.exec(text)?.[1];
}

export function principleBalanceClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const [index, pc] of paras.entries()) {
    const text = pc.p.n.text;
    for (const cue of allMatches(text, PRINCIPLE)) {
      const from = cue.index + cue[0].length;
      const sentence = sentenceAt(pc.p, from);
      const figures = pc.p.amounts.filter((a) => a.start >= from && a.end <= sentence.end);
      const spending = figures[0];
      if (figures.length !== 1 || !spending || !SPENDING.test(clauseBefore(pc.p, spending.start))) continue;
      // the 财力 stated before, in this paragraph and the REACH before it: one value
      const means: { amount: AmountMention; pc: ParaClaims }[] = [];
      for (let k = Math.max(0, index - REACH); k <= index; k += 1) {
        const q = paras[k] as ParaClaims;
        for (const a of q.p.amounts) {
          if (q === pc && a.start >= cue.index) break;
          if (MEANS.test(clauseBefore(q.p, a.start))) means.push({ amount: a, pc: q });
        }
      }
      const first = means[0];
      if (!first || means.some((m) => !m.amount.value.eq(first.amount.value) || m.amount.unit !== first.amount.unit))
        continue;
      const meansSentence = sentenceAt(first.pc.p, first.amount.start);
      const y0 = yearOf(first.pc.p.n.text.slice(meansSentence.start, first.amount.start));
      const y1 = yearOf(text.slice(sentence.start, spending.start));
      if (y0 !== undefined && y1 !== undefined && y0 !== y1) continue;
      out.push({
        kind: 'balanced',
        income: first.amount,
        spending,
        labels: [label(clauseBefore(first.pc.p, first.amount.start)), label(clauseBefore(pc.p, spending.start))],
        principle: true,
        ...place(pc.p, sentence, spending),
      });
    }
  }
  return out;
}
