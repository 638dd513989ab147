import type { AmountMention, Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { markStart } from './state.js';
import { allMatches } from '../../util/matches.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;

/**
 * "…歲出與 114 年度持平" (not 基本持平): a name said level with a year in its own clause — the name, the year as
 * written, where the words stand.
 */
const FLAT =
  /(?<=^|[，；。：])(?:其中[，]?)?(?<name>[\u4e00-\u9fff]{2,12}?)(?:与|和|同|较|比)(?<year>上年|(?:19|20)?[0-9]{2,3}年度?)(?:相比)?[，]?(?<!基本|大体|大致)持平/gu;

/** The words between a name and its figure: "编列", "共编列", "为", "完成". */
const NAME_TO_FIGURE = /^(?:共|总计|合计)?(?:编列|安排|为|是|达|完成|实现|预计)?(?:为)?$/u;

/** Whether `words` (a clause before a figure) are `name` and a verb only. */
function names(words: string, name: string): boolean {
  return words.startsWith(name) && NAME_TO_FIGURE.test(words.slice(name.length));
}

/** The year a comparison names, 年度 and 年 alike (the matching text writes 去年 and 上年度 as 上年 already). */
function sameYear(a: string, b: string): boolean {
  const plain = (x: string) => x.replace(/度$/u, '');
  return plain(a) === plain(b);
}

/**
 * "歲出編列 T，…；其中，歲出與 114 年度持平" and elsewhere "歲出共編列 T，較 114 年度增加 C": one figure (the name's level in
 * the flat statement's sentence, and the current figure of the other comparison, one value) said level with a year in
 * one place and changed against the same year by C ≠ 0 in another (n.flat-nonzero). Read only where both name the
 * figure the same way right before it.
 */
export function flatElsewhereClaims(paras: readonly ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  const yoys = paras.flatMap((pc) =>
    pc.claims
      .filter((c): c is Yoy => c.kind === 'yoy' && c.current !== undefined && !c.change.value.isZero() && !c.flat)
      .map((c) => ({ pc, c })),
  );
  if (yoys.length === 0) return out;
  for (const pc of paras) {
    const text = pc.p.n.text;
    for (const m of allMatches(text, FLAT)) {
      const name = m.groups?.name as string;
      const year = m.groups?.year as string;
      const sentence = sentenceAt(pc.p, m.index);
      // the name's level in the flat statement's sentence, before it
      const level = pc.p.amounts.find(
        (a) =>
          a.start >= sentence.start &&
          a.end <= m.index &&
          names(text.slice(markStart(pc.p, '，；：。、', a.start), a.start), name),
      );
      if (!level) continue;
      const other = yoys.find(({ pc: q, c }) => {
        const current = c.current as AmountMention;
        if (current.unit !== level.unit || !current.value.eq(level.value)) return false;
        const qt = q.p.n.text;
        if (!names(qt.slice(markStart(q.p, '，；：。、', current.start), current.start), name)) return false;
        // the comparison's year, between the figure and its change
        const between = qt.slice(current.end, c.change.start);
        const compared = /(?:较|比|与|同)(?<year>上年|(?:19|20)?[0-9]{2,3}年度?)/u.exec(between)?.groups?.year;
        return compared !== undefined && sameYear(compared, year);
      });
      if (!other) continue;
      const { c } = other;
      out.push({
        kind: 'yoy',
        change: c.change,
        changeWord: c.changeWord,
        flat: true,
        flatElsewhere: { para: c.para, name, year },
        ...place(pc.p, sentence, { start: m.index, end: m.index + m[0].length }),
      });
    }
  }
  return out;
}
