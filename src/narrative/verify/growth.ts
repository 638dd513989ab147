import { Decimal } from 'decimal.js';
import { checkPercent, negate, subtract } from '../../money/interval.js';
import { finding, fixed, verdict } from './common.js';
import { type AmountMention, type Claim, mentionApprox } from '../claims.js';
import type { NarrativeRawFinding, Verdict } from './types.js';

type Growth = Extract<Claim, { kind: 'growth' }>;

const MOVED = { up: '增加', down: '减少' } as const;

/**
 * "76420 万元，比上年的 82150 元减少 6.98%": the rate holds with one of the two figures read in the other's
 * unit (82150 万元), not as written — n.unit-slip names the figure whose unit word seems wrong.
 */
function growthUnitSlip(
  claim: Growth,
  said: 'up' | 'down',
  stated: { value: Decimal; decimals: number },
  asWritten: Decimal | undefined,
): NarrativeRawFinding | undefined {
  const holds = (current: AmountMention, prior: AmountMention) => growthCheck(current, prior, said, stated).consistent;
  const computed = asWritten ? `${fixed(asWritten.abs())}%` : '无法计算';
  const data = { current: claim.current.text, stated: claim.rate.text, computed };
  if (holds(claim.current, { ...claim.prior, unit: claim.current.unit }))
    return finding(claim, 'narrative.unit-slip', 'unit-slip-prior', {
      ...data,
      written: claim.prior.text,
      read: `${claim.prior.value.toFixed()}${claim.current.unit}`,
    });
  if (holds({ ...claim.current, unit: claim.prior.unit }, claim.prior))
    return finding(claim, 'narrative.unit-slip', 'unit-slip-current', {
      ...data,
      prior: claim.prior.text,
      written: claim.current.text,
      read: `${claim.current.value.toFixed()}${claim.prior.unit}`,
    });
  return undefined;
}

/** (A − B) ÷ B against the stated rate, the difference taken the way the rate's word says. */
function growthCheck(
  current: AmountMention,
  prior: AmountMention,
  said: 'up' | 'down',
  stated: { value: Decimal; decimals: number },
): ReturnType<typeof checkPercent> {
  const difference = subtract(mentionApprox(current), mentionApprox(prior));
  return checkPercent(said === 'up' ? difference : negate(difference), mentionApprox(prior), stated);
}

/** The figure after the comparison read as the change: C ÷ (A ∓ C) against the stated rate. */
function changeReading(
  claim: Growth,
  said: 'up' | 'down',
  stated: { value: Decimal; decimals: number },
): ReturnType<typeof checkPercent> {
  const change = mentionApprox(claim.prior);
  const base = subtract(mentionApprox(claim.current), said === 'up' ? change : negate(change));
  return checkPercent(change, base, stated);
}

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
  // the two years in two units: the unit word may have slipped — a warning when the rate holds with one
  // figure read in the other's unit and not as written, else nothing certain enough to say
  const check = growthCheck(claim.current, claim.prior, said, stated);
  if (claim.current.unit !== claim.prior.unit) {
    if (check.consistent) return verdict(claim, 'pass');
    const slip = growthUnitSlip(claim, said, stated, check.computed ?? undefined);
    return slip ? verdict(claim, 'fail', [slip]) : verdict(claim, 'unverifiable');
  }
  // "较上年决算数 C 万元，下降 P%": the figure may be the change with its verb left out — when that reading gives the
  // rate, the text is not proved wrong; when neither does, both are shown
  if (!check.consistent && claim.priorMayBeChange) {
    const asChange = changeReading(claim, said, stated);
    if (asChange.consistent) return verdict(claim, 'unverifiable');
    const shown = (c: ReturnType<typeof checkPercent>) =>
      c.computed ? `${fixed(new Decimal(c.computed).abs())}%` : '无法计算';
    return verdict(claim, 'fail', [
      finding(claim, 'narrative.yoy', 'growth-either-reading', {
        current: claim.current.text,
        prior: claim.prior.text,
        stated: claim.rate.text,
        asPrior: shown(check),
        asChange: shown(asChange),
      }),
    ]);
  }
  const low = difference.value.minus(difference.radius);
  const high = difference.value.plus(difference.radius);
  const moved = high.lt(0) ? 'down' : low.gt(0) ? 'up' : undefined;
  const data = { current: claim.current.text, prior: claim.prior.text, stated: claim.rate.text };
  // a base that is not last year's is named as the text names it: a reviewer must look at that figure
  const named = claim.versus ? `${claim.versus}-` : '';
  if (moved && moved !== said && !stated.value.isZero())
    return verdict(claim, 'fail', [
      finding(claim, 'narrative.direction', `${named}growth-direction`, {
        ...data,
        actual: MOVED[moved],
        said: MOVED[said],
      }),
    ]);
  if (check.consistent) return verdict(claim, 'pass');
  const computed = check.computed ? `${fixed(check.computed.abs())}%` : '无法计算（上年数为 0）';
  const kind = check.computed && new Decimal(check.computed).isNegative() ? '（方向相反）' : '';
  return verdict(claim, 'fail', [
    finding(claim, 'narrative.yoy', `${named}growth-mismatch`, { ...data, computed: `${computed}${kind}` }),
  ]);
}
