import { Decimal } from 'decimal.js';
import { Ceil, Floor, radiusFor } from '../../money/interval.js';
import { type AmountMention, type Claim, significantDigits, writtenUnit } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import type { ParaClaims } from './across.js';
import { place, sentenceAt } from './para.js';
import { FRAMED } from './year.js';
import { frameYear } from './year-frames.js';
import { allMatches } from '../../util/matches.js';

const UP = '增加|增长|上升';
const DOWN = '减少|下降|降低';
/**
 * A change on the year before with its rate and no level of its own: "较上年决算减少 C 万元，下降 P%" — the level it is of is
 * stated elsewhere (the subject's figure in the sentence before).
 */
const CHANGE_WITH_RATE = new RegExp(
  `(?:较|比)上年(?:度)?(?:决算数?)?(?:相比)?[，]?(?<word>${UP}|${DOWN})了?(?<change>[0-9][0-9,]*(?:\\.[0-9]+)?)(?:万元|亿元|元)[，、]?(?:同比)?(?<rateWord>${UP}|${DOWN})了?(?<rate>[0-9]+(?:\\.[0-9]+)?)%`,
  'gu',
);
/** How wide the implied level may be, against its size, for a match to prove it: a rate of two decimals, not a round one. */
const NARROW = new Decimal('0.002');

/** The interval of the level a change and its rate imply: C / P + C after a rise, C / P − C after a fall. */
function impliedLevel(change: AmountMention, rate: { value: Decimal; decimals: number }, up: boolean) {
  const c = radiusFor(change.decimals);
  const r = radiusFor(rate.decimals);
  const [cLow, cHigh] = [change.value.minus(c), change.value.plus(c)];
  const [pLow, pHigh] = [rate.value.minus(r).div(100), rate.value.plus(r).div(100)];
  if (cLow.lte(0) || pLow.lte(0) || (!up && pHigh.gte(1))) return undefined;
  const sign = up ? 1 : -1;
  // C·(1/P ± 1) grows with C and falls with P: its least is at the least C and the greatest P
  const low = Floor.mul(cLow, Floor.div(1, pHigh).plus(sign));
  const high = Ceil.mul(cHigh, Ceil.div(1, pLow).plus(sign));
  return { low, high };
}

/**
 * n.year-body: "经汇总，2017 年区本级…“三公”经费 2,921.7 万元" then "经比较，2016 年区本级…“三公”经费较上年决算减少 1897.9 万元，
 * 下降 39.38%" in the accounts of 2017: the change and its rate give the level they are of (1897.9 / 39.38% − 1897.9 =
 * 2921.7 within rounding) — the level stated for the report's year, so the change is that year's and its year, the one
 * before, is last year's line left. Read only a sentence framed by the year before the report's, stating a change with its
 * rate and no level of its own, whose implied level is narrow (within 0.2%) and fits exactly one figure of four significant
 * digits or more framed by the report's year in another sentence, where no sentence of the report's year states its own
 * change on the year before (then the year before's change is told beside it on purpose).
 */
export function impliedYearClaims(paras: ParaClaims[], year: string | undefined): Claim[] {
  if (!year || ownYearChanged(paras, year)) return [];
  const levels = ownYearLevels(paras, year);
  const out: Claim[] = [];
  for (const pc of paras) {
    const { p } = pc;
    for (const m of allMatches(p.n.text, CHANGE_WITH_RATE)) {
      const g = m.groups ?? {};
      const up = UP.includes(g.word as string);
      if (up !== UP.includes(g.rateWord as string)) continue;
      const sentence = sentenceAt(p, m.index);
      const framed = firstFrame(p.n.text, sentence.start, m.index);
      if (!framed || Number(framed.year) !== Number(year) - 1) continue;
      const change = p.amounts.find((a) => a.start >= m.index && a.end <= m.index + m[0].length);
      const rate = p.percents.find((r) => r.start > (change?.end ?? 0) && r.end <= m.index + m[0].length);
      // the change's own level: no figure between its year and it
      if (!change || !rate || p.amounts.some((a) => a.start > framed.index && a.start < change.start)) continue;
      if (writtenUnit(change) !== change.unit) continue;
      const implied = impliedLevel(change, rate, up);
      if (!implied || implied.high.minus(implied.low).gt(implied.low.mul(NARROW))) continue;
      const fits = levels.filter((l) =>
        l.pc !== pc || l.a.start < sentence.start || l.a.start >= sentence.end
          ? l.a.unit === change.unit &&
            l.a.value.plus(radiusFor(l.a.decimals)).gte(implied.low) &&
            l.a.value.minus(radiusFor(l.a.decimals)).lte(implied.high)
          : false,
      );
      if (new Set(fits.map((f) => f.a.value.toString())).size !== 1) continue;
      const level = (fits[0] as (typeof fits)[number]).a;
      const span = { start: framed.index, end: framed.index + 5 };
      const written = sourceSlice(p.n, span.start, span.end);
      out.push({
        kind: 'residue',
        residueId: 'year-body',
        check: 'narrative.year-body',
        text: `${written}（报告年度 ${year}；${change.text}与${rate.text}对应的正是 ${year} 年的 ${level.text}）`,
        written,
        should: written.replace(framed.year, year),
        ...place(p, sentence, span),
      });
    }
  }
  return out;
}

/** Whether a sentence framed by the report's year compares with the year before: then the year before's changes are its context. */
function ownYearChanged(paras: ParaClaims[], year: string): boolean {
  return paras.some(({ p }) =>
    p.sentences.some((s) => {
      const text = p.n.text.slice(s.start, s.end);
      return firstFrame(text, 0, text.length)?.year === year && /(?:较|比)上年|同比/u.test(text);
    }),
  );
}

/** The first year framing a sentence before `at` (FRAMED: no base, range or date). */
function firstFrame(text: string, from: number, at: number): { year: string; index: number } | undefined {
  const m = [...allMatches(text.slice(from, at), FRAMED)][0];
  return m ? { year: m[1] as string, index: from + m.index } : undefined;
}

/** Every figure of four significant digits or more framed by the report's year (a round figure may be anyone's). */
function ownYearLevels(paras: ParaClaims[], year: string): { pc: ParaClaims; a: AmountMention }[] {
  return paras.flatMap((pc) =>
    pc.p.amounts
      .filter((a) => significantDigits(a) >= 4 && writtenUnit(a) === a.unit)
      .filter((a) => frameYear(pc.p, sentenceAt(pc.p, a.start).start, a.start) === year)
      .map((a) => ({ pc, a })),
  );
}
