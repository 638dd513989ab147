import { Decimal } from 'decimal.js';
import { Ceil, Floor, radiusFor } from '../../money/interval.js';
import { type Claim, mentionApprox } from '../claims.js';
import { finding, fixed, verdict } from './common.js';
import type { Verdict } from './types.js';

type PointChange = Extract<Claim, { kind: 'point-change' }>;

/**
 * "由 a% 下降到 b%，下降 C 个百分点": C = a − b (b − a for a rise), each written figure taken with its rounding.
 * One finding whether the size or the word is off: both say the points are not the rates' difference. A gap
 * ("a% 低于 b% C 个百分点") is the same sum: its own rate a is `to`, the other b `from`.
 */
export function verifyPointChange(claim: PointChange): Verdict {
  const difference = claim.to.value.minus(claim.from.value);
  const stated = claim.pointsDown ? claim.points.value.neg() : claim.points.value;
  const tolerance = radiusFor(claim.from.decimals)
    .plus(radiusFor(claim.to.decimals))
    .plus(radiusFor(claim.points.decimals));
  if (difference.minus(stated).abs().lte(tolerance)) return verdict(claim, 'pass');
  // a gap is said as 低 / 高 ("a% 低于 b% C 个百分点"), a change over time as 下降 / 提高
  const [down, up] = claim.gap ? ['低', '高'] : ['下降', '提高'];
  return verdict(claim, 'fail', [
    finding(claim, 'narrative.point-change', claim.gap ? 'point-gap-mismatch' : 'point-change-mismatch', {
      from: claim.from.text,
      to: claim.to.text,
      stated: `${claim.pointsDown ? down : up} ${claim.points.text} 个百分点`,
      computed: `${difference.isNegative() ? down : up} ${fixed(difference.abs())} 个百分点`,
    }),
  ]);
}

type SharePoints = Extract<Claim, { kind: 'share-points' }>;

const HUNDRED = new Decimal(100);

/** The share of part `k` in %, this year or last, as an interval over every figure's rounding (part and whole apart). */
function shareRange(claim: SharePoints, prior: boolean): { low: Decimal; high: Decimal } | undefined {
  const values = claim.parts.map((x) => {
    const a = mentionApprox(x.amount);
    if (!prior) return { low: a.value.minus(a.radius), high: a.value.plus(a.radius) };
    const c = mentionApprox(x.change);
    // last year's figure: this year's less an increase, plus a decrease
    const signed = x.down ? c.value.neg() : c.value;
    const v = a.value.minus(signed);
    const r = a.radius.plus(c.radius);
    return { low: v.minus(r), high: v.plus(r) };
  });
  const part = values[claim.index];
  if (!part) return undefined;
  const wholeLow = values.reduce((acc, x) => acc.plus(x.low), new Decimal(0));
  const wholeHigh = values.reduce((acc, x) => acc.plus(x.high), new Decimal(0));
  if (part.low.lte(0) || wholeLow.lte(0)) return undefined;
  return {
    low: new Decimal(new Floor(part.low).div(wholeHigh)).mul(HUNDRED),
    high: new Decimal(new Ceil(part.high).div(wholeLow)).mul(HUNDRED),
  };
}

/**
 * n.point-change: "占…的 s%，较上年提高 C 个百分点" where every part of the split is written with its figure and its
 * change — this year's share is its figure over their sum, last year's its figure less its change over their sums less
 * theirs; C (with its word) must be their difference, every figure taken with its rounding.
 */
export function verifySharePoints(claim: SharePoints): Verdict {
  const now = shareRange(claim, false);
  const prior = shareRange(claim, true);
  if (!now || !prior) return verdict(claim, 'unverifiable');
  const low = now.low.minus(prior.high);
  const high = now.high.minus(prior.low);
  const stated = claim.pointsDown ? claim.points.value.neg() : claim.points.value;
  const radius = radiusFor(claim.points.decimals);
  if (high.gte(stated.minus(radius)) && low.lte(stated.plus(radius))) return verdict(claim, 'pass');
  const part = claim.parts[claim.index];
  if (!part) return verdict(claim, 'unverifiable');
  const mid = now.low.plus(now.high).div(2).minus(prior.low.plus(prior.high).div(2));
  const show = (r: { low: Decimal; high: Decimal }) => `${fixed(r.low.plus(r.high).div(2).toDecimalPlaces(2))}%`;
  return verdict(claim, 'fail', [
    finding(claim, 'narrative.point-change', 'share-points', {
      part: part.amount.text,
      share: claim.share.text,
      stated: `${claim.pointsDown ? '下降' : '提高'} ${claim.points.text} 个百分点`,
      items: claim.parts.map((x) => `${x.amount.text} ${x.down ? '减少' : '增加'} ${x.change.text}`).join('，'),
      now: show(now),
      prior: show(prior),
      computed: `${mid.isNegative() ? '下降' : '提高'} ${fixed(mid.abs().toDecimalPlaces(2))} 个百分点`,
    }),
  ]);
}
