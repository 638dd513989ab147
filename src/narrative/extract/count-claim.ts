import type { Claim, Span } from '../claims.js';
import { place } from './para.js';
import type { ParaState } from './state.js';

/** A count whose groups add up to another number than the whole: `what` says which groups were added. */
export function groupsCount(
  p: ParaState['p'],
  sentence: Span,
  at: Span,
  c: { n: number; counter: string; sum: number; what: string },
): Claim {
  return {
    kind: 'count',
    countId: 'groups',
    n: c.n,
    counter: c.counter,
    target: { listed: { count: c.sum, paras: [], what: c.what } },
    ...place(p, sentence, at),
  };
}
