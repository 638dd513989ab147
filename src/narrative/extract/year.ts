import type { Claim, Span } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { OutdatedName } from '../vocabulary.js';
import type { ParaClaims } from './across.js';
import { outlineHeading, type ParaText, place, sentenceAt } from './para.js';
import { FUND_BUDGET_NAMES } from '../text/fund-names.js';
import { cells } from './table-rows.js';
import { allMatches } from '../../util/matches.js';

const YEAR = /(20[0-9]{2})年度/gu;

/**
 * A year written as the frame of what is said ("2021 年，州本级…", "2021 年“三公”经费决算情况"), not as a
 * comparison's base ("比 2020 年减少", "较 2020 年度", "2020 年同期"): a plain 20XX 年 counts for the report's
 * year only so.
 */
const FRAME_YEAR =
  /(?<!与|较|比|于|至|到|—|-|~|～)(20[0-9]{2})年(?!度|同期|末|底|初|[0-9]|相比|比较|决算数|预算数|的)/gu;

/**
 * A year framing what follows ("2021 年度支出合计…"): not a comparison's base (比/较/与 2020 年), a range
 * (2016—2020 年), a date (2023 年 12 月 31 日), a period (年末, 年初, 同期) or a point in time (以来, 前, 起).
 */
export const FRAMED =
  /(?<![与较比于至到—\-~～、和及0-9])(20[0-9]{2})年度?(?![同末底初月日0-9、和及至到]|以来|相比|比较|前|后|起|的)/gu;

