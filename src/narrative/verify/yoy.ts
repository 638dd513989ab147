import { Decimal } from 'decimal.js';
import {
  type Approx,
  checkPercent,
  compareEq,
  negate,
  type PercentCheck,
  subtract,
  sum,
} from '../../money/interval.js';
import { finding, fixed, inWrittenUnit, otherParas, verdict } from './common.js';
import { type AmountMention, type Claim, mentionApprox } from '../claims.js';
import { fractionOf } from './fraction.js';
import type { NarrativeRawFinding, Verdict } from './types.js';

type Yoy = Extract<Claim, { kind: 'yoy' }>;

const WORD: Record<'up' | 'down', string> = { up: '增加/增长', down: '减少/下降' };

/**
 * "支出 3.3 万元，与预算相比减少 2.7 元，下降 45%": the change written in another unit than the figure it
 * changes, and the rate holds exactly when it is read in that figure's unit — the unit word slipped, the
 * arithmetic did not: no rate finding.
 */
function unitSlip(claim: Yoy, stated: { value: Decimal; decimals: number }): boolean {
  if (!claim.current || claim.change.unit === claim.current.unit || claim.prior) return false;
  const read = mentionApprox({ ...claim.change, unit: claim.current.unit });
  const prior = subtract(mentionApprox(claim.current), claim.changeWord === 'up' ? read : negate(read));
  return checkPercent(read, prior, stated).consistent;
}

/**
 * n.unit-slip: "支出完成 236,410 万元，比上年同期增支 12,360 元，增长 5.52%" — the rate holds only with the change
 * read in the current figure's unit; as written it is far off. Which word is wrong is not certain: a warning.
 */
function unitSlipFinding(claim: Yoy): NarrativeRawFinding | undefined {
  if (!claim.rate || !claim.current) return undefined;
  const stated = { value: claim.rate.value, decimals: claim.rate.decimals };
  if (!unitSlip(claim, stated)) return undefined;
  const change = mentionApprox(claim.change);
  const prior = subtract(mentionApprox(claim.current), claim.changeWord === 'up' ? change : negate(change));
  const check = checkPercent(change, prior, stated);
  if (check.consistent) return undefined;
  return finding(claim, 'narrative.unit-slip', 'unit-slip-change', {
    current: claim.current.text,
    written: claim.change.text,
    read: `${claim.change.value.toFixed()}${claim.current.unit}`,
    stated: claim.rate.text,
    computed: check.computed ? `${fixed(check.computed)}%` : '无法计算',
  });
}

/**
 * "本年 86.4 元，较上年 80.1 万元，增加 6.3 万元": the three figures in two units. When the difference holds with one
 * figure read in the other two's unit, that figure's unit word slipped (n.unit-slip, a warning); when it holds no
 * way, which word is wrong is not certain and nothing is said (null). Undefined: one unit, nothing slipped.
 */
function differenceUnitSlip(
  claim: Yoy,
  current: AmountMention,
  prior: AmountMention,
  asWritten: Approx,
): NarrativeRawFinding | null | undefined {
  const figures = [current, prior, claim.change];
  if (new Set(figures.map((f) => f.unit)).size === 1) return undefined;
  const holds = (c: AmountMention, b: AmountMention, d: AmountMention) => {
    const signed = claim.changeWord === 'up' ? mentionApprox(d) : negate(mentionApprox(d));
    return compareEq(subtract(mentionApprox(c), mentionApprox(b)), signed).consistent;
  };
  // the difference shown in the unit of the two figures that agree
  const slipped = (written: AmountMention, like: AmountMention) =>
    finding(claim, 'narrative.unit-slip', 'unit-slip-difference', {
      current: current.text,
      prior: prior.text,
      stated: `${claim.changeWord === 'up' ? '增加' : '减少'} ${claim.change.text}`,
      computed: inWrittenUnit(asWritten.value, like),
      written: written.text,
      read: `${written.value.toFixed()}${like.unit}`,
    });
  const { change } = claim;
  if (
    current.unit !== prior.unit &&
    prior.unit === change.unit &&
    holds({ ...current, unit: prior.unit }, prior, change)
  )
    return slipped(current, prior);
  if (
    current.unit !== prior.unit &&
    current.unit === change.unit &&
    holds(current, { ...prior, unit: current.unit }, change)
  )
    return slipped(prior, current);
  if (current.unit === prior.unit && holds(current, prior, { ...change, unit: current.unit }))
    return slipped(change, current);
  return null;
}

