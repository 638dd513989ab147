import { radiusFor } from '../../money/interval.js';
import type { Claim } from '../claims.js';
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
