import { Decimal } from 'decimal.js';
import { type AmountMention, type Claim, mentionApprox } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { type ParaText, place, sentenceAt } from './para.js';
import { allMatches } from '../../util/matches.js';

/** A money unit's size in 元. */
const SCALE: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8, 万: 1e4, 亿: 1e8, 万亿元: 1e12, 万亿: 1e12 };

/** A round number written in words before its unit ("百亿元", "千亿", "两千亿元"). */
const WORD_NUMBER: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const WORD_DIGIT: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A bound a figure is said to pass or to fall short of: "突破 6000 亿元", "首次突破百亿元大关", "超过 3 亿元", "不足 5000
 * 万元". `over`: the figure is at least the bound; else it is below it.
 */
const BOUND =
  /(?<word>突破|超过|超出|逾|首破|跨过|迈过|站上|越过|不足|不到|未达到?)(?<n>[0-9][0-9,]*(?:\.[0-9]+)?|[一两二三四五六七八九]?[十百千])?\s*(?<unit>万亿元|万亿|亿元|万元|元|亿|万)(?:大关|关口)?/gu;

/** What may stand between the bound and its figure written after it: "，达到", "，为", "，仅为". */
const FIGURE_AFTER = /^[，,]?(?:达到|达|为|至|实现|完成|仅为|仅|只有|约为|共计|合计)：?$/u;

/** What may stand between a figure and the bound written after it: "，首次突破…", "，已超过…". */
const FIGURE_BEFORE = /^[，,]?(?:首次|首度|再次|已经?|率先|一举|成功|历史性地|同比|仍)?$/u;

/** The bound's value in 元, or undefined when it is not read. */
function boundValue(n: string, unit: string): Decimal | undefined {
  const scale = SCALE[unit];
  if (scale === undefined) return undefined;
  // ("突破万亿元大关", "跨过亿元": one of the unit)
  if (n === '') return new Decimal(scale);
  if (/^[0-9]/u.test(n)) return new Decimal(n.replace(/,/gu, '')).times(scale);
  const last = n.slice(-1);
  const times = WORD_NUMBER[last];
  if (times === undefined) return undefined;
  const lead = n.length > 1 ? WORD_DIGIT[n.slice(0, -1)] : 1;
  return lead === undefined ? undefined : new Decimal(lead * times).times(scale);
}

/** The figure's interval in 元 (closed: a figure written 5996 stands for [5995.5, 5996.5]); mentionApprox works in 万元. */
function interval(a: AmountMention): [Decimal, Decimal] {
  const { value, radius } = mentionApprox(a);
  return [value.minus(radius).times(1e4), value.plus(radius).times(1e4)];
}

/** The amount right after `at` (only the words FIGURE_AFTER allows between), or right before it. */
function figureBeside(p: ParaText, from: number, to: number): AmountMention | undefined {
  const text = p.n.text;
  const after = p.amounts.find((a) => a.start >= to && FIGURE_AFTER.test(text.slice(to, a.start)));
  if (after) return after;
  return p.amounts.find((a) => a.end <= from && FIGURE_BEFORE.test(text.slice(a.end, from)));
}

/**
 * n.restated: "全省一般公共预算收入突破 6000 亿元，达到 5996 亿元", "财政总收入完成 96.4 亿元，首次突破百亿元大关", "不足 5000
 * 万元，仅为 5230 万元" — a figure and the round bound it is said to pass (or fall short of), written side by side: the
 * same figure stated twice, and the two statements do not agree. Only a bound whose figure stands right beside it
 * (a verb or an adverb between, no other name), both in money: "突破 900 亿元，其中民生支出达到 712 亿元" states another
 * figure, and "超过 300 亿元的还有…" names a group.
 */
export function thresholdClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const { p } of paras)
    for (const m of allMatches(p.n.text, BOUND)) {
      const { word, n = '', unit } = m.groups as { word: string; n?: string; unit: string };
      const bound = boundValue(n, unit);
      const start = m.index;
      const end = start + m[0].length;
      if (bound === undefined || !/^(?:$|[，,。；;])/u.test(p.n.text.slice(end))) continue;
      const figure = figureBeside(p, start, end);
      const range = figure ? interval(figure) : undefined;
      if (!figure || !range) continue;
      const over = !/^(?:不足|不到|未达)/u.test(word);
      const wrong = over ? range[1].lt(bound) : range[0].gte(bound);
      if (!wrong) continue;
      const said = sourceSlice(p.n, start, end);
      const span = { start: Math.min(start, figure.start), end: Math.max(end, figure.end) };
      out.push({
        kind: 'residue',
        residueId: 'threshold',
        check: 'narrative.restated',
        messageId: 'restated-threshold',
        text: said,
        written: sourceSlice(p.n, figure.start, figure.end),
        should: `${over ? '不少于' : '少于'} ${bound.div(SCALE[unit] as number).toString()}${unit}`,
        ...place(p, sentenceAt(p, span.start), span),
      });
    }
  return out;
}
