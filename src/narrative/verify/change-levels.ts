import type { Decimal } from 'decimal.js';
import { type Approx, compareEq, exact, negate, subtract, sum } from '../../money/interval.js';
import type { Partition } from '../catalog/types.js';
import type { Paragraph } from '../types.js';
import { type AmountMention, type Claim, mentionApprox, sameFigure, writtenUnit } from '../claims.js';
import { sameOwner } from '../extract/owner.js';
import { levelKey, type Register, rough, type Statement } from '../register/build.js';
import { baseFrame, type Frame, frameKey, frameName } from '../register/key.js';
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

/**
 * The comparison a part's change is stated against, right before its change word: "与 2012 年预算执行数相比，分别减少",
 * "，比上年减少", "，较 2023 年决算数增加" — the year (named, or the year before) and the figure named (预算执行数, 执行数,
 * 决算, 实际支出: the outturn; 预算: a budget; none).
 */
const PART_BASE = new RegExp(
  `(?:与|和|较|比|同)(?:(上一?年|去年)|(20[0-9]{2})年)度?(?:的)?(预算执行数|执行数|决算数?|实际支出数?|实际数|预算数?)?(?:相比|相较|比较)?[，,]?(?:分别|各|共)?(?=增加|减少|增长|下降|降低|压缩|${NIL_WORDS})[^，,；;。0-9]{0,3}$`,
  'u',
);

/**
 * The frame of the base a part's change names (see PART_BASE), from the frame of its total's figure this year:
 * undefined when not certain (a budget compared with 上年 unnamed may be against last year's budget or outturn).
 */
function partBaseFrame(frame: Frame, words: string): Frame | undefined {
  const m = PART_BASE.exec(words);
  if (!m || frame.year === '' || /同口径/u.test(words)) return undefined;
  const year = m[2] ?? yearBefore(frame.year);
  if (year === '' || year === frame.year) return undefined;
  const named = m[3];
  const kind =
    named === undefined
      ? frame.kind === 'actual'
        ? 'actual'
        : undefined
      : /预算数?$/u.test(named)
        ? 'budget'
        : 'actual';
  if (kind === undefined || !frame.stated || (frame.kind !== 'actual' && frame.kind !== 'budget')) return undefined;
  return { ...frame, year, kind, stated: true };
}

/** The year before a frame's year ('' when not known). */
function yearBefore(year: string): string {
  if (year === 'rel0') return 'rel-1';
  return /^20[0-9]{2}$/u.test(year) ? String(Number(year) - 1) : '';
}

/**
 * n.change-sum across sentences: "2013 年“三公经费”预算 T 中，因公出国（境）费 a，公务用车购置及运行费 b，公务接待费 c。与
 * 2012 年预算执行数相比，分别减少 x、y、z。…2012 年“三公经费”预算执行数为 B" — every part's change against one named
 * base, the parts' figures the total's breakdown (they add up to T), and the text states the total in that base's
 * frame too (once, same body): the parts' changes add up to T − B. Not where the paragraph states the total's own
 * change (the change-sum of its parts is checked there).
 */
export function partChangeLevelFindings(
  register: Register,
  claims: readonly Claim[],
  partitions: readonly Partition[],
  failed: ReadonlySet<Claim>,
): Found[] {
  const out: Found[] = [];
  const plain = register.frames.plain;
  for (const partition of partitions) {
    const byPara = new Map<Paragraph, Yoy[]>();
    for (const c of claims)
      if (c.kind === 'yoy' && c.subject && partition.parts.includes(c.subject.id) && c.current)
        byPara.set(c.para, [...(byPara.get(c.para) ?? []), c]);
    for (const [para, found] of byPara) {
      const parts = partition.parts.map((id) => found.filter((c) => c.subject?.id === id));
      if (parts.some((x) => x.length !== 1)) continue;
      const own = parts.map((x) => x[0] as Yoy & { current: AmountMention });
      if (
        own.some(
          (c) => failed.has(c) || c.sameScope || c.eitherWay || c.versusBudget || rough(plain(para.text), c.change),
        )
      )
        continue;
      // the total's own change stated in the paragraph: the parts' changes are summed against it (change-sum.ts)
      if (claims.some((c) => c.kind === 'yoy' && c.para === para && c.subject?.id === partition.total)) continue;
      const text = plain(para.text);
      const first = Math.min(...own.map((c) => c.current.start));
      // the total's figure this year: the register's last statement of it before the parts' figures, in their paragraph
      const total = register.levels
        .filter((s) => s.claim.para === para && s.claim.subject.id === partition.total && s.claim.amount.end <= first)
        .pop();
      if (!total?.frame) continue;
      const currents = sum(own.map((c) => mentionApprox(c.current)));
      if (!compareEq(currents, mentionApprox(total.claim.amount)).consistent) continue;
      // (a pair's later changes: the words before its list's first change — "分别减少 x、y、" is no base)
      const wordsBefore = (c: Yoy & { current: AmountMention }) => {
        const pair = c.pair;
        const head = pair
          ? claims.find(
              (x): x is Yoy =>
                x.kind === 'yoy' &&
                x.para === c.para &&
                x.pair?.index === 0 &&
                x.pair.count === pair.count &&
                x.sentence.start === c.sentence.start,
            )
          : undefined;
        return text.slice(c.current.end, (head ?? c).change.start);
      };
      const bases = own.map((c) => partBaseFrame(total.frame as Frame, wordsBefore(c)));
      const [base] = bases;
      if (!base || bases.some((b) => !b || frameKey(b) !== frameKey(base))) continue;
      const stated = register.levels.filter(
        (s) =>
          s.claim.subject.id === partition.total &&
          s.frame?.stated &&
          frameKey(s.frame) === frameKey(base) &&
          sameOwner(s.owner, total.owner),
      );
      const [prior] = stated;
      if (!prior || stated.some((s) => !sameFigure(s.claim.amount, prior.claim.amount))) continue;
      const difference = subtract(mentionApprox(total.claim.amount), mentionApprox(prior.claim.amount));
      const changes = sum(
        own.map((c) => (c.changeWord === 'up' || c.flat ? mentionApprox(c.change) : negate(mentionApprox(c.change)))),
      );
      if (compareEq(changes, difference).consistent) continue;
      const at = own[own.length - 1] as Yoy;
      const show = shownLike(total.claim.amount);
      const signedText = (d: Decimal) => `${d.isNeg() ? '−' : ''}${show(d.abs())}`;
      out.push({
        claim: at,
        finding: finding(
          at,
          'narrative.change-sum',
          'change-sum-levels',
          {
            name: total.claim.subject.label,
            base: frameName(base),
            items: own.map((c) => `${c.changeWord === 'up' ? '' : '−'}${c.change.text}`).join(' + '),
            actual: signedText(changes.value),
            current: total.claim.amount.text,
            prior: prior.claim.amount.text,
            basePlace: prior.claim.para.id,
            expected: signedText(difference.value),
          },
          otherParas(at, [prior.claim.para]),
        ),
      });
    }
  }
  return out;
}
