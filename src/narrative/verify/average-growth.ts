import { Decimal } from 'decimal.js';
import { radiusFor } from '../../money/interval.js';
import { finding, fixed, verdict } from './common.js';
import { type Claim, mentionApprox } from '../claims.js';
import type { Verdict } from './types.js';

type AverageGrowth = Extract<Claim, { kind: 'average-growth' }>;

const D = Decimal.clone({ precision: 30 });
const ONE = new D(1);
const HUNDRED = new D(100);
/** Slack for the roots' own rounding (30 digits): far below any written decimal. */
const EPSILON = new D('1e-15');

/** The period's growth factor as an interval: 1 ± Q% from the stated total rate, or B ÷ A from both ends. */
function factorRange(claim: AverageGrowth): { low: Decimal; high: Decimal } | undefined {
  if (claim.total) {
    const q = new D(claim.total.rate.value.abs());
    const r = radiusFor(claim.total.rate.decimals);
    const sign = claim.total.down ? -1 : 1;
    const a = ONE.plus(q.minus(r).mul(sign).div(HUNDRED));
    const b = ONE.plus(q.plus(r).mul(sign).div(HUNDRED));
    return { low: D.min(a, b), high: D.max(a, b) };
  }
  if (!claim.ends) return undefined;
  const start = mentionApprox(claim.ends.start);
  const end = mentionApprox(claim.ends.end);
  const startLow = new D(start.value.minus(start.radius));
  if (startLow.lte(0)) return undefined;
  return {
    low: new D(end.value.minus(end.radius)).div(start.value.plus(start.radius)),
    high: new D(end.value.plus(end.radius)).div(startLow),
  };
}

/** (factor)^(1/n) − 1, in percent. */
const average = (factor: Decimal, years: number) =>
  factor.lte(0) ? new D(-100) : new D(factor).pow(ONE.div(years)).minus(ONE).mul(HUNDRED);

/**
 * "年均增长 P%" over n years: P = (1 + Q)^(1/n) − 1 (Q the period's rate) or (B ÷ A)^(1/n) − 1, every written
 * figure taken with its rounding. An arithmetic mean that matches (Q ÷ n) is said nothing about: some texts
 * mean it so, and the words do not say which.
 */
export function verifyAverageGrowth(claim: AverageGrowth): Verdict {
  const range = factorRange(claim);
  if (!range) return verdict(claim, 'unverifiable');
  const low = average(range.low, claim.years);
  const high = average(range.high, claim.years);
  const stated = new D(claim.rate.value.abs()).mul(claim.rateDown ? -1 : 1);
  const half = radiusFor(claim.rate.decimals);
  if (low.minus(EPSILON).lte(stated.plus(half)) && high.plus(EPSILON).gte(stated.minus(half)))
    return verdict(claim, 'pass');
  if (claim.total) {
    const q = new D(claim.total.rate.value.abs()).mul(claim.total.down ? -1 : 1);
    const r = radiusFor(claim.total.rate.decimals).div(claim.years);
    const mean = q.div(claim.years);
    if (mean.minus(r).lte(stated.plus(half)) && mean.plus(r).gte(stated.minus(half))) return verdict(claim, 'pass');
  }
  const computed = low
    .plus(high)
    .div(2)
    .toDecimalPlaces(claim.rate.decimals + 2, Decimal.ROUND_HALF_UP);
  const basis = claim.total
    ? `${claim.span.from} 年至 ${claim.span.to} 年${claim.total.down ? '下降' : '增长'} ${claim.total.rate.text}`
    : `${claim.span.from} 年的 ${claim.ends?.start.text} 到 ${claim.span.to} 年的 ${claim.ends?.end.text}`;
  return verdict(claim, 'fail', [
    finding(claim, 'narrative.average-growth', 'average-growth-mismatch', {
      stated: claim.rate.text,
      basis,
      years: String(claim.years),
      computed: `${fixed(computed)}%`,
    }),
  ]);
}
