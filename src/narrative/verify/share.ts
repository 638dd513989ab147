import { Decimal } from 'decimal.js';
import { checkPercent, type Approx } from '../../money/interval.js';
import type { Claim } from '../claims.js';
import { finding, fixed, mentionApprox, otherParas, verdict, type VerifyContext } from './common.js';
import { cellIn, cellLocation, type LinkedCell } from './resolve.js';
import { subjectCell } from './amount.js';
import type { FindingLocation } from '../../model/finding.js';
import type { Verdict } from './types.js';

type Share = Extract<Claim, { kind: 'share' }>;

interface Whole {
  value: Approx;
  name: string;
  related: FindingLocation[];
}

/** The whole: the text's own figure for the named subject, else the table's; a list's total. */
function wholeOf(claim: Share, ctx: VerifyContext): Whole | undefined {
  const w = claim.whole;
  if ('list' in w) return { value: mentionApprox(w.list), name: w.list.text, related: otherParas(claim, [w.para]) };
  if (!('subject' in w)) return undefined;
  // "占基本支出预算 81.25%": the whole is the subject's 预算 as the text states it
  const budgetWhole = /预算数?的?$/.test(w.text);
  const stated = (budgetWhole ? ctx.stated(w.subject.id, 'budget') : undefined) ?? ctx.stated(w.subject.id, 'actual');
  if (stated?.kind === 'amount')
    return {
      value: mentionApprox(stated.amount),
      name: `${w.subject.label} ${stated.amount.text}`,
      related: otherParas(claim, [stated.para]),
    };
  const linked: LinkedCell | undefined = subjectCell(ctx, w.subject.id, 'actual');
  if (!linked) return undefined;
  return {
    value: cellIn(linked, '万元'),
    name: `${w.subject.label} ${linked.cell.ref.sheet}!${linked.cell.ref.cell}`,
    related: [cellLocation(linked)],
  };
}

/** Key of the set of shares that should add up to 100%: same paragraph, same whole. */
export function shareGroup(claim: Share): string {
  const w = claim.whole;
  const whole =
    'list' in w
      ? `list:${w.para.id}:${w.list.start}`
      : 'subject' in w
        ? `${claim.para.id}:${w.subject.id}`
        : `${claim.para.id}:?`;
  return whole;
}

/**
 * n.share / n.share-truncated / n.share-nudged: the stated percentage is part ÷ whole rounded to
 * the decimals written. `nudged` is true when the shares of the claim's group add up to exactly
 * 100 and this one is off by one unit of its last decimal: an officer made the column total 100%.
 */
export function verifyShare(
  claim: Share,
  ctx: VerifyContext,
  nudged: (claim: Share, computed: Decimal) => boolean,
): Verdict {
  const whole = wholeOf(claim, ctx);
  if (!whole) return verdict(claim, 'unverifiable');
  const check = checkPercent(mentionApprox(claim.part), whole.value, {
    value: claim.percent.value,
    decimals: claim.percent.decimals,
  });
  if (check.consistent) return verdict(claim, 'pass');
  const computed = check.computed ?? new Decimal(0);
  const data = {
    part: claim.part.text,
    whole: whole.name,
    stated: claim.percent.text,
    computed: check.computed ? `${fixed(computed)}%` : '无法计算（总数为 0）',
  };
  const ruleId = check.truncated ? 'n.share-truncated' : nudged(claim, computed) ? 'n.share-nudged' : 'n.share';
  const messageId = check.truncated
    ? 'share-truncated'
    : ruleId === 'n.share-nudged'
      ? 'share-nudged'
      : 'share-mismatch';
  return verdict(claim, 'fail', [finding(claim, ruleId, messageId, data, whole.related)]);
}
