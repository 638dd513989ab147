import type { AmountMention, Claim } from '../claims.js';
import { namesNoWhole } from './implicit-whole.js';
import { flowOf } from './lists.js';
import { sentenceAt } from './para.js';
import { levels, prefixOf, type ParaState } from './state.js';

/**
 * A whole named only as "the total" of what is listed: "占总支出的", "占全部支出的", "占总支出决算的",
 * "占支出总额的" — also as the unit's own ("占部门支出总额的", "占本单位预算总支出的").
 */
const GENERIC =
  /^(?:(?:本|我|该)?(?:部门|单位))?(?:(?:决算|预算)?(?:总|全部)(?:支出|收入)?(?:决算|预算)?(?:数|额|金额)?|(?:支出|收入)(?:决算|预算)?(?:总额|总数))$/u;

/** What follows a whole's name before its percentage: "…的", "…的比重为". */
const TAIL = /(?:的)?(?:比重|比例|占比)?(?:为|是|达)?$/u;

/**
 * Whether a share's whole, named `whole` after 占, is the total of the list its part is an item of,
 * written before the list cue with `totalPrefix` ("政府采购预算 A 元，其中：政府集中采购预算 a 元，占政府采购
 * 预算的 P%"): a generic name of the same kind (收入/支出), or the total's own name as written before it.
 */
export function namesListTotal(whole: string, totalPrefix: string): boolean {
  const name = whole.replace(TAIL, '');
  if (GENERIC.test(name)) {
    const flow = flowOf(name);
    return flow === undefined || flowOf(totalPrefix) === undefined || flowOf(totalPrefix) === flow;
  }
  return name.length >= 4 && totalPrefix.replace(/(?:为|是|共计|合计|总计|达|安排)+：?$/u, '').endsWith(name);
}

/**
 * "其中：…5 万元，占 62.5%；…" (or "占比 62.5%"): an item's share without a named whole is of the list's total; so is
 * one whose whole is named as that total ("占总支出决算的", or the total's own name) — of the total or
 * of any other figure the list may add up to ("年初预算为 A 元，支出决算为 A 元。其中：…"): the share
 * holds when it holds for one of them.
 */
export function listWholes(s: ParaState, lists: Claim[], shares: Claim[]): void {
  // the shares by their part, so that a list looks at its own items' shares only
  const byPart = new Map<AmountMention, Claim[]>();
  for (const c of shares) {
    if (c.kind !== 'share') continue;
    const list = byPart.get(c.part) ?? [];
    list.push(c);
    byPart.set(c.part, list);
  }
  for (const list of lists) {
    if (list.kind !== 'list') continue;
    const items = new Set(list.items.map((i) => i.amount));
    for (const c of [...items].flatMap((a) => byPart.get(a) ?? [])) {
      if (c.kind !== 'share' || !('unknown' in c.whole)) continue;
      // the list's total is the last level before its cue, which may be a budget standing between
      // ("支出决算为 A 万元，完成全年预算 B 万元的 R%。其中：…占 P%"): the other levels of that
      // sentence stay possible wholes either way
      // "…194.44 万元，占比 99.25%" names no whole either: 占比 is the share's own word
      if (namesNoWhole(c.whole.unknown) || namesListTotal(c.whole.unknown, prefixOf(s, list.total.start)))
        c.whole = { list: list.total, para: s.p.para, alternatives: list.alternatives ?? [] };
    }
  }
  breakdownWholes(s, lists, shares);
  leadWholes(s, shares);
}

/** A sentence that opens another breakdown of the same total: "按支出功能分类：", "按经济分类，". */
const ANOTHER_BREAKDOWN =
  /^[（(]?[0-9一二三四五六七八九十]*[）)、.]?按(?:支出)?(?:功能|经济|部门预算经济|政府预算经济)分类/u;

/**
 * "部门预算支出 A 万元。其中：基本支出 a，占总支出的 p；项目支出 b，占总支出的 q。按支出功能分类：教育 c，占总支出
 * 的 r；…": the sentence after a list that opens another breakdown of its total names the same whole, though its
 * figures are no items of that list.
 */
function breakdownWholes(s: ParaState, lists: Claim[], shares: Claim[]): void {
  const text = s.p.n.text;
  for (const c of shares) {
    if (c.kind !== 'share' || !('unknown' in c.whole) || c.whole.unknown === '') continue;
    const sentence = sentenceAt(s.p, c.part.start);
    if (!ANOTHER_BREAKDOWN.test(text.slice(sentence.start, c.part.start))) continue;
    // the last list ending before this sentence
    let list: Extract<Claim, { kind: 'list' }> | undefined;
    for (const l of lists) if (l.kind === 'list' && l.items.every((i) => i.amount.end <= sentence.start)) list = l;
    if (!list || !namesListTotal(c.whole.unknown, prefixOf(s, list.total.start))) continue;
    c.whole = { list: list.total, para: s.p.para, alternatives: list.alternatives ?? [] };
  }
}

/**
 * A generic name of the whole a 其中 part is of, its period written too ("占全年总收入的", "占全部财政支出的比重为"):
 * the total before 其中, as GENERIC names it.
 */
const LEAD_GENERIC =
  /^(?:全年|本年度?|当年)?(?:(?:总|全部)(?:财政)?(?:支出|收入)(?:决算|预算)?(?:数|额|金额)?|(?:支出|收入)(?:决算|预算)?(?:总额|总数))$/u;

/**
 * "全省财政支出 T 亿元，增长 r%。其中，用于民生的支出 a 亿元，占全部财政支出的比重为 p%", "收入 T 万元，…。其中：1、地方
 * 收入 a 万元，占全年总收入的 p%；": the first figure after 其中 shares, by a generic name of its flow, the whole that
 * 其中 breaks down — the last level before 其中 in its sentence or the one before, named that flow (or none), when no
 * list was read to give it (one item only, or the excerpt ends).
 */
function leadWholes(s: ParaState, shares: Claim[]): void {
  const text = s.p.n.text;
  for (const c of shares) {
    if (c.kind !== 'share' || !('unknown' in c.whole)) continue;
    const name = c.whole.unknown.replace(TAIL, '');
    if (!LEAD_GENERIC.test(name) && !GENERIC.test(name)) continue;
    const sentence = sentenceAt(s.p, c.part.start);
    const lead = text.slice(sentence.start, c.part.start);
    const at = lead.lastIndexOf('其中');
    if (at < 0) continue;
    // the part is the first figure after 其中, in the first clause after it
    const after = lead.slice(at + 2);
    if (
      !/^[：:，,]?(?:[0-9一二三四五六七八九十]+[、.．]|[（(][0-9一二三四五六七八九十]+[）)])?[^，。；：0-9%]*$/u.test(
        after,
      )
    )
      continue;
    const cueAt = sentence.start + at;
    const from =
      at > 0 ? sentence.start : sentence.start > 0 ? sentenceAt(s.p, sentence.start - 1).start : sentence.start;
    const before = levels(s).filter((a) => a.start >= from && a.end <= cueAt);
    const total = before[before.length - 1];
    if (!total || total === c.part) continue;
    const flow = flowOf(name);
    const own = flowOf(prefixOf(s, total.start));
    if (flow !== undefined && own !== undefined && own !== flow) continue;
    c.whole = { list: total, para: s.p.para };
  }
}
