import type { AmountMention, Claim, Span } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { reportYear, TITLE } from './year.js';

/**
 * The report's year for body lines: the dominant "20XX 年度" (year.ts), else the one year of the title line
 * ("某幼儿园 2021 年度部门决算情况说明"). Either way a body line writing another year for the same
 * statement contradicts it.
 */
function yearOfReport(paras: ParaClaims[]): string | undefined {
  const dominant = reportYear(paras);
  if (dominant) return dominant;
  const title = paras.slice(0, 3).find((pc) => TITLE.test(pc.p.n.text) && /决算/.test(pc.p.n.text));
  const years = new Set([...(title?.p.n.text.matchAll(/(20[0-9]{2})年度?/gu) ?? [])].map((m) => m[1]));
  return years.size === 1 ? [...years][0] : undefined;
}

/**
 * Phrases that can only name the report's own year, each with why: "纳入本部门 2020 年度决算编制的二级预算单位"
 * (the scope of this report's accounts); "现将本单位 2021 年度部门决算公开如下" (the accounts this text
 * presents; a document cited before it, 《关于 2021 年度…的通知》, is another sentence's); "2015 年…同比下降的
 * 原因主要是" (the reason for a change this report states, written with an earlier year: last year's line
 * left in — a year compared with, 与 2019 年相比, or a period, 2019 年以来, is no frame).
 */
const OWN_YEAR: { pattern: RegExp; why: string; earlierOnly?: boolean }[] = [
  { pattern: /纳入[^。；，]{0,12}?((20[0-9]{2})年度?)[^。；，]{0,6}?决算编制/gu, why: '决算编制范围' },
  {
    pattern:
      /现(?:将|就)[^。；《]{0,30}?(?<![与较比和及至到—\-~～、0-9])((20[0-9]{2})年度?)[^。；，《]{0,12}?决算[^。；《]{0,16}?如下/gu,
    why: '公开的决算',
  },
  {
    pattern:
      /(?<![与较比于至到—\-~～、和及0-9])((20[0-9]{2})年度?)(?![同末底初月日0-9]|以来|相比|比较|前|后|起)[^。；0-9]{0,30}?(?:同比|比上年|较上年)(?:增加|减少|增长|下降|上升|降低)的?(?:主要)?原因/gu,
    why: '变动原因',
    earlierOnly: true,
  },
];

/**
 * A year framing what follows ("2021 年度支出合计…"): not a comparison's base (比/较/与 2020 年), a range
 * (2016—2020 年), a date (2023 年 12 月 31 日), a period (年末, 年初, 同期) or a point in time (以来, 前, 起).
 */
const FRAMED =
  /(?<![与较比于至到—\-~～、和及0-9])(20[0-9]{2})年度?(?![同末底初月日0-9、和及至到]|以来|相比|比较|前|后|起|的)/gu;

/** Between a level and its change: "，较上年决算数增加", "，比上年减少". */
const TO_CHANGE =
  /^[，,]?(?:收支)?(?:较|比|与)上年(?:度)?(?:决算数?)?(?:相比)?[，,]?(?:增加|减少|增长|下降|上升|降低)了?$/u;

interface Framed {
  pc: ParaClaims;
  year: string;
  at: Span;
  /** The level and its change written after the year in its clause: "支出合计 A 万元，较上年增加 C 万元". */
  key: string;
}

/** Each framed year with a level and its change after it, in the same sentence. */
function framedStatements(paras: ParaClaims[]): Framed[] {
  const out: Framed[] = [];
  for (const pc of paras) {
    const text = pc.p.n.text;
    for (const m of text.matchAll(FRAMED)) {
      const sentence = sentenceAt(pc.p, m.index);
      const after = pc.p.amounts.filter((a) => a.start > m.index && a.end <= sentence.end);
      const [level, change] = after as [AmountMention | undefined, AmountMention | undefined];
      // the year's own statement: no other year between it and the figures
      if (!level || !change || /20[0-9]{2}年/u.test(text.slice(m.index + 4, change.start))) continue;
      if (level.value.isZero() || change.value.isZero()) continue;
      if (!TO_CHANGE.test(text.slice(level.end, change.start).replace(/\s/gu, ''))) continue;
      out.push({
        pc,
        year: m[1] as string,
        at: { start: m.index, end: m.index + m[0].length },
        key: `${level.value.toString()}${level.unit}|${change.value.toString()}${change.unit}`,
      });
    }
  }
  return out;
}

function claimAt(pc: ParaClaims, at: Span, year: string, why: string): Claim {
  const written = sourceSlice(pc.p.n, at.start, at.end);
  return {
    kind: 'residue',
    residueId: 'year-body',
    check: 'narrative.year-body',
    text: `${written}（报告年度 ${year}；${why}）`,
    written,
    should: written.replace(/20[0-9]{2}/u, year),
    ...place(pc.p, sentenceAt(pc.p, at.start), at),
  };
}

/**
 * n.year-body: a body line that writes another year where only the report's year can stand — a phrase of
 * OWN_YEAR ("纳入本部门 2020 年度决算编制的" in a 2021 report), or a statement whose level and
 * change are, figure for figure, those stated under the report's year ("2021 年度支出合计 A 万元，较上年增加
 * C 万元" beside "2022 年度收入合计 A 万元，较上年增加 C 万元" in a 2022 report): a line copied from last
 * year's report with its year left. Other years in body lines (上年 stated, 2019 年疫情前, a range, a
 * next year's budget, a document number or a date) are never read: their figures differ.
 */
export function yearBodyClaims(paras: ParaClaims[]): Claim[] {
  const year = yearOfReport(paras);
  if (!year) return [];
  const out: Claim[] = [];
  for (const pc of paras)
    for (const { pattern, why, earlierOnly } of OWN_YEAR)
      for (const m of pc.p.n.text.matchAll(pattern)) {
        const written = m[2] as string;
        if (written === year || (earlierOnly && Number(written) > Number(year))) continue;
        const at = m.index + m[0].indexOf(m[1] as string);
        out.push(claimAt(pc, { start: at, end: at + (m[1] as string).length }, year, why));
      }
  const statements = framedStatements(paras);
  const ofReportYear = new Set(statements.filter((f) => f.year === year).map((f) => f.key));
  for (const f of statements)
    if (f.year !== year && ofReportYear.has(f.key)) out.push(claimAt(f.pc, f.at, year, '数字与报告年度的同一陈述相同'));
  return out;
}
