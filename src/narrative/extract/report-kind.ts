import type { Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { TITLE, TITLE_LINES } from './year.js';
import { allMatches } from '../../util/matches.js';

/**
 * "现将 2021 年部门预算公开如下", "现将本单位 2023 年度部门决算公开如下：": the year and kind (预算 or 决算) the text says it
 * presents. A budget's execution (预算执行情况), adjustment or draft is a 决算's or a report's matter, not a budget
 * published.
 */
const ANNOUNCED =
  /现(?:将|就|把)[^。；《》]{0,30}?(?<![与较比和及至到—\-~～、0-9])((20[0-9]{2})年度?[^。；，《》0-9]{0,12}?(预算|决算))(?!执行|调整|草案)[^。；《》]{0,16}?如下/dgu;
/** "二、某卫生院 2021 年度部门决算情况说明", "第二部分 2023 年部门预算表": the year and kind a heading names. */
const HEADING_KIND = /(20[0-9]{2})年度?(?:部门|单位)?(预算|决算)(?!执行|调整|草案|绩效|管理)/gu;
/** The kinds a text names for one year: "2023年度单位决算表" → 2023 → {决算}. */
function kindsNamed(text: string): Map<string, Set<string>> {
  const named = new Map<string, Set<string>>();
  for (const m of allMatches(text, HEADING_KIND)) {
    const kinds = named.get(m[1] as string) ?? new Set<string>();
    kinds.add(m[2] as string);
    named.set(m[1] as string, kinds);
  }
  return named;
}
/**
 * An item under a part that names its kind without a year: "一、收入支出决算总体情况说明", "二、收入预算情况" — not a fund's
 * name ("五、一般公共预算财政拨款支出决算情况说明" names 决算; "国有资本经营预算财政拨款支出情况说明" names none).
 */
const ITEM_KIND = /(?<!一般公共|政府性基金|国有资本经营|社会保险基金)(预算|决算)(?!执行|调整|草案|绩效|管理|财政拨款)/u;
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
    for (const [year, kinds] of kindsNamed(pc.p.n.text))
      named.set(year, new Set([...(named.get(year) ?? []), ...kinds]));
  const out: Claim[] = [];
  for (const pc of paras)
    for (const m of allMatches(pc.p.n.text, ANNOUNCED)) {
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

/** A part's heading (第X部分) or an item's (一、) with no sentence in it. */
const isOutlineHeading = (pc: ParaClaims): boolean =>
  pc.p.level !== undefined && pc.p.level <= 1 && !/[。；]/u.test(pc.p.n.text);

/** The items right under a part's heading: the outline headings after it, to the next of its level or above. */
function itemsUnder(headings: ParaClaims[], at: number): ParaClaims[] {
  const level = headings[at]?.p.level ?? 0;
  const items: ParaClaims[] = [];
  for (const pc of headings.slice(at + 1)) {
    if ((pc.p.level ?? 0) <= level) break;
    items.push(pc);
  }
  return items;
}

/**
 * n.template-residue: "第三部分 某小学 2022 年度单位预算情况说明" in a text whose title or other parts name that year's
 * 决算 ("第二部分 某小学 2022 年度单位决算表") while every item under it that names a kind names 决算 ("一、收入支出决算
 * 总体情况说明", "二、收入决算情况说明"): the heading names the other kind of report — a year's budget and its
 * accounts are never one text, and what the part holds is the other parts' kind. A part whose items name its own
 * kind ("第四部分 2024 年度部门预算情况说明" over "一、2024 年收支预算总体情况") is a part of its own.
 */
export function headingKindClaims(paras: ParaClaims[]): Claim[] {
  const headings = paras.filter(isOutlineHeading);
  const titles = paras.slice(0, TITLE_LINES).filter((pc) => pc.p.level === undefined);
  // the items under a heading name one kind, and only it
  const holds = (at: number, kind: string): boolean => {
    const said = itemsUnder(headings, at).flatMap((pc) => ITEM_KIND.exec(pc.p.n.text)?.[1] ?? []);
    return said.length > 0 && said.every((k) => k === kind);
  };
  const out: Claim[] = [];
  headings.forEach((wrong, at) => {
    for (const [year, kinds] of kindsNamed(wrong.p.n.text)) {
      if (kinds.size !== 1) continue;
      const other = [...kinds][0] as string;
      const kind = OTHER[other] as string;
      if (!holds(at, kind)) continue;
      // what the rest of the text calls this year's report — the title, the other headings — is the kind its items
      // name; the same heading written again (a table of contents, then the body) is no other naming
      const elsewhere = [
        ...titles.map((pc) => kindsNamed(pc.p.n.text).get(year)),
        ...headings.map((pc, i) => {
          const named = kindsNamed(pc.p.n.text).get(year);
          return i === at || (named?.has(other) && holds(i, kind)) ? undefined : named;
        }),
      ].filter((k): k is Set<string> => k !== undefined);
      if (!elsewhere.some((k) => k.has(kind)) || elsewhere.some((k) => k.has(other))) continue;
      const m = [...allMatches(wrong.p.n.text, HEADING_KIND)].find((x) => x[1] === year && x[2] === other);
      if (!m) continue;
      const [start, end] = [m.index, m.index + m[0].length];
      const written = sourceSlice(wrong.p.n, start, end);
      out.push({
        kind: 'residue',
        residueId: 'heading-kind',
        check: 'narrative.template-residue',
        messageId: 'template-kind-heading',
        text: written,
        written,
        should: m[0].replace(other, kind),
        ...place(wrong.p, sentenceAt(wrong.p, start), { start, end }),
      });
    }
  });
  return out;
}
