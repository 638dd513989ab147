import { Decimal } from 'decimal.js';
import type { AmountMention, Claim } from '../claims.js';
import { COUNTER } from './mentions.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import type { ParaState } from './state.js';

/**
 * "基金会共 64 家，比上年增加 19 家，增幅为 23%", "公务用车 12 辆，较上年减少 3 辆，下降 20%": a number of
 * things, its change in the same counter and the rate — the arithmetic of any comparison (base = number −
 * change). Only with the counter written after both numbers and the comparison right after the number.
 */
const COUNTED = new RegExp(
  `(?<![0-9.])(?<n>[0-9]+)(?<unit>${COUNTER})，?(?:比|较)(?:上年|去年|上一?年度|上年同期|(?:19|20)[0-9]{2}年度?)(?<word>增加|减少)了?(?<c>[0-9]+)\\k<unit>[，、]?(?<rword>增幅为?|降幅为?|增长|下降|减少|增加)了?(?=[0-9.]+%)`,
  'gu',
);

/** A count as a figure: written exactly, in no money unit (the counter stays in its text). */
function countFigure(value: string, unit: string, start: number): AmountMention {
  return {
    start,
    end: start + value.length + unit.length,
    value: new Decimal(value),
    decimals: 0,
    unit: '万元',
    text: `${value}${unit}`,
  };
}

export function countYoyClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const m of text.matchAll(COUNTED)) {
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
