import { refText } from '../../model/place.js';
import { Decimal } from 'decimal.js';
import { type Approx, checkPercent, compareEq, negate, radiusFor, subtract } from '../../money/interval.js';
import type { FindingLocation } from '../../model/finding.js';
import { subjectCell } from './amount.js';
import { finding, fixed, inWrittenUnit, otherParas, verdict, type VerifyContext } from './common.js';
import { type Claim, mentionApprox, rateClaimDirections, rateDirections, type WrittenNumber } from '../claims.js';
import { fractionOf } from './fraction.js';
import { cellIn, cellLocation } from './resolve.js';
import type { NarrativeRawFinding, Verdict } from './types.js';

type Rate = Extract<Claim, { kind: 'rate' }>;

function side(
  claim: Rate,
  ctx: VerifyContext,
  role: 'budget' | 'actual',
  related: FindingLocation[],
): { value: Approx; text: string } | undefined {
  const stated = claim[role];
  if (stated) return { value: mentionApprox(stated), text: stated.text };
  // "决算数大于预算数 55.93 万元": 预算 = 决算 − 55.93
  const over = claim.over;
  if (role === 'budget' && over?.difference && claim.actual) {
    const diff = mentionApprox(over.difference);
    const value = subtract(mentionApprox(claim.actual), over.direction === 'up' ? diff : negate(diff));
    return { value, text: `${fixed(value.value)}（决算 ${claim.actual.text} 与差额 ${over.difference.text} 推得）` };
  }
  const linked = claim.subject ? subjectCell(ctx, claim.subject.id, role) : undefined;
  if (!linked) return undefined;
  related.push(cellLocation(linked));
  const value = cellIn(linked, '万元');
  return { value, text: `${fixed(value.value)}（${refText(linked.cell.ref)}）` };
}

/**
 * A part's rate whose budget is only bounded by its total's (extract/part-budget.ts): the part's
 * budget is at most the total's, so its rate is at least 决算 ÷ the total's budget — a stated rate
 * below that (a non-zero 决算 "完成预算的 0%") is wrong; any rate above it may be right.
 */
function verifyPartBound(
  claim: Rate,
  actual: Approx,
  bound: NonNullable<Rate['budgetAtMost']>,
  base: Record<string, string>,
): Verdict {
  const stated = { value: claim.percent.value, decimals: claim.percent.decimals };
  const check = checkPercent(actual, mentionApprox(bound.amount), stated);
  if (!check.range || check.range.low.lte(stated.value.plus(radiusFor(stated.decimals))))
    return verdict(claim, 'unverifiable');
  return verdict(claim, 'fail', [
    finding(
      claim,
      'narrative.rate',
      'rate-part-bound',
      {
        ...base,
        bound: bound.amount.text,
        computed: `${fixed(check.range.low.toDecimalPlaces(2, Decimal.ROUND_DOWN))}%`,
      },
      otherParas(claim, [bound.whole.para]),
    ),
  ]);
}

/**
 * "预算数 A，决算数 B，预决算差异率 R%": R is (B − A) ÷ A, signed, rounded to the decimals written;
 * -2.7258 written -2.72 is cut, not rounded.
 */
function verifyVariance(
  claim: Rate,
  actual: Approx,
  budget: Approx,
  base: Record<string, string>,
  related: FindingLocation[],
): Verdict {
  const stated = { value: claim.percent.value, decimals: claim.percent.decimals };
  const check = checkPercent(subtract(actual, budget), budget, stated);
  if (check.consistent) return verdict(claim, 'pass');
  if (check.zeroWhole)
    return verdict(claim, 'fail', [finding(claim, 'narrative.rate-zero-budget', 'rate-zero-budget', base, related)]);
  const data = { ...base, computed: `${fixed(check.computed ?? new Decimal(0))}%` };
  if (check.truncated)
    return verdict(claim, 'fail', [finding(claim, 'narrative.share-truncated', 'variance-truncated', data, related)]);
  return verdict(claim, 'fail', [finding(claim, 'narrative.rate', 'variance-mismatch', data, related)]);
}

/**
 * No budget and no spending: units write the rate 0% or 100% by two house conventions, and people
 * checking the same text by hand judge it each way, so neither is certain enough to report.
 */
function nothingPlannedNothingSpent(actual: Approx, percent: Decimal): boolean {
  return actual.value.abs().lte(actual.radius) && (percent.eq(0) || percent.eq(100));
}