/**
 * Whether change ÷ prior, rounded first to one more decimal and then to the decimals written (7.46% to 7.5%
 * to 8%), gives the stated rate.
 */
function roundedTwice(change: Approx, prior: Approx, stated: { value: Decimal; decimals: number }): boolean {
  if (prior.value.isZero()) return false;
  return change.value
    .mul(100)
    .div(prior.value)
    .toDecimalPlaces(stated.decimals + 1, Decimal.ROUND_HALF_UP)
    .toDecimalPlaces(stated.decimals, Decimal.ROUND_HALF_UP)
    .eq(stated.value);
}

/** A stated rate that change ÷ prior does not give, read every way it may have been worked out. */
interface WrongRate {
  change: Approx;
  prior: Approx;
  check: PercentCheck;
  /** Change ÷ current gives exactly the stated rate (not merely within rounding). */
  overCurrent: boolean;
  /** Change ÷ prior rounded twice gives it. */
  twice: boolean;
}

function wrongRate(claim: Yoy): WrongRate | undefined {
  if (!claim.rate || !claim.current) return undefined;
  const change = mentionApprox(claim.change);
  const signed = claim.changeWord === 'up' ? change : negate(change);
  const current = mentionApprox(claim.current);
  // the prior year's figure as written, when the text states it; else this year's less the change
  const prior = claim.prior ? mentionApprox(claim.prior.amount) : subtract(current, signed);
  const stated = { value: claim.rate.value, decimals: claim.rate.decimals };
  const check = checkPercent(change, prior, stated);
  if (check.consistent || unitSlip(claim, stated)) return undefined;
  // "减少（增加）2 万元，增长 50%": the template left both directions; the other one may be the unit's
  if (claim.eitherWay && !claim.prior && checkPercent(change, subtract(current, negate(signed)), stated).consistent)
    return undefined;
  const over = checkPercent(change, current, stated).computed;
  return {
    change,
    prior,
    check,
    overCurrent: over?.toDecimalPlaces(stated.decimals, Decimal.ROUND_HALF_UP).eq(stated.value) === true,
    twice: roundedTwice(change, prior, stated),
  };
}

/**
 * Whether the text rounds its rates twice: one of its wrong rates is change ÷ prior rounded twice ("增加
 * 2065，增长 12%" where 11.47% went to 11.5% and on to 12%) and nothing else — not change ÷ current.
 */
export function roundsRatesTwice(claims: readonly Claim[]): boolean {
  return claims.some((c) => {
    if (c.kind !== 'yoy') return false;
    const wrong = wrongRate(c);
    return wrong?.twice === true && !wrong.overCurrent;
  });
}

/** The rate found wrong: which wrong, most specific first (zero base, over the current year, truncated, a fraction). */
function rateFinding(claim: Yoy, textRoundsTwice: boolean): NarrativeRawFinding | undefined {
  const wrong = wrongRate(claim);
  if (!wrong || !claim.rate || !claim.current) return undefined;
  const { change, prior, check } = wrong;
  const data = {
    current: claim.current.text,
    change: claim.change.text,
    prior: fixed(prior.value),
    priorText: inWrittenUnit(prior.value, claim.current),
    stated: claim.rate.text,
    computed: check.computed ? `${fixed(check.computed)}%` : '无法计算（上年数为 0）',
  };
  if (check.zeroWhole) return finding(claim, 'narrative.zero-base', 'zero-base', data);
  // over the current year — unless the text rounds its rates twice elsewhere and that gives this one too:
  // "减少 1210，下降 8%" is 1210 ÷ 16210 = 7.46% rounded twice as much as 1210 ÷ 15000 = 8.07%
  if (wrong.overCurrent && !(textRoundsTwice && wrong.twice))
    return finding(claim, 'narrative.yoy-over-current', 'yoy-over-current', data);
  if (check.truncated) return finding(claim, 'narrative.share-truncated', 'share-truncated', data);
  const ratio = fractionOf(change, prior, claim.rate);
  if (ratio) return finding(claim, 'narrative.percent-fraction', 'percent-fraction', { ...data, ratio });
  // compared with a budget: the base worked out is that budget, and the message must not call it last year's
  const id = claim.prior?.adjusted
    ? 'adjusted-gap-mismatch'
    : claim.versusBudget
      ? 'budget-gap-mismatch'
      : 'yoy-mismatch';
  return finding(claim, 'narrative.yoy', id, data);
}

