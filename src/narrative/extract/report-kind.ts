import type { Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { TITLE } from './year.js';

/**
 * "现将 2021 年部门预算公开如下", "现将本单位 2023 年度部门决算公开如下：": the year and kind (预算 or 决算) the text says it
 * presents. A budget's execution (预算执行情况), adjustment or draft is a 决算's or a report's matter, not a budget
 * published.
 */
const ANNOUNCED =
  /现(?:将|就|把)[^。；《》]{0,30}?(?<![与较比和及至到—\-~～、0-9])((20[0-9]{2})年度?[^。；，《》0-9]{0,12}?(预算|决算))(?!执行|调整|草案)[^。；《》]{0,16}?如下/dgu;
/** "二、某卫生院 2021 年度部门决算情况说明", "第二部分 2023 年部门预算表": the year and kind a heading names. */
const HEADING_KIND = /(20[0-9]{2})年度?(?:部门|单位)?(预算|决算)(?!执行|调整|草案)/gu;
/** A heading: an outline's (第X部分, 一、, （一）) or a title line, with no sentence in it. */
const isHeading = (pc: ParaClaims): boolean =>
  !/[。；]/u.test(pc.p.n.text) && ((pc.p.level !== undefined && pc.p.level <= 2) || TITLE.test(pc.p.n.text));

const OTHER: Record<string, string> = { 预算: '决算', 决算: '预算' };

/**
 * n.template-residue: the opening presents one year's 预算 ("现将 2021 年部门预算公开如下") while every heading that
 * names that year names its 决算 ("二、某卫生院 2021 年度部门决算情况说明"), or the other way round. A year's budget
 * is published before the year and its accounts after it, so one text is not both: the opening is another
 * report's wording left in. Read only when headings name the year's other kind and none names the announced one.
 */
export function reportKindClaims(paras: ParaClaims[]): Claim[] {
  const named = new Map<string, Set<string>>();
  for (const pc of paras.filter(isHeading))
    for (const m of pc.p.n.text.matchAll(HEADING_KIND)) {
      const kinds = named.get(m[1] as string) ?? new Set<string>();
      kinds.add(m[2] as string);
      named.set(m[1] as string, kinds);
    }
  const out: Claim[] = [];
  for (const pc of paras)
    for (const m of pc.p.n.text.matchAll(ANNOUNCED)) {
      const [year, kind] = [m[2] as string, m[3] as string];
      const kinds = named.get(year);
      const other = OTHER[kind] as string;
      if (!kinds?.has(other) || kinds.has(kind)) continue;
      const [start, end] = m.indices?.[1] ?? [m.index, m.index];
      const written = sourceSlice(pc.p.n, start, end);
      out.push({
        kind: 'residue',
        residueId: 'report-kind',
        check: 'narrative.template-residue',
        messageId: 'template-kind',
        text: written,
        written,
        should: `${year}年${other}`,
        ...place(pc.p, sentenceAt(pc.p, start), { start, end }),
      });
    }
  return out;
}
