import { refText } from '../../model/place.js';
import { basename } from 'node:path';
import { Decimal } from 'decimal.js';
import type { WorkbookModel } from '../../model/types.js';
import {
  approx,
  checkPercent,
  compareEq,
  negate,
  scale,
  subtract,
  unitFactor,
  type Approx,
} from '../../money/interval.js';
import type { AmountMention, Claim } from '../claims.js';
import type { Subject } from '../catalog/types.js';
import { claimPlace } from '../verify/common.js';
import { cellIn, cellLocation, resolveLink, type LinkedCell } from '../verify/resolve.js';
import type { Verdict } from '../verify/types.js';
import type { NarrativeAnalysis } from '../check.js';
import type { YearRawFinding } from './types.js';
import { money } from '../../money/text.js';
import type { PriorCheck } from './messages.js';

/**
 * The narrative's year-over-year statements ("与 2023 年度相比，收入合计增加 14.96 万元，增长 0.7%")
 * against last year's workbook: the change the text states is this year's figure (as the text
 * states it, else the table's) minus last year's, from the prior file; its direction word must
 * match the sign, and its rate the change over last year's figure. One finding per statement, the
 * most basic disagreement: the direction (y.narrative.direction), else the amount
 * (y.narrative.change), else the rate (y.narrative.rate). All with interval rounding.
 */

type Yoy = Extract<Claim, { kind: 'yoy' }>;

/**
 * The subject of a year-over-year claim: the one whose stated figure the change is about ("收入合计
 * 2156.82 万元，与上年相比增加…"), else the last subject named in the sentence before the change
 * ("与上年相比，一般公共预算财政拨款支出增加…").
 */
export function subjectOf(claim: Yoy, analysis: NarrativeAnalysis): Subject | undefined {
  if (claim.current) {
    const stated = analysis.verdicts.find((v) => v.claim.kind === 'amount' && v.claim.amount === claim.current);
    if (stated?.claim.kind === 'amount') return stated.claim.subject;
  }
  // the subjects the extractor found in the paragraph's normalised text, between the sentence's start and the change
  const para = analysis.paras.find((p) => p.para === claim.para);
  const named = (para?.subjects ?? []).filter(
    (m) => m.start >= claim.sentence.start && m.end <= claim.change.start && m.subject.link,
  );
  return named.pop()?.subject;
}

function inUnit(m: AmountMention, unit: AmountMention['unit']): Approx {
  const a = approx(m.value, m.decimals);
  return m.unit === unit ? a : scale(a, unitFactor(m.unit, unit));
}

/** "增加 14.96 万元" / "减少 45.04 万元" / "持平" */
export function changeWords(change: Decimal, unit: string): string {
  if (change.isZero()) return '持平（变动 0）';
  return `${change.isNegative() ? '减少' : '增加'} ${money(change.abs())} ${unit}`;
}

function rateText(change: Approx, prior: Approx): string {
  if (prior.value.isZero()) return '无法计算（上年为 0）';
  const rate = change.value.mul(100).div(prior.value.abs());
  return `${rate.isNegative() ? '下降' : '增长'} ${rate.abs().toFixed(2, Decimal.ROUND_HALF_UP)}%`;
}

/** "prior-2023.xlsx 收入支出决算总表!C37": last year's cell is in another file. */
function place(cell: LinkedCell): string {
  return `${basename(cell.cell.ref.file)} ${refText(cell.cell.ref)}`;
}

interface Compared {
  claim: Yoy;
  /** The narrative checker's own verdict on it: a rate it found wrong within the text is not reported twice. */
  verdict: Verdict;
  subject: Subject;
  prior: LinkedCell;
  current?: LinkedCell;
}

function finding(c: Compared, check: PriorCheck, messageId: string, data: Record<string, string>): YearRawFinding {
  const at = claimPlace(c.claim);
  const related = [cellLocation(c.prior), ...(c.current ? [cellLocation(c.current)] : [])];
  return {
    check,
    messageId,
    data: {
      ...at.data,
      subject: c.subject.label,
      priorCell: place(c.prior),
      ...data,
    },
    location: at.location,
    related,
  };
}

/** One statement against the prior file; undefined when it agrees. */
function compare(c: Compared): YearRawFinding | undefined {
  const { claim } = c;
  const unit = claim.change.unit;
  const prior = cellIn(c.prior, unit);
  // this year's figure as the text states it (a wrong one is n.amount's finding), else the table's
  const current = claim.current ? inUnit(claim.current, unit) : c.current ? cellIn(c.current, unit) : undefined;
  if (!current) return undefined;
  const actual = subtract(current, prior);
  const magnitude = inUnit(claim.change, unit);
  // a change word left as the template's either-or ("减少（增加）") takes the direction the prior file gives
  const up = claim.eitherWay ? !actual.value.isNegative() : claim.changeWord === 'up';
  const signed = up ? magnitude : negate(magnitude);
  // expected / actual as the formatters show them: what the prior file gives, what the text says
  const stated = `${claim.changeWord === 'up' ? '增加' : '减少'} ${claim.change.text}`;
  const computed = changeWords(actual.value, unit);
  const data = {
    stated,
    prior: money(prior.value),
    current: money(current.value),
    change: computed,
    changeRate: rateText(actual, prior),
    unit,
    expected: computed,
    actual: stated,
  };
  const certainSign = actual.value.abs().gt(actual.radius);
  if (certainSign && !magnitude.value.isZero() && actual.value.isNegative() !== signed.value.isNegative()) {
    return finding(c, 'prior.direction', 'prior-direction', data);
  }
  const amount = compareEq(signed, actual);
  if (!amount.consistent) {
    return finding(c, 'prior.change', 'prior-change', {
      ...data,
      difference: money(amount.difference),
      tolerance: amount.tolerance.toFixed(),
    });
  }
  const rateReported = c.verdict.findings.some((f) => f.check === 'narrative.yoy');
  if (claim.rate && claim.rateWord && !rateReported) {
    const part = claim.rateWord === 'down' ? negate(actual) : actual;
    const check = checkPercent(part, prior, { value: claim.rate.value, decimals: claim.rate.decimals });
    if (!check.consistent) {
      const statedRate = `${claim.rateWord === 'up' ? '增长' : '下降'} ${claim.rate.text}`;
      return finding(c, 'prior.rate', 'prior-rate', {
        ...data,
        statedRate,
        expected: data.changeRate,
        actual: statedRate,
      });
    }
  }
  return undefined;
}

export interface ClaimCheck {
  findings: YearRawFinding[];
  /** Statements compared with the prior file (found right or wrong). */
  compared: number;
}

/** Every year-over-year statement whose subject has a figure in last year's workbook. */
export function checkYearClaims(
  analysis: NarrativeAnalysis,
  model: WorkbookModel | undefined,
  previous: WorkbookModel,
): ClaimCheck {
  const findings: YearRawFinding[] = [];
  let compared = 0;
  for (const v of analysis.verdicts) {
    if (v.claim.kind !== 'yoy') continue;
    const subject = subjectOf(v.claim, analysis);
    const prior = resolveLink(previous, subject?.link);
    if (!subject || !prior) continue;
    compared += 1;
    const current = model ? resolveLink(model, subject.link) : undefined;
    const found = compare({ claim: v.claim, verdict: v, subject, prior, ...(current ? { current } : {}) });
    if (found) findings.push(found);
  }
  return { findings, compared };
}
