import type { Claim } from '../claims.js';
import { place } from './para.js';
import type { ParaState } from './state.js';
import { allMatches } from '../../util/matches.js';

/** Counters of things done or served, each of one family: a part counted in 件次 may be of a whole in 件. */
const FAMILIES: Record<string, string> = { 件: '件', 件次: '件', 人: '人', 名: '人', 人次: '人', 次: '次' };

/** A count in a sentence: its number and counter (people and things done, never money, a share or a size). */
const COUNTED = /(?<![0-9.])([0-9]+)(件次|人次|件|份|次|人|名|个|项|起|场|户|家|所|条|批|期|辆|台)/gu;

/** Any number at all (a year written as such aside): each must be a COUNTED one for the sentence to be read. */
const ANY_NUMBER = /(?<![0-9.])[0-9][0-9.,]*(?![0-9.,]*年)/gu;

/**
 * "办理法律援助案件 950 件，代写法律文书 1430 份，…，接受各类法律咨询 4697 人次，其中为特殊人群提供法律援助 2684
 * 件次": a 其中 after a run of counts names a part of one of them, or of all of them together — whichever it is, never
 * more than all the counts before it in the sentence added up. Read only when that sentence opens with no 其中 of its
 * own (a sentence that breaks down a whole written before it has its whole elsewhere), every number before the 其中
 * is a count, the part is counted in a family one of them is counted in (a part in 人次 after counts of 期 may be of
 * no whole the sentence writes), and no 万/亿 scales a number.
 */
export function partOverAllClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const sentence of p.sentences) {
    const own = text.slice(sentence.start, sentence.end);
    const at = own.indexOf('其中');
    if (at <= 0 || own[at - 1] !== '，' || own.indexOf('其中', at + 2) >= 0 || /[万亿]/u.test(own)) continue;
    const before = own.slice(0, at);
    const counts = [...allMatches(before, COUNTED)];
    if (counts.length < 2 || counts.length !== [...allMatches(before, ANY_NUMBER)].length) continue;
    // the 其中's own clause: its first count, nothing else counted before it (what follows may be other things done)
    const clause = own.slice(at).split(/[，；]/u)[0] ?? '';
    const part = allMatches(clause, COUNTED)[0];
    if (!part || [...allMatches(clause, ANY_NUMBER)].length !== 1) continue;
    const families = new Set(counts.map((x) => FAMILIES[x[2] as string]).filter(Boolean));
    const family = FAMILIES[part[2] as string];
    const all = counts.reduce((a, x) => a + Number(x[1]), 0);
    if (family && families.has(family) && Number(part[1]) > all) {
      const start = sentence.start + at + part.index;
      out.push({
        kind: 'count',
        countId: 'part-over-all',
        messageId: 'part-over-all',
        // the part is what is written (实为), the counts' sum what it may be at most (应为 ≤)
        n: Number(part[1]),
        counter: part[2] as string,
        target: {
          listed: {
            count: all,
            paras: [],
            what: counts.map((x) => `${x[1]} ${x[2]}`).join('、'),
          },
        },
        ...place(p, sentence, { start, end: start + part[0].length }),
      });
    }
  }
  return out;
}
