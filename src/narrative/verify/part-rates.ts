import { Decimal } from 'decimal.js';
import { Ceil, Floor, radiusFor } from '../../money/interval.js';
import { type Claim, mentionApprox, type StatedRate } from '../claims.js';
import { finding, fixed, verdict } from './common.js';
import type { Verdict } from './types.js';

type PartRates = Extract<Claim, { kind: 'part-rates' }>;

/** Every corner of the items' figures is tried: beyond this many items the claim is left unverified. */
const MAX_ITEMS = 10;

const HUNDRED = new Decimal(100);

/** A rate as written, signed (a decrease is negative), with its rounding interval. */
function signedRange(r: StatedRate): { low: Decimal; high: Decimal } {
  const value = r.down ? r.percent.value.neg() : r.percent.value;
  const radius = radiusFor(r.percent.decimals);
  return { low: value.minus(radius), high: value.plus(radius) };
}

/**
 * The total's rate the items allow, in %: this year over last year is Σa / Σ(a / (1 + r)), each item's last-year
 * figure its figure a over its growth factor. The ratio rises with every item's rate, and over the figures' rounding
 * box (a ratio of two linear forms) it is least and greatest at a corner: each corner is tried, with the rates at
 * their lowest for the least and their highest for the greatest. Undefined when an item may have fallen by 100% or
 * more (no last-year figure follows).
 */
function impliedRange(claim: PartRates): { low: Decimal; high: Decimal } | undefined {
  const items = claim.items.map((i) => {
    const a = mentionApprox(i.amount);
    const rate = signedRange(i.rate);
    return {
      low: Decimal.max(a.value.minus(a.radius), 0),
      high: a.value.plus(a.radius),
      factorLow: rate.low.div(HUNDRED).plus(1),
      factorHigh: rate.high.div(HUNDRED).plus(1),
    };
  });
  if (items.length > MAX_ITEMS || items.some((i) => i.factorLow.lte(0))) return undefined;
  let least: Decimal | undefined;
  let greatest: Decimal | undefined;
  for (let corner = 0; corner < 2 ** items.length; corner += 1) {
    const a = items.map((i, k) => (Math.floor(corner / 2 ** k) % 2 === 1 ? i.high : i.low));
    const now = a.reduce((acc, x) => acc.plus(x), new Decimal(0));
    const priorMost = items.reduce((acc, i, k) => acc.plus(new Ceil(a[k] as Decimal).div(i.factorLow)), new Decimal(0));
    const priorLeast = items.reduce(
      (acc, i, k) => acc.plus(new Floor(a[k] as Decimal).div(i.factorHigh)),
      new Decimal(0),
    );
    if (priorLeast.lte(0)) return undefined;
    const low = new Decimal(new Floor(now).div(priorMost));
    const high = new Decimal(new Ceil(now).div(priorLeast));
    if (!least || low.lt(least)) least = low;
    if (!greatest || high.gt(greatest)) greatest = high;
  }
  if (!least || !greatest) return undefined;
  return { low: least.minus(1).mul(HUNDRED), high: greatest.minus(1).mul(HUNDRED) };
}

/** A rate range in words: "下降 28.14%～28.29%" (both ends one way), else "变动 -0.5%～1.2%". */
function rangeWords(low: Decimal, high: Decimal, decimals: number): string {
  const show = (d: Decimal, rounding: Decimal.Rounding) => fixed(d.abs().toDecimalPlaces(decimals + 1, rounding));
  if (high.isNegative()) return `下降 ${show(high, Decimal.ROUND_DOWN)}%～${show(low, Decimal.ROUND_UP)}%`;
  if (low.gt(0)) return `增长 ${show(low, Decimal.ROUND_DOWN)}%～${show(high, Decimal.ROUND_UP)}%`;
  return `变动 ${fixed(low.toDecimalPlaces(decimals + 1, Decimal.ROUND_DOWN))}%～${fixed(high.toDecimalPlaces(decimals + 1, Decimal.ROUND_UP))}%`;
}

/**
 * n.change-sum: the total's rate against the year before agrees with the rates of its parts ("“三公”经费 2.5 亿元，
 * 比上年下降 20.2%，其中：出国费 1500 万元，下降 40.0%；…") — the parts' figures last year add up to the total's,
 * so the total's rate lies between the rates the rounding of every written figure allows. The total's own written
 * figure is not used (the parts' figures bound it already): only a rate above every reading of the parts is wrong
 * (one below may be the mark of a part gone this year, which no list of this year's parts names).
 */
export function verifyPartRates(claim: PartRates): Verdict {
  const implied = impliedRange(claim);
  if (!implied) return verdict(claim, 'unverifiable');
  const stated = signedRange(claim.totalRate);
  if (implied.high.gte(stated.low) && implied.low.lte(stated.high)) return verdict(claim, 'pass');
  // a part that had money last year and none this year is in no list of this year's parts: it makes last year's
  // total larger, the total's true rate lower than the parts' — a stated rate under the range may be so, not over it
  // (a split by level has no such part: the lower levels are all there)
  if (implied.high.gte(stated.low) && !claim.levels) return verdict(claim, 'unverifiable');
  return verdict(claim, 'fail', [
    finding(claim, 'narrative.change-sum', 'part-rates', {
      name: claim.totalSubject?.label ?? '总数',
      items: claim.items
        .map((i) => `${i.amount.text} ${i.rate.down ? '下降' : '增长'} ${i.rate.percent.text}`)
        .join('，'),
      computed: rangeWords(implied.low, implied.high, claim.totalRate.percent.decimals),
      stated: `${claim.totalRate.down ? '下降' : '增长'} ${claim.totalRate.percent.text}`,
    }),
  ]);
}
