import type { Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { residueAt } from './residue-at.js';
import { COVER_YEAR } from './unit-name.js';
import { TITLE_LINES } from './year.js';
import { allMatches } from '../../util/matches.js';

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
    for (const m of allMatches(text, NAME_THEN_YEAR)) {
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

/** A cover's year on a line of its own among the first ("2021 年度" over the unit's name and "部门决算"). */
function coverYear(paras: ParaClaims[]): string | undefined {
  for (const { p } of paras.slice(0, TITLE_LINES)) {
    const m = COVER_YEAR.exec(p.n.text.trim());
    if (m) return m[1];
  }
  return undefined;
}

/**
 * An outline heading opening with 年度 and no year before it: "二、 年度财政拨款收入支出决算总体情况说明" (at a
 * paragraph's start: a reader may join a heading to the line after it).
 */
const BLANK_HEADING_YEAR =
  /^(?<mark>第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）)(?<gap>\s*)年度(?<rest>[^\s。；，,0-9]*?(?:决算|预算)[^\s。；，,0-9]*?(?:情况说明|说明|情况|表))/u;

/** What a part's heading names right after its year (not "年度预算执行", "年度绩效目标": 年度 may mean annual there). */
const PART_NAME = /^(?:部门|单位|财政拨款|一般公共预算|政府性基金|国有资本|收入|支出|“三公”|三公|机关运行)/u;

/** An outline heading writing its year right after its mark: "三、2023 年度一般公共预算财政拨款支出决算情况说明". */
const HEADING_WITH_YEAR =
  /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）)\s*(?<year>20[0-9]{2})\s*年度\S*?(?:决算|预算)/u;

/**
 * n.placeholder: an outline heading of a 决算 (预算) part that opens with "年度" where the year belongs, while other
 * headings of the same text write their year there ("三、2023 年度…决算情况说明") — the template's "____年度" left
 * empty. A heading with a blank before 年度 ("二、 年度…") is enough with one such heading; "二、年度…" with no blank
 * needs two, all of one year ("年度" may open a heading as the word for "annual" — "三、年度绩效目标" — but not
 * where every other heading writes its year). Where no heading writes its year, the blank form is held against the
 * report's year (the cover's "2021 年度" over "第二部分 年度部门决算情况说明").
 */
export function blankHeadingYearClaims(paras: ParaClaims[], report?: string): Claim[] {
  const years: string[] = [];
  const kinds = new Set<string>();
  for (const { p } of paras) {
    const m = HEADING_WITH_YEAR.exec(p.n.text.trim());
    if (m?.groups?.year) {
      years.push(m.groups.year);
      // (决算 before 预算: "一般公共预算财政拨款支出决算" is a 决算 heading)
      kinds.add(p.n.text.includes('决算') ? '决算' : '预算');
    }
  }
  // no heading writes its year: the report's year, for a blank left where a 决算 heading's year belongs
  const reportOrCover = report ?? coverYear(paras);
  const fromReport = years.length === 0 && reportOrCover !== undefined;
  if (fromReport) kinds.add('决算');
  const year = years[0] ?? (fromReport ? reportOrCover : undefined);
  if (!year || years.some((y) => y !== year)) return [];
  const out: Claim[] = [];
  for (const { p } of paras) {
    const text = p.n.text;
    const lead = text.length - text.trimStart().length;
    const m = BLANK_HEADING_YEAR.exec(text.trim());
    const rest = m?.groups?.rest ?? '';
    if (!m?.groups?.mark || ![...kinds].some((k) => rest.includes(k))) continue;
    const start = lead + m.groups.mark.length;
    // the blank as the source writes it (the normal text drops spaces)
    const gap = /^\s/u.test(sourceSlice(p.n, start - 1, start + 2).slice(m.groups.mark.slice(-1).length));
    if (!gap && (years.length < 2 || !PART_NAME.test(rest))) continue;
    if (fromReport && !PART_NAME.test(rest)) continue;
    const span = { start, end: start + 2 };
    out.push(
      residueAt(p, span, { start: 0, end: text.length }, (written) => ({
        residueId: 'placeholder',
        check: 'narrative.placeholder',
        text: fromReport
          ? `${written}（缺年份，报告年度为「${year}年度」）`
          : `${written}（缺年份，别的标题写作「${year}年度」）`,
        should: `${year}年度`,
      })),
    );
  }
  return out;
}
