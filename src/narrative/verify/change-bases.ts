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

type Bases = NonNullable<ListClaim['bases']>;

/**
 * A change's magnitude worked from its rate and this year's figure: the year before's is A ∓ C, so C = R × A ÷ (1 ∓ R)
 * for a decrease (1 + R for an increase) — growing with R and A, so their least and greatest bound it.
 */
function fromCurrent(
  current: AmountMention,
  rate: PercentMention,
  down: boolean,
): { low: Decimal; high: Decimal } | undefined {
  const r = range(rate, 100);
  const a = range(current);
  if (down && r.high.gte(1)) return undefined;
  const over = (x: Decimal) => (down ? new Decimal(1).minus(x) : new Decimal(1).plus(x));
  return {
    low: new Floor(r.low).mul(a.low).div(over(r.low)),
    high: new Ceil(r.high).mul(a.high).div(over(r.high)),
  };
}

/**
 * A change's magnitude pinned by its rate and its figure the year before (rate × prior) or this year's (rate × A ÷
 * (1 ∓ rate)), within the change's own rounding.
 */
function pinned(
  change: AmountMention,
  rate: PercentMention,
  down: boolean,
  prior: AmountMention | undefined,
  current: AmountMention | undefined,
): { low: Decimal; high: Decimal } | undefined {
  const own = range(change);
  const r = range(rate, 100);
  const by = prior
    ? { low: new Floor(r.low).mul(range(prior).low), high: new Ceil(r.high).mul(range(prior).high) }
    : current
      ? fromCurrent(current, rate, down)
      : undefined;
  if (!by) return undefined;
  const low = Decimal.max(own.low, by.low);
  const high = Decimal.min(own.high, by.high);
  // rate × figure outside the change's rounding is the part's own error (n.yoy): not read here
  return low.lte(high) ? { low, high } : undefined;
}

/** The total's change pinned by its rate and this year's figure: its signed least and greatest, else as written. */
function totalPinned(claim: ListClaim, total: Bases['total']): { low: Decimal; high: Decimal; pinned: boolean } {
  const a = mentionApprox(claim.total);
  const written = { low: a.value.minus(a.radius), high: a.value.plus(a.radius), pinned: false };
  if (!total.rate || !total.current || total.change.start !== claim.total.start) return written;
  const pin = pinned(total.change, total.rate, total.down, undefined, total.current);
  if (!pin) return written;
  return total.down ? { low: pin.high.neg(), high: pin.low.neg(), pinned: true } : { ...pin, pinned: true };
}

/**
 * n.change-sum with the parts' changes pinned: a part's change stated with its rate and its figure the year before
 * ("公务接待较上年同期减少 0.58 万元，减少 4.68%" beside "2021 年…公务接待 12.39 万元") is rate × that figure — narrower
 * than the change's own rounding (12.39 × 4.68% is 0.579～0.581, where 0.58 alone is 0.575～0.585). The items with their
 * changes so pinned (the rest as written) must still meet the total's change: only a sum no rounding allows is wrong.
 */
export function pinnedFinding(claim: ListClaim): NarrativeRawFinding | undefined {
  const bases = claim.bases;
  const parts = bases?.parts.filter((p) => p.prior !== undefined || p.current !== undefined) ?? [];
  if (!bases || parts.length === 0) return undefined;
  let low = new Decimal(0);
  let high = new Decimal(0);
  const used: string[] = [];
  for (const item of claim.items) {
    const a = mentionApprox(item.amount);
    const down = a.value.isNegative();
    const part = parts.find((p) => p.change.start === item.amount.start && p.change.value.eq(a.value.abs()));
    const pin = part && pinned(part.change, part.rate, down, part.prior, part.current);
    if (part && pin) {
      used.push(
        part.prior
          ? `${part.label} ${part.prior.text} × ${part.rate.text}`
          : `${part.label} 本年 ${part.current?.text}、${down ? '下降' : '增长'} ${part.rate.text}`,
      );
      low = low.plus(down ? pin.high.neg() : pin.low);
      high = high.plus(down ? pin.low.neg() : pin.high);
    } else {
      low = low.plus(a.value.minus(a.radius));
      high = high.plus(a.value.plus(a.radius));
    }
  }
  if (used.length === 0) return undefined;
  const total = totalPinned(claim, bases.total);
  if (low.lte(total.high) && high.gte(total.low)) return undefined;
  const show = shownLike(claim.total);
  const { current, rate } = bases.total;
  return finding(claim, 'narrative.change-sum', 'change-sum-pinned', {
    name: claim.totalSubject?.label ?? claim.totalName ?? '',
    items: used.join('，'),
    computed: `${show(low.toDecimalPlaces(4, Decimal.ROUND_DOWN))}～${show(high.toDecimalPlaces(4, Decimal.ROUND_UP))}`,
    stated: total.pinned
      ? `${claim.total.text}（本年 ${current?.text}、${bases.total.down ? '下降' : '增长'} ${rate?.text}）`
      : claim.total.text,
  });
}
