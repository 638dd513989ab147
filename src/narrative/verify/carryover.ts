import type { Claim } from '../claims.js';
import { mentionApprox, writtenUnit } from '../claims.js';
import { compareEq, negate, sum } from '../../money/interval.js';
import { finding, shownLike, verdict } from './common.js';
import type { Verdict } from './types.js';

type Carryover = Extract<Claim, { kind: 'carryover' }>;

/**
 * n.carryover: the terms stated before 年末结转和结余 (income side +, spending side −) must leave it, within
 * the rounding of every figure. n.balance: likewise 收入总计 − 支出总计 must leave the 收支相抵 balance. Worked in 万元; the message gives the sums in the unit 年末结转和结余 is written in.
 */
export function verifyCarryover(claim: Carryover): Verdict {
  const closing = claim.terms.find((t) => t.role === 'closing');
  if (!closing) return verdict(claim, 'unverifiable');
  const others = claim.terms.filter((t) => t !== closing);
  const left = sum(others.map((t) => (t.sign > 0 ? mentionApprox(t.amount) : negate(mentionApprox(t.amount)))));
  const result = compareEq(left, mentionApprox(closing.amount));
  if (result.consistent) return verdict(claim, 'pass');
  const shown = shownLike(closing.amount);
  const formula = others
    .map((t, i) => `${i === 0 ? (t.sign > 0 ? '' : '−') : t.sign > 0 ? ' + ' : ' − '}${t.label} ${t.amount.text}`)
    .join('');
  return verdict(claim, 'fail', [
    finding(claim, claim.budgetBalance ? 'narrative.balance' : 'narrative.carryover', 'carryover', {
      scope: claim.scope,
      formula,
      computed: `${shown(left.value)} ${writtenUnit(closing.amount)}`,
      closing: closing.label,
      stated: closing.amount.text,
      difference: shown(result.difference),
      tolerance: shown(result.tolerance),
    }),
  ]);
}
