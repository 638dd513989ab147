import type { Claim } from '../claims.js';
import { mentionApprox, writtenUnit } from '../claims.js';
import { compareEq } from '../../money/interval.js';
import { finding, otherParas, shownLike, verdict } from './common.js';
import type { Verdict } from './types.js';

type TotalsEqual = Extract<Claim, { kind: 'totals-equal' | 'balanced' }>;

/**
 * n.totals-equal: 收入总计 and 支出总计 must be one figure, within the rounding of each as written; n.balance
 * (`balanced`): likewise a budget report's 收入合计 and 支出合计 said to balance (收支平衡).
 */
export function verifyTotalsEqual(claim: TotalsEqual): Verdict {
  const income = mentionApprox(claim.income);
  const result = compareEq(income, mentionApprox(claim.spending));
  if (result.consistent) return verdict(claim, 'pass');
  const shown = shownLike(claim.spending);
  return verdict(claim, 'fail', [
    finding(
      claim,
      claim.kind === 'balanced' ? 'narrative.balance' : 'narrative.totals-equal',
      claim.kind === 'balanced' && claim.principle
        ? 'balanced-principle'
        : claim.kind === 'totals-equal' && claim.balancedTotal
          ? 'totals-change'
          : claim.kind === 'totals-equal' && claim.budget
            ? `budget-${claim.budget}`
            : claim.kind,
      {
        ...(claim.kind === 'totals-equal' && claim.balancedTotal ? { total: claim.balancedTotal.text } : {}),
        income: claim.income.text,
        stated: claim.spending.text,
        computed: `${shown(income.value)} ${writtenUnit(claim.spending)}`,
        difference: shown(result.difference),
        tolerance: shown(result.tolerance),
        ...(claim.kind === 'balanced' ? { incomeLabel: claim.labels[0], spendingLabel: claim.labels[1] } : {}),
      },
      claim.kind === 'totals-equal' && claim.incomePara ? otherParas(claim, [claim.incomePara]) : [],
    ),
  ]);
}
