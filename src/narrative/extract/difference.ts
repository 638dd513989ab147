import type { Claim } from '../claims.js';
import { mentionApprox } from '../claims.js';
import { place, sentenceAt } from './para.js';
import { countEndingBy } from './spans.js';
import { prefixOf, type ParaState } from './state.js';

/**
 * "“三公”经费支出 2.05 万元，年初预算为 2.95 万元，差值为 0.9 万元": a difference written right after the two figures it
 * sets against each other, clause by clause — the smaller and the difference make the larger (n.list-sum). Only three
 * clauses in a row, each one figure (the two levels, then 差值 / 差额 / 相差), in one sentence.
 */

/** The words that write a difference, closing its clause's prefix. */
const DIFFERENCE = /^(?:差值|差额|相差)(?:为|是)?：?$/u;

export function differenceClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  if (!/差值|差额|相差/u.test(text)) return [];
  const out: Claim[] = [];
  for (const [k, d] of p.amounts.entries()) {
    if (k < 2 || !DIFFERENCE.test(prefixOf(s, d.start))) continue;
    const a = p.amounts[k - 2];
    const b = p.amounts[k - 1];
    if (!a || !b || s.changes.has(a) || s.changes.has(b)) continue;
    // one sentence, three clauses in a row: "…a 万元，…b 万元，差值为 d 万元"
    const sentence = sentenceAt(p, d.start);
    if (a.start < sentence.start || /[；;。]/u.test(text.slice(a.end, d.start))) continue;
    const between = [text.slice(a.end, b.start), text.slice(b.end, d.start)];
    if (between.some((t) => (t.match(/[，,]/gu) ?? []).length !== 1)) continue;
    // (no figure left out between them: the amounts are consecutive by construction, the clauses hold no other)
    if (countEndingBy(p.amounts, d.start) !== k) continue;
    const [small, large] = mentionApprox(a).value.lte(mentionApprox(b).value) ? [a, b] : [b, a];
    out.push({
      kind: 'list',
      listId: 'difference',
      total: large,
      totalPlace: p.para,
      items: [small, d].map((amount) => ({ amount, para: p.para })),
      compare: 'equal',
      ...place(p, sentence, { start: a.start, end: d.end }),
    });
  }
  return out;
}
