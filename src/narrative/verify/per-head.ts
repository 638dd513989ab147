import { Decimal } from 'decimal.js';
import { type Claim, mentionApprox, writtenUnit } from '../claims.js';
import { finding, fixed, shownLike, verdict } from './common.js';
import type { Verdict } from './types.js';

type PerHead = Extract<Claim, { kind: 'per-head' }>;

/**
 * "A 万元，…N 人，每人平均 B 万元": some value within A's rounding, divided by N, rounds to B as written (an
 * average cut instead of rounded is no such value).
 */
export function verifyPerHead(claim: PerHead): Verdict {
  const total = mentionApprox(claim.total);
  const average = mentionApprox(claim.average);
  const n = new Decimal(claim.count.value);
  if (n.isZero()) return verdict(claim, 'unverifiable');
  const low = total.value.minus(total.radius).div(n);
  const high = total.value.plus(total.radius).div(n);
  if (low.lte(average.value.plus(average.radius)) && high.gte(average.value.minus(average.radius)))
    return verdict(claim, 'pass');
  // two decimals more than the average is written with, in its written unit ("32.9 亿元" has one, though its
  // `decimals` counts them in 万元: −3)
  const written = claim.average.text.normalize('NFKC').match(/\.([0-9]+)/u)?.[1]?.length ?? 0;
  const computed = new Decimal(shownLike(claim.average)(total.value.div(n))).toDecimalPlaces(
    written + 2,
    Decimal.ROUND_HALF_UP,
  );
  return verdict(claim, 'fail', [
    finding(claim, 'narrative.average', 'average-mismatch', {
      stated: claim.average.text,
      total: claim.total.text,
      count: claim.count.text,
      computed: `${fixed(computed)}${writtenUnit(claim.average)}`,
    }),
  ]);
}
