import type { Claim, Direction } from '../claims.js';
import type { ClaimsCatalog } from '../catalog/types.js';
import { place, sentenceAt } from './para.js';
import { levels, type ParaState } from './state.js';

export function directionOf(word: string, catalog: ClaimsCatalog): Direction | undefined {
  if (catalog.directions.up.includes(word)) return 'up';
  if (catalog.directions.down.includes(word)) return 'down';
  return undefined;
}

/**
 * "与 2023 年度相比，收入合计增加 14.96 万元，增长 0.7%": the comparison cue, the first change word
 * after it in the sentence followed by an amount, optionally a rate word and a percentage right
 * after. The current value is the amount stated before for the subject the change names, else the
 * last level amount stated before the comparison.
 */
export function yoyClaims(s: ParaState, amountClaims: Claim[]): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const cue of text.matchAll(catalog.cues.compare)) {
    const sentence = sentenceAt(p, cue.index);
    const rest = text.slice(cue.index + cue[0].length, sentence.end);
    const change = [...rest.matchAll(catalog.cues.change)][0];
    if (!change?.groups) continue;
    const at = cue.index + cue[0].length + change.index + change[0].length;
    const amount = p.amounts.find((a) => a.start === at);
    const changeWord = directionOf(change.groups.word ?? '', catalog);
    if (!amount || !changeWord) continue;
    // "…，与上年相比，支出合计增加…": the figure stated for the subject named, else the last level
    const named = p.subjects.filter((m) => m.start >= cue.index && m.end <= at).pop();
    const stated =
      named &&
      amountClaims
        .filter(
          (c) => c.kind === 'amount' && c.role === 'actual' && c.subject === named.subject && c.amount.end <= cue.index,
        )
        .pop();
    const current =
      stated?.kind === 'amount'
        ? stated.amount
        : levels(s)
            .filter((a) => a.end <= cue.index)
            .pop();
    s.changes.add(amount);
    const claim: Claim = { kind: 'yoy', change: amount, changeWord, ...place(p, sentence, amount) };
    if (current) claim.current = current;
    const after = [...text.slice(amount.end, sentence.end).matchAll(catalog.cues.changeRate)][0];
    const rate = after
      ? p.percents.find((x) => x.start === amount.end + (after.index ?? 0) + after[0].length)
      : undefined;
    const rateWord = after?.groups ? directionOf(after.groups.word ?? '', catalog) : undefined;
    if (rate && rateWord) {
      claim.rate = rate;
      claim.rateWord = rateWord;
      s.usedPercents.add(rate);
    }
    out.push(claim);
  }
  return out;
}
