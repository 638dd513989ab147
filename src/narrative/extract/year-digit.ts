import type { Claim, Span } from '../claims.js';
import type { ParaClaims } from './across.js';
import { type ParaText, sentenceAt } from './para.js';
import { sourceSlice } from '../text/normalise.js';
import { residueAt } from './residue-at.js';
import { allMatches } from '../../util/matches.js';

/**
 * "202 年预算执行情况": three digits where a year stands, not a length of time ("建校 200 年来", "200 年历史").
 */
const SHORT_YEAR = /(?<![0-9.,])(20[0-9])年(?!来|以来|前|历史|的历史|多|左右|之久)/gu;

/**
 * What follows only a year, never a length of time: 年度, a month or a part of the year ("202 年 12 月 29 日",
 * "202 年 1-6 月", "202 年上半年"), a comma when the year opens its sentence ("（一）收入决算情况 202 年，全区…"), or
 * the words of the year's accounts (YEAR_NOUN: "202 年收入决算", "202 年部门预算").
 */
const ONLY_A_YEAR =
  /^(?:度|(?:0?[1-9]|1[0-2])月|1[-－—–~～至](?:[2-9]|1[0-2])月|[上下]半年|前三季度|[，,]|(?=部门|单位(?:决算|预算)|收入|支出|决算|预算))/u;

/**
 * The words of a 决算 or 预算 that only a year takes after its 年 ("209 年收入决算", "20221 年度部门决算", "202 年部门预算"):
 * 年度, the year's 收入 / 支出, its 部门 / 单位 accounts, its 决算 / 预算 — never a length of time.
 */
const YEAR_NOUN = /^(?:度|部门|单位(?:决算|预算)|(?:收入|支出)(?:决算|预算)?|决算|预算)/u;

/** Five digits before 年, the first two 20 ("20221 年度"): a year with a digit too many, when a year-only word follows. */
const LONG_YEAR = /(?<![0-9.,])(20[0-9]{3})年/gu;
const OPENS_SENTENCE = /(?:^|[。；）)\s—])$/u;
const FULL_YEAR = /(?<![0-9])(20[0-9]{2})年/gu;

/** A character lost in a copy: "?" or U+FFFD right beside a Han character. */
const DAMAGED = /[\u4e00-\u9fff][?\uFFFD]|[?\uFFFD][\u4e00-\u9fff]/u;

/** The four-digit years among `years` that `token` is with one digit dropped (3 digits) or one digit added (5 digits). */
function oneDigitFrom(token: string, years: Iterable<string>): string[] {
  const drop = (t: string): string[] => [...t].map((_, i) => t.slice(0, i) + t.slice(i + 1));
  return [...years]
    .filter((y) => (token.length === 3 ? drop(y).includes(token) : token.length === 5 && drop(token).includes(y)))
    .sort();
}

/**
 * n.year-body: a year written with a digit missing ("廣州市 202 年預算執行情況和 2021 年預算草案") — its
 * three digits begin a year the text writes in full (2020, 2021), so it is one of those years cut
 * short, never a year of its own. Which digit was lost is not known: the finding names the years the
 * text writes. A text that writes no year in full ("202 年度收入总计…" in a short excerpt) is read only where nothing
 * but a year can stand (ONLY_A_YEAR). Before a word only a year takes (YEAR_NOUN), a digit lost inside a year the text
 * writes ("209 年收入决算" beside 2019) and a digit too many ("20221 年度" beside 2022) are read too: there no length of
 * time ("200 年一遇") can stand, so the token is that year mistyped.
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
      const span = { start: m.index, end: m.index + m[0].length };
      // "2019 年…" then "209 年收入决算": a digit lost inside the year, read only before a word that only a year takes
      const noun = YEAR_NOUN.exec(after)?.[0];
      const inner = full.length === 0 && noun ? oneDigitFrom(m[1] as string, years) : [];
      if (noun && inner.length > 0) {
        out.push(oneDigitOff(p, span, 'year-body-short-inner', noun, inner));
        continue;
      }
      // a text that writes no year in full: only where nothing but a year can stand (a comma only at a sentence's start)
      const opening = OPENS_SENTENCE.test(p.n.text.slice(Math.max(0, m.index - 1), m.index));
      if (full.length === 0 && !(onlyAYear && ((onlyAYear[0] !== '，' && onlyAYear[0] !== ',') || opening))) continue;
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
  for (const { p } of paras)
    for (const m of allMatches(p.n.text, LONG_YEAR)) {
      const span = { start: m.index, end: m.index + m[0].length };
      const noun = YEAR_NOUN.exec(p.n.text.slice(span.end))?.[0];
      // "20221 年度" as written, with nothing between the digits and 年: a figure of a flattened table ("20225 年度…")
      // has a space or a cell's edge there
      if (!noun || /\s/u.test(sourceSlice(p.n, span.start, span.end + noun.length))) continue;
      const written = oneDigitFrom(m[1] as string, years);
      if (written.length > 0) out.push(oneDigitOff(p, span, 'year-body-long', noun, written));
    }
  return out;
}

/** A year one digit off the years `years` the text writes in full, before the year-only word `noun`. */
function oneDigitOff(
  p: ParaText,
  span: Span,
  messageId: 'year-body-short-inner' | 'year-body-long',
  noun: string,
  years: string[],
): Claim {
  return residueAt(p, span, sentenceAt(p, span.start), () => ({
    residueId: messageId === 'year-body-long' ? 'long-year' : 'short-year',
    check: 'narrative.year-body',
    messageId,
    text: `年${noun}`,
    should: years.map((y) => `${y}年`).join(' 或 '),
  }));
}
