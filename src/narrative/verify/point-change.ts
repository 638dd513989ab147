import { radiusFor } from '../../money/interval.js';
import type { Claim } from '../claims.js';
import { finding, fixed, verdict } from './common.js';
import type { Verdict } from './types.js';

type PointChange = Extract<Claim, { kind: 'point-change' }>;

/**
 * "由 a% 下降到 b%，下降 C 个百分点": C = a − b (b − a for a rise), each written figure taken with its rounding.
 * One finding whether the size or the word is off: both say the points are not the rates' difference.
 */
export function verifyPointChange(claim: PointChange): Verdict {
  const difference = claim.to.value.minus(claim.from.value);
  const stated = claim.pointsDown ? claim.points.value.neg() : claim.points.value;
  const tolerance = radiusFor(claim.from.decimals)
    .plus(radiusFor(claim.to.decimals))
    .plus(radiusFor(claim.points.decimals));
  if (difference.minus(stated).abs().lte(tolerance)) return verdict(claim, 'pass');
  return verdict(claim, 'fail', [
    finding(claim, 'narrative.point-change', 'point-change-mismatch', {
      from: claim.from.text,
      to: claim.to.text,
      stated: `${claim.pointsDown ? '下降' : '提高'} ${claim.points.text} 个百分点`,
      computed: `${difference.isNegative() ? '下降' : '提高'} ${fixed(difference.abs())} 个百分点`,
    }),
  ]);
}
