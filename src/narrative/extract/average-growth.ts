import type { Claim, Span } from '../claims.js';
import type { ParaClaims } from './across.js';
import { type ParaText, place } from './para.js';
import { startingAt, within } from './spans.js';
import { allMatches } from '../../util/matches.js';

const UP = '增长|增加|提高|上升|递增';
const DOWN = '下降|减少|降低|递减';

/** "年均增长 7.02%", "年均增长率达到了 17.5%", "年均递增 5%", "年均下降 2.1%": the word, then the rate right after it. */
const AVERAGE = new RegExp(`年均(?:增速|增幅)?(?<word>${UP}|${DOWN})?率?了?(?:为|达到?)?了?(?=-?[0-9])`, 'gu');

/** "比 2015 年增长 40.4%": the whole period's rate against a stated start year. */
const OVER_PERIOD = new RegExp(`比(?<year>(?:19|20)[0-9]{2})年度?(?<word>${UP}|${DOWN})了?(?=[0-9])`, 'gu');

/** "由 2015 年的 A 元增长到 2020 年的 B 元": both ends stated with their years. */
const FROM = /(?:由|从)(?<year>(?:19|20)[0-9]{2})年度?(?:的)?/gu;
const TO = new RegExp(`^(?:${UP}|${DOWN}|增|减)?(?:到|至)(?<year>(?:19|20)[0-9]{2})年度?(?:的)?`, 'u');

const YEAR = /((?:19|20)[0-9]{2})年/gu;

/**
 * "按可比价格计算，年均增长 11.6%", "扣除价格因素": a real rate, at constant prices — the figures at each end are
 * written at current prices, so the rate cannot be worked out from them.
 */
const CONSTANT_PRICES = /可比价|不变价|(?:扣除|剔除)价格因素/u;

/** A ；- or 。-segment: one statement of one series. */
function segments(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i += 1)
    if (i === text.length || '。；！？'.includes(text[i] as string)) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  return out;
}

const down = (word: string | undefined) => word !== undefined && new RegExp(`^(?:${DOWN})$`, 'u').test(word);

/**
 * n.average-growth: "年均增长 P%" beside what fixes it — the whole period's rate against a start year with the end
 * year written in the same statement ("年均增长 12.3%，2020 年达到 A 元，比 2015 年增长 76.48%"), or both ends'
 * figures with their years ("由 2015 年的 A 增长到 2020 年的 B，年均增长 P%"). P = (1 + Q)^(1/n) − 1, n the
 * years between. Read only when the statement has one average rate, one start and one end year: a 年均 over an
 * unnamed period ("十四五" alone, "近年来") is never read.
 */
export function averageGrowthClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const { p } of paras) {
    const text = p.n.text;
    for (const seg of segments(text)) {
      const part = text.slice(seg.start, seg.end);
      if (CONSTANT_PRICES.test(part)) continue;
      // the averages that state a rate ("高出全国年均增长率 0.3 个百分点" states none)
      const spanned = spannedAverage(p, seg);
      if (spanned) {
        out.push(spanned);
        continue;
      }
      const averages = [...allMatches(part, AVERAGE)].filter((m) =>
        startingAt(p.percents, seg.start + m.index + m[0].length),
      );
      if (averages.length !== 1) continue;
      const avg = averages[0] as RegExpMatchArray & { index: number };
      const rate = startingAt(p.percents, seg.start + avg.index + avg[0].length);
      if (!rate) continue;
      const rateDown = down(avg.groups?.word) !== rate.value.isNegative();
      const years = new Set([...allMatches(part, YEAR)].map((m) => Number(m[1])));
      const base = { kind: 'average-growth' as const, rate, rateDown, ...place(p, seg, rate) };
      // both ends' figures
      const from = [...allMatches(part, FROM)];
      if (from.length === 1) {
        const f = from[0] as RegExpMatchArray & { index: number };
        const start = startingAt(p.amounts, seg.start + f.index + f[0].length);
        const to = start ? TO.exec(text.slice(start.end, seg.end)) : null;
        const end = to && start ? startingAt(p.amounts, start.end + to[0].length) : undefined;
        const y0 = Number(f.groups?.year);
        const y1 = Number(to?.groups?.year);
        if (start && end && years.size === 2 && y1 - y0 >= 2 && y1 - y0 <= 50) {
          out.push({ ...base, years: y1 - y0, span: { from: y0, to: y1 }, ends: { start, end } });
          continue;
        }
      }
      // the whole period's rate and the end year
      const over = [...allMatches(part, OVER_PERIOD)];
      if (over.length !== 1) continue;
      const o = over[0] as RegExpMatchArray & { index: number };
      const total = startingAt(p.percents, seg.start + o.index + o[0].length);
      const y0 = Number(o.groups?.year);
      const others = [...years].filter((y) => y !== y0);
      const y1 = others[0] as number;
      if (!total || others.length !== 1 || y1 - y0 < 2 || y1 - y0 > 50) continue;
      // the end year frames the level ("2020 年达到 A"), not another comparison
      if (
        !new RegExp(`${y1}年度?(?:的)?(?:达到?|为|增至|增加到|增长到|提高到|降至|下降到|减少到|共|全)`, 'u').test(part)
      )
        continue;
      if (within(p.percents, seg.start, seg.end).length !== 2) continue;
      out.push({
        ...base,
        years: y1 - y0,
        span: { from: y0, to: y1 },
        total: { rate: total, down: down(o.groups?.word) !== total.value.isNegative() },
      });
    }
  }
  return out;
}