/**
 * "比上年（预算）B 增加 C，增长 P%" with no current figure: P is C ÷ B. Read as kindly as a rate with a current
 * figure is — a change in another unit whose number gives the rate in B's unit, a rate truncated or rounded
 * twice where the text does so, a fraction written as a percentage — and found wrong only beyond all of them.
 */
function baseRateFinding(
  claim: Yoy,
  rate: NonNullable<Yoy['rate']>,
  base: AmountMention,
  textRoundsTwice: boolean,
): NarrativeRawFinding | undefined {
  const stated = { value: rate.value, decimals: rate.decimals };
  const change = mentionApprox(claim.change);
  const prior = mentionApprox(base);
  const check = checkPercent(change, prior, stated);
  if (check.consistent || check.truncated || check.zeroWhole) return undefined;
  if (
    claim.change.unit !== base.unit &&
    checkPercent(mentionApprox({ ...claim.change, unit: base.unit }), prior, stated).consistent
  )
    return undefined;
  if ((textRoundsTwice && roundedTwice(change, prior, stated)) || fractionOf(change, prior, rate)) return undefined;
  return finding(claim, 'narrative.yoy', claim.versusBudget ? 'budget-base-rate' : 'base-rate', {
    prior: base.text,
    change: claim.change.text,
    stated: rate.text,
    computed: check.computed ? `${fixed(check.computed)}%` : '',
  });
}

/**
 * "…本年度无结转结余", "本单位本年度无结转结余资金": the text says in the claim's paragraph that there is none of it this
 * year. Read only for a carry-over or balance (结转 / 结余), the figure templates write 0 of with a rate beside.
 */
const NIL_THIS_YEAR = /(?:本年度?|当年|今年|本年末|年末)[均也]?(?:无|没有)(?:任何)?(?:结转|结余)/u;

/** A rise said of a figure written 0 that the text says is none this year: rising to nothing is no rise at all. */
function nilStated(claim: Yoy, plain: (text: string) => string): boolean {
  return claim.current?.value.isZero() === true && NIL_THIS_YEAR.test(plain(claim.para.text));
}

/** A sum of money that is never below nothing: income, spending, a budget or an expense — not a balance or a difference. */
const NEVER_NEGATIVE = /收入|支出|经费|预算|拨款|费/u;
const MAY_BE_NEGATIVE = /结余|结转|结存|差额|净|赤字|盈余|亏损|余额|负债|欠|损益|收支/u;

/**
 * n.yoy: "2026 年支出预算 225.12 万元，较去年增加 323.95 万元" — a rise larger than this year's figure leaves the year
 * before a negative sum, which income, spending or a budget never is. Said only with no rate (a rate is checked on its
 * own) and no base written, of a figure its clause names as such money, the rise above it beyond the rounding of both.
 */
function riseOverCurrentFinding(claim: Yoy, plain: (text: string) => string): NarrativeRawFinding | undefined {
  const { current, change } = claim;
  if (!current || claim.rate || claim.prior || claim.whole || claim.eitherWay || claim.changeWord !== 'up')
    return undefined;
  if (claim.narrower || claim.flat) return undefined;
  const now = mentionApprox(current);
  const rise = mentionApprox(change);
  if (!rise.value.minus(rise.radius).gt(now.value.plus(now.radius))) return undefined;
  const text = plain(claim.para.text);
  const name = text.slice(claim.sentence.start, current.start);
  if (!NEVER_NEGATIVE.test(name) || MAY_BE_NEGATIVE.test(name)) return undefined;
  // the rise right after its own figure: another figure, or a list's next item (；), between is another thing's rise
  // ("公用经费 2 万元，采暖费 0.4 万元；（2）绩效奖金较上年增长 12.4 万元")
  if (/[；：]|[0-9](?:万元|亿元|元)/u.test(text.slice(current.end, change.start))) return undefined;
  return finding(claim, 'narrative.yoy', 'rise-over-current', {
    current: current.text,
    change: change.text,
    stated: `增加 ${change.text}`,
    computed: `不大于本年 ${current.text}`,
  });
}

/**
 * n.zero-base: "减少 0.00 元，下降 100%", "增加 0.00 元，增长 50%" — a change written 0 to the 分 (元 with two
 * decimals: there is no smaller sum of money, so it is exactly none) with a rate that is not 0: no change is 0% of
 * any base, and no rate at all of a nil one. A zero written in 万元 or 亿元, or in whole 元, may hide a change too
 * small to print (0.00 万元 is up to 50 元) over a base as small: its rate is not known, and nothing is said — unless
 * the rate is a rise and the paragraph says there is none of the figure this year ("…，增长 100%，主要原因是本年度无结转
 * 结余"): a rise to nothing is no rise.
 */
