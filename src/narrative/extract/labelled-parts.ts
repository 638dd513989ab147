import type { AmountMention, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';

/**
 * A heading's figure with a bracket naming one part of it by its kind: "二、竞技体育 T 万元（其中补助地方 a 万元）",
 * "（二）项目支出 T 万元（其中：对下转移支付 a 万元）" — the label, and where its figure stands.
 */
const BRACKET = /^[^（）]*?[0-9](?:万元|亿元|元)\s*（其中[：:]?(?<label>[\u4e00-\u9fff]{2,10}?)(?:为|是)?(?=[0-9])/u;

/**
 * "二、竞技体育 T 万元（其中补助地方 a 万元）" and under it "（一）举办赛事 b 万元，补助地方 a1 万元；" "（二）人才培养，补助
 * 地方 a2 万元；…": the heading's bracket names the part of T of one kind, and the items under it (to the next heading
 * of its level or above) write their own parts of that kind by the same label — theirs are pieces of the heading's, so
 * together they cannot exceed a (n.list-sum, at most). Read only where two or more items so write the label, each
 * right before its figure.
 */
export function labelledPartClaims(paras: readonly ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const [k, head] of paras.entries()) {
    const level = head.p.level;
    if (level === undefined) continue;
    const text = head.p.n.text;
    const m = BRACKET.exec(text);
    const label = m?.groups?.label;
    if (!m || !label) continue;
    const total = startingAt(head.p.amounts, m[0].length);
    if (!total) continue;
    const items: { amount: AmountMention; para: ParaClaims['p']['para'] }[] = [];
    for (let j = k + 1; j < paras.length; j += 1) {
      const pc = paras[j] as ParaClaims;
      const own = pc.p.level;
      if (own !== undefined && own <= level) break;
      const body = pc.p.n.text;
      for (let at = body.indexOf(label); at >= 0; at = body.indexOf(label, at + label.length)) {
        // the label right before its figure ("补助地方 600 万元"), not inside a longer name or in another bracket
        const figure = startingAt(pc.p.amounts, at + label.length);
        if (figure && figure.unit === total.unit && !/（[^）]*$/u.test(body.slice(0, at)))
          items.push({ amount: figure, para: pc.p.para });
      }
    }
    if (items.length < 2) continue;
    const sentence = sentenceAt(head.p, total.start);
    out.push({
      kind: 'list',
      listId: 'labelled',
      total,
      totalPlace: head.p.para,
      totalName: `其中${label}`,
      items,
      compare: 'at-most',
      ...place(head.p, sentence, total),
    });
  }
  return out;
}
