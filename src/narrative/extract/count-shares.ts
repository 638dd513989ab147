import { Decimal } from 'decimal.js';
import type { AmountMention, Claim, PercentMention } from '../claims.js';
import { sourceSlice } from '../text/normalise.js';
import { place, sentenceAt } from './para.js';
import { startingAt } from './spans.js';
import type { ParaState } from './state.js';
import { allMatches } from '../../util/matches.js';

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
  for (const m of allMatches(text, COUNT_SHARE)) {
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
    const totals = [...allMatches(text.slice(0, first.part.start), new RegExp(`(?<![0-9.,])([0-9]+)${unit}`, 'gu'))];
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
  // (a count after "N 个…中" whose share no group above read)
  out.push(...ofCountedTotal(s));
  return out;
}

/** "82 个县（市、区）中", "在全部 58 个项目中": a count of a group, as the whole a count after it is a part of. */
const COUNTED_WHOLE = /(?<![0-9.,])([0-9]+)(个|辆|人|家|所|项|户|名|座|条|件|批)([^，。；：0-9%]{0,16}?)中，?/gu;

/**
 * The words right before a percentage that make it a share ("，占 p%", "，占全部县的 p%", "，占比为 p%", "比例达到 p%",
 * "增收面为 p%"), not a rate of growth or a bound ("增长 p%", "超过 p%").
 */
const SHARE_WORDS = /(?:占[^，。；：0-9%]{0,12}?|占比|比例|比重|面)(?:的)?(?:为|是|达到?|约为?)?$/u;

/** A whole of money named after 占: the share is of an amount, not of the count. */
const MONEY = /收入|支出|资金|金额|总额|经费|税|规模|预算|产值|总值|总量|增加值|投资|消费|[额元]/u;

/**
 * "82 个县（市、区）中，收入正增长的有 65 个、增收面为 79.3%", "在全部 58 个项目中，有 21 个项目出自…，获奖比例达到 36.2%":
 * the count after "N 个…中" in its sentence (the first of the same unit, at most N) and the share after it, its words
 * a share's, no other count of the unit and no other percentage between — the share is that count ÷ N.
 */
function ofCountedTotal(s: ParaState): Claim[] {
  const { p } = s;
  const text = p.n.text;
  const out: Claim[] = [];
  for (const m of allMatches(text, COUNTED_WHOLE)) {
    const unit = m[2] as string;
    const sentence = sentenceAt(p, m.index);
    const from = m.index + m[0].length;
    const counted = new RegExp(`(?<![0-9.,])([0-9]+)${unit}`, 'gu');
    counted.lastIndex = from;
    const part = counted.exec(text);
    if (!part || part.index >= sentence.end) continue;
    const whole = new Decimal(m[1] as string);
    const k = new Decimal(part[1] as string);
    if (k.gt(whole) || whole.isZero()) continue;
    const afterPart = part.index + part[0].length;
    const percent = p.percents.find((x) => x.start >= afterPart && x.start < sentence.end);
    if (!percent || s.usedPercents.has(percent)) continue;
    // no percentage between the whole and the part either ("82 个县中，收入增长 5% 以上的有 30 个…")
    if (p.percents.some((x) => x.start >= from && x.start < part.index)) continue;
    const between = text.slice(afterPart, percent.start);
    if (between.length > 40 || /[。；]/u.test(between) || new RegExp(`[0-9]${unit}`, 'u').test(between)) continue;
    const words = SHARE_WORDS.exec(between);
    // a share of money after the count ("有 3 个乡镇…，占全县收入的 45%") is the money's, not the count's
    if (!words || MONEY.test(words[0])) continue;
    s.usedPercents.add(percent);
    out.push({
      kind: 'share',
      part: countMention(s, part.index, part[1] as string, unit),
      whole: { list: countMention(s, m.index, m[1] as string, unit), para: p.para },
      percent,
      ...place(p, sentence, percent),
    });
  }
  return out;
}
