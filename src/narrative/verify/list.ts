import { type Approx, compareEq, compareLe, sum } from '../../money/interval.js';
import { basesFinding, pinnedFinding } from './change-bases.js';
import { finding, otherParas, shownLike, verdict } from './common.js';
import { type AmountMention, type Claim, type ListReading, mentionApprox, printedZeros } from '../claims.js';
import type { Verdict } from './types.js';

type ListClaim = Extract<Claim, { kind: 'list' }>;

/** What an item's own breakdown is called in a finding. */
const NESTED = '某一项自带的明细（含、包括、其中）';

const WHAT: Record<string, string> = {
  breakdown: '“其中”所列各项',
  'its-parts': '“其……分别为”所列各项',
  by: '“按……分”“分……看”所列各项',
  grand: '总计的各组成行（本年收支、结转和结余等）',
  outline: '其下逐段编号所列各项',
  namely: '“主要是”“包括”“主要项目”所列各项',
  itemised: '“分项情况是”所列各项',
  'made-of': '“由……组成”所列各部分',
  uses: '“主要用于”所列各项',
  flows: '“收入包括”“支出包括”所列各项',
  'rate-budgets': '各科目年初预算数',
  'rate-actuals': '各科目支出决算数',
  savings: '实际（审定）金额与节约（审减）金额',
  plus: '本级数与“加上”所列各项',
  labelled: '其下各项以同一名称写出的数',
  split: '“分配给”“分别用于”“分为”所列各份',
  summed: '“合计”之前所列各项',
  difference: '其前两数中较小的一个与所写的差值',
  'net-assets': '负债与净资产（资产 = 负债 + 净资产）',
  'kind-of': '以收入名称加破折号或括号写出的其中一类新增资金',
};

/** The items' sum against the total as the claim compares them: equal, at most, or at least the total. */
function against(claim: ListClaim, equal: boolean, items: Approx, total: Approx): ReturnType<typeof compareEq> {
  if (equal) return compareEq(items, total);
  return claim.compare === 'at-least' ? compareLe(total, items) : compareLe(items, total);
}

/** The items' intervals, an item printed as 0 read at the precision of the figures beside it (printedZeros). */
function itemsBeside(total: AmountMention, items: AmountMention[]): Approx[] {
  return printedZeros([total, ...items])
    .slice(1)
    .map(mentionApprox);
}

/** Whether items read as the list's parts hold against its total (or one of the figures that may be it). */
function holds(claim: ListClaim, list: ListClaim['items']): boolean {
  // a reading with no item lists nothing; one with a single item says that item does not exceed the total
  if (list.length === 0) return true;
  const equal = claim.compare === 'equal' && (list.length > 1 || claim.sole === true);
  const parts = itemsBeside(
    claim.total,
    list.map((i) => i.amount),
  );
  const items = sum(parts);
  const total = mentionApprox(claim.total);
  // which figure before the cue is the total is not certain: a list that adds up to any of them holds
  // (a single item under the figure right before its 其中 is that figure's part: no other candidate)
  const others = equal ? (claim.alternatives ?? []) : [];
  const candidates = [claim.total, ...others].map(mentionApprox);
  const fitsOne = (s: Approx) => candidates.some((t) => against(claim, equal, s, t).consistent);
  if (fitsOne(items)) return true;
  // a level and its change per item: each column adds up to one of the figures before the cue
  const k = claim.columns;
  if (
    k &&
    Array.from({ length: k }, (_, c) => list.filter((_, i) => i % k === c)).every((column) =>
      fitsOne(sum(column.map((i) => mentionApprox(i.amount)))),
    )
  )
    return true;
  // a list that need not name every part is wrong only when its parts exceed the total, or when an
  // item written in another unit ("教育支出 29104 元" among 万元) makes the sum exactly when read in the total's
  const slip = compareEq(
    sum(list.map((i) => mentionApprox({ ...i.amount, unit: claim.total.unit }))),
    total,
  ).consistent;
  if (claim.partial && !slip && candidates.some((t) => compareLe(items, t).consistent)) return true;
  // items that may overlap (cuts of the total's own noun): each alone must not exceed the total
  if (claim.overlapping && parts.every((x) => candidates.some((t) => compareLe(x, t).consistent))) return true;
  // "收入 A 万元，其中：税收 a 万元；非税 b 万元；政府性基金预算收入 c 万元": when the first items
  // already make the total, the list ended there and the rest are figures of their own (not when every
  // item names a part of the total: "三公 11.52，其中：出国 0，接待 11.52，用车 35" is a wrong list). A last item named as
  // the rest ("…事业收入 b，其他收入 c") is the total's part too — unless the rest add up to one of the first items,
  // whose own breakdown they are ("…基本支出 b；基本支出中医疗支出 b1，…，其他支出 b3")
  if (equal && !claim.listId.startsWith('changes:') && !claim.namesParts && !claim.closed) {
    // the sums of the first k items, added in order once (not once per k)
    let running = sum([]);
    for (let n = 1; n < parts.length; n += 1) {
      running = sum([running, parts[n - 1] as Approx]);
      if (n < 2 || !compareEq(running, total).consistent) continue;
      const rest = sum(parts.slice(n));
      if (!claim.restLast || parts.slice(0, n).some((x) => compareEq(rest, x).consistent)) return true;
    }
  }
  return false;
}

