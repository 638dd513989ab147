import { Decimal } from 'decimal.js';
import { radiusFor } from '../../money/interval.js';
import type { Claim, PercentMention } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import type { ParaText } from './para.js';
import { place, sentenceAt } from './para.js';
import { flowOf } from './lists.js';
import { countEndingBy, startingAt } from './spans.js';
import { closedOffBefore } from './state.js';
import { allMatches } from '../../util/matches.js';

const UP = '提高|上升|增长|增加|上涨|扩大';
const DOWN = '下降|降低|减少|回落|缩小';
const WORD = `(?<word>${UP}|${DOWN})了?`;

/** "由（上年的 / 1997 年的）22.5% 下降到（2016 年的）13.2%，下降了 9.3 个百分点": both rates and the points in one clause group. */
const FROM_TO = new RegExp(
  `(?:由|从)(?:(?:19|20)[0-9]{2}年度?|上年)?(?:的)?(?<from>[0-9]+(?:\\.[0-9]+)?%)[^，。；%0-9]{0,6}?(?:到|至)(?:(?:19|20)[0-9]{2}年度?(?:的)?)?(?<to>[0-9]+(?:\\.[0-9]+)?%)，?(?:同比|[比较]上年)?${WORD}(?<points>[0-9]+(?:\\.[0-9]+)?)个百分点`,
  'gu',
);

/** "2017 年比（较）2013 年非税占比下降了 9.5 个百分点" after "2013～2017 年，…分别为 p0、…、p4". */
const YEAR_ON_YEAR = new RegExp(
  `(?<to>20[0-9]{2})年[比较](?<from>20[0-9]{2})年[^，。；0-9]{0,20}?${WORD}(?<points>[0-9]+(?:\\.[0-9]+)?)个百分点`,
  'gu',
);
const RANGE = /(20[0-9]{2})(?:年)?[~～—\-至到](20[0-9]{2})年/gu;
/** "分别为 22.5%、15.2%、…和 13.2%": the rates of a year range, in order, each after the cue or a 、/，/和. */
const EACH = /分别(?:为|是|占)/gu;

/** A rate as written: "53.2%". */
const RATE = '[0-9]+(?:\\.[0-9]+)?%';
/** Whose rate the other one is: "全市平均水平", "今年同期全区财政自给率", "2023 年" (no other figure, no clause mark). */
const OTHER_NAME = '(?:(?:19|20)[0-9]{2}年度?)?[^，。；%0-9]{0,24}?';
/** "…（53.2%）的平均水平", "…达": what may stand between the other rate and the points. */
const AFTER_OTHER = '）?(?:的?(?:平均)?水平)?(?:达|约)?';
const POINTS = '(?<points>[0-9]+(?:\\.[0-9]+)?)个百分点';

/**
 * "a%，…低于全区（b%）C 个百分点", "a%，比全省平均水平 b% 高 C 个百分点": the gap between the sentence's own rate
 * and another rate written beside it. (A gap with one rate only, "高于全省平均水平 2.1 个百分点", is not read.)
 */
const GAP_THAN = new RegExp(`(?<word>高于|低于)${OTHER_NAME}（?(?<other>${RATE})${AFTER_OTHER}${POINTS}`, 'gdu');
const GAP_COMPARED = new RegExp(
  `(?:比|较)${OTHER_NAME}（?(?<other>${RATE})${AFTER_OTHER}(?<word>高出?|低)了?${POINTS}`,
  'gdu',
);

/** The rate's name written again before the year before's figure: "较 2020 年度预算执行率 b%", "比上年执行绩效 b%". */
const RATE_NAME = '[^，。；%0-9（）]{0,4}(?:执行率|执行绩效|完成率|比重|占比|比率)(?:为|是)?';

/**
 * "比重为 a%，比上年的 b% 提高了 C 个百分点", "较 2023 年 b% 下降 C 个百分点", "与上年同期的 b% 相比，回落 C 个百分点": the
 * sentence's own rate against the same rate a year before, written in the comparison — a change over time.
 */
const YEAR_COMPARED = new RegExp(
  `(?:比|较|与)(?:上年|去年|上一?年度|(?:19|20)[0-9]{2}年度?)(?:同期)?的?(?:${RATE_NAME})?（?(?<other>${RATE})）?(?:相比|比较)?，?${WORD}${POINTS}`,
  'gdu',
);

/** The percents right after a cue, one after another with only a separator between. */
function runOfPercents(p: ParaText, at: number): PercentMention[] {
  const out: PercentMention[] = [];
  let next = startingAt(p.percents, at);
  while (next) {
    out.push(next);
    const gap = /^[、，和及]/u.test(p.n.text.slice(next.end, next.end + 1)) ? 1 : 0;
    next = gap ? startingAt(p.percents, next.end + gap) : undefined;
  }
  return out;
}

function pointsMention(p: ParaText, start: number, written: string): PercentMention {
  const decimals = written.includes('.') ? (written.split('.')[1] as string).length : 0;
  return {
    start,
    end: start + written.length,
    value: new Decimal(written),
    decimals,
    text: sourceSlice(p.n, start, start + written.length),
  };
}

