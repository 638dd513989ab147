import { Decimal } from 'decimal.js';
import { radiusFor } from '../../money/interval.js';
import type { FindingLocation } from '../../model/finding.js';
import type { Partition } from '../catalog/types.js';
import { allCoverings } from '../catalog/partitions.js';
import { type Claim, mentionApprox, printedZeros } from '../claims.js';
import { finding, otherParas, verdict } from './common.js';
import { shareGroup } from './share.js';
import type { NarrativeRawFinding, Verdict } from './types.js';

type Share = Extract<Claim, { kind: 'share' }>;

/**
 * Two parts that together are the whole, and the wholes they are complete for: 基本支出 + 项目支出
 * of a general-budget (财政拨款) total, 人员经费 + 公用经费 of 基本支出. Other totals (本年支出合计)
 * may have further parts (经营支出 …), so they are not checked.
 */
const PAIRS: { parts: [string, string]; whole: RegExp }[] = [
  { parts: ['basic', 'project'], whole: /一般公共预算|财政拨款|预算拨款/u },
  { parts: ['general-basic', 'general-project'], whole: /一般公共预算|财政拨款|预算拨款/u },
  { parts: ['personnel', 'public'], whole: /基本支出/u },
];

function wholeText(c: Share): string | undefined {
  const w = c.whole;
  if ('unknown' in w) return w.unknown;
  if ('subject' in w) return w.text;
  return undefined;
}

/**
 * n.share-sum: the two complementary parts' shares of one whole named the same way add up to
 * 100% within rounding ("基本支出…占一般公共预算支出的 84.06%" and "项目支出…占 19.62%": 103.68%).
 * Checked only where the text alone cannot verify either share (the whole is not stated).
 */
export function shareSumFindings(
  claims: Claim[],
  unverified: Set<Claim>,
  partitions: Partition[],
  passed: Set<Claim> = new Set(),
): { claim: Claim; finding: NarrativeRawFinding }[] {
  const subjectOf = new Map<object, string>();
  for (const c of claims) if (c.kind === 'amount') subjectOf.set(c.amount, c.subject.id);
  const shares = claims.filter((c): c is Share => c.kind === 'share' && unverified.has(c));
  const out: { claim: Claim; finding: NarrativeRawFinding }[] = [];
  for (const pair of PAIRS) {
    const [a, b] = pair.parts.map((id) => shares.filter((s) => subjectOf.get(s.part) === id));
    for (const first of a ?? []) {
      const text = wholeText(first);
      if (!text || !pair.whole.test(text)) continue;
      const second = (b ?? []).find((s) => wholeText(s) === text);
      if (!second) continue;
      const total = first.percent.value.plus(second.percent.value);
      const k = Math.max(first.percent.decimals, second.percent.decimals);
      const tolerance = new Decimal(10).pow(-k);
      if (total.minus(100).abs().lte(tolerance)) continue;
      out.push({
        claim: second,
        finding: finding(
          second,
          'narrative.share-sum',
          'share-sum',
          {
            parts: `${first.percent.text} + ${second.percent.text}`,
            whole: `「${text}」`,
            total: `${total.toFixed()}%`,
          },
          otherParas(second, [first.para]),
        ),
      });
    }
  }
  // shares each within the rounding of its own figures may still not make their whole together: all the parts of a
  // partition's total, stated with the total, are held to 100% too
  const checked = claims.filter((c): c is Share => c.kind === 'share' && (unverified.has(c) || passed.has(c)));
  out.push(...partitionShareFindings(checked, subjectOf, partitions, passed));
  return out;
}

/**
 * The catalog subject a share's whole is: the one named, or the one whose stated figure the share's list is of ("“三公”经费
 * 支出决算 20.7 万元。其中，因公出国（境）费…占 0%；…"). A whole written nowhere (the parts' sum) is none.
 */
function wholeIdOf(s: Share, subjectOf: Map<object, string>): string | undefined {
  if ('subject' in s.whole) return s.whole.subject.id;
  if ('list' in s.whole && !s.whole.sumOf) return subjectOf.get(s.whole.list);
  return undefined;
}

/** The figure a share's list is of, as written. */
function listText(s: Share): string {
  return 'list' in s.whole ? s.whole.list.text : '';
}

/** Whether two shares' percentages are written one right after the other ("p%、q%"): an enumeration's, checked there. */
function enumerated(a: Share, b: Share): boolean {
  return a.para === b.para && b.percent.start - a.percent.end <= ENUMERATION_GAP;
}