/**
 * n.rate / n.rate-capped-100 / n.share-truncated / n.rate-zero-budget / n.percent-fraction:
 * 完成预算的 R% is 决算 ÷ 预算 rounded to the decimals written. A missing 预算 or 决算 is taken from
 * the text's "决算数大于预算数 X 万元", else from the tables. "100%" while 决算 exceeds 预算 is its own
 * rule (a house convention some units follow), also when the text says so in words only.
 */
export function verifyRate(claim: Rate, ctx: VerifyContext): Verdict {
  const related: FindingLocation[] = [];
  const budget = side(claim, ctx, 'budget', related);
  const actual = side(claim, ctx, 'actual', related);
  const base = {
    budget: budget?.text ?? '',
    actual: actual?.text ?? '',
    stated: claim.percent.text,
    subject: claim.subject?.label ?? '',
  };
  if (!budget && actual && claim.budgetAtMost) return verifyPartBound(claim, actual.value, claim.budgetAtMost, base);
  if (!budget || !actual) {
    if (claim.over?.direction === 'up' && claim.percent.value.eq(100))
      return verdict(claim, 'fail', [
        finding(claim, 'narrative.rate-capped-100', 'rate-over-capped', {
          ...base,
          word: '大于',
          computed: '（应大于 100%）',
        }),
      ]);
    // "完成预算 104.2%，决算数小于预算数": without the amounts the rate alone says which side the 决算 falls
    if (claim.over && !claim.variance && !rateDirections(claim.percent).includes(claim.over.direction))
      return verdict(claim, 'fail', [
        finding(claim, 'narrative.direction', 'reason-contradicts', {
          word: claim.over.direction === 'up' ? '决算数大于预算数' : '决算数小于预算数',
          figures: `完成预算的 ${claim.percent.text}`,
        }),
      ]);
    return verdict(claim, 'unverifiable');
  }
  if (claim.variance) return verifyVariance(claim, actual.value, budget.value, base, related);
  // "决算数大于预算数（0.60 万元）" while the figures say less (or the reverse): the words contradict the figures
  if (claim.over && claim.actual && claim.budget) {
    if (!rateClaimDirections(claim).includes(claim.over.direction))
      return verdict(claim, 'fail', [
        finding(claim, 'narrative.direction', claim.over.word ? 'budget-gap-contradicts' : 'reason-contradicts', {
          word: claim.over.word ?? (claim.over.direction === 'up' ? '决算数大于预算数' : '决算数小于预算数'),
          figures: `决算 ${claim.actual.text}，预算 ${claim.budget.text}，完成预算的 ${claim.percent.text}`,
        }),
      ]);
  }
  const gap = statedGapFinding(claim);
  if (gap) return verdict(claim, 'fail', [gap]);
  const check = checkPercent(actual.value, budget.value, {
    value: claim.percent.value,
    decimals: claim.percent.decimals,
  });
  if (check.consistent) return verdict(claim, 'pass');
  if (check.zeroWhole) {
    if (nothingPlannedNothingSpent(actual.value, claim.percent.value)) return verdict(claim, 'unverifiable');
    return verdict(claim, 'fail', [finding(claim, 'narrative.rate-zero-budget', 'rate-zero-budget', base, related)]);
  }
  const computed = check.computed ?? new Decimal(0);
  const data = { ...base, computed: `${fixed(computed)}%` };
  if (claim.percent.value.eq(100) && computed.gt(100))
    return verdict(claim, 'fail', [finding(claim, 'narrative.rate-capped-100', 'rate-capped', data, related)]);
  if (check.truncated)
    return verdict(claim, 'fail', [finding(claim, 'narrative.share-truncated', 'rate-truncated', data, related)]);
  const ratio = fractionOf(actual.value, budget.value, claim.percent);
  if (ratio)
    return verdict(claim, 'fail', [
      finding(claim, 'narrative.percent-fraction', 'percent-fraction', { ...data, ratio }, related),
    ]);
  return verdict(claim, 'fail', [finding(claim, 'narrative.rate', 'rate-mismatch', data, related)]);
}

/**
 * "收入 A，完成预算 B 的 R%，超收 C": the gap named by its own word right after the rate, both figures written — C must
 * be A − B (B − A for 短收, 节支), within the figures' rounding.
 */
