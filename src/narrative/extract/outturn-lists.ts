import type { AmountMention, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';

/**
 * The lists of outturns under a budget (lists.ts outturnsUnderBudget) take as further totals every figure the text
 * states for the total's subject — as an amount, as the figure a comparison is made of, as a list's total: the
 * outturn is one of them, whichever it is. A list with none is dropped: its items may be outturns whose total is
 * not written, and then nothing is certain.
 */
export function resolveOutturnLists(paras: ParaClaims[]): void {
  const all = paras.flatMap((pc) => pc.claims);
  const figuresOf = (id: string, own: Claim): AmountMention[] =>
    all.flatMap((c) => {
      if (c === own) return [];
      if (c.kind === 'amount' && c.subject.id === id) return [c.amount];
      if (c.kind === 'yoy' && c.subject?.id === id && c.current) return [c.current];
      if (c.kind === 'list' && c.totalSubject?.id === id && !c.outturnsUnderBudget) return [c.total];
      return [];
    });
  for (const pc of paras)
    pc.claims = pc.claims.filter((c) => {
      if (c.kind !== 'list' || !c.outturnsUnderBudget || !c.totalSubject) return true;
      const others = figuresOf(c.totalSubject.id, c).filter((a) => a !== c.total);
      if (others.length === 0) return false;
      c.alternatives = others;
      return true;
    });
}
