import type { Claim } from '../claims.js';
import { place, sentenceAt } from './para.js';
import { firstMatch, lastEndingBy, startingAt } from './spans.js';
import type { ParaState } from './state.js';
import { directionOf } from './yoy.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;

/** What opens the parts after a total's comparison: "…下降 15.31%，其中：", "…；其中". */
const OPENS_PARTS = /^[，,；;]?其中[：:，,]?/u;

/** Between a part's name and its change: "公务用车购置及运行维护费支出决算减少…", "公务接待费决算增加…". */
const NAME_TO_CHANGE = /^(?:的)?(?:支出)?(?:决算数?|预算数?)?$/u;

/**
 * "“三公”经费…比 2024 年度减少 3.59 万元，下降 15.31%，其中：公务用车购置及运行维护费支出决算减少 3.59 万元，下降
 * 15.31%；公务接待费支出决算增加 0.3 万元，增长 100%": after a total's comparison, the parts its 其中 names, each
 * right before its own change (and rate), are compared with the same base though no cue of theirs says so.
 * Their figures are not in the sentence: statedPriorClaims finds each part's own figure in the text.
 */
export function listedChangeClaims(s: ParaState, cued: readonly Claim[]): Claim[] {
  const { p, catalog } = s;
  const text = p.n.text;
  const taken = new Set(cued.flatMap((c) => (c.kind === 'yoy' ? [c.change.start] : [])));
  const out: Claim[] = [];
  for (const whole of cued) {
    if (whole.kind !== 'yoy' || !whole.subject || whole.sameScope || whole.pair) continue;
    const sentence = sentenceAt(p, whole.change.start);
    const end = (whole.rate ?? whole.change).end;
    const opens = OPENS_PARTS.exec(text.slice(end, sentence.end));
    if (!opens) continue;
    const start = end + opens[0].length;
    // a part's name starts after the part before it: its change and rate
    let floor = start;
    for (const m of text.slice(start, sentence.end).matchAll(catalog.cues.change)) {
      const cueAt = start + m.index;
      const change = startingAt(p.amounts, cueAt + m[0].length);
      const changeWord = directionOf(m.groups?.word ?? '', catalog);
      if (!change || !changeWord || taken.has(change.start)) continue;
      const named = lastEndingBy(p.subjects, cueAt);
      if (!named || named.start < floor || named.subject.id === whole.subject.id) continue;
      if (!NAME_TO_CHANGE.test(text.slice(named.end, cueAt))) continue;
      const after = firstMatch(catalog.cues.changeRate, text.slice(change.end, sentence.end));
      const rate = after ? startingAt(p.percents, change.end + after.index + after[0].length) : undefined;
      const rateWord = after?.groups?.word ? directionOf(after.groups.word, catalog) : undefined;
      taken.add(change.start);
      s.changes.add(change);
      const claim: Yoy = { kind: 'yoy', change, changeWord, subject: named.subject, ...place(p, sentence, change) };
      if (whole.versusBudget) claim.versusBudget = true;
      if (rate && rateWord && !s.usedPercents.has(rate)) {
        s.usedPercents.add(rate);
        claim.rate = rate;
        claim.rateWord = rateWord;
      }
      out.push(claim);
      floor = (claim.rate ?? change).end;
    }
  }
  return out;
}
