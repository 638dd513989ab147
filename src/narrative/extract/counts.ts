import type { Claim, Span } from '../claims.js';
import { place, sentenceAt } from './para.js';
import type { ParaState } from './state.js';

/** "共涉及项目10个", "共涉及 4 个一级项目": the count; what it is compared with is resolved across paragraphs. */
export function countClaims(s: ParaState): Claim[] {
  const { p, catalog } = s;
  const taken: Span[] = [];
  const out: Claim[] = [];
  for (const cue of catalog.counts) {
    for (const m of p.n.text.matchAll(cue.cue)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
      taken.push(span);
      const target = cue.compare.tables ? { tables: cue.compare.tables } : {};
      out.push({
        kind: 'count',
        countId: cue.id,
        n: Number(m.groups?.n ?? '0'),
        target,
        ...place(p, sentenceAt(p, span.start), span),
      });
    }
  }
  return out;
}
