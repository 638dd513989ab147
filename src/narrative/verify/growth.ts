import { Decimal } from 'decimal.js';
import { checkPercent, negate, subtract } from '../../money/interval.js';
import { finding, fixed, verdict } from './common.js';
import { type Claim, mentionApprox } from '../claims.js';
import type { Verdict } from './types.js';

type Growth = Extract<Claim, { kind: 'growth' }>;

const MOVED = { up: '增加', down: '减少' } as const;

/**
 * "为 A 元，比上年的 B 元增加 P%": the rate is (A − B) ÷ B. n.direction when A and B move the other way
 * than the rate's word (and sign) says — beyond their rounding; n.yoy when the size is off.
 */
export function verifyGrowth(claim: Growth): Verdict {
  const current = mentionApprox(claim.current);
  const prior = mentionApprox(claim.prior);
  const difference = subtract(current, prior);
  // "增长 -9.41%" is a fall of 9.41%
  const said = claim.rate.value.isNegative() ? (claim.rateWord === 'up' ? 'down' : 'up') : claim.rateWord;
  const stated = { value: claim.rate.value.abs(), decimals: claim.rate.decimals };
  const low = difference.value.minus(difference.radius);
  const high = difference.value.plus(difference.radius);
  const moved = high.lt(0) ? 'down' : low.gt(0) ? 'up' : undefined;
  const data = { current: claim.current.text, prior: claim.prior.text, stated: claim.rate.text };
  if (moved && moved !== said && !stated.value.isZero())
    return verdict(claim, 'fail', [
      finding(claim, 'narrative.direction', 'growth-direction', { ...data, actual: MOVED[moved], said: MOVED[said] }),
    ]);
  const check = checkPercent(said === 'up' ? difference : negate(difference), prior, stated);
  if (check.consistent) return verdict(claim, 'pass');
  const computed = check.computed ? `${fixed(check.computed.abs())}%` : '无法计算（上年数为 0）';
  const kind = check.computed && new Decimal(check.computed).isNegative() ? '（方向相反）' : '';
  return verdict(claim, 'fail', [
    finding(claim, 'narrative.yoy', 'growth-mismatch', { ...data, computed: `${computed}${kind}` }),
  ]);
}
