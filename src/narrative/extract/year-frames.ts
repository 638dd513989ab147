import type { AmountMention } from '../claims.js';
import type { ParaText } from './para.js';
import { markStart, type ParaState } from './state.js';
import { allMatches } from '../../util/matches.js';

const YEAR = /((?:19|20)[0-9]{2})年/gu;

/** The years a text names before 年 ("2025 年度…比 2024 年度…": 2025, 2024), in order. */
export function yearsIn(text: string): string[] {
  return [...allMatches(text, YEAR)].map((m) => m[1] as string);
}

/** Two sentences that each name years, none in common ("2021 年…" and "2022 年…"): they speak of different years. */
export function otherYears(a: string, b: string): boolean {
  const ya = new Set(yearsIn(a));
  const yb = yearsIn(b);
  return ya.size > 0 && yb.length > 0 && !yb.some((y) => ya.has(y));
}

/** The paragraph's 20XX年, in order: found once per paragraph (a search of each figure's clause made a long paragraph's figures quadratic). */
function yearsOf(p: ParaText): RegExpExecArray[] {
  p.years ??= [...allMatches(p.n.text, YEAR)];
  return p.years;
}

/** The last 20XX年 ending by `at` in the paragraph, from its years found once: the year written before a figure. */
export function lastYearBefore(p: ParaText, at: number): string | undefined {
  const years = yearsOf(p);
  return years[yearsEndingBy(years, at) - 1]?.[1];
}

/** How many of the paragraph's years (in order) end by `at`. */
function yearsEndingBy(years: readonly RegExpExecArray[], at: number): number {
  let lo = 0;
  let hi = years.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const y = years[mid] as RegExpExecArray;
    if (y.index + y[0].length <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * "2023 年度收入总计 A 万元，支出总计 B 万元": the year a figure is stated for — the last 20XX年 opening a
 * clause before it from `from` (its sentence's start), whose frame carries on over the clauses after it.
 * A year inside a clause ("较 2023 年减少…") is what that clause compares with, no frame.
 */
export function frameYear(p: ParaText, from: number, at: number): string | undefined {
  const years = yearsOf(p);
  for (let i = yearsEndingBy(years, at) - 1; i >= 0; i -= 1) {
    const y = years[i] as RegExpExecArray;
    if (y.index < from) return undefined;
    if (markStart(p, '，；。：', y.index) === y.index) return y[1];
  }
  return undefined;
}

/**
 * The first 20XX年 wholly inside text[from, to), as a search of that slice finds it: a year is five
 * characters after a clause mark or the text's start, so the paragraph's matches in order are the
 * slice's, the first at or after `from` being the slice's first unless it runs past `to`.
 */
function firstYearWithin(p: ParaText, from: number, to: number): string | undefined {
  const years = yearsOf(p);
  let lo = 0;
  let hi = years.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((years[mid] as RegExpExecArray).index < from) lo = mid + 1;
    else hi = mid;
  }
  const found = years[lo];
  return found && found.index + found[0].length <= to ? found[1] : undefined;
}

/**
 * "2016 年…执行数是 356.60 亿元，2017 年的预算数是 466.29 亿元，比上年增加 109.69 亿元": the figures before a
 * comparison each carry their own year — the comparison is of the later year's figure with the earlier
 * one's, whatever each is called (a budget included). `figures` are the two right before the comparison
 * in its clause group; returns the later year's when each carries its own year, and the comparison is with
 * the earlier one (上年 for consecutive years, or that year named); else nothing.
 */
export function laterYearFigure(
  s: ParaState,
  figures: readonly AmountMention[],
  cueText: string,
): AmountMention | undefined {
  const byYear = new Map<number, AmountMention[]>();
  for (const a of figures) {
    const year = firstYearWithin(s.p, markStart(s.p, '，；。：', a.start), a.start);
    if (!year) continue;
    const list = byYear.get(Number(year)) ?? [];
    list.push(a);
    byYear.set(Number(year), list);
  }
  if (figures.length !== 2 || byYear.size !== 2) return undefined;
  const [earlier, later] = [...byYear.keys()].sort((x, y) => x - y) as [number, number];
  // "比上年" compares consecutive years; "比 2019 年" names the earlier one
  const named = /((?:19|20)[0-9]{2})/u.exec(cueText)?.[1];
  if (named ? Number(named) !== earlier : later !== earlier + 1) return undefined;
  return byYear.get(later)?.[0];
}

/** The latest year a sentence names ("2025 年度…比 2024 年度…": 2025), if any. */
export function latestYear(text: string): string | undefined {
  return yearsIn(text).sort().at(-1);
}
