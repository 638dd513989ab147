import type { Claim } from '../claims.js';
import { finding, otherParas, verdict, type VerifyContext } from './common.js';
import type { Verdict } from './types.js';

type CountClaim = Extract<Claim, { kind: 'count' }>;

/** n.count: "共涉及项目10个" against the items the text lists, or the forms attached to the workbook. */
export function verifyCount(claim: CountClaim, ctx: VerifyContext): Verdict {
  const checks: { count: number; what: string; paras: Claim['para'][] }[] = [];
  if (claim.target.listed)
    checks.push({ count: claim.target.listed.count, what: claim.target.listed.what, paras: claim.target.listed.paras });
  if (claim.target.tables && ctx.model) {
    const forms = ctx.model.tables.filter((t) => t.kind === claim.target.tables);
    if (forms.length > 0) checks.push({ count: forms.length, what: forms[0]?.name ?? '', paras: [] });
  }
  if (checks.length === 0) return verdict(claim, 'unverifiable');
  const wrong = checks.find((c) => c.count !== claim.n);
  if (!wrong) return verdict(claim, 'pass');
  return verdict(claim, 'fail', [
    finding(
      claim,
      'narrative.count',
      claim.messageId ?? 'count-mismatch',
      { stated: String(claim.n), actual: String(wrong.count), what: wrong.what, counter: claim.counter },
      otherParas(claim, wrong.paras),
    ),
  ]);
}
