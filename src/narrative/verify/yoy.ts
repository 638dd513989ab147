import { checkPercent, negate, subtract } from '../../money/interval.js';
import type { Claim } from '../claims.js';
import { finding, fixed, mentionApprox, verdict } from './common.js';
import type { NarrativeRawFinding, Verdict } from './types.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;

const WORD: Record<'up' | 'down', string> = { up: '增加/增长', down: '减少/下降' };

/**
 * n.yoy: "增加 14.96 万元，增长 0.7%" — the rate is the change over the prior year's figure,
 * prior = current − change (current + change for a decrease). n.direction: the change and the
 * rate must point the same way.
 */
export function verifyYoy(claim: Yoy): Verdict {
  const out: NarrativeRawFinding[] = [];
  if (claim.rate && claim.rateWord && claim.rateWord !== claim.changeWord) {
    out.push(
      finding(claim, 'narrative.direction', 'words-disagree', {
        change: `${claim.changeWord === 'up' ? '增加' : '减少'} ${claim.change.text}`,
        rate: claim.rate.text,
        expected: WORD[claim.changeWord],
      }),
    );
  }
  // without a rate (or a current figure) only the prior year's file could tell: nothing compared
  if (!claim.rate || !claim.current) return verdict(claim, out.length ? 'fail' : 'unverifiable', out);
  const change = mentionApprox(claim.change);
  const signed = claim.changeWord === 'up' ? change : negate(change);
  const prior = subtract(mentionApprox(claim.current), signed);
  const check = checkPercent(change, prior, { value: claim.rate.value, decimals: claim.rate.decimals });
  if (!check.consistent) {
    out.push(
      finding(claim, 'narrative.yoy', 'yoy-mismatch', {
        current: claim.current.text,
        change: claim.change.text,
        prior: fixed(prior.value),
        stated: claim.rate.text,
        computed: check.computed ? `${fixed(check.computed)}%` : '无法计算（上年数为 0）',
      }),
    );
  }
  return verdict(claim, out.length ? 'fail' : 'pass', out);
}
