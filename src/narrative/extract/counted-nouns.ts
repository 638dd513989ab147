import type { Claim, Span } from '../claims.js';
import { countOf } from './list-complete.js';
import { place, sentenceAt } from './para.js';
import type { ParaState } from './state.js';
import { allMatches } from '../../util/matches.js';

/** A number of things: Arabic digits or Chinese numerals ("十二个": twelve, never its last character alone). */
const NUMBER = '[0-9]+|[一两二三四五六七八九十]{1,3}';

/**
 * "15 个专项开展重点绩效评价", "5 个部门、5 个镇乡街道": a count with the thing counted written after it — the
 * words up to the next mark or figure, of which the thing's name is some first characters.
 */
const COUNT_THEN_NOUN = new RegExp(
  `(?<![0-9.一两二三四五六七八九十])(?<n>${NUMBER})(?<counter>个|项|家|所)(?<noun>\\p{Script=Han}{2,10})`,
  'gu',
);

/** A group written name first, its number closing its clause: "良好专项 17 个；", "优秀镇乡街道 3 个，". */
const NAME_THEN_COUNT = /(?<name>\p{Script=Han}{2,16}?)(?<m>[0-9]+)(?<counter>个|项|家|所)(?=[，；。、）]|$)/gu;

/** The grades of one evaluation: each thing evaluated gets one, so the groups so named never overlap. */
const GRADE = /^(?:优秀|优|良好|良|较好|中等|中|一般|合格|基本合格|不合格|较差|差)$/u;

/** What opens a count's groups, and a group's own breakdown (where the groups end). */
const GROUPS_CUE = /其中：?/u;
const NESTED = /其中|(?<!不)包括/u;

interface Counted {
  n: number;
  counter: string;
  noun: string;
  span: Span;
}

/**
 * The longest end of a group's name that begins the thing a count counts ("良好专项" and "专项开展重点绩效…": 专项),
 * at least two characters; '' when none does.
 */
function sharedNoun(name: string, noun: string): string {
  for (let k = Math.min(name.length, noun.length); k >= 2; k--)
    if (noun.startsWith(name.slice(-k))) return name.slice(-k);
  return '';
}

/**
 * "2023 年对 5 个部门、5 个镇乡街道开展整体支出绩效评价，15 个专项开展重点绩效评价，其中：良好部门 5 个；优秀镇乡
 * 街道 3 个，良好镇乡街道 2 个；良好专项 14 个，中等专项 1 个": each group after the 其中 names, at its end, the thing
 * one of the counts before counts — it is some of that count. One group is never more than its count; groups
 * named by grades (优秀, 良好, 中等…) of one count never overlap, so together they are never more than it either.
 * Groups of other kinds may overlap (新建项目, 重点项目): only each on its own is read. A group whose name ends
 * with the things of two counts alike, or of none, is left out. Counts already read as a whole with its
 * groups (`taken`) are not read again.
 */
