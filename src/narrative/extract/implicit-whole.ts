import { Decimal } from 'decimal.js';
import type { AmountMention, Claim } from '../claims.js';

type Share = Extract<Claim, { kind: 'share' }>;

/** "占比为 75%", "占比 23%", "比重为 2%": a share that names no whole at all (占 + 比/比重/比例 + 为). */
const IMPLICIT = /^(?:比|比重|比例)(?:为|是|达)?$/u;

/**
 * "…用于 A 4.25 亿元，占比为 75%；…用于 B 1.26 亿元，占比为 23%；…用于 C 0.14 亿元，占比为 2%": shares of
 * one paragraph that name no whole and add up to 100% (within their rounding) say their parts are all
 * of it — the whole is the parts' sum, written nowhere. Each share is then checked against that sum,
 * every part's rounding counted. Nothing is said when the shares do not add up to 100% (the whole may
 * have other parts), when a part is stated twice, or when a 其中 stands between the first and the last
 * (a part of a part shares the whole with its own total). `claims` are one paragraph's, `text` its
 * normalised text.
 */
export function sharesOfTheirSum(claims: Claim[], text: string): void {
  const groups = new Map<string, Share[]>();
  for (const c of claims) {
    if (c.kind !== 'share' || !('unknown' in c.whole) || !IMPLICIT.test(c.whole.unknown)) continue;
    const key = c.whole.unknown;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const parts = group.map((c) => c.part);
    if (new Set(parts).size !== parts.length) continue;
    const first = group[0] as Share;
    const last = group[group.length - 1] as Share;
    if (/其中/u.test(text.slice(first.part.end, last.part.start))) continue;
    let total = new Decimal(0);
    let tolerance = new Decimal(0);
    for (const c of group) {
      total = total.plus(c.percent.value);
      tolerance = tolerance.plus(new Decimal(10).pow(-c.percent.decimals).div(2));
    }
    if (total.minus(100).abs().gt(tolerance)) continue;
    const whole: AmountMention = {
      start: first.part.start,
      end: last.part.end,
      value: parts.reduce((s, a) => s.plus(a.value), new Decimal(0)),
      decimals: Math.max(...parts.map((a) => a.decimals)),
      unit: first.part.unit,
      text: parts.map((a) => a.text).join(' + '),
    };
    for (const c of group) c.whole = { list: whole, para: first.para, sumOf: parts };
  }
}