function statedGapFinding(claim: Rate): NarrativeRawFinding | undefined {
  const { over, actual, budget } = claim;
  if (!over?.word || !over.difference || !actual || !budget) return undefined;
  const gap = subtract(mentionApprox(actual), mentionApprox(budget));
  const said = mentionApprox(over.difference);
  if (compareEq(gap, over.direction === 'up' ? said : negate(said)).consistent) return undefined;
  return finding(claim, 'narrative.yoy', 'budget-prior-stated', {
    current: actual.text,
    prior: budget.text,
    computed: inWrittenUnit(gap.value.abs(), over.difference),
    stated: `${over.word} ${over.difference.text}`,
  });
}

/** Days from 1 January to the end of each month, in a common year. */
const DAYS_TO_MONTH_END = [31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

/**
 * The time gone by at the end of a month, as a percentage of the year: by months (N ÷ 12), or by days in a common or a
 * leap year — the least and the greatest of the three (units reckon it either way).
 */
function timeGone(months: number): { low: Decimal; high: Decimal } {
  const days = DAYS_TO_MONTH_END[months - 1] ?? 365;
  const shares = [
    new Decimal(months).div(12),
    new Decimal(days).div(365),
    new Decimal(days + (months >= 2 ? 1 : 0)).div(366),
  ].map((x) => x.mul(100));
  return { low: Decimal.min(...shares), high: Decimal.max(...shares) };
}

/**
 * n.rate: "1-6 月…为预算的 R%，快于序时进度 X 个百分点": R ∓ X is the time gone by at the end of the period the paragraph
 * names — half the year for 1-6 月 (by months 50%, by days 49.59%–49.73%). Wrong when no value within the figures'
 * roundings reaches that span.
 */
function periodProgress(
  claim: Extract<Claim, { kind: 'time-progress' }>,
  period: { months: number; text: string },
  stated: { value: Decimal; radius: Decimal },
): Verdict {
  const { low, high } = timeGone(period.months);
  if (stated.value.plus(stated.radius).gte(low) && stated.value.minus(stated.radius).lte(high))
    return verdict(claim, 'pass');
  const gone = low.eq(high)
    ? `${fixed(low)}%`
    : `${low.toDecimalPlaces(2).toString()}%–${high.toDecimalPlaces(2).toString()}%`;
  const should = claim.rate.value.minus(high.plus(low).div(2));
  return verdict(claim, 'fail', [
    finding(claim, 'narrative.rate', 'rate-time-period', {
      rate: claim.rate.text,
      stated: `${claim.behind ? '低于' : '超过'}时间进度 ${claim.points.text}`,
      progress: `${fixed(stated.value)}%`,
      period: period.text,
      gone,
      computed: `${should.isNegative() ? '低于' : '超过'}时间进度约 ${should.abs().toDecimalPlaces(1).toString()} 个百分点`,
    }),
  ]);
}

/**
 * n.rate: "占预算的 R1%，超过时间进度 X1 个百分点" and, in the same report, "…R2%，超过时间进度 X2 个百分点": the time's
 * share R ∓ X is one — two that differ by more than the figures' roundings (half a unit of each one's last decimal)
 * cannot both be right.
 */
export function verifyTimeProgress(claim: Extract<Claim, { kind: 'time-progress' }>): Verdict {
  const progress = (x: { rate: WrittenNumber; points: WrittenNumber; behind: boolean }) => ({
    value: x.behind ? x.rate.value.plus(x.points.value) : x.rate.value.minus(x.points.value),
    radius: radiusFor(x.rate.decimals).plus(radiusFor(x.points.decimals)),
  });
  if (claim.period) return periodProgress(claim, claim.period, progress(claim));
  if (!claim.first) return verdict(claim, 'unverifiable');
  const a = progress(claim.first);
  const b = progress(claim);
  if (a.value.minus(b.value).abs().lte(a.radius.plus(b.radius))) return verdict(claim, 'pass');
  const gap = (behind: boolean, points: string) => `${behind ? '低于' : '超过'}时间进度 ${points}`;
  // the points this rate is ahead of (behind) the first statement's time
  const should = claim.rate.value.minus(a.value);
  return verdict(claim, 'fail', [
    finding(
      claim,
      'narrative.rate',
      'rate-time-progress',
      {
        rate: claim.rate.text,
        stated: gap(claim.behind, claim.points.text),
        progress: `${fixed(b.value)}%`,
        first: `${claim.first.rate.text}，${gap(claim.first.behind, claim.first.points.text)}`,
        firstProgress: `${fixed(a.value)}%`,
        computed: gap(should.isNegative(), `${fixed(should.abs())}个百分点`),
      },
      otherParas(claim, [claim.first.para]),
    ),
  ]);
}
