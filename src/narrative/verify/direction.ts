import type { Claim } from '../claims.js';
import { finding, otherParas, verdict } from './common.js';
import type { Verdict } from './types.js';

type DirectionClaim = Extract<Claim, { kind: 'direction' }>;

/** The direction the figures take: the change of a year-over-year claim, 决算 against 预算 of a rate. */
function actualDirection(target: Claim): { direction: 'up' | 'down' | 'same'; what: string } | undefined {
  if (target.kind === 'yoy')
    return {
      direction: target.changeWord,
      what: `${target.changeWord === 'up' ? '增加' : '减少'} ${target.change.text}`,
    };
  if (target.kind === 'rate' && target.budget && target.actual) {
    const cmp = target.actual.value.comparedTo(target.budget.value);
    return {
      direction: cmp > 0 ? 'up' : cmp < 0 ? 'down' : 'same',
      what: `决算 ${target.actual.text}，预算 ${target.budget.text}`,
    };
  }
  return undefined;
}

/** n.direction: "减少 278.06 万元。增加主要原因是…": the reason's direction word contradicts the figures. */
export function verifyDirection(claim: DirectionClaim): Verdict {
  const actual = claim.target ? actualDirection(claim.target) : undefined;
  if (!actual || !claim.target) return verdict(claim, 'unverifiable');
  if (actual.direction === claim.direction) return verdict(claim, 'pass');
  return verdict(claim, 'fail', [
    finding(
      claim,
      'narrative.direction',
      'reason-contradicts',
      { word: claim.word, figures: actual.what },
      otherParas(claim, [claim.target.para]),
    ),
  ]);
}