/**
 * n.share-sum: shares in one paragraph of the parts of a catalog partition, each part once (a part may be written by
 * its own parts). Of the partition's total ("“三公”经费支出决算中，因公出国（境）费 a，占 p%；公务用车购置及运行维护费 b，占
 * q%；公务接待费 c，占 r%"), no figure of it stated, every part listed: they add up to 100% within their roundings
 * (fewer parts prove nothing, one may be left out). Of a whole not named the same way in the paragraph ("公务用车购置及运行维护费 a 元，
 * 占 p%；公务接待费 b 元，占 q%"): whatever that whole is, parts that do not overlap add up to no more than 100%.
 */
function partitionShareFindings(
  shares: Share[],
  subjectOf: Map<object, string>,
  partitions: Partition[],
  passed: Set<Claim>,
): { claim: Claim; finding: NarrativeRawFinding }[] {
  const groups = new Map<string, Share[]>();
  for (const s of shares) {
    if (s.partSumOf || !partsAddUp(wholeText(s) ?? '')) continue;
    const whole = wholeIdOf(s, subjectOf) ?? ('unknown' in s.whole ? `:${s.whole.unknown}` : undefined);
    if (whole === undefined) continue;
    const key = `${s.para.n}\u0000${whole}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const out: { claim: Claim; finding: NarrativeRawFinding }[] = [];
  const key = (ids: (string | undefined)[]) => [...ids].sort().join('|');
  const ways = allCoverings(partitions);
  for (const group of groups.values()) {
    const first = group[0] as Share;
    const named = group.map((s) => subjectOf.get(s.part));
    if (group.length < 2 || new Set(named).size !== named.length) continue;
    if (new Set(group.map((s) => s.partBudget === true)).size > 1) continue;
    if (group.every((s, i) => i === 0 || enumerated(group[i - 1] as Share, s))) continue;
    // the parts are of one partition's covering (they do not overlap); all of it when the whole is its total
    const of = ways.filter(({ ids }) => named.every((id) => id !== undefined && ids.includes(id)));
    if (of.length === 0) continue;
    const wholeId = wholeIdOf(first, subjectOf);
    const complete = of.some(({ total, ids }) => total === wholeId && key(ids) === key(named));
    // a whole named that is their partition's total, not all of its parts written ("财政拨款收入 a，占本年收入的 p%；其他
    // 收入 b，占本年收入的 q%"): no more than 100% either; a whole named that is none of their totals says nothing
    const ofWhole = of.some(({ total }) => total === wholeId);
    if (wholeId !== undefined && !complete && !ofWhole) continue;
    // a share verified against its whole's figure: only all the parts together say more
    if (!complete && group.some((s) => passed.has(s))) continue;
    const sum = complete ? partitionSum(group) : percentSum(group);
    const off = sum.total.minus(100);
    if (!(complete ? off.abs() : off).gt(sum.tolerance)) continue;
    // a whole the text leaves unnamed is the one they are all shares of (as classShareFindings says it)
    const name = wholeText(first) || ('subject' in first.whole ? first.whole.subject.label : listText(first));
    out.push(sumFinding(group, complete ? 'share-sum' : 'share-sum-over', name ? `「${name}」` : '同一总数', [], sum));
  }
  return out;
}

/** At most this many characters between two percentages of one enumeration ("54.5%、1.5%和44.0%"): a separator only. */
const ENUMERATION_GAP = 2;

/**
 * Runs of shares whose percentages are written one after another in one sentence, of one whole:
 * "货物、工程、服务…分别为 a、b、c，占…的 p%、q% 和 r%". Parts enumerated in parallel are siblings:
 * no one of them contains another.
 */
function enumerations(shares: Share[]): Share[][] {
  const ordered = [...shares].sort((x, y) => x.para.n - y.para.n || x.percent.start - y.percent.start);
  const runs: Share[][] = [];
  let run: Share[] = [];
  for (const s of ordered) {
    const last = run[run.length - 1];
    const joins =
      last !== undefined &&
      last.para === s.para &&
      last.sentence.start === s.sentence.start &&
      shareGroup(last) === shareGroup(s) &&
      s.percent.start - last.percent.end <= ENUMERATION_GAP;
    if (!joins) {
      if (run.length > 1) runs.push(run);
      run = [];
    }
    run.push(s);
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

/**
 * n.share-sum: shares of parts enumerated in parallel add up to more than 100% beyond their
 * rounding ("占…的 54.54%、1.51% 和 44.69%": 100.74%). Parts that do not overlap cannot exceed
 * their whole, however each share's own figures round; less than 100% proves nothing (a part may
 * be left out). Checked only where no share of the run was found wrong on its own.
 */
export function enumeratedShareFindings(
  claims: Claim[],
  failed: Set<Claim>,
): { claim: Claim; finding: NarrativeRawFinding }[] {
  const shares = claims.filter((c): c is Share => c.kind === 'share');
  const out: { claim: Claim; finding: NarrativeRawFinding }[] = [];
  for (const run of enumerations(shares)) {
    if (run.some((s) => failed.has(s)) || !partsAddUp(wholeText(run[0] as Share) ?? '')) continue;
    const over = overHundred(run, (last) => ({ whole: `「${wholeText(last) ?? ''}」`, others: [] }));
    if (over) out.push(over);
  }
  return out;
}

/** The shares' percentages added up, and how far that may be from the exact sum: half a unit of each one's last decimal. */
function percentSum(run: Share[]): { total: Decimal; tolerance: Decimal } {
  return {
    total: run.reduce((t, s) => t.plus(s.percent.value), new Decimal(0)),
    tolerance: run.reduce((t, s) => t.plus(radiusFor(s.percent.decimals)), new Decimal(0)),
  };
}

/**
 * The shares' sum and how far it may be from 100% when they are every part of their whole ("因公出国（境）费 0 万元，
 * 占 0%；公务用车… 2.64 万元，占 86.84%；公务接待费 0.40 万元，占 13.16%"): a part printed 0 (at its neighbours'
 * precision) is at most that precision over the other parts' sum, and its "0%" is 0 at its neighbours' decimals
 * ("占 0%；…占 63.24%；…占 36.58%" adds up to 99.82% ± 0.015%, not ± 0.5%). The tolerance is on the side of 100%.
 */
function partitionSum(run: Share[]): { total: Decimal; tolerance: Decimal } {
  const parts = printedZeros(run.map((s) => s.part)).map(mentionApprox);
  const others = parts.reduce((t, a) => (a.value.isZero() ? t : t.plus(a.value.minus(a.radius))), new Decimal(0));
  // "0%" beside percentages written with d decimals is 0 at d decimals (a format that drops trailing zeros), as a "0"
  // amount is at its neighbours' precision: an item printed empty took none of the whole that those digits would show
  const shareDecimals = Math.max(0, ...run.filter((s) => !s.percent.value.isZero()).map((s) => s.percent.decimals));
  let total = new Decimal(0);
  let low = new Decimal(0);
  let high = new Decimal(0);
  for (const [i, s] of run.entries()) {
    const r = radiusFor(s.percent.decimals);
    const part = parts[i];
    total = total.plus(s.percent.value);
    if (part?.value.isZero() && others.gt(0)) {
      const printed = s.percent.value.isZero() ? radiusFor(Math.max(s.percent.decimals, shareDecimals)) : r;
      const most = Decimal.min(s.percent.value.plus(printed), part.radius.div(others).mul(100));
      high = high.plus(most);
      low = low.plus(Decimal.max(0, s.percent.value.minus(r)));
    } else {
      high = high.plus(s.percent.value.plus(r));
      low = low.plus(s.percent.value.minus(r));
    }
  }
  return { total, tolerance: total.lt(100) ? high.minus(total) : total.minus(low) };
}

/** n.share-sum's finding on a run of shares, said at its last share. */
function sumFinding(
  run: Share[],
  messageId: 'share-sum' | 'share-sum-over',
  whole: string,
  others: FindingLocation[],
  { total, tolerance }: { total: Decimal; tolerance: Decimal },
): { claim: Claim; finding: NarrativeRawFinding } {
  const last = run[run.length - 1] as Share;
  const data = {
    parts: run.map((s) => s.percent.text).join(' + '),
    whole,
    total: `${total.toFixed()}%`,
    tolerance: `${tolerance.toFixed()}%`,
  };
  return { claim: last, finding: finding(last, 'narrative.share-sum', messageId, data, others) };
}

/**
 * n.share-sum's finding when shares of parts that cannot overlap add up to more than 100% beyond their rounding;
 * `place` names the whole (and other paragraphs) for the last share of the run.
 */
function overHundred(
  run: Share[],
  place: (last: Share) => { whole: string; others: FindingLocation[] },
): { claim: Claim; finding: NarrativeRawFinding } | undefined {
  const sum = percentSum(run);
  if (sum.total.minus(100).lte(sum.tolerance)) return undefined;
  const { whole, others } = place(run[run.length - 1] as Share);
  return sumFinding(run, 'share-sum-over', whole, others, sum);
}

/** A whole that is a change ("占增加额的 130%"): parts of it may each exceed it when others fell. */
const CHANGE_WHOLE = /增|减|变动|差额/u;

/**
 * A whole that is the budget itself ("（1）一般公共服务支出 a，占调整预算 103.6%；（2）公共安全支出 b，占调整预算 118%"):
 * each part's percentage is of its own budget, an execution rate.
 */
const BUDGET_YARDSTICK = /^(?:调整后?的?|年初|全年|当年|本年)?预算数?$/u;

/** Whether the parts' percentages of this whole add up to at most 100%: not of a change, nor of the budget itself. */
function partsAddUp(whole: string): boolean {
  return !CHANGE_WHOLE.test(whole) && !BUDGET_YARDSTICK.test(whole);
}

/**
 * n.share-sum: shares of one paragraph's whole (not stated, so no share could be checked) taken by different 类 of
 * the functional classification add up to more than 100% beyond their rounding ("一般公共服务支出（类）…，占 60%；
 * 卫生健康支出（类）…，占 24%；住房保障支出（类）…，占 18%"). Whatever else the whole holds, 类 do not overlap, so
 * they cannot exceed it. (A catalog partition's parts are partitionShareFindings'.) Parts written apart from one
 * another (not enumerated) are found by their subjects; a 类 named twice, or a level beside a budget, leaves the group
 * unchecked.
 */
export function classShareFindings(
  claims: Claim[],
  unverified: Set<Claim>,
): { claim: Claim; finding: NarrativeRawFinding }[] {
  const amountOf = new Map<object, Extract<Claim, { kind: 'amount' }>>();
  for (const c of claims) if (c.kind === 'amount') amountOf.set(c.amount, c);
  const groups = new Map<string, { share: Share; slot: string; role: string }[]>();
  for (const c of claims) {
    if (c.kind !== 'share' || !unverified.has(c) || c.partSumOf) continue;
    const whole = wholeText(c);
    const part = amountOf.get(c.part);
    if (whole === undefined || !partsAddUp(whole) || !part) continue;
    if (!part.subject.id.startsWith('class:')) continue;
    const key = `${c.para.id}|${whole}`;
    groups.set(key, [...(groups.get(key) ?? []), { share: c, slot: part.subject.id, role: part.role }]);
  }
  // parts enumerated in parallel are enumeratedShareFindings' to check
  const enumerated = new Set(enumerations(claims.filter((c): c is Share => c.kind === 'share')).flat());
  const out: { claim: Claim; finding: NarrativeRawFinding }[] = [];
  for (const group of groups.values()) {
    if (group.length < 2 || new Set(group.map((g) => g.slot)).size < group.length) continue;
    if (group.some((g) => enumerated.has(g.share))) continue;
    if (new Set(group.map((g) => g.role)).size > 1) continue;
    // a whole the text leaves unnamed ("…占 60%；…占 24%") is the one both are shares of
    const over = overHundred(
      group.map((g) => g.share),
      (last) => ({ whole: wholeText(last) ? `「${wholeText(last)}」` : '同一总数', others: otherParas(last, []) }),
    );
    if (over) out.push(over);
  }
  return out;
}

/**
 * n.share-sum of shares written without figures (extract/share-set.ts): all the parts of the whole named add up to
 * 100%, any parts that do not overlap to no more, within half a unit of each percentage's last decimal.
 */
export function verifyShareSet(claim: Extract<Claim, { kind: 'share-set' }>): Verdict {
  const total = claim.percents.reduce((t, x) => t.plus(x.value), new Decimal(0));
  const tolerance = claim.percents.reduce((t, x) => t.plus(radiusFor(x.decimals)), new Decimal(0));
  if (claim.total) {
    // the sum the text states: each figure rounded, so within the radii of all of them (closed)
    const bound = tolerance.plus(radiusFor(claim.total.decimals));
    if (total.minus(claim.total.value).abs().lte(bound)) return verdict(claim, 'pass');
    return verdict(claim, 'fail', [
      finding(claim, 'narrative.share-sum', 'share-sum-stated', {
        parts: claim.percents.map((x) => x.text).join(' + '),
        computed: `${total.toFixed()}%`,
        stated: claim.total.text,
        tolerance: `${bound.toFixed()}%`,
      }),
    ]);
  }
  const off = total.minus(100);
  if (!(claim.complete ? off.abs() : off).gt(tolerance)) return verdict(claim, 'pass');
  return verdict(claim, 'fail', [
    finding(claim, 'narrative.share-sum', claim.complete ? 'share-sum' : 'share-sum-over', {
      parts: claim.percents.map((x) => x.text).join(' + '),
      whole: claim.whole ? `「${claim.whole}」` : '同一总数',
      total: `${total.toFixed()}%`,
      tolerance: `${tolerance.toFixed()}%`,
    }),
  ]);
}
