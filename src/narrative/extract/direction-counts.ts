import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { countOf } from './list-complete.js';
import { place, sentenceAt } from './para.js';
import { allMatches } from '../../util/matches.js';

/** Things a text counts and splits by how their figure moved: departments, units, places. */
const NOUN =
  '(?:市级|区级|县级|省级|市直|区直|县直)?(?<noun>部门|单位|市|县|区|县（市、区）|县市区|区县|乡镇|街道|企业)';

/** A count of such things: "16 个部门", "三个县". */
const GROUP = new RegExp(`(?<![0-9.])(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})个${NOUN}`, 'gu');

/** The whole the groups are of, stated as all there are: "已公开的 42 个部门", "全省 16 个市中", "共有 38 个单位". */
const WHOLE = new RegExp(
  `(?:已公开的?|公开了?|共有?|全部|所有|(?<=全[省市县区])|(?<=^|[，。；：])在)[^，。；0-9]{0,6}?(?<n>[0-9]+|[一二两三四五六七八九十]{1,3})个${NOUN}`,
  'gu',
);

/** How many paragraphs before a split its whole may be stated in. */
const REACH = 2;

/** The way a group's figure moved, by the words of its clause: each group of a split is of one way, none twice. */
const WAYS: [string, RegExp][] = [
  ['up', /增加|增长|上升|提高/u],
  ['down', /减少|下降|降低|减小/u],
  ['flat', /持平|不变|未变|无变化/u],
];

/**
 * n.count: "在已公开的 42 个部门中…。在公务用车…中，有 16 个部门较去年有所增加，24 个部门减少，3 个部门与去年持平" — the
 * groups of one sentence each counting the same things by one way their figure moved (增加, 减少, 持平: none of them
 * twice) are disjoint, so together they cannot be more than all the text says there are (the largest count of those
 * things it states as a whole — 已公开的, 共, 全部, 全省…中 — in the split's paragraph or the two before). Fewer is no
 * error (some had no such figure).
 */
export function directionCountClaims(paras: ParaClaims[]): Claim[] {
  // each paragraph's wholes; a split is of a whole stated in its own paragraph or the two before (the lead-in "在…中"),
  // never of one some other section counts ("共有 3 个部门未按时公开" is no whole of the year's 43)
  const wholesIn = paras.map(({ p }) => {
    const found = new Map<string, number>();
    for (const m of allMatches(p.n.text, WHOLE)) {
      const { n, noun } = m.groups as { n: string; noun: string };
      const k = countOf(n);
      if (k > (found.get(noun) ?? 0)) found.set(noun, k);
    }
    return found;
  });
  const out: Claim[] = [];
  for (const [index, { p }] of paras.entries()) {
    const text = p.n.text;
    const wholes = new Map<string, number>();
    for (const found of wholesIn.slice(Math.max(0, index - REACH), index + 1))
      for (const [noun, k] of found) if (k > (wholes.get(noun) ?? 0)) wholes.set(noun, k);
    const bySentence = new Map<number, RegExpExecArray[]>();
    // (the whole itself, "在已公开的 42 个部门中", is no group of it)
    const wholeEnds = new Set([...allMatches(text, WHOLE)].map((m) => m.index + m[0].length));
    for (const m of allMatches(text, GROUP)) {
      if (wholeEnds.has(m.index + m[0].length) || text.startsWith('中', m.index + m[0].length)) continue;
      const start = sentenceAt(p, m.index).start;
      bySentence.set(start, [...(bySentence.get(start) ?? []), m]);
    }
    for (const groups of bySentence.values()) {
      if (groups.length < 2) continue;
      const noun = groups[0]?.groups?.noun as string;
      if (groups.some((g) => g.groups?.noun !== noun)) continue;
      const whole = wholes.get(noun);
      if (whole === undefined) continue;
      // each group's clause: from its count to the next group or the clause's end
      const ways = groups.map((g, k) => {
        const next = groups[k + 1];
        const clauseEnd = text.slice(g.index).search(/[，；。]/u);
        const end = Math.min(next ? next.index : text.length, clauseEnd < 0 ? text.length : g.index + clauseEnd);
        const clause = text.slice(g.index + g[0].length, end);
        const found = WAYS.filter(([, w]) => w.test(clause)).map(([id]) => id);
        return found.length === 1 ? found[0] : undefined;
      });
      if (ways.some((w) => w === undefined) || new Set(ways).size !== ways.length) continue;
      const total = groups.reduce((a, g) => a + countOf(g.groups?.n ?? ''), 0);
      if (!(total > whole)) continue;
      const first = groups[0] as RegExpExecArray;
      const last = groups[groups.length - 1] as RegExpExecArray;
      out.push({
        kind: 'count',
        countId: 'groups',
        n: whole,
        counter: '个',
        target: { listed: { count: total, paras: [], what: `按增加、减少、持平所分的各组${noun}之和` } },
        ...place(p, sentenceAt(p, first.index), { start: first.index, end: last.index + last[0].length }),
      });
    }
  }
  return out;
}

/**
 * A count of places or bodies, then their tally by how their figure moved, in the short form papers and reports write
 * right after it: "117 个县（市、区）“110 增 7 降”", "11 个市“9 增 2 降”", "21 个市州“17 增 3 降 1 平”", "9 个县区“7 升
 * 2 降”" (the quotes are dropped by normalising). The tally is the whole written out: every one of them rose, fell or
 * stayed (平 written when some did), so its numbers add up to the count.
 */
const TALLY =
  /(?<![0-9.])(?<n>[0-9]+)个(?<noun>(?:县（市、区）|县（区）|县（市）|[^0-9，。；、：（）]{1,6}?))(?:中|里)?(?:有|呈|为)?(?<a>[0-9]+)[增升](?:(?<f>[0-9]+)平)?(?<b>[0-9]+)降(?:(?<g>[0-9]+)平)?(?![0-9增升降平])/gu;

/** n.count: "117 个县（市、区）“110 增 6 降”" — the tally after a count adds up to it (TALLY). */
export function tallyCountClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const { p } of paras)
    for (const m of allMatches(p.n.text, TALLY)) {
      const g = m.groups as { n: string; a: string; b: string; f?: string; g?: string; noun: string };
      if (g.f !== undefined && g.g !== undefined) continue;
      const total = [g.a, g.b, g.f ?? '0', g.g ?? '0'].reduce((x, y) => x + Number(y), 0);
      const n = Number(g.n);
      if (total === n) continue;
      out.push({
        kind: 'count',
        countId: 'groups',
        n,
        counter: '个',
        target: { listed: { count: total, paras: [], what: `按增、降${g.f || g.g ? '、平' : ''}所分的${g.noun}之和` } },
        ...place(p, sentenceAt(p, m.index), { start: m.index, end: m.index + m[0].length }),
      });
    }
  return out;
}
