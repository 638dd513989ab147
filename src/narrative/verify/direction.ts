import { compareEq } from '../../money/interval.js';
import { budgetDirections, type Claim, type Direction, mentionApprox, rateClaimDirections } from '../claims.js';
import { finding, otherParas, verdict } from './common.js';
import type { Verdict } from './types.js';

type DirectionClaim = Extract<Claim, { kind: 'direction' }>;

/** The directions the figures allow: the change of a year-over-year claim, 决算 against 预算 of a rate. */
function actualDirections(target: Claim): { directions: Direction[]; what: string } | undefined {
  if (target.kind === 'yoy')
    return {
      // "减少（增加）2 万元": the template's either-or allows both
      directions: target.eitherWay ? ['up', 'down'] : [target.changeWord],
      what: `${target.changeWord === 'up' ? '增加' : '减少'} ${target.change.text}`,
    };
  if (target.kind === 'rate' && target.budget && target.actual)
    return {
      directions: rateClaimDirections(target),
      what: `决算 ${target.actual.text}，预算 ${target.budget.text}，${target.variance ? '差异率' : '完成预算的'} ${target.percent.text}`,
    };
  // "完成预算 97.6%": the rate alone says which side of its budget the figure falls
  if (target.kind === 'rate')
    return { directions: rateClaimDirections(target), what: `完成预算的 ${target.percent.text}` };
  return undefined;
}

/** "…36.50 万元，上年：40.20 万元": this year's figure against the year before's, as their roundings allow. */
function yearsDirections({ current, prior }: NonNullable<DirectionClaim['years']>): {
  directions: Direction[];
  what: string;
} {
  return { directions: budgetDirections(current, prior), what: `本年 ${current.text}，上年 ${prior.text}` };
}

/**
 * n.flat-nonzero: "减少 0.29 万元…持平的主要原因是…": a reason for a nil change beside a change that is not nil —
 * a stated change other than 0, or a 决算 and a 预算 no rounding makes equal.
 */
function verifyFlatReason(claim: DirectionClaim): Verdict {
  if (claim.years) {
    const { current, prior } = claim.years;
    if (compareEq(mentionApprox(current), mentionApprox(prior)).consistent) return verdict(claim, 'pass');
    return contradicted(claim, 'narrative.flat-nonzero', 'flat-years', `${current.text} 与 ${prior.text}`);
  }
  if (claim.sides) {
    const { actual, budget } = claim.sides;
    if (compareEq(mentionApprox(actual), mentionApprox(budget)).consistent) return verdict(claim, 'pass');
    const messageId = claim.said ? 'flat-said' : 'flat-reason';
    return contradicted(claim, 'narrative.flat-nonzero', messageId, `决算 ${actual.text}，预算 ${budget.text}`);
  }
  const target = claim.target;
  const actual = target ? actualDirections(target) : undefined;
  if (!target || !actual) return verdict(claim, 'unverifiable');
  // a stated change is nil only when it is 0; a 决算 and a 预算 when their roundings allow either direction
  const nil = target.kind === 'yoy' ? target.change.value.isZero() : actual.directions.length === 2;
  if (nil) return verdict(claim, 'pass');
  return contradicted(claim, 'narrative.flat-nonzero', claim.said ? 'flat-said' : 'flat-reason', actual.what, target);
}

/** The fail verdict of a reason whose word the figures contradict, naming the target's paragraph when it has one. */
function contradicted(
  claim: DirectionClaim,
  check: 'narrative.flat-nonzero' | 'narrative.direction',
  messageId: string,
  figures: string,
  target?: Claim,
): Verdict {
  return verdict(claim, 'fail', [
    finding(
      claim,
      check,
      messageId,
      { word: claim.word, figures },
      target ? otherParas(claim, [target.para]) : undefined,
    ),
  ]);
}

/** n.direction: "减少 278.06 万元。增加主要原因是…": the reason's direction word contradicts the figures. */
export function verifyDirection(claim: DirectionClaim): Verdict {
  if (claim.direction === 'flat') return verifyFlatReason(claim);
  if (claim.sides) {
    const { actual, budget } = claim.sides;
    const directions = budgetDirections(actual, budget);
    if (directions.includes(claim.direction)) return verdict(claim, 'pass');
    if (claim.orEqual && compareEq(mentionApprox(actual), mentionApprox(budget)).consistent)
      return verdict(claim, 'pass');
    // "实际采购金额 B，超支金额 C": the words say the gap itself, not a reason for it
    if (claim.said)
      return contradicted(
        claim,
        'narrative.direction',
        'budget-gap-contradicts',
        `实际 ${actual.text}，预算 ${budget.text}`,
      );
    return contradicted(claim, 'narrative.direction', 'reason-contradicts', `决算 ${actual.text}，预算 ${budget.text}`);
  }
  if (claim.years) {
    const actual = yearsDirections(claim.years);
    if (actual.directions.includes(claim.direction)) return verdict(claim, 'pass');
    return contradicted(
      claim,
      'narrative.direction',
      claim.moved ? 'moved-contradicts' : 'reason-contradicts',
      actual.what,
    );
  }
  const actual = claim.target ? actualDirections(claim.target) : undefined;
  if (!actual || !claim.target) return verdict(claim, 'unverifiable');
  if (actual.directions.includes(claim.direction)) return verdict(claim, 'pass');
  return contradicted(claim, 'narrative.direction', 'reason-contradicts', actual.what, claim.target);
}
