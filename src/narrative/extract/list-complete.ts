import { Decimal } from 'decimal.js';
import { radiusFor } from '../../money/interval.js';
import { hanNumber } from '../../util/outline.js';
import type { Breakdown, CompleteLists } from '../catalog/types.js';
import type { PercentMention } from '../claims.js';
import { allMatches } from '../../util/matches.js';

/** What a prose list says about itself, read where it was found. */
export interface ListWords {
  /** The total's name: the words before its figure, and its subject's label. */
  totalName: string;
  /** From the total's figure to the first item's name: "…，其中货物、工程、服务采购金额分别为". */
  intro: string;
  /** Each item's name: its clause before its figure, and the words back to the item before. */
  names: { clause: string; between: string }[];
  /** Each item's share ("…5 万元，占 62.5%"), when it states one. */
  shares: (PercentMention | undefined)[];
  /** The text right after the last item's figure. */
  after: string;
  /** The items are one breakdown by a classification (按功能分类 / 按经济分类). */
  classified?: boolean;
  /** An item is written as 0: the list goes through its total's rows, an empty one too. */
  zeroItem?: boolean;
}

/** A count as written: 9, 十二, 三十五 or 两 (up to 九十九). */
export function countOf(written: string): number {
  if (/^[0-9]+$/.test(written)) return Number(written);
  if (!/^[一二两三四五六七八九十]{1,3}$/u.test(written)) return Number.NaN;
  const n = hanNumber(written.replace('两', '二'));
  return n > 0 ? n : Number.NaN;
}

/** The part of `b` an item's name names: the one whose match ends last (ties: the longer), in its clause first. */
function partOf(b: Breakdown, name: { clause: string; between: string }): string | undefined {
  for (const text of [name.clause, name.between]) {
    let best: { id: string; end: number; length: number } | undefined;
    for (const part of b.parts)
      for (const m of allMatches(text, part.pattern)) {
        const end = m.index + m[0].length;
        if (!best || end > best.end || (end === best.end && m[0].length > best.length))
          best = { id: part.id, end, length: m[0].length };
      }
    if (best) return best.id;
  }
  return undefined;
}

/** Whether the items name the parts of `b` and nothing else, every part of one of its `need` sets among them. */
function namesBreakdown(b: Breakdown, words: ListWords): boolean {
  if (b.total && !b.total.test(words.totalName)) return false;
  const named = new Set<string>();
  for (const name of words.names) {
    const part = partOf(b, name);
    if (part === undefined) return false;
    named.add(part);
  }
  // a grand total counts the carryover in: its parts this year alone do not make it whole
  if (b.grand?.total.test(words.totalName) && !b.grand.need.some((id) => named.has(id))) return false;
  if (b.need.length === 0) return named.size >= 2;
  return b.need.some((set) => set.every((id) => named.has(id)));
}

/** The breakdown of the catalog whose parts, and nothing else, the names name (every part of one of its `need` sets). */
export function breakdownNamed(spec: CompleteLists, totalName: string, names: ListWords['names']): string | undefined {
  const words: ListWords = { totalName, intro: '', names, shares: [], after: '' };
  return spec.breakdowns.find((b) => namesBreakdown(b, words))?.id;
}

/**
 * "…公务用车购置及运行费 T，其中：购置费 a；运行费 b" inside an item of an outer list, where the inner list's end is not
 * written: the fewest leading items (two or more) that name every part of a known breakdown of the total. The inner list
 * runs at least that far — an item named as another part of the total's own breakdown is that total's part, never the
 * outer list's next item. Undefined when no leading items do.
 */
export function leastNamingBreakdown(
  spec: CompleteLists,
  totalName: string,
  names: ListWords['names'],
): number | undefined {
  for (let k = 2; k <= names.length; k += 1)
    if (breakdownNamed(spec, totalName, names.slice(0, k)) !== undefined) return k;
  return undefined;
}

/**
 * The breakdown of the total (one the catalog names by the total's words) every one of whose parts, and nothing else, the
 * names name: no part of it is left out, however small ("购置及运行维护费 T，其中：购置费 a；运行维护费 b").
 */
export function everyPartNamed(spec: CompleteLists, totalName: string, names: ListWords['names']): string | undefined {
  return spec.breakdowns.find((b) => {
    if (!b.total?.test(totalName)) return false;
    const named = names.map((n) => partOf(b, n));
    return named.every((x) => x !== undefined) && b.parts.every((x) => named.includes(x.id));
  })?.id;
}

/** A name that calls its figure a whole: 总预算, 总计, 合计, 收支. */
const WHOLE_NAMED = /总|合计|收支/u;

