import type { Claim } from '../claims.js';
import { quoteOf, sentenceAt } from './para.js';
import { lastWithin } from './spans.js';
import { markStart, type ParaState } from './state.js';
import { directionOf } from './yoy.js';

/**
 * The direction a stated reason takes for granted: "增加主要原因是…" refers to the last change
 * stated before it in the paragraph; "支出决算数小于年初预算数的主要原因" to the last execution
 * rate with both amounts. The quote runs from the stated figure to the reason.
 */
export function directionClaims(s: ParaState, earlier: Claim[]): Claim[] {
  const { p, catalog } = s;
  const out: Claim[] = [];
  const cues = [
    ...[...p.n.text.matchAll(catalog.cues.reason)].map((m) => ({ m, refers: 'yoy' as const })),
    ...[...p.n.text.matchAll(catalog.cues.reasonBudget)].map((m) => ({ m, refers: 'budget' as const })),
  ];
  for (const { m, refers } of cues) {
    const word = m.groups?.word ?? '';
    const direction = directionOf(word, catalog);
    if (!direction) continue;
    // "公务接待费支出增加的主要原因": the reason of the subject it names, not of the last change stated
    const clause = markStart(p, '，；。：', m.index);
    const named = lastWithin(p.subjects, clause, m.index);
    const target = earlier
      .filter(
        (c) =>
          c.sentence.start <= m.index &&
          (refers === 'yoy' ? c.kind === 'yoy' : c.kind === 'rate' && c.budget && c.actual) &&
          (!named || ('subject' in c && c.subject?.id === named.subject.id)),
      )
      .pop();
    const reason = sentenceAt(p, m.index);
    const sentence = { start: target ? target.sentence.start : reason.start, end: reason.end };
    const claim: Claim = {
      kind: 'direction',
      word,
      direction,
      refers,
      para: p.para,
      sentence,
      quote: quoteOf(p, sentence, { start: m.index, end: m.index + m[0].length }),
    };
    if (target) claim.target = target;
    out.push(claim);
  }
  return out;
}
