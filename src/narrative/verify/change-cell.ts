import { subtract } from '../../money/interval.js';
import { finding, fixed, verdict } from './common.js';
import { type Claim, mentionApprox } from '../claims.js';
import type { Verdict } from './types.js';

type ChangeCell = Extract<Claim, { kind: 'change-cell' }>;

/**
 * A change cell of a signed column whose sign is the other way than this year's figure minus last year's
 * ("7.08 | 6.09 | 0.99" where other rows write "-0.90"): beyond rounding, and its size right. Anything else is
 * left to the other checks (a wrong size is no question of direction).
 */
export function verifyChangeCell(claim: ChangeCell): Verdict {
  const moved = subtract(mentionApprox(claim.current), mentionApprox(claim.prior));
  const written = mentionApprox(claim.change);
  const tolerance = moved.radius.plus(written.radius);
  const certain = moved.value.abs().gt(moved.radius);
  const flipped =
    moved.value.plus(written.value).abs().lte(tolerance) && !moved.value.minus(written.value).abs().lte(tolerance);
  if (!claim.signed || !certain || !flipped) return verdict(claim, 'pass');
  return verdict(claim, 'fail', [
    finding(claim, 'narrative.direction', 'change-cell-sign', {
      prior: claim.prior.text,
      current: claim.current.text,
      stated: claim.change.text,
      computed: `${fixed(moved.value)}`,
    }),
  ]);
}
