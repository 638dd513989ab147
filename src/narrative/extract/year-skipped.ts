import type { Claim } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { yearOfReport } from './year-body.js';
import { allMatches } from '../../util/matches.js';

/**
 * A change against a named year: "与 2021 年度相比，各增加 C 万元", "较 2015 年下降 P%", "收、支与 2022 年度相比，减少 C 万元".
 * Not a comparison that says why its base is another year (it is written right after the year: "（疫情前）").
 */
const AGAINST =
  /(?:与|(?<!比)较|比)(20[0-9]{2})年度?(?:的)?(?:决算数?|预算数?)?(?:相比较?|比较)?[，]?(?:收入、支出总计|收、支总计|收支总计|收支)?(?:各|均|分别)?(?:增加|减少|增长|下降|上升|降低)/gu;

/**
 * What the comparison is of: the unit's own totals ("2023 年度收入总计 A 万元，支出总计 A 万元", "2022 年度收、支总计均为 A
 * 万元") or its 三公 经费 ("2024 年某区一般公共预算财政拨款安排“三公”经费 A 万元"), framed by a year at the clause's start.
 */
const TOTALS =
  /(?:^|[。；，])(?:[^。；，：0-9与较比]{2,24}?(?<![与较比于至到—\-~～、和及]))?(20[0-9]{2})年度?(?![同末底初月日0-9]|以来|相比|比较|前|后|起|上半年|下半年|第?[一二三四]季度)[^。；0-9]{0,30}?(收入总计|支出总计|收、支总计|收支总计|收入、支出总计|“三公”经费|三公经费)/gu;

/** Words that say a comparison reaches back on purpose: a base before the pandemic, the same scope, a period. */
const ON_PURPOSE = /疫情|同口径|口径|以来|年均|两年|累计|基数|同期|十三五|十四五|之前|以前/u;

/** "较上年", "比去年", "与上年相比": the items' comparisons with the year before. */
const WITH_YEAR_BEFORE = /(?:与|较|比)(?:上年|去年|上一年)/u;

/**
 * n.year-compare: a statement of a year's own totals (or its 三公 经费) compared with the year two before it — "2023 年度
 * 收入总计 A 万元…。与 2021 年度相比，各增加 C 万元", "2017 年…“三公”经费 5834 万元，较 2015 年下降 2.3%" while every item is
 * compared "较上年". A unit's accounts and budget hold each year against the one before (their tables' 上年 column); a
 * year skipped, compared once and with no word of why (疫情前, 同口径, 以来), is a slip of the year. The 三公 经费 are read
 * only beside items compared with 上年, and never against 2012 (八项规定's base) or 2019 (the year before the pandemic);
 * the totals never against 2012. The statement's year is its own frame, and the report's year when that is known.
 */
export function skippedYearClaims(paras: ParaClaims[], report = yearOfReport(paras)): Claim[] {
  const found = paras.flatMap((pc) => [...allMatches(pc.p.n.text, AGAINST)].map((m) => ({ pc, m })));
  const times = new Map<string, number>();
  for (const { m } of found) times.set(m[1] as string, (times.get(m[1] as string) ?? 0) + 1);
  const out: Claim[] = [];
  for (const { pc, m } of found) {
    const compared = m[1] as string;
    if (times.get(compared) !== 1) continue;
    const text = pc.p.n.text;
    const sentence = sentenceAt(pc.p, m.index);
    // the statement: this sentence up to the comparison, or — a comparison opening its sentence ("收、支与 2022 年度
    // 相比") — the sentence before it too
    const opensSentence = /^(?:收、支|收支|收入、支出|两者)?$/u.test(text.slice(sentence.start, m.index));
    const from = opensSentence && sentence.start > 0 ? sentenceAt(pc.p, sentence.start - 1).start : sentence.start;
    const stated = text.slice(from, m.index);
    const frames = [...allMatches(stated, TOTALS)];
    const frame = frames[frames.length - 1];
    if (!frame || frames.some((f) => f[1] !== frame[1])) continue;
    const year = frame[1] as string;
    if (Number(compared) !== Number(year) - 2 || (report && report !== year)) continue;
    const whole = text.slice(from, sentence.end);
    if (ON_PURPOSE.test(whole) || WITH_YEAR_BEFORE.test(whole)) continue;
    // another comparison of the same statement (with the year before) in the sentence: a second base on purpose
    if (new RegExp(`(?:与|较|比)${Number(year) - 1}年`, 'u').test(whole)) continue;
    const threePublic = /三公/u.test(frame[2] as string);
    if (compared === '2012' || (threePublic && compared === '2019')) continue;
    if (threePublic && !WITH_YEAR_BEFORE.test(text.slice(sentence.end))) continue;
    const at = m.index + m[0].indexOf(compared);
    const span = { start: at, end: at + compared.length + 1 };
    const written = sourceSlice(pc.p.n, span.start, span.end);
    out.push({
      kind: 'residue',
      residueId: 'year-compare',
      check: 'narrative.year-compare',
      messageId: 'year-compare-skipped',
      text: `${year}年`,
      written,
      should: `${Number(year) - 1}年`,
      ...place(pc.p, sentence, span),
    });
  }
  return out;
}