function zeroChangeFinding(claim: Yoy, plain: (text: string) => string): NarrativeRawFinding | undefined {
  const { rate, current, change } = claim;
  if (!rate || claim.prior || !change.value.isZero() || rate.value.isZero()) return undefined;
  const toTheFen = change.unit === '元' && change.decimals >= 2 && !/[亿億]/u.test(change.text);
  if (!toTheFen && !(claim.rateWord === 'up' && nilStated(claim, plain))) return undefined;
  return finding(claim, 'narrative.zero-base', 'zero-change-rate', {
    change: change.text,
    current: current ? `本年 ${current.text}、` : '',
    stated: rate.text,
    computed: '0%（上年为 0 时无从计算）',
  });
}

/** n.scope-shift: the change fits the difference of the subject's parts listed under both totals, not of the totals. */
function scopeShift(claim: Yoy, signed: Approx, difference: Approx): NarrativeRawFinding | undefined {
  if (!claim.narrower || !claim.current || !claim.prior) return undefined;
  const narrowed = subtract(
    sum(claim.narrower.current.map(mentionApprox)),
    sum(claim.narrower.prior.map(mentionApprox)),
  );
  if (!compareEq(narrowed, signed).consistent) return undefined;
  return finding(
    claim,
    'narrative.scope-shift',
    'scope-shift',
    {
      subject: claim.subject?.label ?? '',
      current: claim.current.text,
      prior: claim.prior.amount.text,
      computed: inWrittenUnit(difference.value, claim.current),
      narrowed: inWrittenUnit(narrowed.value, claim.current),
      stated: `${claim.changeWord === 'up' ? '增加' : '减少'} ${claim.change.text}`,
    },
    otherParas(claim, [claim.prior.para]),
  );
}

/**
 * n.yoy: "增加 14.96 万元，增长 0.7%" — the rate is the change over the prior year's figure,
 * prior = current − change (current + change for a decrease); its kinds of wrong have their own
 * rules. n.direction: the change and the rate must point the same way. n.flat-nonzero: 持平
 * beside a change that is not zero.
 */
