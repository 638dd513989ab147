import type { AmountMention, Claim, PercentMention } from '../claims.js';
import type { ClaimsCatalog } from '../catalog/types.js';
import type { Vocabulary } from '../vocabulary.js';
import type { ParaText } from './para.js';

/** What the extractors of one paragraph share: amounts already taken as year-over-year changes, claims so far. */
export interface ParaState {
  p: ParaText;
  catalog: ClaimsCatalog;
  vocabulary: Vocabulary;
  /** Changes ("增加 14.96 万元") are not levels: never a total, a list item or a share's part. */
  changes: Set<AmountMention>;
  usedPercents: Set<PercentMention>;
  claims: Claim[];
}

/** Amounts of the paragraph that state a level (not a change), in order. */
export function levels(s: ParaState): AmountMention[] {
  return s.p.amounts.filter((a) => !s.changes.has(a));
}

/** The text just before an amount back to the previous amount or clause mark: "支出决算为". */
export function prefixOf(s: ParaState, index: number): string {
  const text = s.p.n.text;
  let start = index;
  while (start > 0 && !'，；：。、'.includes(text[start - 1] as string)) start -= 1;
  const previous = s.p.amounts.filter((a) => a.end <= index && a.end > start).pop();
  return text.slice(previous ? previous.end : start, index);
}
