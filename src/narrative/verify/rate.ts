import { refText } from '../../model/place.js';
import { Decimal } from 'decimal.js';
import { checkPercent, type Approx } from '../../money/interval.js';
import type { FindingLocation } from '../../model/finding.js';
import type { Claim } from '../claims.js';
import { subjectCell } from './amount.js';
import { finding, fixed, mentionApprox, verdict, type VerifyContext } from './common.js';
import { cellIn, cellLocation } from './resolve.js';
import type { Verdict } from './types.js';

type Rate = Extract<Claim, { kind: 'rate' }>;

function side(
  claim: Rate,
  ctx: VerifyContext,
  role: 'budget' | 'actual',
  related: FindingLocation[],
): { value: Approx; text: string } | undefined {
  const stated = claim[role];
  if (stated) return { value: mentionApprox(stated), text: stated.text };
  const linked = claim.subject ? subjectCell(ctx, claim.subject.id, role) : undefined;
  if (!linked) return undefined;
  related.push(cellLocation(linked));
  const value = cellIn(linked, '万元');
  return { value, text: `${fixed(value.value)}（${refText(linked.cell.ref)}）` };
}

/**
 * n.rate / n.rate-capped-100 / n.share-truncated: 完成预算的 R% is 决算 ÷ 预算 rounded to the
 * decimals written. A missing 预算 or 决算 is taken from the tables when the subject has one there.
 * "100%" while 决算 exceeds 预算 is its own rule (a house convention some units follow).
 */
export function verifyRate(claim: Rate, ctx: VerifyContext): Verdict {
  const related: FindingLocation[] = [];
  const budget = side(claim, ctx, 'budget', related);
  const actual = side(claim, ctx, 'actual', related);
  if (!budget || !actual) return verdict(claim, 'unverifiable');
  const check = checkPercent(actual.value, budget.value, {
    value: claim.percent.value,
    decimals: claim.percent.decimals,
  });
  if (check.consistent) return verdict(claim, 'pass');
  const computed = check.computed ?? new Decimal(0);
  const data = {
    budget: budget.text,
    actual: actual.text,
    stated: claim.percent.text,
    computed: check.computed ? `${fixed(computed)}%` : '无法计算（预算为 0）',
    subject: claim.subject?.label ?? '',
  };
  if (claim.percent.value.eq(100) && computed.gt(100))
    return verdict(claim, 'fail', [finding(claim, 'narrative.rate-capped-100', 'rate-capped', data, related)]);
  if (check.truncated)
    return verdict(claim, 'fail', [finding(claim, 'narrative.share-truncated', 'rate-truncated', data, related)]);
  return verdict(claim, 'fail', [finding(claim, 'narrative.rate', 'rate-mismatch', data, related)]);
}