/** "20 年平均每年递增 P%", "十年间年均增长 P%": the number of years the average is over, written right before it. */
const SPANNED = new RegExp(
  `(?<n>[0-9]{1,2}|[一二三四五六七八九十]{1,3})年(?:间|来|中|里)?(?:平均每年|每年平均|年均|年平均)(?<word>${UP}|${DOWN})(?:率|幅度)?了?(?:为|达到?)?(?=-?[0-9])`,
  'gu',
);

/** A Chinese count of years up to 九十九 ("十", "二十", "十五"), or digits. */
function yearCount(n: string): number | undefined {
  if (/^[0-9]+$/u.test(n)) return Number(n);
  const digit = (c: string | undefined) => (c === undefined ? 0 : '一二三四五六七八九'.indexOf(c) + 1);
  const m = /^(?<tens>[一二三四五六七八九])?(?<ten>十)?(?<ones>[一二三四五六七八九])?$/u.exec(n);
  if (!m || (!m.groups?.ten && m.groups?.tens)) return undefined;
  const tens = m.groups?.ten ? (m.groups.tens ? digit(m.groups.tens) : 1) : 0;
  const value = tens * 10 + digit(m.groups?.ones);
  return value > 0 ? value : undefined;
}

/** A figure its clause opens with the year of: "1985 年全省某项支出 A", "2005 年达到 B", "2000 年增到 C". */
const YEAR_OPENS = /^(?<year>(?:19|20)[0-9]{2})年度?[^0-9，。；、]*$/u;

/**
 * "1985 年……支出 A 万元……2005 年达到 B 万元。20 年平均每年递增 P%": an average over N years stated after figures each
 * opening its clause with its year, in the paragraph before it — the last year's figure and the one N years before
 * are the ends, P = (B ÷ A)^(1/N) − 1. Read only when the statement has one such average and each of the two years
 * one figure (of one unit) in the paragraph.
 */
function spannedAverage(p: ParaText, seg: Span): Claim | undefined {
  const text = p.n.text;
  const part = text.slice(seg.start, seg.end);
  if (CONSTANT_PRICES.test(text)) return undefined;
  const found = [...allMatches(part, SPANNED)];
  if (found.length !== 1) return undefined;
  const m = found[0] as RegExpMatchArray & { index: number };
  const n = yearCount(m.groups?.n ?? '');
  const rate = startingAt(p.percents, seg.start + m.index + m[0].length);
  if (!n || n < 2 || n > 50 || !rate) return undefined;
  const byYear = new Map<number, typeof p.amounts>();
  for (const a of within(p.amounts, 0, seg.start + m.index)) {
    const clauseStart = Math.max(...[...'，。；：、'].map((c) => text.lastIndexOf(c, a.start - 1))) + 1;
    const y = YEAR_OPENS.exec(text.slice(clauseStart, a.start))?.groups?.year;
    if (!y) continue;
    const list = byYear.get(Number(y)) ?? [];
    list.push(a);
    byYear.set(Number(y), list);
  }
  const last = Math.max(...byYear.keys());
  const end = byYear.get(last);
  const start = byYear.get(last - n);
  if (!end || !start || end.length !== 1 || start.length !== 1) return undefined;
  const [a0] = start;
  const [a1] = end;
  if (!a0 || !a1 || a0.unit !== a1.unit || a0.value.lte(0)) return undefined;
  const rateDown = down(m.groups?.word) !== rate.value.isNegative();
  return {
    kind: 'average-growth',
    rate,
    rateDown,
    years: n,
    span: { from: last - n, to: last },
    ends: { start: a0, end: a1 },
    ...place(p, seg, rate),
  };
}
