import type { Claim, Span } from '../claims.js';
import { place, sentenceAt } from './para.js';
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

/** The same, at the whole's figure `figure` as the match `m` wrote it last (its counter right after it). */
export function groupsCountAt(
  p: ParaState['p'],
  m: RegExpMatchArray & { index: number },
  figure: string,
  c: { n: number; counter: string; sum: number; what: string },
): Claim {
  const at = m.index + m[0].lastIndexOf(figure);
  return groupsCount(p, sentenceAt(p, m.index), { start: at, end: at + figure.length + 1 }, c);
}
