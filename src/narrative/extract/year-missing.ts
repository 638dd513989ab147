import type { Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { residueAt } from './residue-at.js';

/**
 * "第二部分 某区残联年部门决算表": 年 right after the unit's name, where the year belongs. The three
 * characters before 年 are kept to find the same name written with its year elsewhere; a word that
 * names a year itself (上年, 往年, 本年度, 二〇二三年…) never stands there.
 */
const NAME_THEN_YEAR =
  /(\p{Script=Han}{3})(?<![上往本今去明当全每历同该次近学周多半翌前后某〇零一二三四五六七八九十百千])年度?(?=(?:部门|单位)决算)/gu;

/**
 * n.placeholder: a heading or title that writes "某区残联年部门决算…" while another line writes the
 * same name with its year ("某区残联 2017 年部门决算情况说明"): the year was left out of a template's
 * "____年". Only lines that carry no sentence (headings, titles, contents) are read.
 */
export function missingYearClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const { p } of paras) {
    const text = p.n.text;
    if (/[。；]/u.test(text)) continue;
    for (const m of text.matchAll(NAME_THEN_YEAR)) {
      const name = m[1] as string;
      const withYear = new RegExp(`${name}(20[0-9]{2})年`, 'u');
      const elsewhere = yearWritten(paras, withYear);
      if (!elsewhere) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      out.push(
        residueAt(p, span, { start: 0, end: text.length }, (written) => {
          const at = written.lastIndexOf('年');
          return {
            residueId: 'placeholder',
            check: 'narrative.placeholder',
            text: `${written}（缺年份，别处写作「${elsewhere.text}」）`,
            should: `${written.slice(0, at)}${elsewhere.year}${written.slice(at)}`,
          };
        }),
      );
    }
  }
  return out;
}

/** The first line writing the name with its year, as written there, and the year. */
function yearWritten(paras: ParaClaims[], withYear: RegExp): { text: string; year: string } | undefined {
  for (const { p } of paras) {
    const found = withYear.exec(p.n.text);
    if (found) return { text: sourceSlice(p.n, found.index, found.index + found[0].length), year: found[1] as string };
  }
  return undefined;
}
