import { Decimal } from 'decimal.js';
import { Ceil, Floor } from '../../money/interval.js';
import { type Claim, mentionApprox, type PercentMention } from '../claims.js';
import type { AmountMention } from '../claims.js';
import { finding, shownLike } from './common.js';
import type { NarrativeRawFinding } from './types.js';

type ListClaim = Extract<Claim, { kind: 'list' }>;

/** The least and greatest a written figure may be (万元, or the percentage as a fraction), never below 0. */
function range(m: AmountMention | PercentMention, scale = 1): { low: Decimal; high: Decimal } {
  const a = mentionApprox(m);
  return { low: Decimal.max(a.value.minus(a.radius), 0).div(scale), high: a.value.plus(a.radius).div(scale) };
}

/** The most the total may have been the year before: its current figure less its change, else its change ÷ its rate. */
function totalBaseAtMost(total: NonNullable<ListClaim['bases']>['total']): Decimal | undefined {
  const change = range(total.change);
  if (total.current) {
    const current = range(total.current);
    return total.down ? current.high.plus(change.high) : current.high.minus(change.low);
  }
  const rate = total.rate ? range(total.rate, 100) : undefined;
  return rate?.low.gt(0) ? new Ceil(change.high).div(rate.low) : undefined;
}

/**
 * n.change-sum on the bases: each part's change ÷ its rate is its figure the year before, and the parts' figures add up
 * to at most the total's ("“三公”经费 5.48 万元，比上年增加 1.55 万元；…运行维护费增加 1.05 万元，增长 35.8%；公务接待费增加
 * 0.5 万元，增长 33.3%": 2.93 + 1.50 exceeds 5.48 − 1.55 = 3.93 — the 33.3% is 0.5 ÷ 1.5, over this year's figure). The
 * parts' least bases against the total's greatest: only a sum no rounding allows is wrong.
 */
export function basesFinding(claim: ListClaim): NarrativeRawFinding | undefined {
  const bases = claim.bases;
  if (!bases) return undefined;
  const most = totalBaseAtMost(bases.total);
  if (most === undefined) return undefined;
  const least = bases.parts.reduce(
    (acc, p) => acc.plus(new Floor(range(p.change).low).div(range(p.rate, 100).high)),
    new Decimal(0),
  );
  if (least.lte(most)) return undefined;
  const show = shownLike(bases.total.change);
  const { current, rate } = bases.total;
  return finding(claim, 'narrative.change-sum', 'change-sum-bases', {
    name: claim.totalSubject?.label ?? claim.totalName ?? '',
    items: bases.parts.map((p) => `${p.label} ${p.change.text} ÷ ${p.rate.text}`).join('，'),
    computed: show(least.toDecimalPlaces(4, Decimal.ROUND_DOWN)),
    limit: show(most.toDecimalPlaces(4, Decimal.ROUND_UP)),
    total: current
      ? `本年 ${current.text}，${bases.total.down ? '减少' : '增加'} ${bases.total.change.text}`
      : `${bases.total.down ? '减少' : '增加'} ${bases.total.change.text}，${rate?.text ?? ''}`,
  });
}

/** A change's magnitude pinned by its rate and its figure the year before: rate × prior, within the change's own rounding. */
function pinned(part: NonNullable<ListClaim['bases']>['parts'][number]): { low: Decimal; high: Decimal } | undefined {
  if (!part.prior) return undefined;
  const change = range(part.change);
  const rate = range(part.rate, 100);
  const prior = range(part.prior);
  const low = Decimal.max(change.low, new Floor(rate.low).mul(prior.low));
  const high = Decimal.min(change.high, new Ceil(rate.high).mul(prior.high));
  // rate × prior outside the change's rounding is the part's own error (n.yoy): not read here
  return low.lte(high) ? { low, high } : undefined;
}

/**
 * n.change-sum with the parts' changes pinned: a part's change stated with its rate and its figure the year before
 * ("公务接待较上年同期减少 0.58 万元，减少 4.68%" beside "2021 年…公务接待 12.39 万元") is rate × that figure — narrower
 * than the change's own rounding (12.39 × 4.68% is 0.579～0.581, where 0.58 alone is 0.575～0.585). The items with their
 * changes so pinned (the rest as written) must still meet the total's change: only a sum no rounding allows is wrong.
 */
export function pinnedFinding(claim: ListClaim): NarrativeRawFinding | undefined {
  const parts = claim.bases?.parts.filter((p) => p.prior !== undefined) ?? [];
  if (parts.length === 0) return undefined;
  let low = new Decimal(0);
  let high = new Decimal(0);
  const used: string[] = [];
  for (const item of claim.items) {
    const a = mentionApprox(item.amount);
    const part = parts.find((p) => p.change.start === item.amount.start && p.change.value.eq(a.value.abs()));
    const pin = part && pinned(part);
    if (part && pin) {
      used.push(`${part.label} ${part.prior?.text} × ${part.rate.text}`);
      const down = a.value.isNegative();
      low = low.plus(down ? pin.high.neg() : pin.low);
      high = high.plus(down ? pin.low.neg() : pin.high);
    } else {
      low = low.plus(a.value.minus(a.radius));
      high = high.plus(a.value.plus(a.radius));
    }
  }
  if (used.length === 0) return undefined;
  const total = mentionApprox(claim.total);
  if (low.lte(total.value.plus(total.radius)) && high.gte(total.value.minus(total.radius))) return undefined;
  const show = shownLike(claim.total);
  return finding(claim, 'narrative.change-sum', 'change-sum-pinned', {
    name: claim.totalSubject?.label ?? claim.totalName ?? '',
    items: used.join('，'),
    computed: `${show(low.toDecimalPlaces(4, Decimal.ROUND_DOWN))}～${show(high.toDecimalPlaces(4, Decimal.ROUND_UP))}`,
    stated: claim.total.text,
  });
}
