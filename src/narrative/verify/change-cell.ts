import { subtract } from '../../money/interval.js';
import { finding, fixed, verdict } from './common.js';
import { type Claim, mentionApprox } from '../claims.js';
import type { Verdict } from './types.js';

type ChangeCell = Extract<Claim, { kind: 'change-cell' }>;

/**
 * A change cell that is not this year's figure minus last year's, beyond rounding, whichever sign it is written
 * with (n.yoy: "7.08 | 6.09 | 1.99"); in a signed column whose other rows write a fall as a negative number, one
 * of the right size but the other sign (n.direction: "7.08 | 6.09 | 0.99" where other rows write "-0.90").
 */
export function verifyChangeCell(claim: ChangeCell): Verdict {
  const moved = subtract(mentionApprox(claim.current), mentionApprox(claim.prior));
  const written = mentionApprox(claim.change);
  const tolerance = moved.radius.plus(written.radius);
  const certain = moved.value.abs().gt(moved.radius);
  const same = moved.value.minus(written.value).abs().lte(tolerance);
  const flipped = moved.value.plus(written.value).abs().lte(tolerance);
  const data = {
    prior: claim.prior.text,
    current: claim.current.text,
    stated: claim.change.text,
    // in the unit the table writes its figures in (the difference is worked out in 万元)
    computed: `${fixed(claim.current.unit === '元' ? moved.value.mul(10000) : moved.value)}`,
  };
  if (!same && !flipped) return verdict(claim, 'fail', [finding(claim, 'narrative.yoy', 'change-cell-size', data)]);
  if (!claim.signed || !certain || same) return verdict(claim, 'pass');
  return verdict(claim, 'fail', [finding(claim, 'narrative.direction', 'change-cell-sign', data)]);
}
