import type { Claim, Span } from '../claims.js';
import type { ParaClaims } from './across.js';
import { place } from './para.js';
import { startingAt, within } from './spans.js';

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
      const averages = [...part.matchAll(AVERAGE)].filter((m) =>
        startingAt(p.percents, seg.start + m.index + m[0].length),
      );
      if (averages.length !== 1) continue;
      const avg = averages[0] as RegExpMatchArray & { index: number };
      const rate = startingAt(p.percents, seg.start + avg.index + avg[0].length);
      if (!rate) continue;
      const rateDown = down(avg.groups?.word) !== rate.value.isNegative();
      const years = new Set([...part.matchAll(YEAR)].map((m) => Number(m[1])));
      const base = { kind: 'average-growth' as const, rate, rateDown, ...place(p, seg, rate) };
      // both ends' figures
      const from = [...part.matchAll(FROM)];
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
      const over = [...part.matchAll(OVER_PERIOD)];
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