/** An item's own breakdown that stays within the item it breaks down. */
function withinItem(n: ListReading['nested'][number]): boolean {
  return compareLe(sum(n.parts.map(mentionApprox)), mentionApprox(n.parent)).consistent;
}

/** A reading whose breakdowns each stay within the item they break down. */
function possible(reading: ListReading): boolean {
  return reading.nested.every(withinItem);
}

/**
 * n.list-sum: the listed amounts add up to the stated total (a single "其中" item must not exceed it). When
 * the text may be read several ways (items with breakdowns of their own, a list whose end is not written),
 * it is wrong only when no reading holds.
 */
export function verifyList(claim: ListClaim): Verdict {
  // the likely reading fails: the certain one beside it, when it fails too, is the finding (an error)
  const { certain, ...likely } = claim;
  if (certain) {
    const own = verifyList(likely);
    if (own.outcome !== 'fail') return own;
    const sure = verifyList(certain);
    return sure.outcome === 'fail' ? sure : own;
  }
  const readings = claim.readings ?? [{ items: claim.items, nested: [] }];
  if (readings.some((r) => possible(r) && holds(claim, r.items))) {
    // the changes add up; the bases they imply may still not fit in the total's
    const bases = basesFinding(claim) ?? pinnedFinding(claim);
    return bases ? verdict(claim, 'fail', [bases]) : verdict(claim, 'pass');
  }
  const wrong = shownWrong(claim, readings);
  const items = sum(itemsBeside(wrong.total, wrong.parts));
  const total = mentionApprox(wrong.total);
  const result = against(claim, wrong.equal, items, total);
  const changes = claim.listId.startsWith('changes:');
  // the sums are worked in 万元; the message gives them, and each item, in the unit the total is written in
  const shown = shownLike(wrong.total);
  // parts left unstated (nil this year, so they can only have decreased) bound the total's change by the
  // stated parts' sum — the message says which way: at most their signed sum, or a decrease at least theirs
  const bound = changes && !wrong.equal && claim.compare !== 'equal';
  return verdict(claim, 'fail', [
    finding(
      claim,
      claim.usualOnly || claim.silentParts || claim.noneParts
        ? 'narrative.change-sum-usual'
        : changes
          ? 'narrative.change-sum'
          : 'narrative.list-sum',
      claim.noneParts
        ? 'change-sum-none'
        : claim.silentParts
          ? 'change-sum-silent'
          : claim.usualOnly
            ? 'change-sum-usual'
            : bound
              ? 'change-sum-bound'
              : changes
                ? 'change-sum'
                : 'list-sum',
      {
        ...(claim.silentParts ? { silent: claim.silentParts } : {}),
        ...(claim.noneParts ? { none: claim.noneParts } : {}),
        ...(claim.usualOnly
          ? {
              stated: (claim.usualParts ?? []).join('、'),
              together: (claim.usualParts ?? []).length === 2 ? '两者合计' : '合计',
              others: (claim.unusualParts ?? []).join('、'),
            }
          : {}),
        ...(bound
          ? claim.compare === 'at-most'
            ? { change: '减少额', limit: '至少' }
            : { change: '变动额', limit: '至多' }
          : {}),
        what: wrong.what,
        name: claim.totalSubject?.label ?? claim.totalName ?? '',
        items: wrong.parts.map((a) => shown(mentionApprox(a).value)).join(' + '),
        actual: shown(items.value),
        expected: shown(total.value),
        total: wrong.total.text,
        difference: shown(result.difference),
        tolerance: shown(result.tolerance),
        count: String(wrong.parts.length),
      },
      otherParas(claim, [claim.totalPlace, ...claim.items.map((i) => i.para)]),
    ),
  ]);
}

/**
 * What a finding shows of a list no reading of which holds: when the likeliest reading's items add up and it is
 * an item's own breakdown that exceeds the item, that breakdown; else the items of the possible reading that
 * takes the most figures into breakdowns (each as large as its item allows) against the total.
 */
function shownWrong(
  claim: ListClaim,
  readings: ListReading[],
): { parts: AmountMention[]; total: AmountMention; equal: boolean; what: string } {
  const likeliest = readings[0] as ListReading;
  const over = likeliest.nested.find((n) => !withinItem(n));
  if (over && likeliest.items.length > 1 && holds(claim, likeliest.items))
    return { parts: over.parts, total: over.parent, equal: false, what: NESTED };
  const taken = (r: ListReading) => r.nested.reduce((n, x) => n + x.parts.length, 0);
  const shown =
    readings
      .filter(possible)
      .reduce<ListReading | undefined>((best, r) => (!best || taken(r) > taken(best) ? r : best), undefined) ??
    likeliest;
  return {
    parts: shown.items.map((i) => i.amount),
    total: claim.total,
    equal: claim.compare === 'equal' && (shown.items.length > 1 || claim.sole === true),
    what:
      claim.column !== undefined
        ? `表格第 ${claim.column.number} 栏「${claim.column.name}」各行`
        : claim.listId === 'summed' && claim.totalName
          ? `“${claim.totalName}”之前所列各项`
          : (WHAT[claim.listId] ?? `${claim.totalSubject?.label ?? ''}的组成部分`),
  };
}
