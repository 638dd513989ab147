import { Decimal } from 'decimal.js';
import type { AmountMention, Claim, PercentMention } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import type { ParaState } from './state.js';

/**
 * A count and its share right after it, with no figure between ("35个项目评为中，占评定项目的 85.36%"):
 * the words between may name the group, never another figure (a share after "12个，涉及资金 860 万元，占…"
 * is the amount's).
 */
const COUNT_SHARE =
  /(?<![0-9.,])([0-9]+)(个|辆|人|家|所|项)[^，。；：0-9%]{0,16}?，?占[^，。；：0-9%]{0,16}?的?(?=[0-9.]+%)/gu;

/** A counted figure as an exact amount: a count is no rounded figure. */
function countMention(s: ParaState, start: number, digits: string, unit: string): AmountMention {
  const end = start + digits.length + unit.length;
  return {
    start,
    end,
    value: new Decimal(digits),
    decimals: 0,
    unit: '元',
    text: sourceSlice(s.p.n, start, end),
    exact: true,
  };
}

/**
 * Shares of counts: "共对 41 个项目…：1 个项目评为优，占评定项目的 2.44%；3 个项目评为良，占 7.32%；…".
 * Counts are exact, so each share is the count ÷ the total count rounded to its decimals, and shares
 * nudged to total 100% show (n.share-nudged). The total is a count of the same unit written before the
 * first share in the paragraph that equals the groups' sum — without one nothing is said (the groups may
 * be of another total, or leave some out).
 */
export function countShareClaims(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const groups = new Map<string, { part: AmountMention; percent: PercentMention }[]>();
  for (const m of text.matchAll(COUNT_SHARE)) {
    const percent: PercentMention | undefined = startingAt(p.percents, m.index + m[0].length);
    if (!percent || s.usedPercents.has(percent)) continue;
    const unit = m[2] as string;
    const group = groups.get(unit) ?? [];
    group.push({ part: countMention(s, m.index, m[1] as string, unit), percent });
    groups.set(unit, group);
  }
  const out: Claim[] = [];
  for (const [unit, group] of groups) {
    const first = group[0];
    if (!first || group.length < 2) continue;
    const sum = group.reduce((t, g) => t.plus(g.part.value), new Decimal(0));
    const totals = [...text.slice(0, first.part.start).matchAll(new RegExp(`(?<![0-9.,])([0-9]+)${unit}`, 'gu'))];
    const total = totals.filter((t) => new Decimal(t[1] as string).eq(sum)).pop();
    if (!total) continue;
    const whole = countMention(s, total.index, total[1] as string, unit);
    for (const { part, percent } of group) {
      s.usedPercents.add(percent);
      out.push({
        kind: 'share',
        part,
        whole: { list: whole, para: p.para },
        percent,
        ...place(p, sentenceAt(p, part.start), percent),
      });
    }
  }
  return out;
}
