import type { Decimal } from 'decimal.js';
import { type Approx, compareEq, exact, negate, subtract } from '../../money/interval.js';
import { type AmountMention, type Claim, mentionApprox, sameFigure, writtenUnit } from '../claims.js';
import { sameOwner } from '../extract/owner.js';
import { levelKey, type Register, rough, type Statement } from '../register/build.js';
import { baseFrame, frameName } from '../register/key.js';
import { finding, otherParas, shownLike } from './common.js';
import type { NarrativeRawFinding } from './types.js';
import { NIL_WORDS } from '../text/nil-words.js';

type Amount = Extract<Claim, { kind: 'amount' }>;
type Yoy = Extract<Claim, { kind: 'yoy' }>;

/** 持平 written right after a figure and its comparison ("…预算 3.00 万元，与上年预算持平"). */
const FLAT = new RegExp(`^(?:${NIL_WORDS})`, 'u');

/** The verb that opens the rest of a comparison: where the base's words end. */
const VERB = new RegExp(`增加|减少|增长|下降|降低|减|增|${NIL_WORDS}`, 'u');

/**
 * The level the register holds for `base`'s frame, of the statement's subject and body: one value, however often
 * stated (statements that disagree leave it unknown — n.restated says so).
 */
function baseLevel(register: Register, of: Statement<Amount>, after: string): Statement<Amount> | undefined {
  if (!of.frame) return undefined;
  const frame = baseFrame(of.frame, after);
  if (!frame) return undefined;
  const role = frame.kind === 'budget' ? 'budget' : 'actual';
  const key = levelKey(of.claim.subject.id, role, frame);
  const found = register.levels.filter((s) => s.key === key && s.frame?.stated && sameOwner(s.owner, of.owner));
  const [first] = found;
  if (!first || found.some((s) => !sameFigure(s.claim.amount, first.claim.amount))) return undefined;
  return first;
}

/** The statement of a figure the register holds (the yoy's own current figure), when it holds it. */
function statementOf(register: Register, c: Claim, m: AmountMention): Statement<Amount> | undefined {
  return register.levels.find((s) => s.claim.para === c.para && s.claim.amount.start === m.start);
}

type Found = { claim: Claim; finding: NarrativeRawFinding };

/**
 * A change (its size, its direction word, 持平) against the two levels the text states for its subject, each in its
 * own frame: "2022 年“三公”经费支出决算 40.00 万元" and later "2023 年…决算 36.50 万元，比上年增加 3.50 万元" — the
 * levels give a fall of 3.50. Only when the comparison's base is named beyond doubt (上年 / 去年 / a year; 预算 or
 * 决算, or an outturn against the year before) and the text states that base for the same subject and body, once.
 * A claim another check has already failed is left to it.
 */
export function changeLevelFindings(register: Register, failed: ReadonlySet<Claim>): Found[] {
  const out: Found[] = [];
  const plain = register.frames.plain;
  for (const c of register.comparisons) {
    const text = plain(c.para.text);
    // (a comparison with a budget is read only when it names that budget's year — "比 2010 年预算增加 C" compares two
    // years' budgets; "比预算减少 C" the year's outturn with its own budget, which baseFrame never reads)
    if (failed.has(c) || c.sameScope || c.pair || c.eitherWay || c.prior || c.flatBudget) continue;
    if (rough(text, c.change)) continue;
    const current = statementOf(register, c, c.current);
    if (!current || failed.has(current.claim)) continue;
    const between = text.slice(c.current.end, c.change.start);
    const base = baseLevel(register, current, between);
    if (!base) continue;
    const signed = c.changeWord === 'up' ? mentionApprox(c.change) : negate(mentionApprox(c.change));
    const wrong = judged(c, c.current, base, signed, c.flat || (c.change.exact === true && c.change.value.isZero()));
    if (wrong) out.push({ claim: c, finding: wrong });
  }
  for (const s of register.levels) {
    if (failed.has(s.claim)) continue;
    const text = plain(s.claim.para.text);
    const after = text.slice(s.claim.amount.end);
    const m = after.search(VERB);
    if (
      m < 0 ||
      !FLAT.test(after.slice(m)) ||
      register.comparisons.some((y) => y.para === s.claim.para && y.current.start === s.claim.amount.start)
    )
      continue;
    const base = baseLevel(register, s, after.slice(0, m + 4));
    if (!base) continue;
    const wrong = judged(s.claim, s.claim.amount, base, undefined, true);
    if (wrong) out.push({ claim: s.claim, finding: wrong });
  }
  return out;
}

/**
 * The finding, if any, of a change stated against its base: 持平 beside two levels that differ (n.flat-nonzero), the
 * direction word against their difference (n.direction: the size fits the other way), else the size (n.yoy).
 */
function judged(
  c: Claim,
  current: AmountMention,
  base: Statement<Amount>,
  signed: Approx | undefined,
  flat: boolean,
): NarrativeRawFinding | undefined {
  const difference = subtract(mentionApprox(current), mentionApprox(base.claim.amount));
  const show = shownLike(current);
  const named = (d: Decimal) => `${d.isNeg() ? '减少' : '增加'} ${show(d.abs())}${writtenUnit(current)}`;
  const data = {
    subject: 'subject' in c && c.subject ? c.subject.label : '',
    current: current.text,
    base: base.frame ? frameName(base.frame) : '',
    prior: base.claim.amount.text,
    basePlace: base.claim.para.id,
    computed: difference.value.isZero() ? '持平' : named(difference.value),
  };
  const related = otherParas(c, [base.claim.para]);
  if (flat) {
    if (compareEq(difference, exact('0')).consistent) return undefined;
    return finding(c, 'narrative.flat-nonzero', 'register-flat', { ...data, stated: '持平' }, related);
  }
  if (!signed || compareEq(difference, signed).consistent) return undefined;
  const y = c as Yoy;
  const stated = `${y.changeWord === 'up' ? '增加' : '减少'} ${y.change.text}`;
  if (!y.eitherWay && compareEq(difference, negate(signed)).consistent)
    return finding(c, 'narrative.direction', 'register-direction', { ...data, stated }, related);
  return finding(c, 'narrative.yoy', 'register-change', { ...data, stated }, related);
}