const isDown = (word: string | undefined) => word !== undefined && new RegExp(`^(?:${DOWN}|低)`, 'u').test(word);

/** The claim of a match of FROM_TO, YEAR_ON_YEAR or a gap (all end with the points and 个百分点). */
function pointChange(p: ParaText, m: RegExpExecArray, from: PercentMention, to: PercentMention, gap = false): Claim {
  const g = m.groups as Record<string, string>;
  const pointsAt = m.index + m[0].length - (g.points as string).length - '个百分点'.length;
  const points = pointsMention(p, pointsAt, g.points as string);
  return {
    kind: 'point-change',
    from,
    to,
    points,
    pointsDown: isDown(g.word),
    ...(gap ? { gap } : {}),
    ...place(p, sentenceAt(p, m.index), points),
  };
}

/** A comparison of growth rates: "高于全省平均增幅（9.8%）", "比全市增速 b% 高". */
const GROWTH_NAMED = /增幅|增速|增长率|增长幅度/u;
/** Words a growth rate is written after: "增长 12.6%", "增幅为 12.6%", "同比下降 3.1%". */
const GROWTH_BEFORE = /(?:增长|增幅|增速|下降|降幅)(?:为|了|达到?)?$/u;

/** The last rate between `from` and `to` written as a growth (or decline). */
function lastGrowthRate(p: ParaText, from: number, to: number): PercentMention | undefined {
  for (let i = countEndingBy(p.percents, to) - 1; i >= 0; i -= 1) {
    const x = p.percents[i] as PercentMention;
    if (x.start < from) return undefined;
    if (GROWTH_BEFORE.test(p.n.text.slice(Math.max(from, x.start - 6), x.start))) return x;
  }
  return undefined;
}

/** A growth rate as written after its word: "增长 21.87%", "增幅为 9.8%" (a decline's rate is not taken: its sign). */
const RISE_BEFORE = /(?:增长|增幅|增速)(?:为|了|达到?)?$/u;
/** Whose rate a comparison is of: "全市", "全县"… (the whole the sentence speaks of). */
const WHOLE_OWNER = /全(?:国|省|市|州|盟|县|区|旗)/u;

/**
 * "1-7 月，全市…收入完成 T，同比增长 a%。…全市…收入增幅比全省平均增幅（b%）高 C 个百分点": a comparison of growth whose
 * sentence writes no rate of its own speaks of a growth rate stated before it in the paragraph — of the flow it names
 * (收入 / 支出), of the whole it names (全市), not an item under a 其中. The one such rate whose distance from b is C
 * (either way, within rounding) is its own; none or more than one, and nothing is read.
 */