export function countedNounClaims(s: ParaState, taken: Span[]): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const cue of allMatches(text, new RegExp(GROUPS_CUE.source, 'gu'))) {
    const sentence = sentenceAt(p, cue.index);
    const counts: Counted[] = [...allMatches(text.slice(sentence.start, cue.index), COUNT_THEN_NOUN)].flatMap((m) => {
      const g = m.groups as { n: string; counter: string; noun: string };
      const start = sentence.start + m.index;
      const span = { start, end: start + m[0].length };
      if (taken.some((t) => span.start < t.end && t.start < span.end)) return [];
      return [{ n: countOf(g.n), counter: g.counter, noun: g.noun, span }];
    });
    if (counts.length === 0) continue;
    const after = cue.index + cue[0].length;
    const rest = text.slice(after, sentence.end);
    const nested = rest.search(NESTED);
    const listed = (nested < 0 ? rest : rest.slice(0, nested)).replace(/（[^（）]*）/gu, '');
    const byCount = new Map<Counted, { m: number; grade: string }[]>();
    for (const g of allMatches(listed, NAME_THEN_COUNT)) {
      const { name, m, counter } = g.groups as { name: string; m: string; counter: string };
      const own = counts
        .filter((c) => c.counter === counter)
        .map((c) => ({ c, shared: sharedNoun(name, c.noun) }))
        .filter((x) => x.shared !== '');
      const longest = Math.max(0, ...own.map((x) => x.shared.length));
      const best = own.filter((x) => x.shared.length === longest);
      if (best.length !== 1) continue;
      const { c, shared } = best[0] as { c: Counted; shared: string };
      const qualifier =
        name
          .slice(0, -shared.length)
          .split(/[，；、：]/u)
          .pop() ?? '';
      byCount.set(c, [...(byCount.get(c) ?? []), { m: Number(m), grade: qualifier }]);
    }
    for (const [c, groups] of byCount) {
      const largest = Math.max(...groups.map((g) => g.m));
      const graded = groups.length > 1 && groups.every((g) => GRADE.test(g.grade));
      const sum = groups.reduce((a, g) => a + g.m, 0);
      const over = graded && sum > c.n ? sum : largest > c.n ? largest : undefined;
      if (over === undefined) continue;
      out.push({
        kind: 'count',
        countId: 'groups',
        n: c.n,
        counter: c.counter,
        target: {
          listed: {
            count: over,
            paras: [],
            what: graded && over === sum ? `“其中”按等次所列各组之和` : '“其中”所列的一组',
          },
        },
        ...place(p, sentence, c.span),
      });
    }
  }
  return out;
}

/**
 * "现有九个协会和一个艺术团：即甲协会、乙协会、…和丙艺术团", "下设 3 个科室和 2 个中心，分别为：…": two counts of two
 * kinds of things, then their names (即, 分别为 or a colon name them all), one per 、 (the last two may be joined by 和
 * or 及). Each name ends with the thing it is one of; the names ending with each must be as many as its count.
 * Read only when every name ends with one of the two things, and with one only.
 */
const TWO_COUNTS = new RegExp(
  `(?<n1>${NUMBER})个(?<x>\\p{Script=Han}{1,6}?)(?:和|及|以及|、)(?<n2>${NUMBER})个(?<y>\\p{Script=Han}{1,6}?)，?(?:：即|即|分别(?:为|是)|：)：?(?<list>[^。；，]+)(?=[。；]|$)`,
  'gu',
);

export function twoCountsNamedClaims(s: ParaState): Claim[] {
  const { p } = s;
  const out: Claim[] = [];
  for (const m of allMatches(p.n.text, TWO_COUNTS)) {
    const g = m.groups as { n1: string; x: string; n2: string; y: string; list: string };
    const list = g.list.replace(/（[^（）]*）/gu, '');
    if (/[0-9等]/u.test(list) || g.x.endsWith(g.y) || g.y.endsWith(g.x)) continue;
    const ends = (name: string) => [g.x, g.y].filter((t) => name.endsWith(t));
    // the last two names may be joined by 和/及: split there only when both sides end as names do
    const names = list.split('、').flatMap((name) => {
      const join = /^(.+?)(?:和|及)(.+)$/u.exec(name);
      return join && ends(join[1] as string).length === 1 && ends(join[2] as string).length === 1
        ? [join[1] as string, join[2] as string]
        : [name];
    });
    if (names.length < 2 || names.some((name) => ends(name).length !== 1)) continue;
    const k1 = names.filter((name) => name.endsWith(g.x)).length;
    const k2 = names.length - k1;
    const sentence = sentenceAt(p, m.index);
    const span = { start: m.index, end: m.index + m[0].length };
    for (const [n, k, what] of [
      [countOf(g.n1), k1, g.x],
      [countOf(g.n2), k2, g.y],
    ] as const) {
      if (Number.isNaN(n) || n === k) continue;
      out.push({
        kind: 'count',
        countId: 'named',
        n,
        counter: '个',
        target: { listed: { count: k, paras: [], what: `所列${what}` } },
        ...place(p, sentence, span),
      });
    }
  }
  return out;
}
