import type { AmountMention, Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';

/** The characters of a mention as normalised ("2,345.60万元"). */
function normalised(pc: ParaClaims, a: AmountMention): string {
  return pc.p.n.text.slice(a.start, a.end);
}

/**
 * A figure written ",345.60 万元" (a comma, then three digits): a reprint or a damaged layout lost
 * the digits before the thousands separator. Read alone it is a figure of 345.60; it is known to be
 * damaged when the text states elsewhere the same figure with those digits ("2,345.60 万元", "2345.60 万元"): then it is
 * one figure written two ways (n.restated), not a second figure to be read silently. A comma before a
 * three-digit figure with no longer figure ending so is left alone (a clause's comma, a figure of its own).
 */
export function lostDigitClaims(paras: ParaClaims[]): Claim[] {
  // every figure of the text of four integer digits or more, by what a lost first group would leave: what
  // follows its first thousands separator ("2,345.60万元" → "345.60万元"), or its last three integer digits
  // and on when written without separators ("2345.60万元" → "345.60万元")
  const byTail = new Map<string, string>();
  for (const pc of paras)
    for (const a of pc.p.amounts) {
      const text = normalised(pc, a);
      const comma = text.indexOf(',');
      const digits = /^[0-9]+/u.exec(text)?.[0].length ?? 0;
      const tail = comma > 0 ? text.slice(comma + 1) : digits >= 4 ? text.slice(digits - 3) : undefined;
      if (tail !== undefined && !byTail.has(tail)) byTail.set(tail, sourceSlice(pc.p.n, a.start, a.end));
    }
  const out: Claim[] = [];
  for (const pc of paras) {
    const { p } = pc;
    for (const a of p.amounts) {
      // the comma right before the figure, as written (a converting mirror writes ASCII commas)
      const before = p.n.source[(p.n.at[a.start] as number) - 1];
      if (before !== ',' && before !== '，') continue;
      const text = normalised(pc, a);
      if (!/^[0-9]{3}[.,万亿元]/u.test(text)) continue;
      const whole = byTail.get(text);
      if (!whole) continue;
      const span = { start: a.start - 1, end: a.end };
      out.push({
        kind: 'residue',
        residueId: 'lost-digits',
        check: 'narrative.restated',
        text: sourceSlice(p.n, span.start, span.end),
        written: sourceSlice(p.n, span.start, span.end),
        should: whole,
        ...place(p, sentenceAt(p, a.start), span),
      });
    }
  }
  return out;
}