/**
 * "分项情况是：…；公务用车购置及运行费 T，其中：公务用车购置费 a；公务接待费 b" — a list inside an outer list's item whose
 * total is one part of a known breakdown with a whole of its own (用车 of 三公, 人员经费 of 基本支出): an item naming another
 * part of that breakdown (接待) is the outer list's next item, never the inner list's. How many leading items are the
 * inner list's own: all of them when no later one names such a sibling. (A total that is that breakdown's whole, such as
 * 公务用车购置及运行费 for 购置 and 运行, is no part of it.)
 */
export function itemsBeforeSibling(spec: CompleteLists, totalName: string, names: ListWords['names']): number {
  // a total named as a whole ("财政拨款收支总预算", "收入合计") is no part of anything, whatever words name its kind
  if (WHOLE_NAMED.test(totalName)) return names.length;
  for (const b of spec.breakdowns) {
    if (!b.total || b.total.test(totalName)) continue;
    const own = partOf(b, { clause: totalName, between: '' });
    if (own === undefined) continue;
    const k = names.findIndex((name, i) => {
      const part = i > 0 ? partOf(b, name) : undefined;
      return part !== undefined && part !== own;
    });
    if (k > 0) return k;
  }
  return names.length;
}

/**
 * "公务接待费 65.70 万元。其中：涉外的公务接待费 14.00 万元，其他公务接待费 51.70 万元": a last item that is
 * the rest of the total's own kind (其他/其余 and words of the total's name) closes the list. The class
 * 其他支出 (其他收入) among a government's classes is a class of its own, not the rest.
 */
function restCloses(words: ListWords): boolean {
  const last = words.names[words.names.length - 1];
  if (!last) return false;
  const rest = /(?:其他|其它|其余|剩余)(?!支出|收入)([^，；。、：0-9]{2})/u.exec(last.between);
  if (rest !== null && words.totalName.includes(rest[1] as string)) return true;
  // "…、交通运输支出 a、科学技术及其他支出 b": one class and all the others, written as the last item
  if (/及其[他它]支出$/u.test(last.clause.replace(/(?:为|是|共计|合计|：)+$/u, ''))) return true;
  // "其中：资本性支出 a；费用性支出 b；其他支出 c": 其他支出 after kinds that are no government class is the rest
  return (
    /^(?:其他|其它)支出(?:为|是|共计|合计|：)*$/u.test(last.clause.trim()) &&
    words.names.length >= 2 &&
    words.names.slice(0, -1).every((n) => /支出/u.test(n.clause) && !GOVERNMENT_CLASS.test(n.clause))
  );
}

/** A government's functional class among a list's items: beside them 其他支出 is a class of its own, not the rest. */
const GOVERNMENT_CLASS =
  /一般公共服务|外交|国防|公共安全|教育|科学技术|文化|体育|社会保障|就业|卫生|医疗|节能环保|城乡社区|农林水|交通运输|资源勘探|工业信息|商业服务|金融|援助其他地区|自然资源|海洋气象|住房保障|粮油物资|灾害防治|应急管理|债务付息|债务发行|转移性/u;

/**
 * "…三公经费 A 亿元。其中，公务用车… a1 亿元，因公出国（境）费… a2 万元，此外，公务接待费约为 a3 亿元": the clause
 * after 此外 names one more part of a known breakdown of the total, one whose other parts the list named before
 * it — it goes on with the list, not beside it.
 */
export function asideNamesSibling(spec: CompleteLists, totalName: string, listed: string, asideName: string): boolean {
  return spec.breakdowns.some((b) => {
    if (b.total && !b.total.test(totalName)) return false;
    const part = partOf(b, { clause: asideName, between: asideName });
    if (part === undefined) return false;
    // a carryover is a part of the grand total (支出总计) only: beside 支出合计's parts it stands apart
    if (b.grand?.need.includes(part) && !b.grand.total.test(totalName)) return false;
    return b.parts.some((x) => x.id !== part && listed.search(x.pattern) >= 0);
  });
}

/** Whether every item states a share and the shares add up to 100% within their written precision. */
export function sharesMakeWhole(shares: (PercentMention | undefined)[]): boolean {
  if (shares.length < 2 || shares.some((p) => p === undefined)) return false;
  let total = new Decimal(0);
  let slack = new Decimal(0);
  for (const p of shares as PercentMention[]) {
    total = total.plus(p.value);
    slack = slack.plus(radiusFor(p.decimals));
  }
  return total.minus(100).abs().lte(slack);
}

/**
 * Whether a list of two or more figures names every part of its total, so that they must add up to it;
 * otherwise it names some parts only and must just not exceed it. Complete: the words before its first
 * item say so (分别为, a count of as many parts), its shares add up to 100%, it is a breakdown by a
 * classification, its last item is the rest (其他…), or its items name the parts of a known breakdown (claims.yaml completeLists). Never
 * when 等 closes it ("…住房保障支出 6033 万元等"). The count of items alone decides nothing.
 */
export function listIsComplete(spec: CompleteLists, words: ListWords): boolean {
  const why = completeness(spec, words);
  return why !== 'some' && why !== 'unknown';
}