export function verifyYoy(
  claim: Yoy,
  textRoundsTwice: boolean,
  /** The text as the extractor reads it (simplified characters): where the paragraph's words are read. */
  plain: (text: string) => string = (t) => t,
): Verdict {
  const out: NarrativeRawFinding[] = [];
  // a change word left as the template's either-or ("减少（增加）") has no direction to disagree with
  if (claim.rate && claim.rateWord && claim.rateWord !== claim.changeWord && !claim.eitherWay) {
    out.push(
      finding(claim, 'narrative.direction', 'words-disagree', {
        change: `${claim.changeWord === 'up' ? '增加' : '减少'} ${claim.change.text}`,
        rate: claim.rate.text,
        expected: WORD[claim.changeWord],
      }),
    );
  }
  if (claim.flat && claim.flatElsewhere) {
    const { para, name, year } = claim.flatElsewhere;
    const word = claim.changeWord === 'up' ? '增加' : '减少';
    out.push(
      finding(
        claim,
        'narrative.flat-nonzero',
        'flat-elsewhere',
        { name, year, change: `${word} ${claim.change.text}` },
        otherParas(claim, [para]),
      ),
    );
    return verdict(claim, 'fail', out);
  }
  if (claim.flat && !claim.change.value.isZero())
    out.push(finding(claim, 'narrative.flat-nonzero', 'flat-nonzero', { change: claim.change.text }));
  if (claim.flatBudget) {
    const { actual, budget, budgetPara } = claim.flatBudget;
    if (compareEq(mentionApprox(actual), mentionApprox(budget)).consistent) return verdict(claim, 'pass');
    out.push(
      finding(
        claim,
        'narrative.flat-nonzero',
        claim.flatBudget.years ? 'flat-two-years' : 'flat-budget',
        claim.flatBudget.years
          ? { current: actual.text, prior: budget.text }
          : { subject: claim.subject?.label ?? '', actual: actual.text, budget: budget.text },
        otherParas(claim, [budgetPara]),
      ),
    );
    return verdict(claim, 'fail', out);
  }
  // the prior year's figure stated beside this year's: the change is their difference
  if (claim.prior && claim.current) {
    const signed = claim.changeWord === 'up' ? mentionApprox(claim.change) : negate(mentionApprox(claim.change));
    const difference = subtract(mentionApprox(claim.current), mentionApprox(claim.prior.amount));
    // "调入资金 A，其中调入… a，比报告数 B 增加 C": the comparison may be of the whole the 其中 part belongs to
    const ofWhole =
      claim.whole !== undefined &&
      compareEq(subtract(mentionApprox(claim.whole), mentionApprox(claim.prior.amount)), signed).consistent;
    if (!ofWhole && !compareEq(difference, signed).consistent) {
      // a total wider than its subject (“三公”经费 listing 会议费) whose change fits the subject's parts alone: one
      // name for two scopes, not a wrong change
      const shift = scopeShift(claim, signed, difference);
      if (shift) return verdict(claim, 'fail', [...out, shift]);
      const slip = differenceUnitSlip(claim, claim.current, claim.prior.amount, difference);
      if (slip !== undefined) {
        if (slip) out.push(slip);
        return verdict(claim, out.length ? 'fail' : 'unverifiable', out);
      }
      // "2024 年 A，2023 年为 B，比上年增加 C，增长 P%": when C and P are B's own change and rate (C ÷ (B − C)
      // gives P), the clause may speak of B's year against the year before it — not provably wrong; B written in
      // the comparison itself ("比 2023 年的 B 万元，增加 C") is this change's base, read no other way
      const prior = mentionApprox(claim.prior.amount);
      const ownRate = claim.rate && { value: claim.rate.value, decimals: claim.rate.decimals };
      if (
        !claim.prior.inComparison &&
        ownRate &&
        checkPercent(mentionApprox(claim.change), subtract(prior, signed), ownRate).consistent
      )
        return verdict(claim, out.length ? 'fail' : 'unverifiable', out);
      const sign = claim.changeWord === 'up' ? '增加' : '减少';
      // the whole a 其中 part belongs to, when the comparison is nearer its (the change said of the total)
      const base = mentionApprox(claim.prior.amount);
      const gap = (x: AmountMention) => subtract(subtract(mentionApprox(x), base), signed).value.abs();
      const shown = claim.whole && gap(claim.whole).lt(gap(claim.current)) ? claim.whole : claim.current;
      const computed = subtract(mentionApprox(shown), base);
      out.push(
        finding(
          claim,
          'narrative.yoy',
          claim.prior.ownBudget
            ? 'budget-prior-stated'
            : claim.prior.reported
              ? 'reported-prior-stated'
              : claim.prior.adjusted
                ? 'adjusted-prior-stated'
                : 'yoy-prior-stated',
          {
            current: shown.text,
            prior: claim.prior.amount.text,
            computed: inWrittenUnit(computed.value, shown),
            stated: `${sign} ${claim.change.text}`,
          },
          otherParas(claim, [claim.prior.para]),
        ),
      );
      return verdict(claim, 'fail', out);
    }
  }
  // no current figure, but the base written: the rate is the change over it
  if (claim.rate && !claim.current && claim.prior) {
    const wrong = baseRateFinding(claim, claim.rate, claim.prior.amount, textRoundsTwice);
    if (wrong) out.push(wrong);
    return verdict(claim, out.length ? 'fail' : 'pass', out);
  }
  const zero = zeroChangeFinding(claim, plain);
  if (zero) return verdict(claim, 'fail', [...out, zero]);
  const over = riseOverCurrentFinding(claim, plain);
  if (over) return verdict(claim, 'fail', [...out, over]);
  // without a rate (or a current figure) only the prior year's file could tell: nothing compared
  if (!claim.rate || !claim.current) return verdict(claim, out.length ? 'fail' : 'unverifiable', out);
  // "总收入 A，其中本年收入 a，较上年减少 C，下降 P%": the comparison may be the whole's; when the rate holds
  // for the whole, no reading is proved wrong
  if (!claim.prior && claim.whole && !wrongRate({ ...claim, current: claim.whole }))
    return verdict(claim, out.length ? 'fail' : 'unverifiable', out);
  // "收入、支出决算总计 A…收、支总计各增加 C": A may be the two flows together, each one's total half of it
  if (
    !claim.prior &&
    claim.jointLevel &&
    !wrongRate({ ...claim, current: { ...claim.current, value: claim.current.value.div(2) } })
  )
    return verdict(claim, out.length ? 'fail' : 'unverifiable', out);
  const wrong = rateFinding(claim, textRoundsTwice) ?? unitSlipFinding(claim);
  if (wrong) out.push(wrong);
  return verdict(claim, out.length ? 'fail' : 'pass', out);
}