function earlierGrowthRate(
  p: ParaText,
  m: RegExpExecArray,
  sentence: { start: number },
  other: PercentMention,
): PercentMention | undefined {
  const text = p.n.text;
  const subject = text.slice(sentence.start, m.index);
  if (!GROWTH_NAMED.test(`${subject}${m[0]}`)) return undefined;
  const flow = flowOf(subject);
  const owner = WHOLE_OWNER.exec(subject)?.[0];
  if (!flow) return undefined;
  const g = m.groups as Record<string, string>;
  const points = new Decimal(g.points as string);
  const pointsDecimals = (g.points as string).split('.')[1]?.length ?? 0;
  const fits = p.percents.filter((x) => {
    if (x.end > sentence.start || !RISE_BEFORE.test(text.slice(Math.max(0, x.start - 6), x.start))) return false;
    const clause = text.slice(sentenceAt(p, x.start).start, x.start);
    if (flowOf(clause) !== flow || clause.includes('其中') || (owner && !clause.includes(owner))) return false;
    const tolerance = radiusFor(x.decimals).plus(radiusFor(other.decimals)).plus(radiusFor(pointsDecimals));
    return x.value.minus(other.value).abs().minus(points).abs().lte(tolerance);
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/**
 * Gaps between two rates of one sentence (and a rate's change on the year before written as one, YEAR_COMPARED): the
 * other rate is the one written in the comparison, the
 * sentence's own the last rate before it not in brackets closed before it — unless that is the other rate of a gap before ("a% 高于甲 b%
 * C1 个百分点，低于乙 d% C2 个百分点": both gaps are a's).
 */
function gapClaims(p: ParaText): Claim[] {
  const out: Claim[] = [];
  const ownOf = new Map<PercentMention, PercentMention>();
  const matches = [
    ...allMatches(p.n.text, GAP_THAN),
    ...allMatches(p.n.text, GAP_COMPARED),
    ...allMatches(p.n.text, YEAR_COMPARED),
  ].sort((a, b) => a.index - b.index);
  for (const m of matches) {
    const other = startingAt(p.percents, m.indices?.groups?.other?.[0] ?? -1);
    const sentence = sentenceAt(p, m.index);
    // a rate in brackets closed before the comparison ("35.6%（上年为 33.2%），高于…") is a detail of the one before —
    // unless the comparison is of growth ("完成预算的 54.2%（增长 12.6%），高于全省平均增幅（9.8%）2.8 个百分点"):
    // then the sentence's own rate is its last growth rate, wherever written
    const growth = GROWTH_NAMED.test(m[0]) ? lastGrowthRate(p, sentence.start, m.index) : undefined;
    let before: PercentMention | undefined = growth;
    for (let i = countEndingBy(p.percents, m.index) - 1; i >= 0 && !before; i -= 1) {
      const x = p.percents[i] as PercentMention;
      if (x.start < sentence.start) break;
      if (!closedOffBefore(p, x.end, m.index)) before = x;
    }
    const own =
      (before && (ownOf.get(before) ?? before)) ?? (other ? earlierGrowthRate(p, m, sentence, other) : undefined);
    if (!other || !own) continue;
    ownOf.set(other, own);
    // a gap is said as 高 / 低; a change over the year before with a change's word
    out.push(pointChange(p, m, other, own, /^[高低]/u.test(m.groups?.word ?? '')));
  }
  return out;
}

/**
 * "增长 7.5%，增速分别高于全国（5.5%）、全区（6.5%）2.0 和 1.0 个百分点": the gaps of one rate over two or more others,
 * paired in order — each gap is the sentence's own rate less its own other rate.
 */
const GAP_EACH = new RegExp(
  `分别(?<word>高于|低于|快于)(?<others>(?:[^，。；%0-9（）]{1,12}（${RATE}）[、和及与]?){2,})(?<points>[0-9]+(?:\\.[0-9]+)?(?:[、和及与][0-9]+(?:\\.[0-9]+)?)+)个百分点`,
  'gdu',
);

/** The gaps of GAP_EACH, each of the sentence's last growth rate over its own other rate. */
function gapEachClaims(p: ParaText): Claim[] {
  const out: Claim[] = [];
  for (const m of allMatches(p.n.text, GAP_EACH)) {
    const g = m.groups as Record<string, string>;
    const [othersStart, othersEnd] = m.indices?.groups?.others ?? [0, 0];
    const others = p.percents.filter((x) => x.start >= othersStart && x.end <= othersEnd);
    const pointsAt = m.indices?.groups?.points?.[0] ?? 0;
    const points = [...allMatches(g.points as string, /[0-9]+(?:\.[0-9]+)?/gu)].map((x) =>
      pointsMention(p, pointsAt + x.index, x[0]),
    );
    const sentence = sentenceAt(p, m.index);
    // one own rate for every gap: not several bodies' rates ("甲、乙分别增长 a%、b%，分别高于…")
    if (/分别|各/u.test(p.n.text.slice(sentence.start, m.index))) continue;
    const own = lastGrowthRate(p, sentence.start, m.index);
    if (!own || others.length !== points.length) continue;
    others.forEach((other, k) => {
      const gap = points[k] as PercentMention;
      out.push({
        kind: 'point-change',
        from: other,
        to: own,
        points: gap,
        pointsDown: g.word === '低于',
        gap: true,
        ...place(p, sentence, gap),
      });
    });
  }
  return out;
}

/**
 * n.point-change: a rate's change in percentage points, with both rates written — "比重由 a% 下降到 b%，下降
 * C 个百分点", or a year range's rates "分别为 p0、…、pk" and "Y1 年比 Y0 年下降 C 个百分点" (the first and the
 * last, when the rates are as many as the years). C = |b − a|, and its word the way a moved to b.
 */
export function pointChangeClaims(paras: ParaClaims[]): Claim[] {
  const out: Claim[] = [];
  for (const { p } of paras) {
    const text = p.n.text;
    for (const m of allMatches(text, FROM_TO)) {
      const g = m.groups as Record<string, string>;
      const fromAt = m.index + m[0].indexOf(g.from as string);
      const toAt = m.index + m[0].indexOf(g.to as string, fromAt - m.index + (g.from as string).length);
      const from = startingAt(p.percents, fromAt);
      const to = startingAt(p.percents, toAt);
      if (from && to) out.push(pointChange(p, m, from, to));
    }
    for (const m of allMatches(text, YEAR_ON_YEAR)) {
      const g = m.groups as Record<string, string>;
      const y0 = Number(g.from);
      const y1 = Number(g.to);
      const before = text.slice(0, m.index);
      const range = [...allMatches(before, RANGE)].find((r) => Number(r[1]) === y0 && Number(r[2]) === y1);
      const each = [...allMatches(before, EACH)].pop();
      if (!range || !each || y1 - y0 < 1 || each.index < range.index) continue;
      const rates = runOfPercents(p, each.index + each[0].length);
      const from = rates[0];
      const to = rates[rates.length - 1];
      // one rate a year, and the list ends right before this statement (only a comma between)
      if (!from || !to || rates.length !== y1 - y0 + 1 || !/^，?$/u.test(text.slice(to.end, m.index))) continue;
      out.push(pointChange(p, m, from, to));
    }
    out.push(...gapClaims(p), ...gapEachClaims(p));
  }
  return out;
}