/** The year written most, when it clearly dominates (at least 3 times, over twice any other). */
function dominant(paras: ParaClaims[], pattern: RegExp, also?: RegExp): string | undefined {
  const counts = new Map<string, number>();
  for (const re of also ? [pattern, also] : [pattern])
    for (const pc of paras)
      for (const m of allMatches(pc.p.n.text, re)) counts.set(m[1] as string, (counts.get(m[1] as string) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < 3 || (second && top[1] <= 2 * second[1])) return undefined;
  return top[0];
}

/**
 * The report's year: the "20XX 年度" written most when it clearly dominates; else, for a text that writes
 * its year mostly as "20XX 年" ("2021 年，州本级…"), the year that dominates "20XX 年度" and the framing
 * "20XX 年" together.
 */
export function reportYear(paras: ParaClaims[]): string | undefined {
  return dominant(paras, YEAR) ?? dominant(paras, YEAR, FRAME_YEAR);
}

/**
 * A comparison's base year ("较 2021 年决算数", "与 2021 年相比"). Not the verb 比较 before the year a
 * figure is stated for ("经比较 2022 年度“三公”经费 41 万元，较 2021 年减少…"), nor a year's 执行数 the 决算
 * is held against ("收入总计 A 万元，与 2022 年（收入）执行数一致": the same year's figures as reported before),
 * nor the year's 年初预算 / 调整预算 an outturn is held against ("比 2017 年年初预算数减少 C" in the 2017 report),
 * nor a period inside the year ("与 2023 年一季度相比", "比 2023 年 1-5 月"): a half-year report compares with its
 * own year's quarter.
 */
const COMPARED =
  /(?:与|(?<!比)较|比)(20[0-9]{2})年(?!度?的?[^，。；0-9]{0,6}?执行数)(?!度?的?(?:年初|全年|调整后?的?)预算)(?!度?(?:第?[一二三四1-4]季度|[上下]半年|前三季度|[0-9一二三四五六七八九十]{1,3}(?:[-—至~～][0-9]{1,2})?月))度?(?:的)?(?:决算数?|预算数?)?(?:相比)?/gu;

/**
 * n.year-compare: the narrative compares with last year P throughout ("较 2021 年决算数增加…" at
 * least three times), and once with P + 1 — the report's own year ("与 2022 年决算数持平" in the
 * 2022 report): that comparison cannot be right.
 */
export function yearCompareClaims(paras: ParaClaims[], report = reportYear(paras)): Claim[] {
  const found = paras.flatMap((pc) =>
    [...allMatches(pc.p.n.text, COMPARED)].map((m) => ({ pc, m, year: Number(m[1]) })),
  );
  const counts = new Map<number, number>();
  for (const f of found) counts.set(f.year, (counts.get(f.year) ?? 0) + 1);
  const [usual, times] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (times < 3)
    return [...laterYearCompared(report, found), ...sameYearCompared(found), ...ownExecutionCompared(paras)];
  // (a comparison with the usual year's successor is reported as that, even when its sentence is of that year too)
  const unusual = found.filter((f) => f.year === usual + 1);
  return [
    ...unusualYearCompared(unusual, usual),
    ...earlierYearCompared(report, found, usual),
    ...sameYearCompared(
      found.filter((f) => f.year !== usual + 1),
      usual,
    ),
  ];
}

/** Words that say a comparison reaches back on purpose: before the pandemic, the same scope, a period, two years. */
const BACK_ON_PURPOSE = /疫情|同口径|口径|以来|年均|两年|累计|基数|同期|十三五|十四五|之前|以前|上年|去年/u;

/**
 * "较 2022 年决算数增加 3 万元" once among "较 2023 年决算数…" written at least three times in the 2024 accounts: the
 * text holds its figures against one year throughout; the one comparison with the year before that, of the same kind
 * (决算数 beside 决算数), with no word of why (疫情, 两年, 累计, 以来) and no other base in its sentence, is a slip of the
 * year. Never 2012 (八项规定's base) nor 2019 (the year before the pandemic); only where the report's year, when known,
 * is the year after the usual one and the sentence is framed by that year or by none ("2023 年比 2022 年增长" is 2023's own).
 */
function earlierYearCompared(
  report: string | undefined,
  found: { pc: ParaClaims; m: RegExpExecArray | RegExpMatchArray; year: number }[],
  usual: number,
): Claim[] {
  const earlier = found.filter((f) => f.year === usual - 1);
  if (earlier.length !== 1 || usual - 1 === 2012 || usual - 1 === 2019) return [];
  if (report !== undefined && Number(report) !== usual + 1) return [];
  const kind = (m: RegExpExecArray | RegExpMatchArray) => /决算|预算/u.exec(m[0])?.[0] ?? '';
  const { pc, m } = earlier[0] as (typeof found)[number];
  if (found.some((f) => f.year === usual && kind(f.m) !== kind(m))) return [];
  const sentence = sentenceAt(pc.p, m.index ?? 0);
  if (BACK_ON_PURPOSE.test(pc.p.n.text.slice(sentence.start, sentence.end))) return [];
  // "2023 年比 2022 年增长" states another year's change: only a sentence framed by the year after the usual one, or by none
  const frames = [...allMatches(pc.p.n.text.slice(sentence.start, m.index ?? 0), FRAMED)].map((f) => Number(f[1]));
  if (frames.some((f) => f !== usual + 1)) return [];
  return [wrongYearClaim(pc, sentence, m, 'year-compare-earlier', { from: usual - 1, to: usual })];
}

/** The comparisons with the year after the one the text compares with throughout (yearCompareClaims). */
function unusualYearCompared(
  unusual: { pc: ParaClaims; m: RegExpExecArray | RegExpMatchArray; year: number }[],
  usual: number,
): Claim[] {
  return unusual.map(({ pc, m }) => {
    const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    return {
      kind: 'residue' as const,
      residueId: 'year-compare',
      check: 'narrative.year-compare',
      text: `${sourceSlice(pc.p.n, span.start, span.end)}（其余比较均为 ${usual} 年）`,
      written: sourceSlice(pc.p.n, span.start, span.end),
      should: sourceSlice(pc.p.n, span.start, span.end).replace(String(usual + 1), String(usual)),
      ...place(pc.p, sentenceAt(pc.p, span.start), span),
    };
  });
}

/**
 * "2014 年…预算总额为 A，比 2015 年预算下降 P%" in a text whose year is 2014: a sentence framed by the report's year
 * compares it with a later year — a year that had no budget or accounts yet when the report was written; the
 * year before was meant. Read only where the sentence's first framing year is the report's own.
 */
function laterYearCompared(
  year: string | undefined,
  found: { pc: ParaClaims; m: RegExpExecArray | RegExpMatchArray; year: number }[],
): Claim[] {
  if (year === undefined) return [];
  const out: Claim[] = [];
  for (const { pc, m, year: compared } of found) {
    const at = m.index ?? 0;
    const sentence = sentenceAt(pc.p, at);
    const frame = [...allMatches(pc.p.n.text.slice(sentence.start, at), FRAMED)][0]?.[1];
    if (frame !== year || compared <= Number(year)) continue;
    out.push(wrongYearClaim(pc, sentence, m, 'year-compare-later', { from: compared, to: Number(year) - 1 }));
  }
  return out;
}

/** A comparison with a wrong year (`m`, "比 2015 年"), reported as written, with the year it should name. */
function wrongYearClaim(
  pc: ParaClaims,
  sentence: Span,
  m: { index?: number; 0: string },
  messageId: string,
  year: { from: number; to: number },
): Claim {
  const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
  const written = sourceSlice(pc.p.n, span.start, span.end);
  return {
    kind: 'residue',
    residueId: 'year-compare',
    check: 'narrative.year-compare',
    messageId,
    text: written,
    written,
    should: written.replace(String(year.from), String(year.to)),
    ...place(pc.p, sentence, span),
  };
}

/** Right after a comparison's base year: the change itself ("比 2015 年下降 0.14 亿元"), nothing of the year's own. */
const CHANGE_NEXT = /^，?(?:增加|减少|增长|下降|上升|降低)/u;

/** The funds' names, which hold 预算 without speaking of a budget: masked before a sentence is read for one. */
const FUND_NAMES = new RegExp(FUND_BUDGET_NAMES, 'gu');

/**
 * "2015 年省级“三公”经费预算 8.43 亿元，比 2015 年下降 0.14 亿元", "本单位 2020 年度总支出 A 万元，较 2020 年度决算数减少 C
 * 万元": a sentence framed by one year compares its figure with that very year — a figure cannot change against itself.
 * Read only when every year framing the sentence before the comparison is that year and the change follows the base at
 * once (not "比 2015 年年初预算", "比 2015 年同期"). A base that is a 预算数 is not read (决算 against the same year's
 * 预算 is a comparison of its own), nor one that is a 决算数 when the sentence states a budget (a fund's name aside).
 * Where the text compares with one year throughout (`usual`) and this base is that year, the frame is the slip (the
 * year after was meant); else the base (the year before was meant).
 */
function sameYearCompared(
  found: { pc: ParaClaims; m: RegExpExecArray | RegExpMatchArray; year: number }[],
  usual?: number,
): Claim[] {
  const out: Claim[] = [];
  for (const { pc, m, year } of found) {
    const at = m.index ?? 0;
    const text = pc.p.n.text;
    if (/预算/u.test(m[0]) || !CHANGE_NEXT.test(text.slice(at + m[0].length))) continue;
    const sentence = sentenceAt(pc.p, at);
    const lead = text.slice(sentence.start, at);
    if (/决算/u.test(m[0]) && /预算|计划|预计/u.test(lead.replace(FUND_NAMES, ''))) continue;
    const frames = [...allMatches(lead, FRAMED)];
    if (frames.length === 0 || frames.some((f) => Number(f[1]) !== year)) continue;
    // a part of the year framing it ("2020 年上半年…较 2020 年"): a period held against its year, not read
    if (frames.some((f) => PERIOD_NEXT.test(text.slice(sentence.start + (f.index ?? 0) + f[0].length)))) continue;
    if (year === usual) {
      const f = frames[0] as RegExpMatchArray;
      const frame = { index: sentence.start + (f.index ?? 0), 0: f[0] };
      out.push(wrongYearClaim(pc, sentence, frame, 'year-compare-same-frame', { from: year, to: year + 1 }));
    } else out.push(wrongYearClaim(pc, sentence, m, 'year-compare-same', { from: year, to: year - 1 }));
  }
  return out;
}

/** Right after a framing year: a part of it (上半年, 一季度, 1-6 月). */
const PERIOD_NEXT =
  /^(?:[上下]半年|前三季度|第?[一二三四1-4]季度|[0-9一二三四五六七八九十]{1,3}(?:[-—至~～][0-9]{1,2})?月)/u;

/**
 * "2014 年预算数比 2014 年预算执行数减少 C 万元", "2014 年…预算 A 万元，与 2014 年预算执行数相比减少 C 万元": a year's budget held
 * against that same year's execution — drawn up before the year ran, a budget is compared with the year before's
 * execution (the year before was meant).
 */
const BUDGET_AGAINST_OWN_EXECUTION =
  /(?<![与较比于至到—\-~～、和及0-9])(20[0-9]{2})年度?(?:[^。；，0-9执决完]{0,16}?)预算(?:数|总额|安排)?(?:[^。；执决完]{0,30}?)(?:比|较|与)((20[0-9]{2})年度?的?(?:预算)?执行数)/gu;
/** The base first: "与 2014 年预算执行数相比，2014 年因公出国（境）费预算增加 C 万元". */
const OWN_EXECUTION_FIRST =
  /(?:与|同|较|比)((20[0-9]{2})年度?的?(?:预算)?执行数)相比，?(20[0-9]{2})年度?[^。；，0-9执决完]{0,24}?(?:预算|安排)/gu;

/**
 * n.year-compare: a budget compared with its own year's execution (BUDGET_AGAINST_OWN_EXECUTION). Read only in a text that
 * names no 决算 (a budget's text: there a year's execution stands only as the base of the next year's budget), and only
 * where the budget's year and the execution's are one.
 */
function ownExecutionCompared(paras: ParaClaims[]): Claim[] {
  if (paras.some((pc) => /决算/u.test(pc.p.n.text))) return [];
  // a 预算执行 report ("某局 2014 年部门预算执行情况的说明") holds the year's budget against its own execution
  if (paras[0] && /执行/u.test(paras[0].p.n.text) && paras[0].p.n.text.length <= 40) return [];
  const out: Claim[] = [];
  for (const pc of paras) {
    for (const m of allMatches(pc.p.n.text, OWN_EXECUTION_FIRST)) {
      if (m[2] !== m[3]) continue;
      const at = m.index + m[0].indexOf(m[1] as string);
      out.push(
        wrongYearClaim(pc, sentenceAt(pc.p, at), { index: at, 0: m[1] as string }, 'year-compare-own-execution', {
          from: Number(m[2]),
          to: Number(m[2]) - 1,
        }),
      );
    }
    for (const m of allMatches(pc.p.n.text, BUDGET_AGAINST_OWN_EXECUTION)) {
      if (m[1] !== m[3]) continue;
      const at = m.index + m[0].length - (m[2] as string).length;
      out.push(
        wrongYearClaim(pc, sentenceAt(pc.p, at), { index: at, 0: m[2] as string }, 'year-compare-own-execution', {
          from: Number(m[1]),
          to: Number(m[1]) - 1,
        }),
      );
    }
  }
  return out;
}

/** An outline heading (第X部分, 一、, （一）) or a title line, with no sentence end and no comparison. */
function isHeading(p: ParaText): boolean {
  if (/[。；]|与|比|较|相比/u.test(p.n.text)) return false;
  return (p.level !== undefined && p.level <= 2) || TITLE.test(p.n.text);
}

/**
 * The year of the accounts the text reports, from its headings alone ("一、2019 年财政决算情况" in a
 * report whose title and body do not write the year often enough to dominate): every heading that names a
 * 决算 names the same one year, or there is none. A figure's year ("比 2018 年增长") is never read.
 */
function accountsHeadingYear(paras: ParaClaims[]): string | undefined {
  const years = new Set<string>();
  for (const { p } of paras)
    if (isHeading(p) && /决算/u.test(p.n.text))
      for (const m of allMatches(p.n.text, TITLE_YEAR)) years.add(m[1] as string);
  return years.size === 1 ? [...years][0] : undefined;
}

/** What follows a class's name stem in the name itself: 支出, or the subject's mark "（类）". */
const CLASS_NAME_GOES_ON = /^(?:支出|（类）|类)/u;

/**
 * n.subject-name: a function class named by its former name ("医疗卫生与计划生育支出", renamed
 * 卫生健康支出 in the 2019 classification) in a report of the year of the change or later — or, when the
 * report's year is not known (a section, a unit's budget without its title), in a text that names the class
 * by its name in force too ("卫生健康支出（类）-计划生育事务…" above "医疗卫生与计划生育支出（类）-行政事业单位医疗…"):
 * one text of one year names one class one way, and the former name is the copied one.
 */
export function outdatedNameClaims(paras: ParaClaims[], outdated: OutdatedName[], report = reportYear(paras)): Claim[] {
  const year = Number(report ?? accountsHeadingYear(paras) ?? 0);
  const out: Claim[] = [];
  const texts = paras.map((pc) => pc.p.n.text);
  for (const pc of paras) {
    for (const { pattern, current, from } of outdated) {
      const inForce = current.replace(/支出$/u, '');
      const namedBoth = year === 0 && texts.some((t) => t.includes(inForce));
      if (year < from && !namedBoth) continue;
      for (const m of allMatches(pc.p.n.text, pattern)) {
        const span = { start: m.index, end: m.index + m[0].length };
        // the class's own name goes on to 支出 or its mark; "文化体育与传媒事务支出" names no class
        if (!CLASS_NAME_GOES_ON.test(pc.p.n.text.slice(span.end))) continue;
        const note = namedBoth ? `文中别处写作「${current}」` : `${year} 年度的科目名称为「${current}」`;
        out.push({
          kind: 'residue',
          residueId: 'outdated-class',
          check: 'narrative.subject-name',
          text: `${sourceSlice(pc.p.n, span.start, span.end)}（${note}）`,
          written: sourceSlice(pc.p.n, span.start, span.end),
          // the span is the former name's stem: the name in force likewise, without 支出
          should: current.replace(/支出$/u, ''),
          ...place(pc.p, sentenceAt(pc.p, m.index), span),
        });
      }
    }
  }
  return out;
}

/**
 * n.year-heading: a heading ("一、2023 年度收入支出决算总体情况" in a 2024 report) whose year is
 * neither the report's year nor stated as a comparison: a heading copied from last year's report.
 * Only outline headings (第X部分, 一、, （一）) and title lines (“…情况说明”, “…决算”) without a sentence end are read.
 */
/**
 * A title line with no outline marker: "某州州本级 2020 年度“三公”经费决算支出情况说明", "…2022 年度部门决算公开说明",
 * "某局 2024 年度财政拨款“三公”经费支出决算情况", "某小学 2023 年度决算公开报告", "某局 2021 年部门决算说明".
 */
export const TITLE =
  /^[^，。；：]{4,40}(?:情况说明|公开说明|的说明|(?:决算|预算)(?:公开|编制)?(?:情况)?(?:说明|报告)|决算|决算公开|决算情况|预算)$/u;

export function yearHeadingClaims(paras: ParaClaims[], year = reportYear(paras)): Claim[] {
  const body = year ? undefined : bodyYear(paras);
  const title = year ? undefined : titleYear(paras);
  // a title the body's year contradicts is itself held against the body: then it is no measure for other headings
  const titled = title && (!body || body === title.year) ? title : undefined;
  const out: Claim[] = [];
  paras.forEach((pc, index) => {
    const { p } = pc;
    if (year && isHeading(p))
      for (const m of headingYears(p, index))
        if (m[1] !== year && !nextYearsBudget(p, m[1] as string, year))
          out.push(headingClaim(p, m, year, `报告年度 ${year}`));
    if (body && isHeading(p) && /决算/u.test(p.n.text) && !/预算/u.test(p.n.text)) {
      for (const m of headingYears(p, index))
        if (m[1] !== body) out.push(headingClaim(p, m, body, `正文的决算陈述为 ${body} 年度`));
    } else if (titled && p !== titled.p && isHeading(p))
      for (const m of allMatches(p.n.text, titled.sameKind))
        if (m[1] !== titled.year) out.push(headingClaim(p, m, titled.year, `标题为 ${titled.year} 年${titled.kind}`));
    if (TABLE_TITLE.test(p.n.text)) out.push(...tableTitleClaims(p, accountsColumnYears(paras, index + 1)));
  });
  out.push(...plainYearHeadingClaims(paras, year));
  out.push(...tableListClaims(paras, year), ...comparedTitleClaims(paras, year), ...runInTitleClaims(paras, year));
  out.push(...subHeadingClaims(paras, year));
  // a heading the report's year already holds against is one finding
  const key = (c: Claim) => `${c.para.n}:${c.kind === 'residue' ? c.written : ''}`;
  const first = new Map<string, Claim>();
  for (const c of [...out, ...titledKindClaims(paras)]) if (!first.has(key(c))) first.set(key(c), c);
  return [...first.values()];
}

/** A heading of one year's matter: no comparison of two ("2023 年与 2022 年对比"). */
function oneYearHeading(p: ParaText): boolean {
  return outlineHeading(p) && !/与|比|较/u.test(p.n.text);
}

/** A parent heading about a year's figures as they came out: its budget's execution, its accounts, its revenue and spending. */
const OUTTURN_HEADING = /预算执行|决算|执行情况|收支情况|完成情况/u;
/** A heading about next year's plan or another document: not an outturn's. */
const PLAN_HEADING = /草案|安排|计划|调整|目标|以来|以前|期间|回顾|至|—|～/u;
/** A child heading framing the year's figures right after its year: "2023 年一般公共预算执行情况", "2023 年预算收支情况". */
const FIGURES_AFTER =
  /^[^，。；]{0,12}?(?:一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|预算|决算|收支|收入|支出)/u;
/** A child heading about an earlier year's matter carried into the year: its balances, its audit, the congress's resolution. */
const CARRIED_MATTER = /结转|结余|审计|整改|决议|问题|上年|同期|对比|比较|债务|以来|以前/u;

/** The part of a year a heading is of, right after its year: "上半年", "1-6 月", "前三季度"; "" for the whole year. */
function periodAfter(text: string): string {
  return (
    /^(?:度)?((?:上|下)半年|前三季度|第?[一二三四]季度|[0-9]{1,2}(?:[-—~～至到][0-9]{1,2})?月)/u.exec(text)?.[1] ?? ''
  );
}

interface SubHeading {
  p: ParaText;
  m: RegExpExecArray;
  year: string;
  period: string;
  /** The nearest heading above at a higher level, when it is a heading line; null when there is none. */
  parent: ParaText | null | undefined;
}

/** The sub-headings framing one year's figures (预算, 收支, 决算) right after their year, each with its parent heading. */
function subHeadings(paras: ParaClaims[]): SubHeading[] {
  const out: SubHeading[] = [];
  paras.forEach(({ p }, index) => {
    if (!oneYearHeading(p) || p.level === undefined || CARRIED_MATTER.test(p.n.text)) return;
    const m = [...allMatches(p.n.text, FRAMING)][0];
    if (!m || p.n.text.match(/20[0-9]{2}/gu)?.length !== 1) return;
    const after = p.n.text.slice(m.index + m[0].length);
    if (!FIGURES_AFTER.test(after)) return;
    let parent: ParaText | null | undefined = null;
    for (let k = index - 1; k >= 0; k -= 1) {
      const q = (paras[k] as ParaClaims).p;
      if (q.level !== undefined && q.level < p.level) {
        parent = oneYearHeading(q) ? q : undefined;
        break;
      }
    }
    out.push({ p, m, year: m[1] as string, period: periodAfter(after), parent });
  });
  return out;
}

/**
 * n.year-heading: "（一）2023 年预算收支情况" right under "一、2024 年预算执行情况": a sub-heading framing a year's figures
 * (预算, 收支, 决算) within a heading that gives one year's outturn (预算执行, 决算) names an earlier year — its year was
 * left from last year's report. Likewise among sister sub-headings under one parent naming no year ("（一）2024 年一般公共
 * 预算收支情况", "（二）2023 年政府性基金预算收支情况", "（三）2024 年国有资本经营预算收支情况"): all of one year, at least two, and
 * one of an earlier year (the same part of the year, and 决算 only beside 决算) is the left one. Not read: a parent of two
 * years ("一、2023 年决算和 2024 年上半年预算执行情况") or of a plan (预算草案, 安排), a child naming balances carried over
 * (结转, 结余) or an audit of the year before, a later child year (next year's budget beside the outturn), nor a year
 * that is not the report's when that is known.
 */
function subHeadingClaims(paras: ParaClaims[], year: string | undefined): Claim[] {
  const out: Claim[] = [];
  const all = subHeadings(paras);
  for (const { p, m, parent } of all) {
    if (!parent || !OUTTURN_HEADING.test(parent.n.text) || PLAN_HEADING.test(parent.n.text)) continue;
    // a year's 决算 told within the next year's execution ("（一）2023 年决算情况" under "一、2024 年上半年预算执行情况")
    if (/决算/u.test(p.n.text) && !/决算/u.test(parent.n.text)) continue;
    const named = [...allMatches(parent.n.text, FRAMING)];
    if (named.length !== 1 || parent.n.text.match(/20[0-9]{2}/gu)?.length !== 1) continue;
    const own = (named[0] as RegExpExecArray)[1] as string;
    if (Number(m[1]) >= Number(own) || (year && year !== own)) continue;
    out.push(headingClaim(p, m, own, `其上的标题为 ${own} 年`));
  }
  // sisters under one heading that names no year, of one level; a list of tables is tableListClaims's
  const groups = new Map<ParaText, SubHeading[]>();
  for (const h of all) {
    if (!h.parent || /20[0-9]{2}/u.test(h.parent.n.text) || PLAN_HEADING.test(h.parent.n.text)) continue;
    if (/表(?:（[^（）]{1,12}）)?$/u.test(h.p.n.text)) continue;
    groups.set(h.parent, [...(groups.get(h.parent) ?? []), h]);
  }
  for (const sisters of groups.values()) {
    if (new Set(sisters.map((h) => h.p.level)).size !== 1 || sisters.some((h) => PLAN_HEADING.test(h.p.n.text)))
      continue;
    // one kind of document throughout: an outturn's (执行, 决算) beside a budget's is another matter
    const kindOf = (h: SubHeading) => {
      const text = h.p.n.text.replace(FUND_BUDGETS, '');
      return `${/执行/u.test(text)}${/决算/u.test(text)}${/预算/u.test(text)}`;
    };
    if (new Set(sisters.map(kindOf)).size !== 1) continue;
    const times = new Map<string, number>();
    for (const h of sisters) times.set(h.year, (times.get(h.year) ?? 0) + 1);
    const [top, other] = [...times].sort((a, b) => b[1] - a[1]);
    if (!top || !other || times.size !== 2 || top[1] < 2 || other[1] !== 1) continue;
    if (Number(other[0]) >= Number(top[0]) || (year && year !== top[0])) continue;
    const odd = sisters.find((h) => h.year === other[0]) as SubHeading;
    const rest = sisters.filter((h) => h !== odd);
    if (rest.some((h) => h.period !== odd.period)) continue;
    if (/决算/u.test(odd.p.n.text) && !rest.every((h) => /决算/u.test(h.p.n.text))) continue;
    out.push(headingClaim(odd.p, odd.m, top[0], `同级的其余 ${top[1]} 个标题均为 ${top[0]} 年`));
  }
  return out;
}

/** A table's title as a list of tables gives it: "五、2018 年政府性基金预算支出表", "三、…基本支出表（部门经济分类）". */
const TABLE_LINE = /^[^，。；：|]{4,40}表(?:（[^（）]{1,12}）)?$/u;
/** How many of a list's tables must name one year before another year among them is read as a slip. */
const MIN_TABLES = 3;

/**
 * n.year-heading: "五、2017 年政府性基金预算支出表" among seven tables of 2018 ("一、2018 年财政拨款收支总表" … "八、2018 年
 * 部门支出表"): the tables a report lists are of one year; one table of another year, alone, is last year's title left.
 * The tables of a budget and of accounts are read apart (a 决算 table may stand in a budget), and a table of another
 * matter (预算执行情况表) or naming two years is not read, nor next year's budget.
 */
function tableListClaims(paras: ParaClaims[], year: string | undefined): Claim[] {
  const tables = paras.flatMap(({ p }) => {
    const text = p.n.text;
    if (!TABLE_LINE.test(text) || OTHER_MATTER.test(text) || text.match(/20[0-9]{2}/gu)?.length !== 1) return [];
    const m = [...allMatches(text, FRAMING)][0];
    return m ? [{ p, m, kind: /决算/u.test(text) ? '决算' : '预算' }] : [];
  });
  const out: Claim[] = [];
  for (const kind of ['预算', '决算']) {
    const listed = tables.filter((t) => t.kind === kind);
    const times = new Map<string, number>();
    for (const t of listed) times.set(t.m[1] as string, (times.get(t.m[1] as string) ?? 0) + 1);
    const [top] = [...times].sort((a, b) => b[1] - a[1]);
    if (!top || top[1] < MIN_TABLES || (year && top[0] !== year)) continue;
    for (const t of listed) {
      const written = t.m[1] as string;
      if (written === top[0] || times.get(written) !== 1 || nextYearsBudget(t.p, written, top[0])) continue;
      out.push(headingClaim(t.p, t.m, top[0], `所列其余 ${top[1]} 张表均为 ${top[0]} 年`));
    }
  }
  return out;
}

/**
 * "区科协 2017 年度收入总计 A 万元，支出总计 A 万元。与 2016 年决算数相比，收支增加…": a year's totals held against the
 * named year before's 决算 (a budget's are not read); the year compared and the year stated.
 */
const TOTALS_AGAINST =
  /(?<![与较比于至到—\-~～、和及0-9])(20[0-9]{2})年度?[^。；0-9]{0,20}?(?:收入|支出|收支)(?:总计|合计)(?:[^。；]|[。；](?=与|较|比)){0,60}?(?:与|较|比)(20[0-9]{2})年度?决算/gu;

/**
 * n.year-heading: the title "某协会 2016 年部门决算情况说明" over a body that states 2017's totals against 2016's 决算
 * ("2017 年度收入总计 A 万元…与 2016 年决算数相比"): the year the report compares with cannot be its own — the title's
 * year is last year's. Read when the report's year is not otherwise known or is the body's.
 */
function comparedTitleClaims(paras: ParaClaims[], year: string | undefined): Claim[] {
  const title = paras
    .slice(0, TITLE_LINES)
    .find(({ p }) => TITLE.test(p.n.text) && /决算/u.test(p.n.text) && !/预算/u.test(p.n.text));
  const named = title ? [...allMatches(title.p.n.text, TITLE_YEAR)] : [];
  if (!title || named.length !== 1) return [];
  const m = named[0] as RegExpExecArray;
  const own = Number(m[1]);
  for (const { p } of paras) {
    if (p === title.p) continue;
    for (const t of allMatches(p.n.text, TOTALS_AGAINST)) {
      const [stated, against] = [Number(t[1]), Number(t[2])];
      if (/预算/u.test(t[0]) || against !== own || stated !== own + 1 || (year && Number(year) !== stated)) continue;
      return [headingClaim(title.p, m, String(stated), `正文写 ${stated} 年度收支与 ${own} 年决算相比`)];
    }
  }
  return [];
}

/**
 * A title run into the text after it, the whole text one line ("某幼儿园 关于 2022 年度部门预算编制的说明 一、基本职能…"):
 * the title is what comes before the first outline number.
 */
const RUN_IN_TITLE =
  /^[^，。；：]{4,60}?(?:说明|报告)(?=[一二三四五六七八九十]{1,2}、|（[一二三四五六七八九十]{1,2}）|第[一二三四五六七八九十]+部分)/u;
/** The year a title gives its report: right before its kind ("2022 年度部门预算", "2024 年决算"). */
const TITLE_KIND_YEAR = /(?<![0-9])(20[0-9]{2})年?度?(?=(?:部门|单位)?(?:预算|决算))/gu;

/**
 * n.year-heading: a text written as one line, its title first ("某幼儿园 关于 2022 年度部门预算编制的说明 一、…"), whose body
 * frames its figures with another year throughout (the report's year, 2023): the title's year is last year's.
 */
function runInTitleClaims(paras: ParaClaims[], year: string | undefined): Claim[] {
  if (!year) return [];
  return paras.slice(0, TITLE_LINES).flatMap(({ p }) => {
    if (isHeading(p)) return [];
    const title = RUN_IN_TITLE.exec(p.n.text)?.[0];
    if (!title) return [];
    return [...allMatches(title, TITLE_KIND_YEAR)]
      .filter((m) => m[1] !== year && !nextYearsBudget(p, m[1] as string, year))
      .map((m) => headingClaim(p, m, year, `报告年度 ${year}`));
  });
}

/** A heading's year written without 度 ("二、2019 年“三公”经费支出预算情况说明"), not a base, a range or a date. */
const PLAIN_YEAR = /(?<![0-9与较比于至到—\-~～和及]|[0-9]、)(20[0-9]{2})年(?![度0-9])/gu;
/** A year framing what follows, a heading's too ("一、2020 年…预算表"): FRAMED, with 、 read as a heading's mark. */
const FRAMING =
  /(?<![0-9与较比于至到—\-~～和及]|[0-9]、)(20[0-9]{2})年度?(?![同末底初月日0-9、和及至到]|以来|相比|比较|前|后|起|的)/gu;
/** What a year's accounts or budget are told of: the words that say which figures a statement frames. */
const FIGURES = ['三公', '收支', '收入', '支出', '财政拨款', '一般公共预算', '政府性基金'];
/** A heading about the year's work or another document than the figures themselves ("2023 年预算执行情况"). */
const OTHER_MATTER = /执行|完成|工作|回顾|调整|草案|计划|安排/u;
/** The funds named with 预算 in them. */
const FUND_BUDGETS = /一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算/gu;
/** How far after a framing year its figures' words are read: one clause. */
const FRAME_REACH = /^[^。；]{0,30}/u;

/** The budget-or-accounts word and the figures' words a year frames in what follows it. */
function framedKind(after: string): { kind: string; figures: string[] } | undefined {
  const reach = FRAME_REACH.exec(after)?.[0] ?? '';
  // a fund's name (一般公共预算, 政府性基金预算) is no budget: "2024 年一般公共预算财政拨款支出决算" frames a 决算
  const kind = /预算|决算/u.exec(reach.replace(FUND_BUDGETS, ''))?.[0];
  if (!kind) return undefined;
  return { kind, figures: FIGURES.filter((f) => reach.includes(f)) };
}

/**
 * n.year-heading, a heading that writes its year without 度: "二、2019 年“三公”经费支出预算情况说明" in a text whose year
 * is 2020 — read only when the heading frames one kind of figures (三公 经费 预算, 财政拨款支出决算) that the text
 * frames with the report's year at least twice elsewhere (the table's title "一、2020 年…预算表", the body
 * "某工委 2020 年…“三公”经费支出预算为…") and never with the heading's year: the heading was left from another
 * year's report. A heading about the year's work or its budget's execution ("一、2019 年预算执行情况") is not read,
 * nor next year's budget.
 */
function plainYearHeadingClaims(paras: ParaClaims[], year: string | undefined): Claim[] {
  const framings = paras.flatMap(({ p }) =>
    [...allMatches(p.n.text, FRAMING)].map((m) => ({
      p,
      year: m[1] as string,
      framed: framedKind(p.n.text.slice(m.index + m[0].length)),
    })),
  );
  const out: Claim[] = [];
  for (const { p } of paras) {
    if (!isHeading(p) || OTHER_MATTER.test(p.n.text)) continue;
    for (const m of allMatches(p.n.text, PLAIN_YEAR)) {
      const written = m[1] as string;
      const heading = framedKind(p.n.text.slice(m.index + m[0].length));
      if (!heading || heading.figures.length === 0) continue;
      // the years the same figures are framed with elsewhere: one other year, twice or more, and never the heading's
      const years = framings
        .filter(
          (f) =>
            f.p !== p && f.framed?.kind === heading.kind && heading.figures.some((w) => f.framed?.figures.includes(w)),
        )
        .map((f) => f.year);
      const [own, ...others] = [...new Set(years)];
      if (!own || others.length > 0 || own === written || years.length < 2) continue;
      if ((year && own !== year) || nextYearsBudget(p, written, own)) continue;
      out.push(headingClaim(p, m, own, `正文以 ${own} 年框定同样的数`));
    }
  }
  return out;
}

/**
 * A year and the document it names, written right after it: "2023 年预算执行情况", "2024 年预算草案", "2022 年财政决算",
 * "2023 年计划草案" — not a matter within it ("2022 年预算执行中发现问题", "2023 年决算数") nor a part of the year
 * ("2024 年上半年预算执行情况" names no 预算执行情况 of 2024 as a whole).
 */
const YEAR_KIND =
  /(?<![0-9])(20[0-9]{2})年度?((?:财政|部门|单位)?(?:预算执行情况|预算草案|预算调整方案|决算草案|决算)|计划执行情况|计划草案)(?![数中时])/gu;

/**
 * n.year-heading: "关于某区 2023 年预算执行情况和 2024 年预算草案的报告" gives each document it reports its year; a
 * heading naming one of them with another year ("一、2022 年预算执行情况") is last year's heading left. Read when the
 * text names the document with the title's year more often than with the heading's (the title and the opening's
 * "现将…2023 年预算执行情况和…提请审议"): a title that is itself the slip is not taken for the measure.
 */
function titledKindClaims(paras: ParaClaims[]): Claim[] {
  const top = paras.slice(0, TITLE_LINES).find(({ p }) => !/[。；]/u.test(p.n.text) && p.n.text.search(YEAR_KIND) >= 0);
  if (!top) return [];
  const titled = new Map<string, string>();
  for (const m of allMatches(top.p.n.text, YEAR_KIND)) titled.set(m[2] as string, m[1] as string);
  const times = new Map<string, number>();
  for (const { p } of paras)
    for (const m of allMatches(p.n.text, YEAR_KIND))
      times.set(`${m[1]}${m[2]}`, (times.get(`${m[1]}${m[2]}`) ?? 0) + 1);
  const out: Claim[] = [];
  for (const { p } of paras) {
    if (p === top.p || !isHeading(p)) continue;
    for (const m of allMatches(p.n.text, YEAR_KIND)) {
      const [year, kind] = [m[1] as string, m[2] as string];
      const own = titled.get(kind);
      if (!own || own === year || (times.get(`${own}${kind}`) ?? 0) <= (times.get(`${year}${kind}`) ?? 0)) continue;
      out.push(headingClaim(p, m, own, `标题为 ${own} 年${kind}`));
    }
  }
  return out;
}

/**
 * "二、2025 年度部门预算安排" in a 2024 report of 决算: the budget of the year after, published beside the accounts —
 * a heading copied from another report names an earlier year, never the budget of a year not yet begun.
 */
function nextYearsBudget(p: ParaText, headingYear: string, year: string): boolean {
  return Number(headingYear) === Number(year) + 1 && /预算/u.test(p.n.text) && !/决算/u.test(p.n.text);
}

/** How many lines at the top of a text are read for its title. */
export const TITLE_LINES = 3;
/**
 * The year a title gives its report without 度, or without 年: "某法院 2016 年部门预算情况说明", "某局 2021 年决算公开说明",
 * "某镇人民政府 2024 部门决算情况说明".
 */
const TITLE_PLAIN_YEAR = /(?<![0-9])(20[0-9]{2})年?(?=(?:部门|单位)?(?:预算|决算))/gu;

/**
 * The years a heading names: every "20XX 年度"; in a title line at the top also "20XX 年" or "20XX" right before the
 * report's kind ("…2016 年部门预算情况说明", "…2024 部门决算情况说明"), which can only be the report's own year.
 */
function headingYears(p: ParaText, index: number): RegExpExecArray[] {
  const plain = index < TITLE_LINES && TITLE.test(p.n.text) ? [...allMatches(p.n.text, TITLE_PLAIN_YEAR)] : [];
  return [...allMatches(p.n.text, YEAR), ...plain];
}

/**
 * The year of a short text's own accounts when no year dominates it: every "20XX 年度" framing a line of its
 * body ("2020 年度收入总计 A 万元…", "2020 年度决算编制的主体为…"; not a comparison's base, a date or a
 * period, 与 2019 年度相比, 截至 2020 年底) names one year, at least twice. A year framing balances
 * ("2020 年度结余资金…", "2020 年度财政拨款结转的项目资金…") is the year before's, carried into this one.
 */
export function bodyYear(paras: ParaClaims[]): string | undefined {
  const years = paras
    .filter((pc) => !isHeading(pc.p))
    .flatMap((pc) =>
      [...allMatches(pc.p.n.text, FRAMED)]
        .filter((m) => m[0].endsWith('度') && !CARRIED.test(pc.p.n.text.slice(m.index + m[0].length)))
        .map((m) => m[1] as string),
    );
  return years.length >= 2 && new Set(years).size === 1 ? years[0] : undefined;
}

/** Balances a year frames, carried into the next ("结余资金", "财政拨款结转的项目资金"); not a year-end's own (年末结转和结余). */
const CARRIED = /^(?!年末)[^，。；：0-9]{0,8}?(?:结余|结转)/u;

/** A title naming one year and the document's kind: "2026 年某局部门预算", "某中心 2024 年度单位决算". */
const KIND_TITLE = /^[^，。；：]{0,40}?(20[0-9]{2})年度?[^，。；：0-9]{0,40}?(?:部门|单位)(预算|决算)/u;

/**
 * The year and kind of the title at the top, for a text that writes its year too seldom to dominate (a
 * budget's "2026 年某局部门预算" above its table of contents): then only headings naming a year of the
 * same kind ("第三部分 2025 年部门预算情况说明") are held against it — a heading about another year's work
 * ("一、2025 年工作完成情况") may well stand in a budget.
 */
function titleYear(paras: ParaClaims[]): { p: ParaText; year: string; kind: string; sameKind: RegExp } | undefined {
  for (const { p } of paras.slice(0, TITLE_LINES)) {
    const text = coverTitle(p.n.text);
    const heading = text === p.n.text ? isHeading(p) : TITLE.test(text) && !/[。；]|与|比|较|相比/u.test(text);
    if (!heading || text.match(/20[0-9]{2}年/gu)?.length !== 1) continue;
    const m = KIND_TITLE.exec(text);
    if (m) {
      const kind = m[2] as string;
      return { p, year: m[1] as string, kind, sameKind: new RegExp(`(20[0-9]{2})年度?(?=(?:部门|单位)${kind})`, 'gu') };
    }
  }
  return undefined;
}

/**
 * A cover's lines joined into one paragraph: the title printed twice and the date it was issued ("2026 年某局部门预算
 * 2026 年某局部门预算 2026 年 2 月 5 日") — the title once, without the date; any other text as it is.
 */
function coverTitle(text: string): string {
  const undated = text.replace(/20[0-9]{2}年(?:1[0-2]|0?[1-9])月(?:(?:[12][0-9]|3[01]|0?[1-9])日)?$/u, '');
  const half = undated.length / 2;
  return Number.isInteger(half) && undated.slice(0, half) === undated.slice(half) ? undated.slice(0, half) : undated;
}

/** A table's title line: "某县 2017 年“三公”经费决算统计表" (no clause mark, ends in 表). */
const TABLE_TITLE = /^[^，。；：|]{4,40}表$/u;
const TITLE_YEAR = /(20[0-9]{2})年度?/gu;
/** A column holding one year's 决算: "2018 年决算数", "2018 年度决算". */
const ACCOUNTS_COLUMN = /^(20[0-9]{2})年度?决算数?$/u;
/** How many rows after a table's title are read for its column names. */
const HEADER_ROWS = 12;

/** The years of the 决算 columns named in the header rows of the table right after paras[from - 1] (its unit line aside). */
function accountsColumnYears(paras: ParaClaims[], from: number): number[] {
  const years: number[] = [];
  for (const pc of paras.slice(from, from + HEADER_ROWS)) {
    const text = pc.p.n.text;
    if (/^单位：?(?:万元|元)/u.test(text)) continue;
    if (!text.includes('|')) break;
    for (const cell of cells(text)) {
      const m = ACCOUNTS_COLUMN.exec(cell.text.trim());
      if (m) years.push(Number(m[1]));
    }
  }
  return years;
}

/**
 * "某县 2017 年“三公”经费决算统计表" over columns "2017 年决算数 | 2018 年决算数": a table titled with
 * one year cannot hold a later year's 决算 — the title is last year's, left when the figures were
 * brought forward (it names the table's latest 决算 year, whatever the report's year is taken to be).
 */
function tableTitleClaims(p: ParaText, columnYears: number[]): Claim[] {
  const years = [...allMatches(p.n.text, TITLE_YEAR)];
  const latest = Math.max(...columnYears);
  if (years.length !== 1 || !(latest > Number((years[0] as RegExpExecArray)[1]))) return [];
  return [headingClaim(p, years[0] as RegExpExecArray, String(latest), `表中为 ${latest} 年决算数`)];
}

function headingClaim(p: ParaText, m: RegExpExecArray, year: string, why: string): Claim {
  const span = { start: m.index, end: m.index + m[0].length };
  const written = sourceSlice(p.n, span.start, span.end);
  return {
    kind: 'residue',
    residueId: 'year-heading',
    check: 'narrative.year-heading',
    text: `${written}（${why}）`,
    written,
    should: written.replace(m[1] as string, year),
    ...place(p, { start: 0, end: p.n.text.length }, span),
  };
}