/**
 * "全县教育经费总投入为 A 万元…其中：国家财政性教育经费 a 万元，一般公共预算教育经费 b 万元": items that are each
 * a kind of the total's own noun (…教育经费 under 教育经费总投入) may be cuts that overlap (b is part of a), as a
 * statistics bulletin's 其中 lists them: of a list that names some parts only, each item must not exceed the
 * total, their sum may.
 */
export function mayOverlap(words: ListWords): boolean {
  const core = words.totalName.replace(
    /(?:总投入|总支出|总收入|总额|总量|总计|合计|总数|共计|累计|规模|为|是|达|共)+：?$/u,
    '',
  );
  const head = core.slice(-4);
  if ([...head].length < 4) return false;
  // cuts by level (中央本级 + 地方, 市级 + 区县) never overlap
  if (words.names.some((n) => /中央|地方|本级|[省市县区镇乡][级本]/u.test(n.clause))) return false;
  return words.names.every((n) => n.clause.replace(/(?:为|是|达|共计|合计)+：?$/u, '').endsWith(head));
}

/**
 * Why a list is complete or not: 'some' (等 closes it), 'unknown' (nothing says it is whole), or what says it
 * is: 'whole', 'count', 'classified', 'rest', 'shares', the id of the breakdown its items name, or 'rows'.
 */
export function completeness(spec: CompleteLists, words: ListWords): string {
  if (spec.some.test(words.after)) return 'some';
  if (spec.whole.test(words.intro)) return 'whole';
  const count = spec.count.exec(words.intro);
  if (count?.groups?.n !== undefined && countOf(count.groups.n) === words.names.length) return 'count';
  if (words.classified) return 'classified';
  if (restCloses(words)) return 'rest';
  if (sharesMakeWhole(words.shares)) return 'shares';
  const named = spec.breakdowns.find((b) => namesBreakdown(b, words))?.id;
  if (named !== undefined) return named;
  // "其中：一般公共服务支出 0 万元，教育支出 a 万元，…": a list that writes a part with nothing in it names the
  // parts as its table's rows stand, every one (a list of the main parts only leaves the empty ones out)
  return words.zeroItem ? 'rows' : 'unknown';
}

/**
 * "生产总值 T，其中，第一产业增加值 a，增长 r，实现农林牧渔业总产值 x；第二产业增加值 b；第三产业增加值 c" and "…第二产业
 * 增加值 b，规模以上工业增加值 y；…": the items that name the parts of a known breakdown — every part of one of its `need`
 * sets, each once — with the others each standing in the ；-segment of a part named before it. Those others are that
 * part's details (a figure of another kind, or a piece of the part), not parts of the total: the indices of the parts
 * to keep, or undefined when the items are not so written — each part opening a ；-segment, three parts or more. `gaps[k]` is the text between item k − 1 and item k.
 */
export function partsAmidDetails(spec: CompleteLists, words: ListWords, gaps: string[]): number[] | undefined {
  for (const b of spec.breakdowns) {
    // (three parts or more: two named parts with figures between them are as likely a list of more sources)
    if (!b.need.some((set) => set.length >= 3) || (b.total && !b.total.test(words.totalName))) continue;
    // an item's own clause names its part (the words back to the item before belong to that item's clause)
    const parts = words.names.map((n) => partOf(b, { clause: n.clause, between: n.clause }));
    const kept = parts.flatMap((p, k) => (p === undefined ? [] : [k]));
    if (kept.length === parts.length || kept[0] !== 0) continue;
    const named = kept.map((k) => parts[k] as string);
    if (new Set(named).size !== named.length) continue;
    if (!b.need.some((set) => set.length >= 3 && set.every((id) => named.includes(id)))) continue;
    // each part opens a ；-segment of its own
    if (kept.some((k) => k > 0 && !/；/u.test(gaps[k] ?? ''))) continue;
    // every other item follows a part in that part's ；-segment
    const inSegment = parts.every((p, k) => {
      if (p !== undefined) return true;
      let j = k;
      while (j > 0 && parts[j] === undefined) {
        if (/[；。]/u.test(gaps[j] ?? '；')) return false;
        j -= 1;
      }
      return parts[j] !== undefined;
    });
    if (inSegment) return kept;
  }
  return undefined;
}

/**
 * "一般公共预算支出 T，其中：民生支出 a，占 R%，教育支出 b，卫生健康支出 c": an aggregate of many classes (民生, 重点, 刚性支出)
 * among the items holds the classes named beside it — the items overlap, and need not be every part.
 */
const AGGREGATE = /(?:民生|重点|刚性|保障性)(?:领域|类|方面)?(?:支出|投入|资金)/u;

export function aggregateAmong(words: ListWords): boolean {
  return words.names.length > 1 && words.names.some((n) => AGGREGATE.test(n.clause));
}
