import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { countOf } from './list-complete.js';
import { place, sentenceAt } from './para.js';
import { allMatches } from '../../util/matches.js';

/**
 * Names in a row, then how many kinds they are, in apposition: "巡查范围内的公用设施、道路交通、市容环境三大类部件", "支出分为
 * 基本支出、项目支出两类" — the names run back from the count over 、 up to where the list opens (LIST_OPENS).
 */
const KINDS_COUNT =
  /(?<=[^第0-9一二两三四五六七八九十])(?<n>[一二两三四五六七八九十]{1,3}|[0-9]{1,2})(?:大类|类)(?![0-9])/gu;

/**
 * What opens such a list inside its first piece: the last 的 before the first name ("范围内的公用设施"), or a verb that
 * names what a thing holds (分为, 包括, 涵盖 …) or a colon. A list whose first piece has none of these may have verbs
 * before it joined by 、 too ("负责巡查、采集、考核公用设施、…") and is not read.
 */
const LIST_OPENS = /(?:的|分为|分成|划分为|包括|包含|涵盖|含|即|：)(?=[^的：]+$)/u;

/** The longest a name in such a list is: longer pieces are clauses, not names. */
const NAME_MAX = 10;

/**
 * n.count: "…范围内的公用设施、道路交通、…、扩展部件八大类部件": the names listed right before a count of kinds (类, 大类) are
 * those kinds, so they are as many as it says. Read only when every name is plainly one — no figure, no 等 (only some
 * named), no 和/及/与/或 (two names may be joined), no 的 after the first, no bracket — and the list opens plainly
 * (LIST_OPENS) inside its clause.
 */
export function namedKindsClaims(paras: readonly ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const { p } of paras) {
    const text = p.n.text;
    for (const m of allMatches(text, KINDS_COUNT)) {
      const clauseStart = Math.max(
        ...['，', '。', '；', '：', '（', '）'].map((c) => text.lastIndexOf(c, m.index - 1)),
      );
      // (a colon opens the list: the clause starts right after it, the first piece whole)
      const colon = text[clauseStart] === '：';
      const pieces = text.slice(clauseStart + 1, m.index).split('、');
      // the list opens in the last piece that has an opener; one in an earlier piece too leaves it unclear where
      const opening = pieces.map((x) => LIST_OPENS.test(x));
      const at = opening.lastIndexOf(true);
      if (colon ? at > 0 : at < 0 || opening.slice(0, at).includes(true)) continue;
      const first = pieces[Math.max(at, 0)] as string;
      const opens = LIST_OPENS.exec(first);
      const names = [opens ? first.slice(opens.index + opens[0].length) : first, ...pieces.slice(Math.max(at, 0) + 1)];
      if (names.length < 2) continue;
      if (names.some((x) => x === '' || x.length > NAME_MAX || /[0-9等和及与或的（）]/u.test(x))) continue;
      const n = countOf(m.groups?.n ?? '');
      if (n === names.length) continue;
      out.push({
        kind: 'count',
        countId: 'named',
        n,
        counter: '类',
        target: { listed: { count: names.length, paras: [], what: '类数前所列名称' } },
        ...place(p, sentenceAt(p, m.index), { start: clauseStart + 1, end: m.index + m[0].length }),
      });
    }
  }
  return out;
}
