import { Decimal } from 'decimal.js';
import { radiusFor } from '../../money/interval.js';
import type { AmountMention, Claim } from '../claims.js';
import { outlineItems } from '../../util/outline.js';
import { allMatches } from '../../util/matches.js';

type Share = Extract<Claim, { kind: 'share' }>;

/** "占比为 75%", "占比 23%", "比重为 2%": a share that names no whole at all (占 + 比/比重/比例 + 为). */
const IMPLICIT = /^(?:比|比重|比例)(?:为|是|达)?$/u;

/** Whether the words between 占 and a share's percentage name no whole ("", "比", "比重为"). */
export function namesNoWhole(whole: string): boolean {
  return whole === '' || IMPLICIT.test(whole);
}

/**
 * "…用于 A 4.25 亿元，占比为 75%；…用于 B 1.26 亿元，占比为 23%；…用于 C 0.14 亿元，占比为 2%": shares of
 * one paragraph that name no whole, or name one alike that no figure states ("市级 a 亿元，占采购总量的
 * p%；区县级 b 亿元，占采购总量的 q%"), and add up to 100% (within their rounding) say their parts are all
 * of it — the whole is the parts' sum, written nowhere. Each share is then checked against that sum,
 * every part's rounding counted. Nothing is said when the shares do not add up to 100% (the whole may
 * have other parts), when a part is stated twice, or when a 其中 stands between the first and the last
 * (a part of a part shares the whole with its own total). `claims` are one paragraph's, `text` its
 * normalised text.
 */
export function sharesOfTheirSum(claims: Claim[], text: string, stated: ReadonlySet<string> = new Set()): void {
  const groups = new Map<string, Share[]>();
  for (const c of claims) {
    if (c.kind !== 'share') continue;
    // a whole the catalog names ("占全省政府采购规模的 p%") that no table holds and the text states nowhere is as much
    // written nowhere as one it does not name
    const named = 'subject' in c.whole && !c.whole.subject.link && !stated.has(c.whole.subject.id);
    if (!('unknown' in c.whole) && !named) continue;
    const key = 'unknown' in c.whole ? c.whole.unknown.trim() : 'subject' in c.whole ? `${c.whole.text}` : '';
    // "占预算的 p%" is of each item's own budget
    if (BUDGET_ONLY.test(key)) continue;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  for (const [key, group] of groups) {
    // a lone "占 p%" is of the list the paragraph is an item of — three or more in one paragraph adding up to 100% are
    // the shares of their own sum ("甲编列 a，占 p%；乙编列 b，占 q%；丙编列 c，占 r%")
    if (group.length < (key === '' ? 3 : 2)) continue;
    if (partOfPart(group, text)) continue;
    wholeOfParts(group);
  }
}

/**
 * Whether a 其中 between the group's first part and its last opens a sentence that holds a part of the group after it
 * ("甲 a，占 p%，其中：乙 b，占 q%"): that part is a part of a part. A 其中 whose sentence ends before the next part
 * ("货物 a，占 p%。其中，通用设备下降 x%。工程 b，占 q%") breaks nothing down the group holds.
 */
function partOfPart(group: readonly Share[], text: string): boolean {
  const first = group[0] as Share;
  const last = group[group.length - 1] as Share;
  for (const m of allMatches(text.slice(first.part.end, last.part.start), /其中/gu)) {
    const at = first.part.end + m.index;
    const end = text.indexOf('。', at);
    const stop = end < 0 ? text.length : end;
    if (group.some((c) => c.part.start > at && c.part.start < stop)) return true;
  }
  return false;
}

/**
 * When the shares of `group` add up to 100% (within their rounding), each is made a share of the parts'
 * sum — the whole they are all of, written nowhere; nothing is done when a part is stated twice.
 */
function wholeOfParts(group: Share[]): Share['whole'] | undefined {
  // "两项合计占 p%" is the share of its figures together: all of them are parts
  const parts = group.flatMap((c) => c.partSumOf ?? [c.part]);
  if (new Set(parts).size !== parts.length) return undefined;
  let total = new Decimal(0);
  let tolerance = new Decimal(0);
  for (const c of group) {
    total = total.plus(c.percent.value);
    tolerance = tolerance.plus(radiusFor(c.percent.decimals));
  }
  if (total.minus(100).abs().gt(tolerance)) return undefined;
  const first = group[0] as Share;
  const firstPart = parts[0] as AmountMention;
  const lastPart = parts[parts.length - 1] as AmountMention;
  const whole: AmountMention = {
    start: firstPart.start,
    end: lastPart.end,
    value: parts.reduce((s, a) => s.plus(a.value), new Decimal(0)),
    decimals: Math.max(...parts.map((a) => a.decimals)),
    unit: firstPart.unit,
    text: parts.map((a) => a.text).join(' + '),
  };
  const of: Share['whole'] = { list: whole, para: first.para, sumOf: parts };
  for (const c of group) c.whole = of;
  return of;
}

/** An execution rate's wording ("占预算的 92%", "占年初预算 80%"): each item's own budget, no common whole. */
const BUDGET_ONLY = /^(?:年初|全年|调整后?)?预算数?$/u;

/**
 * "（一）教育支出 120 万元，占支出总预算 60%。（二）…占支出总预算 25%。（三）…占支出总预算 15%。": sibling
 * items, one paragraph each at one outline level, each with one share of the same whole that no figure
 * names. When three or more such shares add up to 100% the whole is their parts' sum, as in one paragraph.
 * A paragraph at another outline level, or with another share, ends the run; running text between the
 * items does not. Numbering that starts again at 1 ("——按资金用途" and "1." after "3.") opens a second
 * breakdown of the same whole: its own run, whose shares are of the whole the run before found when they do
 * not make one of their own (the excerpt stops before its last item, or one share is wrong).
 */
export function sharesOfSiblingItems(
  paras: { p: { level: number | undefined; n: { text: string } }; claims: Claim[] }[],
): void {
  let run: Share[] = [];
  let key = '';
  // the whole of the run a restart of the numbering closed
  let before: Share['whole'] | undefined;
  const close = (): Share['whole'] | undefined => {
    const whole = run.length >= 3 ? wholeOfParts(run) : undefined;
    if (!whole && before) for (const c of run) c.whole = before;
    run = [];
    return whole;
  };
  for (const pc of paras) {
    const shares = pc.claims.filter((c): c is Share => c.kind === 'share');
    // running text between the items
    if (pc.p.level === undefined && shares.length === 0) continue;
    const share = shares.length === 1 ? shares[0] : undefined;
    const name = share && 'unknown' in share.whole ? share.whole.unknown.trim() : '';
    const item = share && pc.p.level !== undefined && name !== '' && !IMPLICIT.test(name) && !BUDGET_ONLY.test(name);
    const itemKey = item ? `${pc.p.level}|${name}` : '';
    if (itemKey !== key) {
      close();
      before = undefined;
      key = '';
    } else if (item && run.length > 0 && itemNumber(pc.p.n.text) === 1) before = close();
    if (item && share) {
      key = itemKey;
      run.push(share);
    }
  }
  close();
}

/** The number of the outline item a paragraph opens ("1.", "（1）"), undefined when it opens none. */
function itemNumber(text: string): number | undefined {
  const first = outlineItems(text, 0, Math.min(text.length, 6))[0];
  return first?.at === 0 ? first.n : undefined;
}
