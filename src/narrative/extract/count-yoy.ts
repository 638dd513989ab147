import { Decimal } from 'decimal.js';
import type { AmountMention, Claim } from '../claims.js';
import { COUNTER } from './mentions.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import type { ParaState } from './state.js';
import { allMatches } from '../../util/matches.js';

/**
 * "基金会共 64 家，比上年增加 19 家，增幅为 23%", "公务用车 12 辆，较上年减少 3 辆，下降 20%": a number of
 * things, its change in the same counter and the rate — the arithmetic of any comparison (base = number −
 * change). Only with the counter written after both numbers and the comparison right after the number
 * (比上年, 较 2023 年, 与上年相比).
 */
const BASE = '(?:上年|上一?年度|上年同期|(?:19|20)[0-9]{2}年度?)';
const COUNTED = new RegExp(
  `(?<![0-9.])(?<n>[0-9]+)(?<unit>${COUNTER})，?(?:(?:比|较)${BASE}|与${BASE}相比，?)(?<word>增加|减少)了?(?<c>[0-9]+)\\k<unit>[，、]?(?<rword>增幅为?|降幅为?|增长|下降|减少|增加)了?(?=[0-9.]+%)`,
  'gu',
);

/**
 * "副科级岗位数从 74 个缩减到 69 个，下降 6%", "公务用车由 5 辆减少至 3 辆，减少 40%": a number of things last
 * year and now, in one counter, and the rate of the move — over exact numbers (a count is no rounded figure).
 */
const FROM_TO = new RegExp(
  `(?:从|由)(?<from>[0-9]+)(?<unit>${COUNTER}|名)(?:缩减|精简|压减|减少|下降|增加|增长|扩大|提高)?(?:到|至)(?<to>[0-9]+)\\k<unit>[，、]?(?<rword>增幅为?|降幅为?|增长|增加|下降|减少|精简|压减|缩减)了?(?:达|为)?(?=[0-9.]+%)`,
  'gu',
);
/** A count as a figure: exact, since a count is never a rounded amount (12 of 48 is 25%, not 24–27%). */
function countFigure(value: string, unit: string, start: number): AmountMention {
  return {
    start,
    end: start + value.length + unit.length,
    value: new Decimal(value),
    decimals: 0,
    unit: '万元',
    text: `${value}${unit}`,
    exact: true,
  };
}

/** FROM_TO's claims: this year's count and last year's with the rate, as a growth claim. */
export function countFromToClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const m of allMatches(text, FROM_TO)) {
    const g = m.groups as { from: string; unit: string; to: string; rword: string };
    const rate = startingAt(p.percents, m.index + m[0].length);
    if (!rate || s.usedPercents.has(rate)) continue;
    s.usedPercents.add(rate);
    const toAt = m.index + m[0].indexOf(`${g.to}${g.unit}`, g.from.length + g.unit.length + 1);
    out.push({
      kind: 'growth',
      current: countFigure(g.to, g.unit, toAt),
      prior: countFigure(g.from, g.unit, m.index + 1),
      rate,
      rateWord: /增/u.test(g.rword) ? 'up' : 'down',
      ...place(p, sentenceAt(p, m.index), { start: m.index, end: rate.end }),
    });
  }
  return out;
}

export function countYoyClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const m of allMatches(text, COUNTED)) {
    const g = m.groups as { n: string; unit: string; word: string; c: string; rword: string };
    const rate = startingAt(p.percents, m.index + m[0].length);
    if (!rate) continue;
    const changeAt = m.index + m[0].lastIndexOf(`${g.c}${g.unit}`);
    const up = (w: string) => /增/u.test(w);
    out.push({
      kind: 'yoy',
      current: countFigure(g.n, g.unit, m.index),
      change: countFigure(g.c, g.unit, changeAt),
      changeWord: up(g.word) ? 'up' : 'down',
      rate,
      rateWord: up(g.rword) ? 'up' : 'down',
      ...place(p, sentenceAt(p, m.index), { start: m.index, end: rate.end }),
    });
  }
  return out;
}
