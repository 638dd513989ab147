import type { Claim, Span } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import { place, sentenceAt } from './para.js';
import type { ParaState } from './state.js';

/** Template wording left in the text ("增加（减少）", "（…请依据…进行解释）", "占 %"): one claim per occurrence. */
export function residueClaims(s: ParaState): Claim[] {
  const { p, catalog } = s;
  const taken: Span[] = [];
  const out: Claim[] = [];
  for (const cue of catalog.residue) {
    for (const m of p.n.text.matchAll(cue.pattern)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
      taken.push(span);
      out.push({
        kind: 'residue',
        residueId: cue.id,
        check: cue.check,
        text: sourceSlice(p.n, span.start, span.end),
        ...place(p, sentenceAt(p, span.start), span),
      });
    }
  }
  return out;
}
