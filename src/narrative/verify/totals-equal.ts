import type { Claim } from '../claims.js';
import { mentionApprox, writtenUnit } from '../claims.js';
import { compareEq } from '../../money/interval.js';
import { finding, shownLike, verdict } from './common.js';
import type { Verdict } from './types.js';

type TotalsEqual = Extract<Claim, { kind: 'totals-equal' }>;

/** n.totals-equal: 收入总计 and 支出总计 must be one figure, within the rounding of each as written. */
export function verifyTotalsEqual(claim: TotalsEqual): Verdict {
  const income = mentionApprox(claim.income);
  const result = compareEq(income, mentionApprox(claim.spending));
  if (result.consistent) return verdict(claim, 'pass');
  const shown = shownLike(claim.spending);
  return verdict(claim, 'fail', [
    finding(claim, 'narrative.totals-equal', 'totals-equal', {
      income: claim.income.text,
      stated: claim.spending.text,
      computed: `${shown(income.value)} ${writtenUnit(claim.spending)}`,
      difference: shown(result.difference),
      tolerance: shown(result.tolerance),
    }),
  ]);
}
