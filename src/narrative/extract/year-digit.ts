import type { Claim } from '../claims.js';
import type { ParaClaims } from './across.js';
import { sentenceAt } from './para.js';
import { residueAt } from './residue-at.js';
import { allMatches } from '../../util/matches.js';

/**
 * "202 年预算执行情况": three digits where a year stands, not a length of time ("建校 200 年来", "200 年历史").
 */
const SHORT_YEAR = /(?<![0-9.,])(20[0-9])年(?!来|以来|前|历史|的历史|多|左右|之久)/gu;

/**
 * What follows only a year, never a length of time: 年度, a month or a part of the year ("202 年 12 月 29 日",
 * "202 年 1-6 月", "202 年上半年"), or a comma when the year opens its sentence ("（一）收入决算情况 202 年，全区…").
 */
const ONLY_A_YEAR = /^(?:度|(?:0?[1-9]|1[0-2])月|1[-－—–~～至](?:[2-9]|1[0-2])月|[上下]半年|前三季度|[，,])/u;
const OPENS_SENTENCE = /(?:^|[。；）)\s—])$/u;
const FULL_YEAR = /(?<![0-9])(20[0-9]{2})年/gu;

/** A character lost in a copy: "?" or U+FFFD right beside a Han character. */
const DAMAGED = /[\u4e00-\u9fff][?\uFFFD]|[?\uFFFD][\u4e00-\u9fff]/u;

/**
 * n.year-body: a year written with a digit missing ("廣州市 202 年預算執行情況和 2021 年預算草案") — its
 * three digits begin a year the text writes in full (2020, 2021), so it is one of those years cut
 * short, never a year of its own. Which digit was lost is not known: the finding names the years the
 * text writes. A text that writes no year in full ("202 年度收入总计…" in a short excerpt) is read only where nothing
 * but a year can stand (ONLY_A_YEAR).
 */
export function shortYearClaims(paras: ParaClaims[]): Claim[] {
  // a page that lost characters it could not encode ("“六?!敝С?213.1", a mirror's "?" or U+FFFD beside Han
  // characters) may have lost a digit the same way: the publisher's text is not known to be short
  if (paras.some((pc) => DAMAGED.test(pc.p.para.text))) return [];
  const years = new Set(paras.flatMap((pc) => [...allMatches(pc.p.n.text, FULL_YEAR)].map((m) => m[1] as string)));
  const out: Claim[] = [];
  for (const { p } of paras)
    for (const m of allMatches(p.n.text, SHORT_YEAR)) {
      const after = p.n.text.slice(m.index + m[0].length, m.index + m[0].length + 8);
      const onlyAYear = ONLY_A_YEAR.exec(after);
      // digits right after 年 are a month or nothing we read ("200 年 10 …")
      if (/^[0-9]/u.test(after) && !onlyAYear) continue;
      const full = [...years].filter((y) => y.startsWith(m[1] as string)).sort();
      // a text that writes no year in full: only where nothing but a year can stand (a comma only at a sentence's start)
      const opening = OPENS_SENTENCE.test(p.n.text.slice(Math.max(0, m.index - 1), m.index));
      if (full.length === 0 && !(onlyAYear && ((onlyAYear[0] !== '，' && onlyAYear[0] !== ',') || opening))) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      out.push(
        residueAt(p, span, sentenceAt(p, span.start), (written) => ({
          residueId: 'short-year',
          check: 'narrative.year-body',
          messageId: full.length > 0 ? 'year-body-short' : 'year-body-short-alone',
          text: written,
          should: full.length > 0 ? full.map((y) => `${y}年`).join(' 或 ') : '四位数的年份',
        })),
      );
    }
  return out;
}
